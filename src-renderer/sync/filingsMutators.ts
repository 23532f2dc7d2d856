// The laptop's side of the filings mutator: the screened filings replace the landlords' months here and are
// queued for the hub in ONE transaction, in mutations of at most 500 rows (a city's year is about 93).
import type { StoredFiling } from '../../src-shared/filings/stored';
import { LIST_ROWS_MAX } from '../../src-shared/sync/mutators';
import type { TariffDb } from '../db/db';
import { appendMutation, nextHlc } from './outbox';

/** Stores screened filings (each replacing its landlord's month) here and, through the hub, on every office device. */
export async function putFilings(db: TariffDb, rows: readonly StoredFiling[], source: string): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction('rw', [db.filings, db.outbox, db.settings], async () => {
    for (let i = 0; i < rows.length; i += LIST_ROWS_MAX) {
      await appendMutation(db, 'putFilings', { rows: rows.slice(i, i + LIST_ROWS_MAX), source }, await nextHlc(db));
    }
    await db.filings.bulkPut([...rows]);
  });
}
