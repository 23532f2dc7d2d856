// /api/v1/office-keys and /api/v1/documents/seal: the office's public keys for every device (to verify
// offline) and the signing of documents (src-main/hub/seal/).
import type { FastifyInstance } from 'fastify';
import { publicKeyPem } from '../../../src-shared/seal/officeKey';
import { HubError } from '../errors';
import { activeKey, listOfficeKeys } from '../seal/officeKeys';
import { sealDocument, sealRequestSchema } from '../seal/sealedDocuments';
import type { HubContext } from './context';
import { ANY_ROLE, requireRole, sessionOf } from './authorize';
import { parseInput } from './validate';

function sealKeyOf(hub: HubContext): Uint8Array {
  if (!hub.sealKey) throw new HubError(503, 'seal-unavailable', 'this hub was started without a seal key: documents cannot be signed');
  return hub.sealKey;
}

export function sealRoutes(app: FastifyInstance, hub: HubContext): void {
  // Public keys only; the key in force is made here the first time a device asks.
  app.get('/office-keys', { preHandler: requireRole(hub, ANY_ROLE, 'read') }, async (request) => {
    const session = sessionOf(request);
    if (hub.sealKey) await activeKey(hub.store, hub.sealKey, { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    const keys = await listOfficeKeys(hub.store);
    return { keys: keys.map((k) => ({ fingerprint: k.fingerprint, pem: publicKeyPem(k), createdAt: k.createdAt, retiredAt: k.retiredAt })) };
  });

  app.post('/documents/seal', { preHandler: requireRole(hub, ANY_ROLE) }, async (request) => {
    const body = parseInput(sealRequestSchema, request.body);
    return sealDocument(hub.store, sealKeyOf(hub), sessionOf(request), body, hub.now());
  });
}
