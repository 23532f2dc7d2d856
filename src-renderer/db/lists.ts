// Writes to the two lists; every write and its history entry commit in one transaction.
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { db, type ListHistoryEntry } from './db';

export type ListRow = Entity | Inspector;

/** The primary key of a row of either list. */
export function rowKey(kind: ListKind, row: ListRow): string {
  return kind === 'entities' ? (row as Entity).uscc : (row as Inspector).certNo;
}

function table(kind: ListKind) {
  return kind === 'entities' ? db.entities : db.inspectors;
}

/** Every key stored for a list, for the importer's duplicate check. */
export async function storedKeys(kind: ListKind): Promise<Set<string>> {
  const keys = await table(kind).toCollection().primaryKeys();
  return new Set(keys.map(String));
}

/** Stores rows (new or updated) with their history, all or nothing. */
export async function putRows(
  kind: ListKind,
  rows: ListRow[],
  by: string,
  action: ListHistoryEntry['action'],
): Promise<void> {
  const t = table(kind);
  await db.transaction('rw', [t, db.listHistory], async () => {
    const keys = rows.map((r) => rowKey(kind, r));
    const before = await (t as typeof db.entities).bulkGet(keys);
    const at = new Date().toISOString();
    await db.listHistory.bulkAdd(
      rows.map((after, i) => ({ kind, key: keys[i]!, at, by, action, before: before[i] ?? null, after })),
    );
    if (kind === 'entities') await db.entities.bulkPut(rows as Entity[]);
    else await db.inspectors.bulkPut(rows as Inspector[]);
  });
}

/** Deactivates or re-activates one row; a deactivated row stays listed but leaves the draw. */
export async function setActive(kind: ListKind, row: ListRow, active: boolean, by: string): Promise<void> {
  await putRows(kind, [{ ...row, active }], by, active ? 'activate' : 'deactivate');
}
