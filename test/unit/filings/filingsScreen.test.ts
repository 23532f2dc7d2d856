// 申报筛查 as its worker does it (db/filingsScreen.ts): the stored months screened again with the page's limits and
// ranked, the months those limits flag otherwise counted, and saved through the filings mutator with where they
// came from; a landlord's months read when it is opened, in order.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescreened, type StoredFiling } from '../../../src-shared/filings/stored';
import type { Entity } from '../../../src-shared/domain';
import { db } from '../../../src-renderer/db/db';
import { monthsOf, monthsOfAll, readScreening, saveRescreened, screenWorld } from '../../../src-renderer/db/filingsScreen';
import { saveProfile } from '../../../src-renderer/state/profile';
import { putFilings } from '../../../src-renderer/sync/filingsMutators';

const A = '91350100M000100Y43';
const B = '91350100M000200Y3X';
const NONE = { tolerance: '0', lossThreshold: '0.07' };
const LOOSE = { tolerance: '0.02', lossThreshold: '0.07' };

function month(uscc: string, name: string, m: string, purchaseKwh: string, purchaseFen: number, transferKwh: string, chargedFen: number): StoredFiling {
  return rescreened({
    key: `${uscc}|${m}`, uscc, name, month: m, purchaseKwh, purchaseFen, transferKwh, chargedFen, households: null, category: '一般工商业', voltage: '不满1千伏',
    purchaseAvgPrice: '', chargedAvgPrice: '', markupPerKwh: '', lossRate: '', catalogueReference: '0.6177', estimatedExcessFen: 0, flags: [], importedAt: '2026-03-02T01:00:00.000Z', source: 'f.xlsx',
  }, NONE);
}
const FILINGS = [
  month(A, '甲商场', '2026-02', '80000', 4_960_000, '72000', 4_600_000), // markup 0.0189: flagged at no tolerance only
  month(B, '乙大厦', '2026-01', '50000', 3_100_000, '49000', 3_000_000),
  month(A, '甲商场', '2026-01', '100000', 6_200_000, '95000', 7_600_000),
];
const listedB: Entity = {
  uscc: B, name: '乙大厦', kind: 'office_building', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', credit: null, lastInspectors: [], active: true,
};

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await db.entities.put(listedB);
  await putFilings(db, FILINGS, 'f.xlsx');
});

describe('申报筛查 in its worker', () => {
  it('ranks the landlords under the limits, marks those not on the list, and counts the months flagged otherwise than stored', async () => {
    const stored = screenWorld(await readScreening(db), NONE);
    expect(stored.changed).toBe(0);
    expect(stored.rows.map((r) => [r.rank, r.uscc, r.months, r.flaggedMonths, r.listed, r.flaggedIn])).toEqual([
      [1, A, 2, 2, false, ['2026-01', '2026-02']],
      [2, B, 1, 0, true, []],
    ]);
    const loose = screenWorld(await readScreening(db), LOOSE);
    expect(loose.changed).toBe(1);
    expect(loose.rows[0]!.flagCounts).toEqual([{ flag: 'markup', count: 1 }, { flag: 'above-catalogue', count: 2 }, { flag: 'loss', count: 1 }]);
  });

  it('saves the changed months only, with their origin, through the mutator; a landlord’s months come oldest first', async () => {
    const origin = { importedAt: '2026-12-07T08:00:00.000Z', source: '重新筛查（容差 0.02，阈值 0.07）' };
    expect(await saveRescreened(db, LOOSE, origin)).toBe(1);
    const feb = await db.filings.get(`${A}|2026-02`);
    expect([feb!.flags, feb!.source, feb!.importedAt]).toEqual([['above-catalogue', 'loss'], origin.source, origin.importedAt]);
    expect((await db.filings.get(`${A}|2026-01`))!.source).toBe('f.xlsx');
    const queued = (await db.outbox.toArray()).filter((m) => m.name === 'putFilings').map((m) => (m.args as { rows: StoredFiling[] }).rows.map((r) => r.key));
    expect(queued).toEqual([FILINGS.map((f) => f.key), [`${A}|2026-02`]]);
    expect((screenWorld(await readScreening(db), LOOSE)).changed).toBe(0);

    expect((await monthsOf(db, A, NONE)).map((f) => [f.month, f.flags.length])).toEqual([['2026-01', 2], ['2026-02', 3]]);
    expect((await monthsOfAll(db, [B, A], NONE)).map((f) => f.key)).toEqual([`${B}|2026-01`, `${A}|2026-01`, `${A}|2026-02`]);
  });
});
