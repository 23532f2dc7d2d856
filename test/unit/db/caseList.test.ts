// The cases page's filter column (state/caseFilter.ts): filled by version 23 for the cases stored before it,
// kept by every write of a case (db/derived.ts), and what each case came to, read from derived facts.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readCaseResults, readCaseRows } from '../../../src-renderer/db/cases';
import { openDb } from '../../../src-renderer/db/db';

const D1 = '0195d0a0-0000-7000-8000-0000000000d1';
const id = (n: number) => `0195d0a0-0000-7000-8000-0000000000c${n}`;
const kase = (n: number, district: string, inspectors: string[], extra: Record<string, unknown> = {}) => ({
  id: id(n), drawId: D1, uscc: `91350102MA2Y0000${n}E`, entityName: `对象${n}`, address: `路${n}号`, district, subdistrict: '',
  inspectors, status: 'assigned', reviewNote: '', missingMedia: [], version: n, ...extra,
});
const row = (n: number, district: string, inspectors: string[], status = 'assigned', drawId: string | null = D1, origin = 'draw') => ({
  id: id(n), district, status, drawId, origin, inspectors, text: `对象${n}\u000091350102MA2Y0000${n}E\u0000路${n}号\u0000${inspectors.join('\u0000')}`,
});

describe('the case list column', () => {
  it('is filled for the cases stored before it, in district then id order', async () => {
    const name = 'tariffcheck-v22-case-list';
    const old = new Dexie(name);
    old.version(18).stores({ cases: '&id, status, district' });
    await old.table('cases').bulkPut([kase(3, '鼓楼区', ['gl-001']), kase(1, '台江区', ['TJ-001']), kase(2, '鼓楼区', ['GL-002'], { status: 'submitted' })]);
    old.close();
    const db = openDb(name);
    // Folded: the lower-case certificate number is searched as upper case.
    expect(await readCaseRows(db)).toEqual([row(1, '台江区', ['TJ-001']), row(2, '鼓楼区', ['GL-002'], 'submitted'), { ...row(3, '鼓楼区', ['gl-001']), text: row(3, '鼓楼区', ['GL-001']).text }]);
    db.close();
    await Dexie.delete(name);
  });

  it('follows every write of a case: added, changed, deleted, targeted', async () => {
    const db = openDb('tariffcheck-case-list-kept');
    await db.cases.bulkPut([kase(1, '鼓楼区', ['GL-001']), kase(2, '鼓楼区', ['GL-002'])] as never);
    await db.cases.update(id(1), { status: 'returned', inspectors: ['GL-003'] });
    await db.cases.put(kase(4, '仓山区', ['CS-001'], { drawId: null, origin: 'complaint' }) as never);
    await db.cases.delete(id(2));
    expect(await readCaseRows(db)).toEqual([row(4, '仓山区', ['CS-001'], 'assigned', null, 'complaint'), row(1, '鼓楼区', ['GL-003'], 'returned')]);
    await db.cases.clear();
    expect(await readCaseRows(db)).toEqual([]);
    db.close();
    await Dexie.delete('tariffcheck-case-list-kept');
  });

  it('says which cases have findings and which a refund order, from derived facts', async () => {
    const db = openDb('tariffcheck-case-results');
    const record = (n: number, caseId: string, kind: string, data: unknown) => ({ id: `0195d0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, caseId, kind, createdAt: '2026-12-07T00:00:00.000Z', version: 1, data });
    await db.records.bulkPut([
      record(1, id(1), 'finding', { type: 'overcharge', amountFen: 100 }),
      record(2, id(2), 'note', { text: 'x' }),
      record(3, id(3), 'finding', { type: 'overcharge', amountFen: 5 }),
    ] as never);
    await db.refundOrders.put({ id: '0195d0a0-0000-7000-8000-0000000002a1', caseId: id(3), order: { tenants: [], deadline: '2027-01-05', issuedOn: '2026-12-05' } } as never);
    expect([...(await readCaseResults(db))].sort()).toEqual([[id(1), 'findings'], [id(3), 'refund']]);
    await db.records.delete(record(1, id(1), 'finding', null).id);
    expect([...(await readCaseResults(db))]).toEqual([[id(3), 'refund']]);
    db.close();
    await Dexie.delete('tariffcheck-case-results');
  });
});
