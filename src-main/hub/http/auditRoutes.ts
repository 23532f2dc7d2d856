// /api/v1/audit: the office reads the log in pages and checks its chain.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listAudit, verifyAudit } from '../audit/auditLog';
import type { HubContext } from './context';
import { OFFICE, requireRole } from './authorize';
import { parseInput } from './validate';

export const AUDIT_PAGE_MAX = 500;

const auditQuery = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
});

export function auditRoutes(app: FastifyInstance, hub: HubContext): void {
  app.get('/audit', { preHandler: requireRole(hub.store, OFFICE) }, async (request) => {
    const { after, limit } = parseInput(auditQuery, request.query);
    const entries = await listAudit(hub.store, after, limit);
    const last = entries.at(-1);
    return { entries, next: entries.length === limit && last ? last.id : null };
  });

  app.get('/audit/verify', { preHandler: requireRole(hub.store, OFFICE) }, async () => verifyAudit(hub.store));
}
