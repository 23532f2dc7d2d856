// The list import's worker: it checks a file against the keys stored here and stores nothing until 导入;
// then it stores exactly the rows it accepted through the putListRows mutator (rows, history, outbox),
// once; a later check replaces what it holds.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { exportList } from '../../../src-shared/lists/exportList';
import { db } from '../../../src-renderer/db/db';
import { rowChanges } from '../../../src-renderer/db/listHistory';
import { saveProfile } from '../../../src-renderer/state/profile';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { syntheticUscc } from '../../fixtures/synthetic';
import { listImportWork, type ImportProgress, type ImportReply } from '../../../src-renderer/workers/listImport';

const entity = (uscc: string, name: string): Entity => ({
  uscc, name, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});
const A = entity('91350100M000100Y43', '福州万象城');
const B = entity('91110000600037341L', '海峡软件园');
const C = entity(syntheticUscc(3, 1), '东街口百货');

const progress: ImportProgress[] = [];
const context = { progress: (p: ImportProgress) => void progress.push(p), mayStore: () => Promise.resolve(), checkCancel: () => undefined };
const checkId = (reply: ImportReply) => (reply.type === 'checked' ? reply.checkId : 'none');
const stored = async () => (await db.entities.toArray()).map((e) => e.name).sort();
const queued = async () => (await db.outbox.toArray()).map((m) => [m.name, (m.args as { rows: Entity[] }).rows.map((r) => r.name)]);

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  progress.length = 0;
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', [A], 'import');
});

describe('the list import worker', () => {
  it('checks against the stored keys, stores nothing before 导入, then stores the accepted rows once', async () => {
    const work = listImportWork(db);
    const file = await exportList('entities', [{ ...A, name: '福州万象城（二期）' }, B, C]);
    const checked = await work({ type: 'check', kind: 'entities', data: file, onExisting: 'reject' }, context);
    expect(checked.type).toBe('checked');
    if (checked.type !== 'checked') return;
    expect(checked.result.accepted.map((a) => (a.value as Entity).name)).toEqual(['海峡软件园', '东街口百货']);
    expect(checked.result.rejected.map((r) => [r.row, r.code])).toEqual([[2, 'existing']]);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect(await stored()).toEqual(['福州万象城']);
    expect(await queued()).toEqual([['putEntities', ['福州万象城']]]);

    expect(await work({ type: 'store', checkId: 'another' }, context)).toEqual({ type: 'not-held' });
    expect(await stored()).toEqual(['福州万象城']);
    expect(await work({ type: 'store', checkId: checked.checkId }, context)).toEqual({ type: 'stored', count: 2 });
    expect(await stored()).toEqual(['东街口百货', '海峡软件园', '福州万象城']);
    expect(await queued()).toEqual([['putEntities', ['福州万象城']], ['putEntities', ['海峡软件园', '东街口百货']]]);
    expect(rowChanges(await db.listHistory.toArray()).map((h) => [h.key, h.action, h.by])).toEqual([
      [A.uscc, 'import', '张科长'], [B.uscc, 'import', '张科长'], [C.uscc, 'import', '张科长'],
    ]);
    // The same 导入 twice stores nothing twice.
    expect(await work({ type: 'store', checkId: checked.checkId }, context)).toEqual({ type: 'not-held' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('a second check replaces the rows held: the first can no longer be stored; updating rows takes the stored ones', async () => {
    const work = listImportWork(db);
    const first = checkId(await work({ type: 'check', kind: 'entities', data: await exportList('entities', [B]), onExisting: 'reject' }, context));
    const second = await work({ type: 'check', kind: 'entities', data: await exportList('entities', [{ ...A, name: '福州万象城（二期）' }]), onExisting: 'update' }, context);
    expect(second.type === 'checked' && second.result.accepted.map((a) => a.updates)).toEqual([true]);
    expect(await work({ type: 'store', checkId: first }, context)).toEqual({ type: 'not-held' });
    expect(await work({ type: 'store', checkId: checkId(second) }, context)).toEqual({ type: 'stored', count: 1 });
    expect(await stored()).toEqual(['福州万象城（二期）']);
    expect(rowChanges(await db.listHistory.toArray()).at(-1)?.before).toMatchObject({ name: '福州万象城' });
  });
});
