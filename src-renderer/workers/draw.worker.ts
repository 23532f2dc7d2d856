// The draw off the window's thread: reads both lists from this device's database, makes the
// commitment or runs the draw and keeps it (the recordDraw mutator: here and queued for the hub), and
// answers with small messages, so that neither the hashing nor copying 100,000 rows between threads
// ever holds the window ("Nothing freezes").
import type { Commitment } from '../../src-shared/draw/commitment';
import { makeCommitment } from '../../src-shared/draw/commitment';
import { DrawError, parsePlan, runDrawAsync } from '../../src-shared/draw/draw';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { Entity } from '../../src-shared/domain';
import { db } from '../db/db';
import { recordDraw } from '../sync/drawMutators';

export type DrawRequest =
  /** The commitment of the plan over the lists here; `leaveOutOpenCases`: as the hub will draw (its open cases count as inactive). */
  | { type: 'commit'; plan: DrawPlan; leaveOutOpenCases: boolean }
  | { type: 'draw'; id: string; plan: DrawPlan; seed: string; by: string; commitment: Commitment };

export type DrawReply =
  | { ok: true; type: 'committed'; commitment: Commitment }
  | { ok: true; type: 'drawn'; id: string; selected: number }
  | { ok: false; error: { name: 'DrawError'; code: string; group: string; rule: string; message: string; rules: string[] } | { name: 'Error'; message: string } };

async function entitiesFor(leaveOutOpenCases: boolean): Promise<Entity[]> {
  const entities = await db.entities.toArray();
  if (!leaveOutOpenCases) return entities;
  const open = new Set((await db.cases.toArray()).filter((c) => c.status !== 'approved').map((c) => c.uscc));
  return entities.map((e) => (open.has(e.uscc) ? { ...e, active: false } : e));
}

self.onmessage = async (event: MessageEvent<DrawRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'commit') {
      const [entities, inspectors] = await Promise.all([entitiesFor(request.leaveOutOpenCases), db.inspectors.toArray()]);
      self.postMessage({ ok: true, type: 'committed', commitment: await makeCommitment(entities, inspectors, parsePlan(request.plan)) } satisfies DrawReply);
      return;
    }
    const { id, plan, seed, by, commitment } = request;
    const [entities, inspectors] = await Promise.all([db.entities.toArray(), db.inspectors.toArray()]);
    const result = await runDrawAsync({ entities, inspectors, plan, seed, commitment });
    await recordDraw(db, id, result, by);
    self.postMessage({ ok: true, type: 'drawn', id, selected: result.selected.length } satisfies DrawReply);
  } catch (e) {
    const error: DrawReply & { ok: false } = e instanceof DrawError
      ? { ok: false, error: { name: 'DrawError', code: e.code, group: e.group, rule: e.rule, message: e.message, rules: [...e.rules] } }
      : { ok: false, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } };
    self.postMessage(error);
  }
};
