// The one place routes say who may call them: a preHandler per access level.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { DeviceSession } from '../accounts/devices';
import type { Role } from '../accounts/roles';
import { HubError } from '../errors';
import type { HubContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    session: DeviceSession | null;
  }
}

/** The bearer token of the Authorization header, or a 401. */
function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  if (!match?.[1]) throw new HubError(401, 'unauthenticated', 'send Authorization: Bearer <device token>');
  return match[1];
}

/**
 * A preHandler admitting devices whose user has one of `roles`. A route that only reads may say so
 * (`'read'`): its session may then come from the hub's session cache (at most SESSION_CACHE_MS old, and
 * dropped at once when this hub revokes the device); every other route looks the token up afresh.
 */
export function requireRole(hub: HubContext, roles: readonly Role[], access: 'read' | 'write' = 'write'): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    const session = access === 'read' ? await hub.sessions.forRead(hub.store, token) : await hub.sessions.forWrite(hub.store, token);
    if (!roles.includes(session.user.role)) throw new HubError(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    request.session = session;
  };
}

/** The session a requireRole preHandler set; a route without one is a programming error. */
export function sessionOf(request: FastifyRequest): DeviceSession {
  if (!request.session) throw new Error('route without requireRole');
  return request.session;
}

export const ANY_ROLE: readonly Role[] = ['office', 'lead', 'inspector'];
export const OFFICE: readonly Role[] = ['office'];
