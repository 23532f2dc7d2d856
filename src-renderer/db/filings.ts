// Reads of the landlords' monthly filings kept on this device (office devices: src-shared/filings/stored.ts).
// The ranking itself is made by the screening worker (db/filingsScreen.ts); the window reads a landlord's
// months when it is opened or exported.
import { useLiveQuery } from 'dexie-react-hooks';
import type { FlagLimits } from '../../src-shared/filings/indicators';
import type { StoredFiling } from '../../src-shared/filings/stored';
import { db } from './db';
import { monthsOf, monthsOfAll } from './filingsScreen';
import { useWritesTo } from './writes';

const SCREENED_FROM = ['filings', 'entities'];

/** A number that moves at every write of the filings or the target list (an import, saved flags, a pull): the ranking is made again. */
export const useFilingsVersion = (): number | undefined => useWritesTo(SCREENED_FROM);

/** A landlord's months screened with `limits`, oldest first; undefined while loading. */
export function useLandlordMonths(uscc: string, limits: FlagLimits): StoredFiling[] | undefined {
  return useLiveQuery(() => monthsOf(db, uscc, limits), [uscc, limits]);
}

/** The months of these landlords screened with `limits`, in their order (an export). */
export const readMonthsOf = (usccs: readonly string[], limits: FlagLimits): Promise<StoredFiling[]> => monthsOfAll(db, usccs, limits);

/** The USCCs of the target list (检查对象名录), for the 未在名录 mark; undefined while loading. */
export function useListedUsccs(): ReadonlySet<string> | undefined {
  return useLiveQuery(async () => new Set((await db.entities.toCollection().primaryKeys()) as string[]));
}

/** Which of these keys (`uscc|month`) are stored already: an import replaces them. */
export async function storedFilingKeys(keys: readonly string[]): Promise<Set<string>> {
  const found = await db.filings.where('key').anyOf([...keys]).primaryKeys();
  return new Set(found as string[]);
}
