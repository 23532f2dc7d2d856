// 复核 of a draw kept on this device, made by the verify worker (workers/verify.worker.ts): the draw re-run on
// both lists as they stood when it was drawn (from the list history), the changes since named apart. At a
// city's scale (100,000 targets) reading the lists and drawing again held the window with tasks of 1.1 s.
import type { Entity, Inspector } from '../../src-shared/domain';
import { verifyDraw } from '../../src-shared/draw/verify';
import { LocalRefusal } from '../sync/mutators';
import type { TariffDb } from './db';
import { changesAfter } from './listHistory';

/** The verdict: the same result or what differs, and what changed in the lists since the draw. */
export interface DrawVerdict {
  ok: boolean;
  differences: string[];
  changedSince: ListChange[];
}

/** 复核 of the draw `drawId`, kept here (a LocalRefusal when it is not). */
export async function verifyKept(db: TariffDb, drawId: string): Promise<DrawVerdict> {
  const saved = await db.draws.get(drawId);
  if (!saved) throw new LocalRefusal('draw-not-here', `draw ${drawId} is not on this device`);
  const { entities, inspectors, changedSince } = await listsAsOf(db, saved.result.record.drawnAt);
  // The worker hashes itself (verifyDraw, not verifyDrawAsync's hashing workers): it is off the window already.
  return { ...verifyDraw(saved.result, entities, inspectors), changedSince };
}

/** A change to a list after a draw: which list, which row, what was done. */
export interface ListChange {
  kind: 'entities' | 'inspectors';
  key: string;
  action: string;
  at: string;
}

/**
 * Both lists as they stood at `at` (UTC ISO), rebuilt from the list history: every change made after it
 * is undone, newest first; a row first stored after it is left out. 复核 re-runs a draw on these, and
 * names what changed since separately (`changedSince`, oldest first).
 */
export async function listsAsOf(db: TariffDb, at: string): Promise<{ entities: Entity[]; inspectors: Inspector[]; changedSince: ListChange[] }> {
  return db.transaction('r', [db.entities, db.inspectors, db.listHistory], async () => {
    const entities = new Map((await db.entities.toArray()).map((e) => [e.uscc, e]));
    const inspectors = new Map((await db.inspectors.toArray()).map((i) => [i.certNo, i]));
    const later = (await changesAfter(db, at)).reverse();
    for (const h of later) {
      const rows = (h.kind === 'entities' ? entities : inspectors) as Map<string, Entity | Inspector>;
      if (h.before) rows.set(h.key, h.before);
      else rows.delete(h.key);
    }
    const changedSince = later.reverse().map((h) => ({ kind: h.kind, key: h.key, action: h.action, at: h.at }));
    return { entities: [...entities.values()], inspectors: [...inspectors.values()], changedSince };
  });
}
