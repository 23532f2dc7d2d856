import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { db } from '../../../src-renderer/db/db';
import { rowChanges } from '../../../src-renderer/db/listHistory';
import { storedKeys } from '../../../src-renderer/db/lists';
import { saveProfile } from '../../../src-renderer/state/profile';
import { putLedgerMapping, putListRows, putTariffTable, setActive } from '../../../src-renderer/sync/referenceMutators';
import { loadTariffTable } from '../../../src-shared/tariff/types';
import sampleJson from '../../../resources/tariffs/sample-fujian.json';
import { syntheticUscc } from '../../fixtures/synthetic';

const entity = (uscc: string, name: string): Entity => ({
  uscc, name, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
});

/** One row's changes, oldest first. */
const historyOfRow = async (kind: 'entities' | 'inspectors', key: string) => rowChanges(await db.listHistory.toArray()).filter((c) => c.kind === kind && c.key === key);

describe('list mutators on an unenrolled device', () => {
  it('store imported rows with their history (one entry for the write) and one queued putEntities', async () => {
    await putListRows(db, 'entities', [entity('91350100M000100Y43', '万象城'), entity('91110000600037341L', '软件园')], 'import');
    expect([...(await storedKeys('entities'))].sort()).toEqual(['91110000600037341L', '91350100M000100Y43']);
    expect(await db.listHistory.count()).toBe(1);
    const history = rowChanges(await db.listHistory.toArray());
    expect(history.map((h) => [h.key, h.action, h.by, h.before, h.after.name])).toEqual([
      ['91350100M000100Y43', 'import', '张科长', null, '万象城'],
      ['91110000600037341L', 'import', '张科长', null, '软件园'],
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((m) => [m.id, m.name, (m.args as { rows: Entity[] }).rows.map((r) => r.name), (m.args as { action: string }).action, (m.args as { baseVersions: number[] }).baseVersions])).toEqual([
      [1, 'putEntities', ['万象城', '软件园'], 'import', [0, 0]],
    ]);
  });

  it('a 1,201-row import is three mutations of at most 500 rows, in one transaction', async () => {
    const rows = Array.from({ length: 1201 }, (_, i) => entity(syntheticUscc(7, i + 1), `目标${i + 1}`));
    await putListRows(db, 'entities', rows, 'import');
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((m) => [m.id, (m.args as { rows: unknown[] }).rows.length])).toEqual([[1, 500], [2, 500], [3, 201]]);
    expect(await db.entities.count()).toBe(1201);
    // The history in the same slices: three entries, not a row each.
    const history = await db.listHistory.orderBy('id').toArray();
    expect(history.map((h) => [h.action, h.rows.length, h.rows[0]!.after.name])).toEqual([['import', 500, '目标1'], ['import', 500, '目标501'], ['import', 201, '目标1001']]);
    expect(rowChanges(history).map((c) => c.key)).toEqual(rows.map((r) => r.uscc));
  });

  it('a large re-import names the hub version of every row it changes, read in one pass over the list', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => entity(syntheticUscc(8, i + 1), `目标${i + 1}`));
    await putListRows(db, 'entities', rows, 'import');
    await db.rowVersions.bulkPut(rows.slice(0, 50).map((r, i) => ({ id: `entities:${r.uscc}`, version: 100 + i })));
    await db.rowVersions.put({ id: `inspectors:${rows[60]!.uscc}`, version: 999 });
    await putListRows(db, 'entities', rows.map((r) => ({ ...r, address: '新地址' })), 'import');
    const last = (await db.outbox.orderBy('id').last())!;
    expect((last.args as { baseVersions: number[] }).baseVersions).toEqual([...Array.from({ length: 50 }, (_, i) => 100 + i), ...Array.from({ length: 50 }, () => 0)]);
    const history = await historyOfRow('entities', rows[0]!.uscc);
    expect(history.map((h) => [(h.before as Entity | null)?.address ?? null, (h.after as Entity).address])).toEqual([[null, ''], ['', '新地址']]);
  });

  it('keeps the previous version when a row is edited or deactivated; an edit names the hub version it started from', async () => {
    const first = entity('91350100M000100Y43', '万象城');
    await putListRows(db, 'entities', [first], 'create');
    await db.rowVersions.put({ id: `entities:${first.uscc}`, version: 17 });
    await putListRows(db, 'entities', [{ ...first, name: '万象城（二期）' }], 'edit');
    await setActive(db, 'entities', { ...first, name: '万象城（二期）' }, false);
    const history = await historyOfRow('entities', first.uscc);
    expect(history.map((h) => [h.action, h.before?.name ?? null, h.after.name, h.after.active])).toEqual([
      ['create', null, '万象城', true],
      ['edit', '万象城', '万象城（二期）', true],
      ['deactivate', '万象城（二期）', '万象城（二期）', false],
    ]);
    expect((await db.entities.get(first.uscc))?.active).toBe(false);
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((m) => [m.name, (m.args as { action: string }).action, (m.args as { baseVersions: number[] }).baseVersions])).toEqual([
      ['putEntities', 'create', [0]],
      ['putEntities', 'edit', [17]],
      ['putEntities', 'deactivate', [17]],
    ]);
  });

  it('writes nothing at all, outbox included, when one row of a batch fails the shared schema', async () => {
    const broken = { ...entity('91110000600037341L', '坏行\u0000'), tenantCount: -1 };
    await expect(putListRows(db, 'entities', [entity('91350100M000100Y43', '万象城'), broken], 'import')).rejects.toThrow();
    expect(await db.entities.count()).toBe(0);
    expect(await db.listHistory.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('the tariff table and a ledger mapping are stored and queued together', async () => {
    const sample = loadTariffTable(sampleJson);
    await putTariffTable(db, sample, '福建示例');
    await putLedgerMapping(db, ' 万象城 ', { fields: { tenant: '商户名称', kwh: 2 } });
    const stored = await db.tariffs.toArray();
    expect(stored.map((s) => [s.id, s.table.id, s.table.entries.length, s.by, s.source])).toEqual([['current', 'current', sample.entries.length, '张科长', '福建示例']]);
    expect(await db.ledgerMappings.get('万象城')).toMatchObject({ landlord: '万象城', mapping: { fields: { tenant: '商户名称', kwh: 2 } } });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((m) => m.name)).toEqual(['putTariffTable', 'putLedgerMapping']);
    expect(outbox[1]!.args).toEqual({ landlord: '万象城', mapping: { fields: { tenant: '商户名称', kwh: 2 }, fees: [] } });
  });
});
