// /api/v1 sync routes: push, pull, checksums, and the draw that makes cases.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commitmentSchema } from '../../../src-shared/draw/commitment';
import { drawPlanSchema } from '../../../src-shared/draw/plan';
import { checksumRequestSchema, CLOCK_SKEW_WARN_MS, cursorSchema, PULL_MAX, PULL_PAGE, pushRequestSchema } from '../../../src-shared/sync/protocol';
import { caseFromRow, loadCase, recordFromRow, type RecordRow } from '../sync/changes';
import { checksums } from '../sync/checksums';
import { canReadCase } from '../sync/scope';
import { HubError } from '../errors';
import { drawOnHub, OPEN_CASE_RULES, readHubDraw } from '../sync/draws';
import { pull } from '../sync/pull';
import { applyUnit, preparePush } from '../sync/push';
import type { HubContext } from './context';
import { ANY_ROLE, requireRole, sessionOf } from './authorize';
import { parseInput } from './validate';

/** Largest push body: a draw selecting 50,000 targets, recorded whole, is about 15 MB. */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;

const pullQuery = z.strictObject({
  cursor: cursorSchema.default('0.0'),
  limit: z.coerce.number().int().min(1).max(PULL_MAX).default(PULL_PAGE),
});
const drawBody = z.strictObject({ seed: z.string().trim().min(1).max(2000), plan: drawPlanSchema, openCases: z.enum(OPEN_CASE_RULES).default('leave-out'), commitment: commitmentSchema.optional() });

export function syncRoutes(app: FastifyInstance, hub: HubContext): void {
  const anyone = { preHandler: requireRole(hub, ANY_ROLE) };
  const anyoneReading = { preHandler: requireRole(hub, ANY_ROLE, 'read') };

  // A push carries many small mutations or one big one (a recorded draw of a large list, alone in its
  // batch: src-renderer/sync/engine.ts fitBody), so its limit is larger than other routes'.
  app.post('/push', { ...anyone, bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const body = parseInput(pushRequestSchema, request.body, { textInSchema: true });
    const now = hub.now();
    const unit = preparePush(sessionOf(request), body.mutations, now);
    const outcome = hub.pushes ? await hub.pushes.apply(unit) : await applyUnit(hub.store, unit);
    const skew = Date.parse(body.clientTime) - now.getTime();
    return { ...outcome, clockSkewMs: Math.abs(skew) > CLOCK_SKEW_WARN_MS ? skew : null };
  });

  app.get('/pull', anyoneReading, async (request) => {
    const { cursor, limit } = parseInput(pullQuery, request.query);
    return pull(hub.store, sessionOf(request), cursor, limit);
  });

  app.post('/checksums', { ...anyoneReading, config: { urgency: 'read' } }, async (request) => {
    const { caseIds } = parseInput(checksumRequestSchema, request.body);
    return { checksums: await checksums(hub.store, sessionOf(request), caseIds) };
  });

  // One case whole (the client re-fetches a case whose checksum differs after a sync).
  app.get('/cases/:id', anyoneReading, async (request) => {
    const { id } = parseInput(z.strictObject({ id: z.uuid() }), request.params);
    const c = await loadCase(hub.store, id);
    // Out of scope answers like absent: no oracle for case ids.
    if (!c || !canReadCase(sessionOf(request), c)) throw new HubError(404, 'not-found', `no case ${id}`);
    const records = await hub.store.query<RecordRow>('SELECT * FROM records WHERE case_id = $1 ORDER BY id', [id]);
    return { case: caseFromRow(c), records: records.map(recordFromRow) };
  });

  // A draw made on the hub, whole: its record, groups, selected targets with their teams and the rows left out.
  app.get('/draws/:id', { preHandler: requireRole(hub, ['office', 'lead'], 'read') }, async (request) => {
    const { id } = parseInput(z.strictObject({ id: z.uuid() }), request.params);
    const draw = await readHubDraw(hub.store, sessionOf(request), id);
    if (!draw) throw new HubError(404, 'not-found', `no draw ${id}`);
    return draw;
  });

  app.post('/draws', { preHandler: requireRole(hub, ['office', 'lead']) }, async (request, reply) => {
    const { seed, plan, openCases, commitment } = parseInput(drawBody, request.body);
    const draw = await drawOnHub(hub.store, sessionOf(request), plan, seed, hub.now(), openCases, commitment);
    return reply.status(201).send(draw);
  });
}
