// The statistics' derived rows (db/derived.ts) are written with what they come from, by every path — a ledger
// or finding recorded, edited, pulled or deleted; filings imported, pulled or deleted; refund orders and
// events issued, recorded, pulled or rolled back after a refusal — in the same transaction (one that fails
// leaves neither), and the upgrades to versions 17 and 18 fill them from what a device already holds.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { applyPage } from '../../../src-renderer/sync/engine';
import { putFilings } from '../../../src-renderer/sync/filingsMutators';
import { addRecord, editRecord } from '../../../src-renderer/sync/mutators';
import { issueRefundOrder, recordRefundEvent } from '../../../src-renderer/sync/refundMutators';
import { rescreened, type StoredFiling } from '../../../src-shared/filings/stored';
import type { RefundOrder } from '../../../src-shared/refund/order';
import type { RefundEvent } from '../../../src-shared/refund/tracking';
import { statisticsWorldTables } from '../../fixtures/statisticsWorld';
import { readFacts } from '../../../src-renderer/db/derived';
import { BUCKETS, CASE_SHAPE, ENTITY_SHAPE, FILING_SHAPE, RECORD_SHAPE } from '../../../src-shared/statistics/columns';
import { recordFactOf } from '../../../src-shared/statistics/facts';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';

const CASE = '0195d0a0-0000-7000-8000-00000000ca5e';
const PULLED = '0195d0a0-0000-7000-8000-0000000000b1';
const SHA = 'ab'.repeat(32);
const A = '91350100M000100Y43';
const B = '91350100M000200Y40';

const LEDGER: LedgerCheck = {
  file: { sha256: SHA, name: '台账.xlsx', size: 20480 }, landlord: '万象城', mapping: { fields: { tenant: '商户', kwh: '电量' }, fees: [] },
  method: 'catalogue', key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' }, gridBills: {}, toleranceFen: 0, tariffTable: '示例',
  schedule: [
    { tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] },
    { tenant: '书店', month: '2026-02', chargedFen: 30000, lawfulFen: 28000, overchargeFen: 2000, lines: [5, 6] },
  ],
  totalOverchargeFen: 10766, linesComputed: 3, linesLeftOut: 0,
};

const JANUARY: StoredFiling = {
  key: `${A}|2026-01`, uscc: A, name: '甲商场', month: '2026-01',
  purchaseKwh: '100000', purchaseFen: 6_200_000, transferKwh: '95000', chargedFen: 7_600_000, households: 120,
  category: '一般工商业', voltage: '不满1千伏',
  purchaseAvgPrice: '0.6200', chargedAvgPrice: '0.8000', markupPerKwh: '0.1800', lossRate: '0.0500', catalogueReference: '0.6177',
  estimatedExcessFen: 1_731_850, flags: ['markup', 'above-catalogue'], importedAt: '2026-03-02T01:00:00.000Z', source: '一月报表.xlsx',
};
const LIMITS = { tolerance: '0', lossThreshold: '0.07' };
/** The same month filed again with less charged: no markup, a smaller excess. */
const JANUARY_CORRECTED = rescreened({ ...JANUARY, chargedFen: 5_890_000, importedAt: '2026-03-09T02:00:00.000Z', source: '一月报表（更正）.xlsx' }, LIMITS);
const FEBRUARY: StoredFiling = { ...JANUARY, key: `${A}|2026-02`, month: '2026-02' };
const B_JANUARY: StoredFiling = { ...JANUARY, key: `${B}|2026-01`, uscc: B, name: '乙商场' };

let serial = 0;

const recordFacts = async (db: TariffDb) => (await readFacts(db, RECORD_SHAPE)).map(recordFactOf);
const filingFacts = (db: TariffDb) => readFacts(db, FILING_SHAPE);
const A_BOTH = { uscc: A, months: ['2026-01', '2026-02'], flags: ['above-catalogue', 'markup,above-catalogue'], estimatedExcessFen: [JANUARY_CORRECTED.estimatedExcessFen, 1_731_850] };
const A_FEBRUARY = { uscc: A, months: ['2026-02'], flags: ['markup,above-catalogue'], estimatedExcessFen: [1_731_850] };
const A_JANUARY_CORRECTED = { uscc: A, months: ['2026-01'], flags: ['above-catalogue'], estimatedExcessFen: [JANUARY_CORRECTED.estimatedExcessFen] };
const B_JANUARY_FACT = { uscc: B, months: ['2026-01'], flags: ['markup,above-catalogue'], estimatedExcessFen: [1_731_850] };

