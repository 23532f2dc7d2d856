// /api/v1/case-files: the office merges a .tcase file a device exported (docs/sync-protocol.md "Case files").
import type { FastifyInstance } from 'fastify';
import { importCaseFile } from '../sync/caseFiles';
import type { HubContext } from './context';
import { OFFICE, requireRole, sessionOf } from './authorize';
import { octets } from './blobRoutes';

/** Largest case file accepted over HTTP (the CLI reads bigger ones from disk). */
export const CASE_FILE_BODY_LIMIT = 64 * 1024 * 1024;

export function caseFileRoutes(app: FastifyInstance, hub: HubContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: CASE_FILE_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post('/case-files', { preHandler: requireRole(hub, OFFICE), bodyLimit: CASE_FILE_BODY_LIMIT }, async (request) => {
      const session = sessionOf(request);
      return importCaseFile(hub.store, octets(request), { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    });
  });
}
