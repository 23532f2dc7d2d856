// The laptop's side of the reference-data mutators: the two lists, the tariff table in force and the
// ledger mappings. Each changes the local tables, keeps the list history and queues its mutations in
// ONE transaction; an unenrolled device queues them too, and they are pushed once it enrolls.
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { OFFICE_SETTINGS_KEY, type OfficeSettings } from '../../src-shared/inspection/officeSettings';
import type { LedgerMapping } from '../../src-shared/ledger/types';
import { LIST_ROWS_MAX, type ListAction } from '../../src-shared/sync/mutators';
import type { TariffTable } from '../../src-shared/tariff/types';
import type { TariffDb } from '../db/db';
import { readIdentity } from '../db/identity';
import { columnOf, putColumnRows } from '../db/listColumn';
import { historyEntries } from '../db/listHistory';
import { appendMutation, nextHlc } from './outbox';

export type ListRow = Entity | Inspector;

/** The id of the one tariff table in force (the hub's key too: src-main/hub/sync/reference.ts). */
export const CURRENT_TARIFF = 'current';

/** The primary key of a row of either list. */
export function rowKey(kind: ListKind, row: ListRow): string {
  return kind === 'entities' ? (row as Entity).uscc : (row as Inspector).certNo;
}

/** The key of a row's hub version in `rowVersions`. */
export const versionId = (kind: ListKind, key: string): string => `${kind}:${key}`;

async function byName(db: TariffDb): Promise<string> {
  return (await readIdentity(db))?.name ?? '';
}

/**
 * Stores rows of one list (new or changed) with their history and queues them for the hub, all or
 * nothing: a 3,841-row import is one transaction of eight mutations. Each mutation names the hub
 * version every row was edited from, so a row changed meanwhile on another device becomes a conflict.
 */
export async function putListRows(db: TariffDb, kind: ListKind, rows: readonly ListRow[], action: ListAction): Promise<void> {
  if (rows.length === 0) return;
  const by = await byName(db);
  const table = kind === 'entities' ? db.entities : db.inspectors;
  await db.transaction('rw', [table, db.listChunks, db.listTotals, db.listHistory, db.rowVersions, db.outbox, db.settings], async () => {
    const keys = rows.map((r) => rowKey(kind, r));
    const { before, versions } = await storedFor(db, kind, keys);
    const queue = async () => {
      for (let i = 0; i < rows.length; i += LIST_ROWS_MAX) {
        const slice = rows.slice(i, i + LIST_ROWS_MAX);
        const args = { rows: slice, action, baseVersions: versions.slice(i, i + LIST_ROWS_MAX).map((v) => v ?? 0) };
        const hlc = await nextHlc(db);
        if (kind === 'entities') await appendMutation(db, 'putEntities', { ...args, rows: slice as Entity[] }, hlc);
        else await appendMutation(db, 'putInspectors', { ...args, rows: slice as Inspector[] }, hlc);
      }
    };
    const at = new Date().toISOString();
    const history = historyEntries({ kind, at, by, action }, rows.map((after, i) => ({ key: keys[i]!, before: before[i] ?? null, after })));
    // Issued together: each write's rows are cloned here while IndexedDB stores the one before.
    await Promise.all([
      queue(),
      db.listHistory.bulkAdd(history),
      kind === 'entities' ? db.entities.bulkPut(rows as Entity[]) : db.inspectors.bulkPut(rows as Inspector[]),
      putColumnRows(columnOf(db), kind, rows),
    ]);
  });
}

/**
 * Whether `n` keys are read faster by one request for the whole list than by n gets. IndexedDB reads one
 * key per request: for a large write (an import, 评定's changes) the whole list is many times faster.
 */
async function readsWhole(table: TariffDb['entities'], n: number): Promise<boolean> {
  return n >= 64 && n * 4 >= (await table.count());
}

const listTable = (db: TariffDb, kind: ListKind) => (kind === 'entities' ? db.entities : db.inspectors) as unknown as TariffDb['entities'];

/** The stored rows of these keys, in their order (undefined: not on the list). */
export async function storedRows(db: TariffDb, kind: ListKind, keys: readonly string[], whole?: boolean): Promise<(ListRow | undefined)[]> {
  const table = listTable(db, kind);
  if (!(whole ?? (await readsWhole(table, keys.length)))) return table.bulkGet([...keys]);
  const rows = new Map<string, ListRow>((await table.toArray()).map((r) => [rowKey(kind, r), r]));
  return keys.map((k) => rows.get(k));
}

/** The stored rows and hub versions of these keys. */
async function storedFor(db: TariffDb, kind: ListKind, keys: readonly string[]): Promise<{ before: (ListRow | undefined)[]; versions: (number | undefined)[] }> {
  const ids = keys.map((k) => versionId(kind, k));
  const whole = await readsWhole(listTable(db, kind), keys.length);
  const versions = whole
    ? db.rowVersions.where('id').startsWith(`${kind}:`).toArray().then((all) => {
      const byId = new Map(all.map((v) => [v.id, v.version]));
      return ids.map((id) => byId.get(id));
    })
    : db.rowVersions.bulkGet(ids).then((found) => found.map((v) => v?.version));
  const [before, versionsOf] = await Promise.all([storedRows(db, kind, keys, whole), versions]);
  return { before, versions: versionsOf };
}

/** Deactivates or re-activates one row; a deactivated row stays listed but leaves the draw. */
export async function setActive(db: TariffDb, kind: ListKind, row: ListRow, active: boolean): Promise<void> {
  await putListRows(db, kind, [{ ...row, active }], active ? 'activate' : 'deactivate');
}

/** Makes `table` the tariff table in force on this device and, through the hub, on every device. */
export async function putTariffTable(db: TariffDb, table: TariffTable, source: string): Promise<void> {
  const by = await byName(db);
  const current = { ...table, id: CURRENT_TARIFF };
  await db.transaction('rw', [db.tariffs, db.outbox, db.settings], async () => {
    await appendMutation(db, 'putTariffTable', { table: current, source }, await nextHlc(db));
    await db.tariffs.clear();
    await db.tariffs.put({ id: CURRENT_TARIFF, table: current, storedAt: new Date().toISOString(), by, source });
  });
}

/** Remembers the ledger columns confirmed for a landlord, here and on every device. */
export async function putLedgerMapping(db: TariffDb, landlord: string, mapping: LedgerMapping): Promise<void> {
  const name = landlord.trim();
  await db.transaction('rw', [db.ledgerMappings, db.outbox, db.settings], async () => {
    await appendMutation(db, 'putLedgerMapping', { landlord: name, mapping: { ...mapping, fees: mapping.fees ?? [] } }, await nextHlc(db));
    await db.ledgerMappings.put({ landlord: name, mapping, savedAt: new Date().toISOString() });
  });
}

/** Makes `settings` the office's inspection settings on this device and, through the hub, on every device. */
export async function putOfficeSettings(db: TariffDb, settings: OfficeSettings): Promise<void> {
  const by = await byName(db);
  await db.transaction('rw', [db.officeSettings, db.outbox, db.settings], async () => {
    await appendMutation(db, 'putOfficeSettings', { settings }, await nextHlc(db));
    await db.officeSettings.put({ key: OFFICE_SETTINGS_KEY, settings, savedAt: new Date().toISOString(), by });
  });
}