async function laptop(): Promise<TariffDb> {
  const db = openDb(`statistics-facts-${++serial}`);
  await saveAccount(db, { hubUrl: '', deviceId: '0195d0a0-0000-7000-8000-0000000000d1', token: 't', user: { id: 'u', username: 'wang', displayName: '王检查', role: 'inspector', district: '鼓楼区', certNo: 'GL-001' } });
  await db.cases.put({ id: CASE, drawId: CASE, uscc: A, entityName: '万象城', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001'], status: 'assigned', reviewNote: '', missingMedia: [], version: 1 });
  return db;
}

const pulledLedger = (totalOverchargeFen: number) => ({
  id: PULLED, caseId: CASE, kind: 'ledgerCheck' as const, data: { ...LEDGER, totalOverchargeFen }, signature: null, createdBy: 'li', createdAt: '2026-06-01T02:00:00.000Z', version: 7,
});

describe('statistics facts of records', () => {
  it('a ledger and a finding recorded through the mutators land with their totals; an edit updates; other kinds have none', async () => {
    const db = await laptop();
    const ledger = await addRecord(db, CASE, 'ledgerCheck', LEDGER);
    const finding = await addRecord(db, CASE, 'finding', { title: '加价收费', detail: '', type: 'markup', amountFen: 500, photos: [] });
    await addRecord(db, CASE, 'meterReading', { meterNo: 'M-1', reading: '12.5', note: '' });
    await editRecord(db, finding, { amountFen: 800 });
    const createdAt = (await db.records.get(ledger))!.createdAt;
    expect(await recordFacts(db)).toEqual([
      { id: ledger, kind: 'ledgerCheck', caseId: CASE, fileSha256: SHA, createdAt, totalOverchargeFen: 10766 },
      { id: finding, kind: 'finding', caseId: CASE, type: 'markup', amountFen: 800 },
    ].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('a ledger pulled from the hub lands with its total, and a later version replaces it', async () => {
    const db = await laptop();
    expect(await applyPage(db, [{ version: 7, table: 'records', key: PULLED, row: pulledLedger(10766) }], '7.1')).toEqual([]);
    expect(await recordFacts(db)).toEqual([{ id: PULLED, kind: 'ledgerCheck', caseId: CASE, fileSha256: SHA, createdAt: '2026-06-01T02:00:00.000Z', totalOverchargeFen: 10766 }]);
    expect(await applyPage(db, [{ version: 8, table: 'records', key: PULLED, row: { ...pulledLedger(2000), version: 8 } }], '8.1')).toEqual([]);
    expect((await recordFacts(db)).map((f) => f.kind === 'ledgerCheck' && f.totalOverchargeFen)).toEqual([2000]);
  });
});

describe('statistics facts of records deleted', () => {
  it('a case\'s records deleted (fetched whole again) take their facts; a table cleared takes them all', async () => {
    const db = await laptop();
    const other = '0195d0a0-0000-7000-8000-0000000000b9';
    await db.records.bulkPut([pulledLedger(10766), { ...pulledLedger(5), id: other, caseId: '0195d0a0-0000-7000-8000-00000000ca5f' }]);
    expect(await recordFacts(db)).toHaveLength(2);
    await db.records.where('caseId').equals(CASE).delete();
    expect((await recordFacts(db)).map((f) => f.id)).toEqual([other]);
    await db.records.clear();
    expect(await recordFacts(db)).toHaveLength(0);
  });

  it('a transaction that fails after writing a record leaves neither the record nor its fact', async () => {
    const db = await laptop();
    await expect(db.transaction('rw', [db.records], async () => {
      await db.records.put(pulledLedger(10766));
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect([await db.records.count(), (await recordFacts(db)).length]).toEqual([0, 0]);
  });
});

describe('statistics facts of filings', () => {
  it('filings imported through the mutator land by landlord and month; a month filed again replaces its figures', async () => {
    const db = await laptop();
    await putFilings(db, [JANUARY, FEBRUARY, B_JANUARY], '报表.xlsx');
    await putFilings(db, [JANUARY_CORRECTED], '更正.xlsx');
    expect(JANUARY_CORRECTED.flags).toEqual(['above-catalogue']);
    expect(await filingFacts(db)).toEqual([A_BOTH, B_JANUARY_FACT]);
  });

  it('filings pulled from the hub land by landlord and month', async () => {
    const db = await laptop();
    const changes = [JANUARY, FEBRUARY, JANUARY_CORRECTED].map((f, i) => ({ version: 20 + i, table: 'filings' as const, key: f.key, row: f as unknown as Record<string, unknown> }));
    expect(await applyPage(db, changes, '22.1')).toEqual([]);
    expect(await filingFacts(db)).toEqual([A_BOTH]);
  });
});

describe('statistics facts of filings deleted', () => {
  it('a filing deleted leaves its landlord\'s row with the months left; the last one takes the row', async () => {
    const db = await laptop();
    await putFilings(db, [JANUARY, FEBRUARY, B_JANUARY], '报表.xlsx');
    await db.filings.delete(JANUARY.key);
    await db.filings.delete(B_JANUARY.key);
    expect(await filingFacts(db)).toEqual([A_FEBRUARY]);
  });
});

const WORLD = statisticsWorldTables();
const ORDER = WORLD.refundOrders![0]!.order as unknown as RefundOrder;
const CASE_C1 = ORDER.caseId;
const PROOF = { sha256: 'cd'.repeat(32), name: '转账凭证.pdf', type: 'application/pdf' as const };
const refundEvent = (n: number, tenant: string, kind: RefundEvent['kind'], amountFen = 0, paidOn: string | null = null): RefundEvent => ({
  id: `0195d0a0-0000-7000-8000-0000000001e${n}`, orderId: ORDER.id, tenant, kind, amountFen, paidOn, proof: kind === 'paid' ? PROOF : null, note: '',
});
const standing = (paidFen: number, verifiedFen: number, owedTenants: number) => ({
  orderId: ORDER.id, caseId: CASE_C1, issuedOn: '2026-04-01', deadline: '2026-04-20', orderedFen: 123050, paidFen, verifiedFen, owedTenants,
});

async function office(): Promise<TariffDb> {
  const db = openDb(`statistics-refunds-${++serial}`);
  await saveAccount(db, { hubUrl: '', deviceId: '0195d0a0-0000-7000-8000-0000000000d2', token: 't', user: { id: 'o', username: 'chen', displayName: '陈科长', role: 'office', district: '鼓楼区', certNo: null } });
  await db.cases.put({ id: CASE_C1, drawId: CASE, uscc: A, entityName: '金鹰购物中心', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001'], status: 'approved', reviewNote: '', missingMedia: [], version: 1 });
  return db;
}

describe('statistics facts of refunds', () => {
  it('an order issued and its events recorded through the mutators keep its standing', async () => {
    const db = await office();
    await issueRefundOrder(db, ORDER);
    expect(await db.refundFacts.toArray()).toEqual([standing(0, 0, 2)]);
    await recordRefundEvent(db, refundEvent(1, '奶茶店', 'paid', 80000, '2026-04-05'));
    await recordRefundEvent(db, refundEvent(2, '书店', 'paid', 10000, '2026-04-06'));
    expect(await db.refundFacts.toArray()).toEqual([standing(90000, 0, 1)]);
    await recordRefundEvent(db, refundEvent(3, '奶茶店', 'verified'));
    await recordRefundEvent(db, refundEvent(4, '书店', 'unreachable'));
    expect(await db.refundFacts.toArray()).toEqual([standing(90000, 80000, 0)]);
  });

  it('an order and events pulled keep its standing; an event the hub refused leaves it, and the standing with it', async () => {
    const db = await office();
    const at = '2026-04-06T02:00:00.000Z';
    const changes = [
      { version: 30, table: 'refundOrders' as const, key: ORDER.id, row: { id: ORDER.id, caseId: CASE_C1, order: ORDER, issuedBy: '陈科长', issuedAt: at, version: 30 } },
      ...[refundEvent(1, '奶茶店', 'paid', 80000, '2026-04-05'), refundEvent(2, '奶茶店', 'verified')].map((event, i) => ({
        version: 31 + i, table: 'refundEvents' as const, key: event.id, row: { id: event.id, caseId: CASE_C1, event, by: '陈科长', at, version: 31 + i },
      })),
    ];
    expect(await applyPage(db, changes as never, '32.1')).toEqual([]);
    expect(await db.refundFacts.toArray()).toEqual([standing(80000, 80000, 1)]);
    const refused = { version: 33, table: 'rejected' as const, key: 'r1', row: { name: 'recordRefundEvent', args: { event: { id: refundEvent(2, '奶茶店', 'verified').id } }, reason: 'verified-already' } };
    expect(await applyPage(db, [refused] as never, '33.1')).toEqual([]);
    expect(await db.refundFacts.toArray()).toEqual([standing(80000, 0, 1)]);
    await db.refundOrders.delete(ORDER.id);
    expect(await db.refundFacts.count()).toBe(0);
  });
});

const TARGET = { uscc: A, name: '万象城', kind: 'mall' as const, district: '鼓楼区', subdistrict: '东街街道', address: '八一七北路 1 号', lng: 119.3, lat: 26.08, tenantCount: 10, contact: '', phone: '', credit: 'yellow' as const, lastInspectors: [], active: true };
const TARGET_FACT = { uscc: A, name: '万象城', district: '鼓楼区', credit: 'yellow', lng: 119.3, lat: 26.08, active: true };
const CASE_FACT = { id: CASE, drawId: CASE, uscc: A, entityName: '万象城', district: '鼓楼区', status: 'assigned', closedOn: null, origin: 'draw', receivedOn: null };

describe('statistics facts of targets and cases', () => {
  it('a target and a case written land as their facts; a case approved carries its day; a target deleted takes its fact', async () => {
    const db = await laptop();
    await db.entities.put(TARGET);
    expect(await readFacts(db, ENTITY_SHAPE)).toEqual([TARGET_FACT]);
    expect(await readFacts(db, CASE_SHAPE)).toEqual([CASE_FACT]);
    await db.cases.update(CASE, { status: 'approved', closedOn: '2026-06-03' });
    expect(await readFacts(db, CASE_SHAPE)).toEqual([{ ...CASE_FACT, status: 'approved', closedOn: '2026-06-03' }]);
    await db.entities.delete(A);
    expect(await readFacts(db, ENTITY_SHAPE)).toEqual([]);
  });

  it('writes issued together in one transaction all land, though they share a bucket', async () => {
    const db = await laptop();
    const targets = Array.from({ length: 3 * BUCKETS }, (_, i) => ({ ...TARGET, uscc: `91350100M${String(i).padStart(8, '0')}X`, name: `商场${i}` }));
    await db.transaction('rw', [db.entities], () => Promise.all(targets.map((t) => db.entities.put(t))));
    const facts = await readFacts(db, ENTITY_SHAPE);
    expect(facts.map((f) => f.name)).toEqual(targets.map((t) => t.name));
    expect(await db.statColumns.where('id').startsWith('entities/').count()).toBeLessThanOrEqual(BUCKETS);
  });
});

describe('statistics database version 20', () => {
  it('fills the column store from the targets, cases, ledgers, findings and filings stored before it', async () => {
    const name = 'tariffcheck-v19-statistics';
    const old = new Dexie(name);
    old.version(19).stores({ entities: '&uscc', cases: '&id, status, district', records: '&id, caseId, kind', filings: '&key, uscc, month', recordFacts: '&id, caseId', filingLandlords: '&uscc' });
    await old.table('records').bulkPut([
      pulledLedger(10766),
      { ...pulledLedger(0), id: '0195d0a0-0000-7000-8000-0000000000b2', kind: 'finding', data: { title: '加价收费', detail: '', photos: [] } },
      { ...pulledLedger(0), id: '0195d0a0-0000-7000-8000-0000000000b3', kind: 'meterReading', data: { meterNo: 'M-1', reading: '1', note: '' } },
    ]);
    await old.table('filings').bulkPut([JANUARY_CORRECTED, B_JANUARY]);
    await old.table('entities').put(TARGET);
    await old.table('cases').put({ id: CASE, drawId: CASE, uscc: A, entityName: '万象城', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001'], status: 'assigned', reviewNote: '', missingMedia: [], version: 1 });
    old.close();
    const upgraded = openDb(name);
    expect(await recordFacts(upgraded)).toEqual([
      { id: PULLED, kind: 'ledgerCheck', caseId: CASE, fileSha256: SHA, createdAt: '2026-06-01T02:00:00.000Z', totalOverchargeFen: 10766 },
      { id: '0195d0a0-0000-7000-8000-0000000000b2', kind: 'finding', caseId: CASE, type: null, amountFen: null },
    ]);
    expect(await filingFacts(upgraded)).toEqual([A_JANUARY_CORRECTED, B_JANUARY_FACT]);
    expect(await readFacts(upgraded, ENTITY_SHAPE)).toEqual([TARGET_FACT]);
    expect(await readFacts(upgraded, CASE_SHAPE)).toEqual([CASE_FACT]);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('recordFacts');
    upgraded.close();
    await Dexie.delete(name);
  });
});

describe('statistics database version 18', () => {
  it('fills each refund order\'s standing from the orders and events stored before it', async () => {
    const name = 'tariffcheck-v17-refunds';
    const old = new Dexie(name);
    old.version(17).stores({ refundOrders: '&id, caseId', refundEvents: '&id, orderId, caseId' });
    await old.table('refundOrders').bulkPut(WORLD.refundOrders!);
    await old.table('refundEvents').bulkPut(WORLD.refundEvents!);
    old.close();
    const upgraded = openDb(name);
    expect(await upgraded.refundFacts.toArray()).toEqual([standing(90000, 80000, 1)]);
    upgraded.close();
    await Dexie.delete(name);
  });
});
