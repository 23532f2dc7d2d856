// The list history: one entry per write of list rows (db.ts, ListHistoryEntry), read back row by row.
import { LIST_ROWS_MAX } from '../../src-shared/sync/mutators';
import type { ListHistoryEntry, ListRowChange, TariffDb } from './db';

/** One row's change, with its entry's kind, time, author and action. */
export type RowChange = Omit<ListHistoryEntry, 'rows' | 'id'> & ListRowChange;

/** The entries of one write: its rows in slices of at most LIST_ROWS_MAX, as its mutations are. */
export function historyEntries(head: Omit<ListHistoryEntry, 'rows' | 'id'>, rows: readonly ListRowChange[]): ListHistoryEntry[] {
  const entries: ListHistoryEntry[] = [];
  for (let i = 0; i < rows.length; i += LIST_ROWS_MAX) entries.push({ ...head, rows: rows.slice(i, i + LIST_ROWS_MAX) });
  return entries;
}

/** Every row change of `entries`, in the order written (entries by id, rows in their order). */
export function rowChanges(entries: readonly ListHistoryEntry[]): RowChange[] {
  return [...entries]
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    .flatMap(({ rows, id: _id, ...head }) => rows.map((row) => ({ ...head, ...row })));
}

/** The row changes made after `at` (UTC ISO), oldest first. */
export async function changesAfter(db: TariffDb, at: string): Promise<RowChange[]> {
  return rowChanges(await db.listHistory.where('at').above(at).toArray());
}
