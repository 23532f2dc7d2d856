// Reads of the cases on this device and their records, for the pages.
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type LocalCase, type LocalRecord, type TariffDb } from './db';

export type { LocalCase, LocalRecord };

export function useCases(): LocalCase[] | undefined {
  return useLiveQuery(() => db.cases.orderBy('district').toArray(), []);
}

export function useCase(id: string): LocalCase | undefined {
  return useLiveQuery(() => db.cases.get(id), [id]);
}

/** A case's records in the order they were made. */
export function useCaseRecords(caseId: string): LocalRecord[] {
  return useLiveQuery(() => db.records.where('caseId').equals(caseId).sortBy('createdAt'), [caseId]) ?? [];
}

/**
 * Records per case id, from the caseId index alone: no record's body is read (a ledger check holds every
 * bill line of its ledger, and the cases page counted by reading them all).
 */
export async function recordCounts(database: TariffDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const caseId of (await database.records.orderBy('caseId').keys()) as string[]) counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
  return counts;
}

export function useRecordCounts(): Map<string, number> | undefined {
  return useLiveQuery(() => recordCounts(db), []);
}

export function useCaseMap(): Map<string, LocalCase> {
  return useLiveQuery(async () => new Map((await db.cases.toArray()).map((c) => [c.id, c])), []) ?? new Map<string, LocalCase>();
}

export function useRecordsById(ids: readonly string[]): Map<string, LocalRecord> | undefined {
  return useLiveQuery(async () => new Map((await db.records.bulkGet([...ids])).filter((x): x is LocalRecord => x !== undefined).map((x) => [x.id, x])), [ids.join(',')]);
}

/** Cases whose team holds this certificate number (an inspector's tasks). */
export function useCasesOf(certNo: string): LocalCase[] | undefined {
  return useLiveQuery(async () => (certNo ? db.cases.where('inspectors').equals(certNo).toArray() : []), [certNo]);
}

/** Inspectors' names by certificate number (a person is shown by name). */
export function useInspectorNames(): Map<string, string> {
  return useLiveQuery(async () => new Map((await db.inspectors.toArray()).map((i) => [i.certNo, i.name])), []) ?? new Map();
}

const NO_NAMES = new Map<string, string>();

/** Certificate number → name of just these inspectors (a page of teams), from the local list. */
export function useNamesOf(certs: readonly string[]): Map<string, string> {
  const key = certs.join('\n');
  return useLiveQuery(async () => {
    const found = key ? await db.inspectors.bulkGet([...new Set(key.split('\n'))]) : [];
    return new Map(found.flatMap((i) => (i ? [[i.certNo, i.name] as const] : [])));
  }, [key]) ?? NO_NAMES;
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
    await db.outbox.each((m) => void (m.caseId && (of(m.caseId).pending += 1)));
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

/** What each case came to so far: findings recorded, a refund ordered (cases absent: nothing found yet). */
export type CaseResult = 'none' | 'findings' | 'refund';

export function useCaseResults(): Map<string, CaseResult> | undefined {
  return useLiveQuery(async () => {
    const results = new Map<string, CaseResult>();
    await db.records.where('kind').equals('finding').each((r) => results.set(r.caseId, 'findings'));
    await db.refundOrders.each((o) => results.set(o.caseId, 'refund'));
    return results;
  }, []);
}
