import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { CREDIT_GRADES, ENTITY_KINDS, type Entity, type Inspector, type ListKind } from '../../../src-shared/domain';
import { db, openDb } from '../../../src-renderer/db/db';
import { readColumn } from '../../../src-renderer/db/listColumn';
import { activeCounts, filterOptions, indexed, matchingRows, queryList, targetDistricts } from '../../../src-renderer/db/listQuery';
import { saveProfile } from '../../../src-renderer/state/profile';
import type { ListFilter } from '../../../src-renderer/state/listFilter';
import { setCreditGrades } from '../../../src-renderer/sync/creditMutators';
import { applyPage } from '../../../src-renderer/sync/engine';
import { putListRows, setActive } from '../../../src-renderer/sync/referenceMutators';
import { syntheticLists, syntheticUscc } from '../../fixtures/synthetic';

const entity = (over: Partial<Entity> & Pick<Entity, 'uscc' | 'name'>): Entity => ({
  kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', credit: null, lastInspectors: [], active: true, ...over,
});

const HAND = [
  entity({ uscc: '91350100M000100Y43', name: '福州万象城', address: '五四路 128 号', contact: '张三', credit: 'green' }),
  entity({ uscc: '91110000600037341L', name: '软件园', kind: 'industrial_park', district: '仓山区', subdistrict: '城门镇', address: '城门镇软件大道', contact: '李四', credit: 'red' }),
  entity({ uscc: '91310115MA1K3BTP2B', name: '世贸写字楼', kind: 'office_building', subdistrict: '温泉街道', address: '五四路 89 号', contact: '王五', active: false }),
];

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
});

const page = (kind: ListKind, f: ListFilter, offset = 0, limit = 1000) => queryList(db, kind, f, offset, limit);
const names = async (f: ListFilter) => (await page('entities', f)).rows.map((r) => r.name);

/** The filters' meaning written out plainly, field by field: what the query layer must agree with. */
const fold = (s: string) => s.normalize('NFKC').toUpperCase();
function oracle(kind: ListKind, rows: (Entity | Inspector)[], f: ListFilter): string[] {
  const q = fold(f.text.trim());
  return rows
    .filter((r) => {
      const e = kind === 'entities' ? (r as Entity) : null;
      const fields = e ? [e.name, e.uscc, e.address, e.contact] : [r.name, (r as Inspector).certNo, (r as Inspector).unit];
      return (
        (!f.district || r.district === f.district) &&
        (!f.subdistrict || r.subdistrict === f.subdistrict) &&
        (!e || !f.kind || e.kind === f.kind) &&
        (!e || !f.credit || (f.credit === 'none' ? e.credit === null : e.credit === f.credit)) &&
        (!f.status || (f.status === 'active') === r.active) &&
        (!q || fields.some((v) => fold(v).includes(q)))
      );
    })
    .map((r) => keyOf(kind, r))
    .sort();
}

const keyOf = (kind: ListKind, r: Entity | Inspector) => (kind === 'entities' ? (r as Entity).uscc : (r as Inspector).certNo);

