// The draw off the window's thread: reads both lists from this device's database, makes the
// commitment or runs the draw and keeps it (the recordDraw mutator: here and queued for the hub), and
// answers with small messages, so that neither the hashing nor copying 100,000 rows between threads
// ever holds the window ("Nothing freezes"). It reports each stage, and asks the window before it
// records: until then Cancel ends the worker with nothing kept. One worker serves the commitment and
// then the draw (drawClient.ts keeps it): it reads the lists as it starts and holds them while they are
// unchanged (listSnapshot.ts), and keeps them as the commitment prepared them (canonical order, hashed), so
// the draw that follows does not hash 100,000 rows again.
import type { Commitment } from '../../src-shared/draw/commitment';
import { commitmentOf } from '../../src-shared/draw/commitment';
import { keepPrepared, parsePlan, runDrawAsync } from '../../src-shared/draw/draw';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { Entity } from '../../src-shared/domain';
import { db } from '../db/db';
import { headOf, type DrawHead } from '../db/drawHead';
import { recordDraw } from '../sync/drawMutators';
import { listSnapshot } from './listSnapshot';
import { serveTask } from './serve';

export type DrawRequest =
  /** The commitment of the plan over the lists here; `leaveOutOpenCases`: as the hub will draw (its open cases count as inactive). */
  | { type: 'commit'; plan: DrawPlan; leaveOutOpenCases: boolean }
  | { type: 'draw'; id: string; plan: DrawPlan; seed: string; by: string; commitment: Commitment };

/** A draw's answer carries what its result page shows first (db/drawHead.ts), so the window need not read it back. */
export type DrawReply = { type: 'committed'; commitment: Commitment } | { type: 'drawn'; head: DrawHead };

/** The stage the work has reached, in order. */
export type DrawStage = 'read' | 'hash' | 'draw' | 'record';

const lists = listSnapshot(db);
lists.warm();
const prepare = keepPrepared();

async function entitiesFor(entities: readonly Entity[], leaveOutOpenCases: boolean): Promise<readonly Entity[]> {
  if (!leaveOutOpenCases) return entities;
  const open = new Set((await db.cases.toArray()).filter((c) => c.status !== 'approved').map((c) => c.uscc));
  return entities.map((e) => (open.has(e.uscc) ? { ...e, active: false } : e));
}

serveTask<DrawRequest, DrawStage, DrawReply>(async (request, { progress, mayStore }) => {
  progress('read');
  if (request.type === 'commit') {
    const { entities, inspectors } = await lists.current();
    const drawn = await entitiesFor(entities, request.leaveOutOpenCases);
    const plan = parsePlan(request.plan);
    progress('hash');
    return { type: 'committed', commitment: commitmentOf(await prepare(drawn, inspectors, plan), plan) };
  }
  const { id, plan, seed, by, commitment } = request;
  const { entities, inspectors } = await lists.current();
  progress('draw');
  const result = await runDrawAsync({ entities, inspectors, plan, seed, commitment }, prepare);
  await mayStore();
  progress('record');
  await recordDraw(db, id, result, by);
  return { type: 'drawn', head: headOf(id, result) };
});
