// /api/v1 routes for pairing, enrollment, revocation and the caller's own account.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createPairingCode, enrollDevice, revokeDevice } from '../accounts/devices';
import { addUser, checkPassword, newUserSchema, userFromRow } from '../accounts/users';
import { HubError } from '../errors';
import { writeTransaction } from '../store/writeTransaction';
import type { HubContext } from './context';
import { ANY_ROLE, OFFICE, requireRole, sessionOf } from './authorize';
import { parseInput } from './validate';

const pairingBody = z.strictObject({ username: z.string().min(1).max(64) });
const enrollBody = z.strictObject({ code: z.string().min(8).max(16), deviceName: z.string().trim().min(1).max(100) });
const loginBody = z.strictObject({ password: z.string().min(1).max(1024) });
const deviceParams = z.strictObject({ id: z.uuid() });

export function accountRoutes(app: FastifyInstance, hub: HubContext): void {
  app.post('/pairing-codes', { preHandler: requireRole(hub, OFFICE) }, async (request, reply) => {
    const { username } = parseInput(pairingBody, request.body);
    const session = sessionOf(request);
    const pairing = await createPairingCode(hub.store, username, { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    return reply.status(201).send(pairing);
  });

  // Public: the pairing code is the credential.
  app.post('/devices/enroll', async (request, reply) => {
    const { code, deviceName } = parseInput(enrollBody, request.body);
    const enrollment = await enrollDevice(hub.store, code, deviceName, hub.now());
    return reply.status(201).send(enrollment);
  });

  app.post('/devices/:id/revoke', { preHandler: requireRole(hub, OFFICE) }, async (request) => {
    const { id } = parseInput(deviceParams, request.params);
    const session = sessionOf(request);
    const result = await revokeDevice(hub.store, id, { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    hub.sessions.forgetDevice(id);
    return { deviceId: id, ...result };
  });

  // The user of this device proves who they are; the laptop then keeps an offline verifier.
  app.post('/login', { preHandler: requireRole(hub, ANY_ROLE), config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request) => {
    const { password } = parseInput(loginBody, request.body);
    const session = sessionOf(request);
    const user = await checkPassword(hub.store, session.user.username, password);
    const at = hub.now();
    await writeTransaction(hub.store, { userId: session.user.id, deviceId: session.deviceId }, at, (w) =>
      w.audit({ action: user ? 'login' : 'login.failed', subject: `user:${session.user.id}` }),
    );
    if (!user) throw new HubError(401, 'bad-credentials', 'the password is wrong');
    return { ok: true };
  });

  app.post('/users', { preHandler: requireRole(hub, OFFICE) }, async (request, reply) => {
    const input = parseInput(newUserSchema.strict(), request.body);
    const session = sessionOf(request);
    const user = await addUser(hub.store, input, { userId: session.user.id, deviceId: session.deviceId }, hub.now());
    return reply.status(201).send(user);
  });

  app.get('/users', { preHandler: requireRole(hub, OFFICE) }, async () => {
    const rows = await hub.store.query<Parameters<typeof userFromRow>[0]>('SELECT id, username, display_name, role, district, cert_no FROM users ORDER BY username');
    return { users: rows.map(userFromRow) };
  });

  app.get('/devices', { preHandler: requireRole(hub, OFFICE) }, async () => {
    const rows = await hub.store.query<{ id: string; name: string; username: string; enrolled_at: Date | string; revoked_at: Date | string | null; last_mutation_id: unknown }>(
      `SELECT d.id, d.name, u.username, d.enrolled_at, d.revoked_at, d.last_mutation_id::text AS last_mutation_id
         FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.enrolled_at`,
    );
    const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
    return { devices: rows.map((r) => ({ id: r.id, name: r.name, username: r.username, enrolledAt: iso(r.enrolled_at), revokedAt: iso(r.revoked_at), lastMutationId: Number(r.last_mutation_id) })) };
  });

  app.get('/me', { preHandler: requireRole(hub, ANY_ROLE) }, async (request) => {
    const { user, deviceId, deviceName, lastMutationId } = sessionOf(request);
    return { user, device: { id: deviceId, name: deviceName, lastMutationId } };
  });
}
