// The target picker's search (db/targeted.ts): the list's own search, the first 30 in code order, never the list read whole.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { db } from '../../../src-renderer/db/db';
import { searchTargets } from '../../../src-renderer/db/targeted';
import { saveProfile } from '../../../src-renderer/state/profile';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { syntheticUscc } from '../../fixtures/synthetic';

const entity = (over: Partial<Entity> & Pick<Entity, 'uscc' | 'name'>): Entity => ({
  kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', credit: null, lastInspectors: [], active: true, ...over,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', [
    entity({ uscc: '91350100M000100Y43', name: '福州万象城', address: '五四路 128 号', contact: '张三' }),
    entity({ uscc: '91310115MA1K3BTP2B', name: '世贸写字楼', address: '五四路 89 号', active: false }),
    entity({ uscc: '91110000600037341L', name: '软件园', address: '城门镇软件大道' }),
  ], 'import');
});

const codes = async (text: string, activeOnly: boolean) => (await searchTargets(db, text, activeOnly)).map((e) => e.uscc);

describe('searchTargets', () => {
  it('finds by name, code, address or contact, folded, in code order; a new case only among active targets', async () => {
    expect(await codes('五四路', true)).toEqual(['91350100M000100Y43']);
    expect(await codes('五四路', false)).toEqual(['91310115MA1K3BTP2B', '91350100M000100Y43']);
    expect(await codes('ｍａ１ｋ３', false)).toEqual(['91310115MA1K3BTP2B']);
    expect(await codes('张三', true)).toEqual(['91350100M000100Y43']);
    expect(await codes('软件', true)).toEqual(['91110000600037341L']);
  });

  it('offers nothing for no text, and the first 30 matches of many', async () => {
    expect(await codes('  ', false)).toEqual([]);
    const many = Array.from({ length: 45 }, (_, i) => entity({ uscc: syntheticUscc(2, i), name: `万达广场${i}号店` }));
    await putListRows(db, 'entities', many, 'import');
    expect(await codes('万达', true)).toEqual(many.map((e) => e.uscc).sort().slice(0, 30));
  });
});
