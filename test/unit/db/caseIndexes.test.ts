// Cases are read by their team, target and draw through indexes (Dexie version 19), on a device whose cases
// were stored before the indexes existed too: an inspector's tasks, a target's cases and a draw's cases.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordCounts } from '../../../src-renderer/db/cases';
import { openDb } from '../../../src-renderer/db/db';

const D1 = '0195d0a0-0000-7000-8000-0000000000d1';
const kase = (n: number, uscc: string, inspectors: string[], drawId: string | null) => ({
  id: `0195d0a0-0000-7000-8000-0000000000c${n}`, drawId, uscc, entityName: `对象${n}`, address: '', district: '鼓楼区', subdistrict: '',
  inspectors, status: 'assigned', reviewNote: '', missingMedia: [], version: n,
});
const CASES = [
  kase(1, '91350102MA2Y00001E', ['GL-001', 'GL-002'], D1),
  kase(2, '91350102MA2Y00002H', ['GL-002', 'GL-003'], D1),
  kase(3, '91350102MA2Y00001E', ['GL-001', 'GL-003'], null),
];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id.slice(-2)).sort();

describe('case indexes (version 19)', () => {
  it('finds cases by inspector, target and draw, for cases stored before the indexes', async () => {
    const name = 'tariffcheck-v18-cases';
    const old = new Dexie(name);
    old.version(18).stores({ cases: '&id, status, district' });
    await old.table('cases').bulkPut(CASES);
    old.close();
    const db = openDb(name);
    expect(ids(await db.cases.where('inspectors').equals('GL-001').toArray())).toEqual(['c1', 'c3']);
    expect(ids(await db.cases.where('inspectors').equals('GL-002').toArray())).toEqual(['c1', 'c2']);
    expect(ids(await db.cases.where('uscc').equals('91350102MA2Y00001E').toArray())).toEqual(['c1', 'c3']);
    expect(ids(await db.cases.where('drawId').equals(D1).toArray())).toEqual(['c1', 'c2']);
    // A team changed (a case reassigned) moves the case between inspectors' tasks.
    await db.cases.update(CASES[0]!.id, { inspectors: ['GL-003', 'GL-004'] });
    expect(ids(await db.cases.where('inspectors').equals('GL-001').toArray())).toEqual(['c3']);
    expect(ids(await db.cases.where('inspectors').equals('GL-004').toArray())).toEqual(['c1']);
    db.close();
    await Dexie.delete(name);
  });

  it('counts the records of just the cases asked for, from the caseId index', async () => {
    const db = openDb('tariffcheck-record-counts');
    const record = (n: number, caseId: string) => ({ id: `0195d0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, caseId, kind: 'note', createdAt: '2026-12-07T00:00:00.000Z', version: 1, data: { text: 'x'.repeat(n) } });
    await db.records.bulkPut([record(1, CASES[0]!.id), record(2, CASES[1]!.id), record(3, CASES[0]!.id), record(4, CASES[0]!.id), record(5, CASES[2]!.id)] as never);
    expect([...(await recordCounts(db, [CASES[0]!.id, CASES[1]!.id]))].sort()).toEqual([[CASES[0]!.id, 3], [CASES[1]!.id, 1]]);
    expect([...(await recordCounts(db, [CASES[2]!.id]))]).toEqual([[CASES[2]!.id, 1]]);
    expect((await recordCounts(db, [])).size).toBe(0);
    await db.records.delete(record(3, CASES[0]!.id).id);
    expect((await recordCounts(db, [CASES[0]!.id])).get(CASES[0]!.id)).toBe(2);
    db.close();
    await Dexie.delete('tariffcheck-record-counts');
  });
});
