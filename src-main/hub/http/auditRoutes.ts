// /api/v1/audit: the office reads the log in pages and checks its chain.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listAudit, verifyAudit } from '../audit/auditLog';
import type { HubContext } from './context';
import { writeTransaction } from '../store/writeTransaction';
import { OFFICE, requireRole, sessionOf } from './authorize';
import { parseInput } from './validate';

export const AUDIT_PAGE_MAX = 500;

const auditQuery = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
});

export function auditRoutes(app: FastifyInstance, hub: HubContext): void {
  app.get('/audit', { preHandler: requireRole(hub, OFFICE) }, async (request) => {
    const { after, limit } = parseInput(auditQuery, request.query);
    const entries = await listAudit(hub.store, after, limit);
    const last = entries.at(-1);
    return { entries, next: entries.length === limit && last ? last.id : null };
  });

  // The whole log as JSON lines, for archiving or an auditor's own check; the export is itself audited.
  app.get('/audit/export', { preHandler: requireRole(hub, OFFICE) }, async (request, reply) => {
    const session = sessionOf(request);
    await writeTransaction(hub.store, { userId: session.user.id, deviceId: session.deviceId }, hub.now(), (w) => w.audit({ action: 'audit.export', subject: 'audit' }));
    const lines: string[] = [];
    for (let after = 0; ; ) {
      const page = await listAudit(hub.store, after, AUDIT_PAGE_MAX);
      for (const e of page) lines.push(JSON.stringify(e));
      const last = page.at(-1);
      if (!last || page.length < AUDIT_PAGE_MAX) break;
      after = last.id;
    }
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit.jsonl"')
      .send(lines.join('\n') + '\n');
  });

  app.get('/audit/verify', { preHandler: requireRole(hub, OFFICE) }, async () => verifyAudit(hub.store));
}