describe('list queries', () => {
  it('search name, code, address and contact, in code order, counting the whole list', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    expect(await page('entities', { text: '万象' })).toMatchObject({ shown: 1, total: 3 });
    expect(await names({ text: '万象' })).toEqual(['福州万象城']);
    expect(await names({ text: 'ma1k3' })).toEqual(['世贸写字楼']);
    expect(await names({ text: '五四路' })).toEqual(['世贸写字楼', '福州万象城']);
    expect(await names({ text: '李四' })).toEqual(['软件园']);
    expect(await names({ text: '' })).toEqual(['软件园', '世贸写字楼', '福州万象城']);
    expect(await names({ text: '不存在' })).toEqual([]);
  });

  it('fold full-width and lower-case input as the user types it', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    expect(await names({ text: '９１１１' })).toEqual(['软件园']);
    expect(await names({ text: 'ｍａ１ｋ３' })).toEqual(['世贸写字楼']);
    expect(await names({ text: '  五四路 １２８  ' })).toEqual(['福州万象城']);
  });

  it('answer every combination of filters and a search exactly as the filters read, by index or by the search column', async () => {
    const { entities, inspectors } = syntheticLists({ seed: 7, entities: 700, inspectors: 120, districts: 4, subdistrictsPerDistrict: 3, inactiveShare: 0.2, inspectorSubdistrictShare: 0.5 });
    await putListRows(db, 'entities', entities, 'import');
    await putListRows(db, 'inspectors', inspectors, 'import');
    const [d1, d2] = [entities[0]!.district, entities.find((r) => r.district !== entities[0]!.district)!.district];
    const s1 = entities[0]!.subdistrict;
    let byIndex = 0;
    let checked = 0;
    let found = 0;
    for (const district of [undefined, d1, d2])
      for (const subdistrict of [undefined, s1])
        for (const kind of [undefined, ENTITY_KINDS[0]])
          for (const credit of [undefined, 'none', CREDIT_GRADES[0]] as const)
            for (const status of [undefined, 'active', 'inactive'] as const)
              for (const t of ['', '万达', '周', '３２０']) {
                const f: ListFilter = { text: t, district, subdistrict, kind, credit, status };
                for (const [k, rows] of [['entities', entities], ['inspectors', inspectors]] as const) {
                  const expected = oracle(k, rows, f);
                  const got = await page(k, f);
                  const key = (r: Entity | Inspector) => keyOf(k, r);
                  expect({ f, k, keys: got.rows.map(key) }).toEqual({ f, k, keys: expected });
                  expect(got.shown).toBe(expected.length);
                  expect(got.total).toBe(rows.length);
                  expect((await matchingRows(db, k, f)).map(key)).toEqual(expected);
                  if (indexed(db, k, f)) byIndex++;
                  if (expected.length > 0) found++;
                  checked++;
                }
              }
    expect(checked).toBe(2 * 3 * 2 * 2 * 3 * 3 * 4);
    // Most combinations find something (the others are asked too: an empty answer must be empty).
    expect(found).toBe(532);
    // Without a search or status: targets with no filter, one district (2), district + sub-district (2), one kind,
    // one grade; inspectors (kind and grade not theirs, 2 × 3 each) with no filter, one district (2) or district +
    // sub-district (2).
    expect(byIndex).toBe(7 + 5 * 6);
  });

  it('answer one district, one district and sub-district, one kind and one grade from an index, the rest from the search column', async () => {
    const covered = (f: Omit<ListFilter, 'text'>) => indexed(db, 'entities', { text: '', ...f }) !== null;
    expect([covered({}), covered({ district: '鼓楼区' }), covered({ district: '鼓楼区', subdistrict: '东街街道' }), covered({ kind: 'mall' }), covered({ credit: 'red' })]).toEqual([true, true, true, true, true]);
    expect([covered({ status: 'active' }), covered({ credit: 'none' }), covered({ subdistrict: '东街街道' }), covered({ district: '鼓楼区', kind: 'mall' })]).toEqual([false, false, false, false]);
    expect(indexed(db, 'entities', { text: '万', district: '鼓楼区' })).toBeNull();
    // An inspector has no kind: a kind left over in the filter is not one of the inspectors'.
    expect(indexed(db, 'inspectors', { text: '', district: '鼓楼区', kind: 'mall' })).not.toBeNull();
  });

  it('page through both paths in code order, far pages from the search column, the last page short and past it empty', async () => {
    const { entities } = syntheticLists({ seed: 3, entities: 5234, inspectors: 1, districts: 2 });
    await putListRows(db, 'entities', entities, 'import');
    const sorted = entities.map((e) => e.uscc).sort();
    const active = entities.filter((e) => e.active).map((e) => e.uscc).sort();
    for (const [f, all] of [[{ text: '' }, sorted], [{ text: '', status: 'active' }, active]] as const) {
      const keys = async (offset: number, limit: number) => (await page('entities', f, offset, limit)).rows.map((r) => (r as Entity).uscc);
      expect(await keys(0, 100)).toEqual(all.slice(0, 100));
      expect(await keys(500, 100)).toEqual(all.slice(500, 600));
      // Either side of the offset where the index gives way to the search column's keys.
      expect(await keys(4950, 100)).toEqual(all.slice(4950, 5050));
      expect(await keys(5000, 100)).toEqual(all.slice(5000, 5100));
      expect(await keys(all.length - 34, 100)).toEqual(all.slice(-34));
      expect(await keys(all.length - 1, 100)).toEqual(all.slice(-1));
      expect(await keys(all.length, 100)).toEqual([]);
      expect(await page('entities', f, all.length + 500, 100)).toMatchObject({ rows: [], shown: all.length, total: 5234 });
    }
  });

  it('move a row into and out of a filter when it is edited or deactivated, and the search with it', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    const [mall] = HAND;
    expect(await names({ text: '', status: 'inactive' })).toEqual(['世贸写字楼']);
    await setActive(db, 'entities', mall!, false);
    expect(await names({ text: '', status: 'inactive' })).toEqual(['世贸写字楼', '福州万象城']);
    expect(await names({ text: '', status: 'active' })).toEqual(['软件园']);
    await putListRows(db, 'entities', [{ ...mall!, active: false, name: '福州万象城（二期）', district: '仓山区', subdistrict: '城门镇' }], 'edit');
    expect(await names({ text: '二期' })).toEqual(['福州万象城（二期）']);
    expect(await names({ text: '', district: '鼓楼区' })).toEqual(['世贸写字楼']);
    expect(await names({ text: '', district: '仓山区', subdistrict: '城门镇' })).toEqual(['软件园', '福州万象城（二期）']);
    expect(await names({ text: '', district: '仓山区', status: 'inactive' })).toEqual(['福州万象城（二期）']);
    await setActive(db, 'entities', { ...mall!, active: false, name: '福州万象城（二期）', district: '仓山区', subdistrict: '城门镇' }, true);
    expect(await names({ text: '', district: '仓山区', status: 'inactive' })).toEqual([]);
    expect(await names({ text: '万象城', status: 'active' })).toEqual(['福州万象城（二期）']);
  });

  it('count the active rows of each list as a walk over every row does, after a deactivation and an edit', async () => {
    const inspectors = syntheticLists({ seed: 4, entities: 1, inspectors: 30, districts: 2 }).inspectors.map((i, n) => (n % 7 === 0 ? { ...i, active: false } : i));
    await putListRows(db, 'entities', HAND, 'import');
    await putListRows(db, 'inspectors', inspectors, 'import');
    const walked = async () => ({ entities: await db.entities.filter((e) => e.active).count(), inspectors: await db.inspectors.filter((i) => i.active).count() });
    expect(await activeCounts(db)).toEqual({ entities: 2, inspectors: 25 });
    expect(await activeCounts(db)).toEqual(await walked());
    await setActive(db, 'entities', HAND[0]!, false);
    await setActive(db, 'inspectors', inspectors[0]!, true);
    await putListRows(db, 'entities', [{ ...HAND[1]!, name: '软件园（二期）' }], 'edit');
    expect(await activeCounts(db)).toEqual({ entities: 1, inspectors: 26 });
    expect(await activeCounts(db)).toEqual(await walked());
  });

  it('find rows the hub sent, changed or new, as soon as the pull stores them', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    await db.outbox.clear();
    const changes = [
      { version: 9, table: 'entities' as const, key: HAND[1]!.uscc, row: { ...HAND[1]!, name: '海峡软件园' } },
      { version: 10, table: 'entities' as const, key: '91350100M000100Y43', row: { ...HAND[0]!, contact: '赵六' } },
      { version: 11, table: 'inspectors' as const, key: 'FJ-7', row: { certNo: 'FJ-7', name: '周七', unit: '台江所', district: '台江区', subdistrict: '', phone: '', conflicts: [], active: true } },
    ];
    expect(await applyPage(db, changes, '11.1')).toEqual([]);
    expect(await names({ text: '海峡' })).toEqual(['海峡软件园']);
    expect(await names({ text: '赵六' })).toEqual(['福州万象城']);
    expect(await names({ text: '张三' })).toEqual([]);
    expect((await page('inspectors', { text: '台江' })).rows.map((r) => r.name)).toEqual(['周七']);
  });

  it('keep the search column in code order in chunks of at most 500 when rows arrive in any order', async () => {
    const { entities } = syntheticLists({ seed: 11, entities: 2600, inspectors: 1 });
    await putListRows(db, 'entities', entities.slice(0, 1300), 'import');
    for (const e of entities.slice(1300, 1340)) await putListRows(db, 'entities', [e], 'create');
    await putListRows(db, 'entities', entities.slice(1340), 'import');
    await putListRows(db, 'entities', entities.slice(0, 40).map((e) => ({ ...e, contact: '新联系人' })), 'edit');
    const chunks = await readColumn(db.listChunks, 'entities');
    const keys = chunks.flatMap((c) => c.keys);
    expect(keys).toEqual(entities.map((e) => e.uscc).sort());
    expect(chunks.every((c) => c.keys.length <= 500 && c.first === c.keys[0])).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(6);
    expect(await page('entities', { text: '新联系人' }, 0, 5000)).toMatchObject({ shown: 40 });
    expect(await page('entities', { text: '' }, 0, 1)).toMatchObject({ shown: 2600, total: 2600 });
  });

  it('count each list from its kept total: new rows counted once, rows edited, pulled again or graded not again', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    await putListRows(db, 'entities', [HAND[0]!, entity({ uscc: syntheticUscc(1, 5), name: '东百中心' })], 'import');
    await setActive(db, 'entities', HAND[1]!, false);
    await setCreditGrades(db, [{ uscc: HAND[0]!.uscc, grade: 'yellow', reason: '投诉属实' }]);
    await db.outbox.clear();
    const pulled = [
      { version: 9, table: 'entities' as const, key: HAND[2]!.uscc, row: { ...HAND[2]!, name: '世贸大厦' } },
      { version: 10, table: 'entities' as const, key: syntheticUscc(2, 6), row: entity({ uscc: syntheticUscc(2, 6), name: '宝龙广场' }) },
      { version: 11, table: 'inspectors' as const, key: 'FJ-7', row: { certNo: 'FJ-7', name: '周七', unit: '台江所', district: '台江区', subdistrict: '', phone: '', conflicts: [], active: true } },
    ];
    expect(await applyPage(db, pulled, '11.1')).toEqual([]);
    expect(await applyPage(db, pulled, '11.1')).toEqual([]);
    expect(await page('entities', { text: '' }, 0, 2)).toMatchObject({ shown: 5, total: 5 });
    expect(await page('entities', { text: '', status: 'active' }, 0, 2)).toMatchObject({ shown: 3, total: 5 });
    expect(await page('entities', { text: '', district: '仓山区' }, 0, 2)).toMatchObject({ shown: 1, total: 5 });
    expect(await page('inspectors', { text: '' })).toMatchObject({ shown: 1, total: 1 });
    expect(await db.listTotals.toArray()).toEqual([{ kind: 'entities', rows: 5 }, { kind: 'inspectors', rows: 1 }]);
  });

  it('read a column of many chunks whole in a new window, page by page, and what a write changed after it', async () => {
    const { entities } = syntheticLists({ seed: 12, entities: 12_000, inspectors: 1 });
    await putListRows(db, 'entities', entities, 'import');
    expect(await db.listChunks.count()).toBeGreaterThan(25);
    const other = openDb();
    const keys = (await readColumn(other.listChunks, 'entities')).flatMap((c) => c.keys);
    expect(keys).toEqual(entities.map((e) => e.uscc).sort());
    await putListRows(db, 'entities', [{ ...entities[7]!, contact: '新联系人' }], 'edit');
    expect((await queryList(other, 'entities', { text: '新联系人' }, 0, 10)).rows.map((r) => r.name)).toEqual([entities[7]!.name]);
    expect(await queryList(other, 'entities', { text: '' }, 0, 1)).toMatchObject({ shown: 12_000, total: 12_000 });
    other.close();
  });

  it('read again what another write changed after the column was read, and all of it after the list was cleared', async () => {
    await putListRows(db, 'entities', HAND, 'import');
    expect(await names({ text: '万象' })).toEqual(['福州万象城']);
    await Promise.all([db.entities.clear(), db.listChunks.clear(), db.listTotals.clear()]);
    await putListRows(db, 'entities', [entity({ uscc: HAND[0]!.uscc, name: '东百中心' })], 'create');
    expect(await names({ text: '万象' })).toEqual([]);
    expect(await names({ text: '东百' })).toEqual(['东百中心']);
  });

  it('take the drop-downs and the draw’s districts from the indexes', async () => {
    await putListRows(db, 'entities', [...HAND, entity({ uscc: syntheticUscc(1, 5), name: '无街镇', district: '鼓楼区', subdistrict: '' })], 'import');
    expect(await filterOptions(db, 'entities', undefined)).toEqual({ districts: ['仓山区', '鼓楼区'], subdistricts: ['城门镇', '东街街道', '温泉街道'] });
    expect(await filterOptions(db, 'entities', '鼓楼区')).toEqual({ districts: ['仓山区', '鼓楼区'], subdistricts: ['东街街道', '温泉街道'] });
    expect(await targetDistricts(db)).toEqual(['仓山区', '鼓楼区']);
  });
});

