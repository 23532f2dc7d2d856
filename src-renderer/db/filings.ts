// Reads of the landlords' monthly filings kept on this device (office devices: src-shared/filings/stored.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredFiling } from '../../src-shared/filings/stored';
import { db } from './db';

/** Every stored filing; undefined while loading. */
export function useStoredFilings(): StoredFiling[] | undefined {
  return useLiveQuery(() => db.filings.toArray());
}

/** The USCCs of the target list (检查对象名录), for the 未在名录 mark; undefined while loading. */
export function useListedUsccs(): ReadonlySet<string> | undefined {
  return useLiveQuery(async () => new Set((await db.entities.toCollection().primaryKeys()) as string[]));
}

/** Which of these keys (`uscc|month`) are stored already: an import replaces them. */
export async function storedFilingKeys(keys: readonly string[]): Promise<Set<string>> {
  const found = await db.filings.where('key').anyOf([...keys]).primaryKeys();
  return new Set(found as string[]);
}
