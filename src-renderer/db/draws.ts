// The draws held on this device and the lists a draw reads.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DrawResult } from '../../src-shared/draw/draw';
import type { Entity, Inspector } from '../../src-shared/domain';
import { db, type HubRow } from './db';
import type { SavedDraw } from './savedDraw';

export type { SavedDraw };

export function useDraws(): SavedDraw[] | undefined {
  return useLiveQuery(() => db.draws.orderBy('drawnAt').reverse().toArray(), []);
}

export function useDraw(id: string): SavedDraw | undefined {
  return useLiveQuery(() => db.draws.get(id), [id]);
}

/** Draws made on the hub (by a lead or the office), as the hub reported them. */
export function useHubDraws(): HubRow[] | undefined {
  return useLiveQuery(() => db.hubDraws.toArray(), []);
}

/** Active rows of each list (what a draw would read). */
export function useActiveCounts(): { entities: number; inspectors: number } | undefined {
  return useLiveQuery(async () => ({
    entities: await db.entities.filter((e) => e.active).count(),
    inspectors: await db.inspectors.filter((i) => i.active).count(),
  }), []);
}

/** Both lists as stored. */
export async function readLists(): Promise<{ entities: Entity[]; inspectors: Inspector[] }> {
  const [entities, inspectors] = await Promise.all([db.entities.toArray(), db.inspectors.toArray()]);
  return { entities, inspectors };
}

/** Keeps a draw made on this device. */
export async function saveDraw(id: string, result: DrawResult, by: string): Promise<void> {
  await db.draws.add({ id, drawnAt: result.record.drawnAt, drawnBy: by, result });
}
