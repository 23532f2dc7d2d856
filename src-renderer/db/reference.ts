// Reads of the reference data every device holds: the tariff table in force and the ledger mappings.
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultOfficeSettings, OFFICE_SETTINGS_KEY, type OfficeSettings } from '../../src-shared/inspection/officeSettings';
import type { LedgerMapping } from '../../src-shared/ledger/types';
import { CURRENT_TARIFF } from '../sync/referenceMutators';
import { db, type TariffDb } from './db';

/** The stored tariff table, undefined while loading, null when none. */
export function useStoredTariff() {
  return useLiveQuery(async () => (await db.tariffs.get(CURRENT_TARIFF)) ?? null);
}

/** The ledger mapping remembered for a landlord (as typed), if any. */
export async function rememberedMapping(landlord: string): Promise<LedgerMapping | undefined> {
  const name = landlord.trim();
  return name ? (await db.ledgerMappings.get(name))?.mapping : undefined;
}

/** The office's inspection settings (finding types, legal bases, verification periods, tile source). */
export async function officeSettings(database: TariffDb = db): Promise<OfficeSettings> {
  return (await database.officeSettings.get(OFFICE_SETTINGS_KEY))?.settings ?? defaultOfficeSettings();
}

/** The office's inspection settings, the defaults until the office saves its own; undefined while loading. */
export function useOfficeSettings(): OfficeSettings | undefined {
  return useLiveQuery(officeSettings);
}

/** The stored settings with who saved them and when (null: the defaults are in use). */
export function useStoredOfficeSettings() {
  return useLiveQuery(async () => (await db.officeSettings.get(OFFICE_SETTINGS_KEY)) ?? null);
}
