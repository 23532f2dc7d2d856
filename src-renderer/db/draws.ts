// The draws held on this device and the lists a draw reads.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Commitment } from '../../src-shared/draw/commitment';
import type { DrawPlan } from '../../src-shared/draw/plan';
import { commitInWorker, drawInWorker, type DrawTaskOptions } from '../workers/drawClient';
import { readAccount } from '../sync/account';
import { HubClient } from '../sync/hubClient';
import { LocalRefusal } from '../sync/mutators';
import { db } from './db';
import { activeCounts } from './listQuery';
import type { DrawHead } from './drawHead';
import type { SavedDraw } from './savedDraw';

export type { SavedDraw };

export function useDraws(): SavedDraw[] | undefined {
  return useLiveQuery(() => db.draws.orderBy('drawnAt').reverse().toArray(), []);
}

/**
 * One draw, whole; undefined while loading (or not asked for: `id` null), null when it is not here. A draw
 * the hub made is fetched whole the first time it is opened (then kept): null only when that cannot be
 * done (offline, not allowed).
 */
export function useDraw(id: string | null): SavedDraw | null | undefined {
  const here = useLiveQuery(async () => (id === null ? undefined : ((await db.draws.get(id)) ?? null)), [id]);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (id === null || here !== null || failed === id) return;
    readDraw(id).then((d) => d ?? setFailed(id), () => setFailed(id));
  }, [here, id, failed]);
  if (here === null && failed !== id) return undefined;
  return here;
}

/** A line of 抽查记录: a draw made here or on the hub. */
export interface DrawRow {
  id: string;
  name: string;
  drawnAt: string;
  drawnBy: string;
  count: number;
  seed: string;
  onHub: boolean;
}

/** Every draw this device knows: its own and the hub's (reported by pull, fetched whole when opened). */
export function useAllDraws(): DrawRow[] | undefined {
  return useLiveQuery(async () => {
    const mine = await db.draws.toArray();
    const rows = new Map<string, DrawRow>(mine.map((d) => [d.id, { id: d.id, name: d.result.record.plan.name, drawnAt: d.drawnAt, drawnBy: d.drawnBy, count: d.result.selected.length, seed: d.result.record.seed, onHub: d.source === 'hub' }]));
    for (const h of await db.hubDraws.toArray()) {
      if (rows.has(h.key)) continue;
      const r = h.row as { record?: { plan?: { name?: string }; seed?: string; drawnAt?: string }; cases?: number; by?: string };
      rows.set(h.key, { id: h.key, name: r.record?.plan?.name ?? '', drawnAt: r.record?.drawnAt ?? '', drawnBy: r.by ?? '', count: r.cases ?? 0, seed: r.record?.seed ?? '', onHub: true });
    }
    return [...rows.values()].sort((a, b) => b.drawnAt.localeCompare(a.drawnAt));
  }, []);
}

/** The plan name of a draw this device knows (its own or the hub's), for a case to name its draw; null when unknown here. */
export function useDrawName(id: string): string | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const mine = await db.draws.get(id);
    if (mine) return mine.result.record.plan.name;
    const hub = (await db.hubDraws.get(id))?.row as { record?: { plan?: { name?: string } } } | undefined;
    return hub?.record?.plan?.name ?? null;
  }, [id]);
}

/** Active rows of each list (what a draw would read). */
export function useActiveCounts(): { entities: number; inspectors: number } | undefined {
  return useLiveQuery(() => activeCounts(db), []);
}

/**
 * A draw, whole: the one kept here, or one made on the hub, fetched whole once and kept here like a local
 * one (the same record, verify, notice and printed record); null when it cannot be had (offline, not kept).
 */
export async function readDraw(id: string): Promise<SavedDraw | null> {
  const kept = await db.draws.get(id);
  if (kept) return kept;
  const account = await readAccount(db);
  if (!account) return null;
  const draw = await new HubClient(account.hubUrl, account.token).hubDraw(id);
  const saved: SavedDraw = { id, drawnAt: draw.result.record.drawnAt, drawnBy: draw.by, result: draw.result, source: 'hub' };
  await db.draws.put(saved);
  return saved;
}

/**
 * Makes sure a draw is kept on this device (fetched from the hub if it is the hub's) without reading it on the
 * window: a draw of 100,000 targets is one large row, read by whoever uses it (the export worker).
 */
export async function keepDrawHere(id: string): Promise<void> {
  if ((await db.draws.where(':id').equals(id).count()) === 0) await wholeDraw(id);
}

/** A draw, whole, for a document or 复核 of it; a LocalRefusal when it cannot be had here. */
export async function wholeDraw(id: string): Promise<SavedDraw> {
  const saved = await readDraw(id);
  if (!saved) throw new LocalRefusal('draw-not-here', `draw ${id} is not on this device, which is not enrolled`);
  return saved;
}


/**
 * The commitment (抽查承诺) of a plan over the lists on this device, made in the worker; for a draw on the
 * hub, the targets in open cases count as inactive, as the hub will leave them out.
 */
export function commitHere(plan: DrawPlan, forHub: boolean, options: DrawTaskOptions = {}): Promise<Commitment> {
  return commitInWorker(plan, forHub, options);
}

/**
 * Draws on this device in the worker, which reads the lists, refuses them if they or the plan no longer
 * hash to the commitment, draws and keeps the result: the window stays responsive during a
 * 100,000-target draw. Resolves with what the result page shows first (its head); rejects with the
 * DrawError, or TaskCancelled when `options.signal` aborts before it records.
 */
export function drawHere(id: string, plan: DrawPlan, seed: string, by: string, commitment: Commitment, options: DrawTaskOptions = {}): Promise<DrawHead> {
  return drawInWorker(id, plan, seed, by, commitment, options);
}
