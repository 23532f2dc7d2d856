import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { db } from '../../../src-renderer/db/db';
import { putRows, setActive, storedKeys } from '../../../src-renderer/db/lists';

const entity = (uscc: string, name: string): Entity => ({
  uscc, name, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('list repository', () => {
  it('stores imported rows with one history entry each', async () => {
    await putRows('entities', [entity('91350100M000100Y43', '万象城'), entity('91110000600037341L', '软件园')], '张科长', 'import');
    expect([...(await storedKeys('entities'))].sort()).toEqual(['91110000600037341L', '91350100M000100Y43']);
    const history = await db.listHistory.toArray();
    expect(history.map((h) => [h.key, h.action, h.by, h.before])).toEqual([
      ['91350100M000100Y43', 'import', '张科长', null],
      ['91110000600037341L', 'import', '张科长', null],
    ]);
  });

  it('keeps the previous version when a row is edited or deactivated', async () => {
    const first = entity('91350100M000100Y43', '万象城');
    await putRows('entities', [first], 'a', 'create');
    await putRows('entities', [{ ...first, name: '万象城（二期）' }], 'b', 'edit');
    await setActive('entities', { ...first, name: '万象城（二期）' }, false, 'c');
    const history = await db.listHistory.where({ kind: 'entities', key: first.uscc }).sortBy('id');
    expect(history.map((h) => [h.action, h.before?.name ?? null, h.after.name, h.after.active])).toEqual([
      ['create', null, '万象城', true],
      ['edit', '万象城', '万象城（二期）', true],
      ['deactivate', '万象城（二期）', '万象城（二期）', false],
    ]);
    expect((await db.entities.get(first.uscc))?.active).toBe(false);
  });

  it('writes nothing at all when one row of a batch cannot be stored', async () => {
    const broken = { ...entity('91110000600037341L', '坏行'), uscc: undefined } as unknown as Entity;
    await expect(putRows('entities', [entity('91350100M000100Y43', '万象城'), broken], 'a', 'import')).rejects.toThrow();
    expect(await db.entities.count()).toBe(0);
    expect(await db.listHistory.count()).toBe(0);
  });
});
