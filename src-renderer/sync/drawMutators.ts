// The laptop's side of recordDraw: a draw made here is kept and queued for the hub in ONE transaction,
// so it is listed (with verify, notice and printed record) on every device of its district once synced.
import type { DrawResult } from '../../src-shared/draw/draw';
import type { Commitment } from '../../src-shared/draw/commitment';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { TariffDb } from '../db/db';
import { appendMutation, nextHlc } from './outbox';

/** Keeps a draw made on this device and queues it; `drawnBy` is the name shown in 抽查记录. */
export async function recordDraw(db: TariffDb, id: string, result: DrawResult, drawnBy: string): Promise<void> {
  await db.transaction('rw', [db.draws, db.outbox, db.settings], async () => {
    // Issued together: a 100,000-target draw's record is cloned for one while IndexedDB stores the other.
    await Promise.all([
      db.draws.add({ id, drawnAt: result.record.drawnAt, drawnBy, result }),
      nextHlc(db).then((hlc) => appendMutation(db, 'recordDraw', { id, drawnBy, result }, hlc)),
    ]);
  });
}

/** Keeps a plan's commitment (made before the seed) and queues it, so the hub records when it existed. */
export async function commitPlan(db: TariffDb, id: string, plan: DrawPlan, commitment: Commitment): Promise<void> {
  await db.transaction('rw', [db.plans, db.outbox, db.settings], async () => {
    await appendMutation(db, 'commitPlan', { id, plan, commitment }, await nextHlc(db));
    await db.plans.add({ id, plan, commitment });
  });
}
