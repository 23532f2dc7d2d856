// /api/v1/blobs: content-addressed blobs, uploaded in resumable chunks (docs/sync-protocol.md "Blobs").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BLOB_CHUNK } from '../../../src-shared/sync/protocol';
import { sha256HexSchema } from '../../../src-shared/sync/records';
import { HubError } from '../errors';
import { blobStatus, casesNaming, putBlobChunk, readBlob } from '../sync/blobs';
import { canReadCase } from '../sync/scope';
import type { HubContext } from './context';
import { ANY_ROLE, requireRole, sessionOf } from './authorize';
import { parseInput } from './validate';

const OCTETS = 'application/octet-stream';
const blobParams = z.strictObject({ sha256: sha256HexSchema });
const putQuery = z.strictObject({
  offset: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  size: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

/** The raw body of an octet-stream route, or a 415. */
export function octets(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (request.body === undefined || request.body === null) return Buffer.alloc(0);
  throw new HubError(415, 'unsupported-media-type', `send Content-Type: ${OCTETS}`);
}

export function blobRoutes(app: FastifyInstance, hub: HubContext): void {
  void app.register(async (scope) => {
    // Raw bytes, for these routes only; at most one chunk per request.
    scope.addContentTypeParser(OCTETS, { parseAs: 'buffer', bodyLimit: BLOB_CHUNK }, (_request, body, done) => done(null, body));
    const anyone = { preHandler: requireRole(hub, ANY_ROLE) };

    scope.get('/blobs/:sha256/status', anyone, async (request) => {
      const { sha256 } = parseInput(blobParams, request.params);
      return blobStatus(hub.store, sha256);
    });

    scope.put('/blobs/:sha256', { ...anyone, bodyLimit: BLOB_CHUNK }, async (request) => {
      const { sha256 } = parseInput(blobParams, request.params);
      const { offset, size } = parseInput(putQuery, request.query);
      const session = sessionOf(request);
      return putBlobChunk(hub.store, { sha: sha256, offset, size, bytes: octets(request) }, { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    });

    // Served to the office, and to a device that may read a case naming the blob; others get the same
    // 404 as for an absent blob (no oracle for what others photographed).
    scope.get('/blobs/:sha256', { preHandler: requireRole(hub, ANY_ROLE, 'read') }, async (request, reply) => {
      const { sha256 } = parseInput(blobParams, request.params);
      const session = sessionOf(request);
      if (session.user.role !== 'office') {
        const cases = await casesNaming(hub.store, sha256);
        if (!cases.some((c) => canReadCase(session, c))) throw new HubError(404, 'not-found', `no blob ${sha256}`);
      }
      const bytes = await readBlob(hub.store, sha256);
      if (!bytes) throw new HubError(404, 'not-found', `no blob ${sha256}`);
      return reply.type(OCTETS).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  });
}
