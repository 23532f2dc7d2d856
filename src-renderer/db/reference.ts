// Reads of the reference data every device holds: the tariff table in force and the ledger mappings.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerMapping } from '../../src-shared/ledger/types';
import { CURRENT_TARIFF } from '../sync/referenceMutators';
import { db } from './db';

/** The stored tariff table, undefined while loading, null when none. */
export function useStoredTariff() {
  return useLiveQuery(async () => (await db.tariffs.get(CURRENT_TARIFF)) ?? null);
}

/** The ledger mapping remembered for a landlord (as typed), if any. */
export async function rememberedMapping(landlord: string): Promise<LedgerMapping | undefined> {
  const name = landlord.trim();
  return name ? (await db.ledgerMappings.get(name))?.mapping : undefined;
}
