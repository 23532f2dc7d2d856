import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { openDb } from '../../../src-renderer/db/db';
import { changesAfter, historyEntries, rowChanges } from '../../../src-renderer/db/listHistory';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { syntheticUscc } from '../../fixtures/synthetic';

const entity = (uscc: string, name: string): Entity => ({
  uscc, name, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});

describe('the list history, one entry per write (version 22)', () => {
  it('keeps the entries stored a row each before, as entries of one row, read back in order', async () => {
    const name = 'tariffcheck-v21-history';
    const old = new Dexie(name);
    old.version(21).stores({ listHistory: '++id, [kind+key], at' });
    const a = entity('91350100M000100Y43', '万象城');
    await old.table('listHistory').bulkAdd([
      { kind: 'entities', key: a.uscc, at: '2026-03-01T02:00:00.000Z', by: '张科长', action: 'create', before: null, after: a },
      { kind: 'entities', key: a.uscc, at: '2026-03-02T02:00:00.000Z', by: '张科长', action: 'edit', before: a, after: { ...a, name: '万象城（二期）' } },
    ]);
    old.close();
    const db = openDb(name);
    const entries = await db.listHistory.orderBy('id').toArray();
    expect(entries.map((e) => [e.action, e.rows.length, 'key' in e, 'after' in e])).toEqual([['create', 1, false, false], ['edit', 1, false, false]]);
    expect(rowChanges(entries).map((c) => [c.key, c.action, c.before?.name ?? null, c.after.name])).toEqual([
      [a.uscc, 'create', null, '万象城'],
      [a.uscc, 'edit', '万象城', '万象城（二期）'],
    ]);
    // Read by time, as 复核 reads what changed since a draw.
    expect((await changesAfter(db, '2026-03-01T12:00:00.000Z')).map((c) => c.action)).toEqual(['edit']);
    db.close();
    await Dexie.delete(name);
  });

  it('slices a write as its mutations are, and gives its rows back oldest first across writes', async () => {
    const db = openDb('tariffcheck-history-writes');
    const rows = Array.from({ length: 1001 }, (_, i) => entity(syntheticUscc(9, i + 1), `目标${i}`));
    await putListRows(db, 'entities', rows, 'import');
    const at = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await putListRows(db, 'entities', [{ ...rows[3]!, name: '改名' }], 'edit');
    const entries = await db.listHistory.orderBy('id').toArray();
    expect(entries.map((e) => [e.action, e.rows.length])).toEqual([['import', 500], ['import', 500], ['import', 1], ['edit', 1]]);
    const all = rowChanges(entries);
    expect(all.length).toBe(1002);
    expect(all.slice(0, 1001).map((c) => c.key)).toEqual(rows.map((r) => r.uscc));
    expect(all.at(-1)).toMatchObject({ key: rows[3]!.uscc, action: 'edit', before: { name: '目标3' }, after: { name: '改名' } });
    expect((await changesAfter(db, at)).map((c) => [c.key, c.after.name])).toEqual([[rows[3]!.uscc, '改名']]);
    expect(historyEntries({ kind: 'entities', at, by: '', action: 'sync' }, [])).toEqual([]);
    db.close();
    await Dexie.delete('tariffcheck-history-writes');
  });
});
