// Keeps the statistics' derived tables (src-shared/statistics/facts.ts) in step with the rows they come
// from. Every path that writes `records` or `filings` calls these in the SAME transaction (which must
// include `recordFacts` / `filingLandlords`), so the statistics never see a ledger or filing half-counted.
import { recordFact, withFilings, type FactSource, type FilingLandlord, type RecordFact } from '../../src-shared/statistics/facts';
import type { StatFiling } from '../../src-shared/statistics/types';
import type { TariffDb } from './db';

/** After records are put (added, edited, pulled): their facts, for the kinds the statistics count. */
export async function putRecordFacts(db: Pick<TariffDb, 'recordFacts'>, records: readonly FactSource[]): Promise<void> {
  const facts = records.map(recordFact).filter((f): f is RecordFact => f !== null);
  if (facts.length > 0) await db.recordFacts.bulkPut(facts);
}

/** After a case's records are deleted (to be fetched whole again). */
export async function dropRecordFacts(db: Pick<TariffDb, 'recordFacts'>, caseId: string): Promise<void> {
  await db.recordFacts.where('caseId').equals(caseId).delete();
}

/** After filings are put (imported here or pulled): their landlords' rows of months. */
export async function putFilingLandlords(db: Pick<TariffDb, 'filingLandlords'>, filings: readonly StatFiling[]): Promise<void> {
  if (filings.length === 0) return;
  const usccs = [...new Set(filings.map((f) => f.uscc))];
  const kept = await db.filingLandlords.bulkGet(usccs);
  const before = new Map(kept.filter((r): r is FilingLandlord => r !== undefined).map((r) => [r.uscc, r]));
  await db.filingLandlords.bulkPut(withFilings(before, filings));
}
