// Reference data every device receives: the catalogue tariff table in force, the ledger column
// mappings confirmed per landlord and the office's inspection settings. Logged with district '*', which every scope reads (pull.ts).
import type { Json } from '../../../src-shared/canonicalJson';
import { OFFICE_SETTINGS_KEY, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import type { LedgerMapping } from '../../../src-shared/ledger/types';
import type { TariffTable } from '../../../src-shared/tariff/types';
import type { Write } from '../store/writeTransaction';

/** The pull scope of data for everyone. */
export const EVERY_DEVICE = '*';

/** The key of the tariff table in force: one per hub, each write a new version of it. */
export const CURRENT_TARIFF = 'current';

/** Stores a new version of the tariff table in force; the previous versions stay as its history. */
export async function putTariff(w: Write, table: TariffTable, source: string, user: { id: string; displayName: string }) {
  const [previous] = await w.tx.query<{ version: unknown; body: Json }>('SELECT version, body FROM tariff_tables ORDER BY id DESC LIMIT 1');
  await w.tx.query('INSERT INTO tariff_tables (version, body, source, stored_by, stored_at) VALUES ($1, $2::jsonb, $3, $4, $5)', [
    w.version, JSON.stringify(table), source, user.id, w.at.toISOString(),
  ]);
  const row = { id: CURRENT_TARIFF, table, source, by: user.displayName, storedAt: w.at.toISOString(), version: w.version };
  w.log('tariffs', CURRENT_TARIFF, row as unknown as Json, { district: EVERY_DEVICE });
  const summary = (t: { name?: unknown; entries?: unknown[] } | undefined) => (t ? { name: t.name ?? null, entries: t.entries?.length ?? 0 } : null) as Json;
  return { subject: `tariffs:${CURRENT_TARIFF}`, before: summary(previous?.body as { name?: unknown; entries?: unknown[] } | undefined), after: { ...(summary(table) as object), source } as Json, conflicts: 0 };
}

/** Stores the column mapping confirmed for one landlord. */
export async function putMapping(w: Write, landlord: string, mapping: LedgerMapping, userId: string | null) {
  const [previous] = await w.tx.query<{ mapping: Json }>('SELECT mapping FROM ledger_mappings WHERE landlord = $1', [landlord]);
  await w.tx.query(
    `INSERT INTO ledger_mappings (landlord, mapping, saved_by, saved_at, version) VALUES ($1, $2::jsonb, $3, $4, $5)
     ON CONFLICT (landlord) DO UPDATE SET mapping = EXCLUDED.mapping, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, version = EXCLUDED.version`,
    [landlord, JSON.stringify(mapping), userId, w.at.toISOString(), w.version],
  );
  const row = { landlord, mapping, savedAt: w.at.toISOString(), version: w.version };
  w.log('ledgerMappings', landlord, row as unknown as Json, { district: EVERY_DEVICE });
  return { subject: `ledgerMapping:${landlord}`, before: previous?.mapping ?? null, after: mapping as unknown as Json, conflicts: 0 };
}

/** Stores a new version of the office's inspection settings; the previous versions stay as their history. */
export async function putSettings(w: Write, settings: OfficeSettings, user: { id: string; displayName: string }) {
  const [previous] = await w.tx.query<{ body: Json }>('SELECT body FROM office_settings WHERE key = $1 ORDER BY id DESC LIMIT 1', [OFFICE_SETTINGS_KEY]);
  await w.tx.query('INSERT INTO office_settings (key, version, body, stored_by, stored_at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
    OFFICE_SETTINGS_KEY, w.version, JSON.stringify(settings), user.id, w.at.toISOString(),
  ]);
  const row = { key: OFFICE_SETTINGS_KEY, settings, by: user.displayName, savedAt: w.at.toISOString(), version: w.version };
  w.log('officeSettings', OFFICE_SETTINGS_KEY, row as unknown as Json, { district: EVERY_DEVICE });
  return { subject: `officeSettings:${OFFICE_SETTINGS_KEY}`, before: previous?.body ?? null, after: settings as unknown as Json, conflicts: 0 };
}
