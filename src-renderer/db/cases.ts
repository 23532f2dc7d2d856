// Reads of the cases on this device and their records, for the pages.
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type LocalCase, type LocalRecord } from './db';

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

/** Records per case id. */
export function useRecordCounts(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const map = new Map<string, number>();
    await db.records.each((r) => map.set(r.caseId, (map.get(r.caseId) ?? 0) + 1));
    return map;
  }, []);
}

export function useCaseMap(): Map<string, LocalCase> {
  return useLiveQuery(async () => new Map((await db.cases.toArray()).map((c) => [c.id, c])), []) ?? new Map<string, LocalCase>();
}

export function useRecordsById(ids: readonly string[]): Map<string, LocalRecord> | undefined {
  return useLiveQuery(async () => new Map((await db.records.bulkGet([...ids])).filter((x): x is LocalRecord => x !== undefined).map((x) => [x.id, x])), [ids.join(',')]);
}

/** Cases whose team holds this certificate number (an inspector's tasks). */
export function useCasesOf(certNo: string): LocalCase[] | undefined {
  return useLiveQuery(async () => (certNo ? (await db.cases.toArray()).filter((c) => c.inspectors.includes(certNo)) : []), [certNo]);
}

/** Inspectors' names by certificate number (a person is shown by name). */
export function useInspectorNames(): Map<string, string> {
  return useLiveQuery(async () => new Map((await db.inspectors.toArray()).map((i) => [i.certNo, i.name])), []) ?? new Map();
}

/** An inspector by name with the certificate number the law asks for: 王检查（HD-001）; the number alone when unknown here. */
export function personLabel(names: ReadonlyMap<string, string>, certNo: string): string {
  const name = names.get(certNo);
  return name ? `${name}（${certNo}）` : certNo;
}
