// Reads of the cases on this device and their records, for the pages.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { factsOf, RECORD_SHAPE } from '../../src-shared/statistics/columns';
import { byDistrict, CASE_LIST_SHAPE, type CaseResult, type CaseRow } from '../state/caseFilter';
import { db, type LocalCase, type LocalRecord, type TariffDb } from './db';
import { readBuckets } from './derived';

export type { CaseResult, CaseRow, LocalCase, LocalRecord };

/**
 * Every case's row of the cases page's column (state/caseFilter.ts) in the list's order: some dozen rows read,
 * not every case (a case carries its address, team, review note and linked complaints).
 */
export async function readCaseRows(database: TariffDb): Promise<CaseRow[]> {
  return factsOf(CASE_LIST_SHAPE, await readBuckets(database, CASE_LIST_SHAPE.kind)).sort(byDistrict);
}

export function useCaseRows(): CaseRow[] | undefined {
  return useLiveQuery(() => readCaseRows(db), []);
}

/** Some cases in the list's order (a page, the cases the map shows), and how many records each holds. */
export interface CasesShown {
  cases: LocalCase[];
  /** Empty unless asked for (the map shows no counts). */
  counts: Map<string, number>;
}

/**
 * These cases in this order, those gone left out, with their record counts when `counted`: one query, so a
 * page's rows and their counts come together.
 */
export function useCasesInOrder(ids: readonly string[], counted: boolean): CasesShown | undefined {
  const key = ids.join('\n');
  return useLiveQuery(async () => {
    const wanted = key ? key.split('\n') : [];
    const [found, counts] = await Promise.all([db.cases.bulkGet(wanted), counted ? recordCounts(db, wanted) : new Map<string, number>()]);
    return { cases: found.filter((c): c is LocalCase => c !== undefined), counts };
  }, [key, counted]);
}

export function useCase(id: string): LocalCase | undefined {
  return useLiveQuery(() => db.cases.get(id), [id]);
}

/** A case's records in the order they were made. */
export function useCaseRecords(caseId: string): LocalRecord[] {
  return useLiveQuery(() => db.records.where('caseId').equals(caseId).sortBy('createdAt'), [caseId]) ?? [];
}

/**
 * How many records each of these cases holds, from the caseId index alone: no record's body is read (a ledger
 * check holds every bill line of its ledger), and only the cases asked for (a page of the list).
 */
export async function recordCounts(database: TariffDb, caseIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (caseIds.length === 0) return counts;
  for (const caseId of (await database.records.where('caseId').anyOf([...caseIds]).keys()) as string[]) counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
  return counts;
}

/** Just these rows of a table by their key (the cases and records a page of conflicts names, a page's people), never the whole table. */
function useRowsByKey<T>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> }, keys: readonly string[], keyOf: (row: T) => string): Map<string, T> | undefined {
  const key = [...new Set(keys)].join('\n');
  return useLiveQuery(async () => new Map((key ? await table.bulkGet(key.split('\n')) : []).filter((x): x is T => x !== undefined).map((x) => [keyOf(x), x])), [key]);
}

export const useCasesById = (ids: readonly string[]): Map<string, LocalCase> | undefined => useRowsByKey(db.cases, ids, (c) => c.id);

export const useRecordsById = (ids: readonly string[]): Map<string, LocalRecord> | undefined => useRowsByKey(db.records, ids, (r) => r.id);

/** Cases whose team holds this certificate number (an inspector's tasks). */
export function useCasesOf(certNo: string): LocalCase[] | undefined {
  return useLiveQuery(async () => (certNo ? db.cases.where('inspectors').equals(certNo).toArray() : []), [certNo]);
}

/** No names yet (one map, so what depends on the names is not made again at every render until they come). */
const NO_NAMES = new Map<string, string>();

/** Inspectors' names by certificate number (a person is shown by name). */
export function useInspectorNames(): Map<string, string> {
  return useLiveQuery(async () => new Map((await db.inspectors.toArray()).map((i) => [i.certNo, i.name])), []) ?? NO_NAMES;
}

/** Certificate number → name of just these inspectors (a page of teams, the people on some case), from the local list. */
export function useNamesOf(certs: readonly string[]): Map<string, string> {
  const found = useRowsByKey(db.inspectors, certs, (i) => i.certNo);
  return useMemo(() => (found ? new Map([...found].map(([certNo, i]) => [certNo, i.name])) : NO_NAMES), [found]);
}

/** An inspector by name with the certificate number the law asks for: 王检查（HD-001）; the number alone when unknown here. */
export function personLabel(names: ReadonlyMap<string, string>, certNo: string): string {
  const name = names.get(certNo);
  return name ? `${name}（${certNo}）` : certNo;
}

/** Where a case's work stands with the hub: changes waiting to be pushed, refused by the hub, in conflict. */
export interface CaseSyncState {
  pending: number;
  rejected: number;
  conflicts: number;
}

/** The sync state of every case that has anything waiting, refused or in conflict (others are synced). */
export function useCaseSyncStates(): Map<string, CaseSyncState> | undefined {
  return useLiveQuery(async () => {
    const states = new Map<string, CaseSyncState>();
    const of = (id: string) => states.get(id) ?? (states.set(id, { pending: 0, rejected: 0, conflicts: 0 }), states.get(id)!);
    // From the caseId index alone: a pending mutation may carry a whole ledger.
    for (const caseId of (await db.outbox.orderBy('caseId').keys()) as string[]) if (caseId) of(caseId).pending += 1;
    await db.hubRejected.each((r) => {
      const caseId = (r.row.args as { caseId?: unknown } | undefined)?.caseId;
      if (typeof caseId === 'string') of(caseId).rejected += 1;
    });
    await db.hubConflicts.each((k) => {
      const resolved = k.row.resolvedAt !== null && k.row.resolvedAt !== undefined;
      if (typeof k.row.caseId === 'string' && !resolved) of(k.row.caseId).conflicts += 1;
    });
    return states;
  }, []);
}

/** Conflicts about a case still open (none settled here or on the hub): the case cannot be approved. */
export function useOpenConflicts(caseId: string): number | undefined {
  return useLiveQuery(() => db.hubConflicts.filter((k) => k.row.caseId === caseId && !k.row.resolvedAt && !k.row.resolution).count(), [caseId]);
}

/**
 * What each case came to so far (absent: nothing found yet), from the statistics' record facts and the refund
 * orders' standings (db/derived.ts): never a record's body.
 */
export async function readCaseResults(database: TariffDb): Promise<Map<string, CaseResult>> {
  const results = new Map<string, CaseResult>();
  const { kind, fields } = RECORD_SHAPE;
  const [kindAt, caseAt] = [fields.indexOf('kind' as never), fields.indexOf('caseId' as never)];
  const [buckets, ordered] = await Promise.all([
    readBuckets(database, kind),
    database.refundFacts.orderBy('caseId').keys() as Promise<string[]>,
  ]);
  for (const b of buckets) b.cols[kindAt]!.forEach((k, i) => k === 'finding' && results.set(b.cols[caseAt]![i] as string, 'findings'));
  for (const caseId of ordered) results.set(caseId, 'refund');
  return results;
}

/** The results, read only while the page filters by them (`wanted`). */
export function useCaseResults(wanted: boolean): Map<string, CaseResult> | undefined {
  return useLiveQuery(async () => (wanted ? readCaseResults(db) : undefined), [wanted]);
}
