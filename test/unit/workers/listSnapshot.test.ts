// The draw worker holds the lists it read between the commitment and the draw; any write to them since (an
// edit here, a row deactivated, a row pulled from the hub) makes it read them again, so a draw never runs on
// lists older than the database's.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { db } from '../../../src-renderer/db/db';
import { saveProfile } from '../../../src-renderer/state/profile';
import { applyPage } from '../../../src-renderer/sync/engine';
import { putListRows, setActive } from '../../../src-renderer/sync/referenceMutators';
import { listSnapshot } from '../../../src-renderer/workers/listSnapshot';

const entity = (uscc: string, name: string): Entity => ({
  uscc, name, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});
const inspector = (certNo: string, name: string): Inspector => ({ certNo, name, unit: '鼓楼所', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true });

const A = entity('91350100M000100Y43', '福州万象城');
const B = entity('91110000600037341L', '海峡软件园');
const names = (rows: readonly { name: string; active: boolean }[]) => rows.map((r) => `${r.name}${r.active ? '' : '（停用）'}`).sort();

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', [A, B], 'import');
  await putListRows(db, 'inspectors', [inspector('GL-001', '王检查'), inspector('GL-002', '李检查')], 'import');
});

describe('the lists a draw worker holds', () => {
  it('are read once and used again while nothing was written', async () => {
    const lists = listSnapshot(db);
    lists.warm();
    const first = await lists.current();
    expect(names(first.entities)).toEqual(['海峡软件园', '福州万象城']);
    expect(names(first.inspectors)).toEqual(['李检查', '王检查']);
    expect(await lists.current()).toBe(first);
  });

  it('are read again after a row is deactivated, edited or added here', async () => {
    const lists = listSnapshot(db);
    const first = await lists.current();
    await setActive(db, 'entities', A, false);
    const second = await lists.current();
    expect(second).not.toBe(first);
    expect(names(second.entities)).toEqual(['海峡软件园', '福州万象城（停用）']);
    await putListRows(db, 'inspectors', [inspector('GL-003', '赵检查')], 'create');
    expect(names((await lists.current()).inspectors)).toEqual(['李检查', '王检查', '赵检查']);
    await putListRows(db, 'entities', [{ ...B, name: '海峡软件园二期' }], 'edit');
    expect(names((await lists.current()).entities)).toEqual(['海峡软件园二期', '福州万象城（停用）']);
  });

  it('are read again after a row arrives from the hub', async () => {
    const lists = listSnapshot(db);
    await lists.current();
    await db.outbox.clear(); // pushed: a pull may now land on the lists
    expect(await applyPage(db, [{ version: 10, table: 'inspectors', key: 'GL-002', row: { ...inspector('GL-002', '李检查'), active: false } }], '10.1')).toEqual([]);
    expect(names((await lists.current()).inspectors)).toEqual(['李检查（停用）', '王检查']);
  });

  it('reflect a write made while the first read was under way', async () => {
    const lists = listSnapshot(db);
    lists.warm();
    await setActive(db, 'inspectors', inspector('GL-001', '王检查'), false);
    expect(names((await lists.current()).inspectors)).toEqual(['李检查', '王检查（停用）']);
  });

  it('are read again when a list was emptied and filled with as many other rows', async () => {
    const lists = listSnapshot(db);
    await lists.current();
    await db.transaction('rw', [db.entities, db.listChunks, db.listTotals], async () => {
      await db.entities.clear();
      await db.listTotals.delete('entities');
      await db.listChunks.where('[kind+first]').between(['entities', Dexie.minKey], ['entities', Dexie.maxKey]).delete();
    });
    await putListRows(db, 'entities', [entity('91350102MA2Y00001E', '东街口百货'), entity('91350102MA2Y00002H', '南门兜商场')], 'import');
    expect(names((await lists.current()).entities)).toEqual(['东街口百货', '南门兜商场']);
  });
});
