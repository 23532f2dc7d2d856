// Where the cases are: a case carries no position; its target's list row (db.entities, keyed by USCC)
// does. An inspector's device receives the target's row with each case drawn for them (the hub logs it
// with the case), so the join works offline on every device that holds the case.
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type LocalCase } from '../db/db';

/** A case with its target's position (WGS-84 degrees). */
export interface CasePoint {
  kase: LocalCase;
  lng: number;
  lat: number;
}

/** The cases placed by their targets' coordinates, and those whose target has none here. */
export interface CasePositions {
  placed: CasePoint[];
  unplaced: LocalCase[];
}

/** Positions of these cases; undefined while loading. */
export function useCasePositions(cases: readonly LocalCase[]): CasePositions | undefined {
  const usccs = [...new Set(cases.map((c) => c.uscc))];
  const coords = useLiveQuery(async () => {
    const rows = await db.entities.bulkGet(usccs);
    return new Map(rows.flatMap((e) => (e && e.lng !== null && e.lat !== null ? [[e.uscc, { lng: e.lng, lat: e.lat }] as const] : [])));
  }, [usccs.join(',')]);
  if (!coords) return undefined;
  const placed: CasePoint[] = [];
  const unplaced: LocalCase[] = [];
  for (const kase of cases) {
    const at = coords.get(kase.uscc);
    if (at) placed.push({ kase, ...at });
    else unplaced.push(kase);
  }
  return { placed, unplaced };
}