describe('list database versions 13 and 21', () => {
  it('fill the search column, the indexes and the totals for the rows stored before them', async () => {
    const name = 'tariffcheck-v12-lists';
    const old = new Dexie(name);
    old.version(12).stores({ entities: '&uscc', inspectors: '&certNo' });
    await old.table('entities').bulkPut(HAND);
    await old.table('inspectors').put({ certNo: 'FJ001', name: '李四', unit: '鼓楼所', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true } satisfies Inspector);
    old.close();
    const upgraded = openDb(name);
    expect((await queryList(upgraded, 'entities', { text: '五四路' }, 0, 10)).rows.map((r) => r.name)).toEqual(['世贸写字楼', '福州万象城']);
    expect((await queryList(upgraded, 'entities', { text: '', district: '仓山区' }, 0, 10)).rows.map((r) => r.name)).toEqual(['软件园']);
    expect((await queryList(upgraded, 'inspectors', { text: '鼓楼所' }, 0, 10)).rows.map((r) => r.name)).toEqual(['李四']);
    expect(await queryList(upgraded, 'entities', { text: '' }, 0, 1)).toMatchObject({ shown: 3, total: 3 });
    expect(await queryList(upgraded, 'inspectors', { text: '' }, 0, 1)).toMatchObject({ shown: 1, total: 1 });
    upgraded.close();
    await Dexie.delete(name);
  });
});
