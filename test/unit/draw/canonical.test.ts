import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import {
  ENTITY_FIELDS,
  INSPECTOR_FIELDS,
  entitiesHash,
  inspectorsHash,
  outputHash,
  planHash,
  prepareEntities,
  prepareInspectors,
} from '../../../src-shared/draw/canonical';
import { defaultPlan } from '../../../src-shared/draw/plan';
import { syntheticLists } from '../../fixtures/synthetic';

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const mall: Entity = {
  uscc: '91350100M000100Y43',
  name: '福州"东街"商业广场\t有限公司',
  kind: 'mall',
  district: '鼓楼区',
  subdistrict: '东街街道',
  address: '福州市鼓楼区东街 1 号',
  lng: 119.2965,
  lat: 26.0745,
  tenantCount: 120,
  contact: '王伟',
  phone: '0591-87654321',
  credit: 'yellow',
  lastInspectors: ['35011000037', '35011000000'],
  active: true,
};
const park: Entity = { ...mall, uscc: '91110000600037341L', name: '产业园', kind: 'industrial_park', lng: null, lat: null, tenantCount: null, credit: null, lastInspectors: [] };
const inspector: Inspector = {
  certNo: '35011000000',
  name: '李娜',
  unit: '鼓楼区市场监督管理局',
  district: '鼓楼区',
  subdistrict: '',
  phone: '13800000000',
  conflicts: ['91350100M000100Y43', '91110000600037341L'],
  active: true,
};

describe('canonical encoding', () => {
  it('hashes the target list as the exact JSON text written out by hand', () => {
    const text =
      '[["tariffcheck-entities/1","uscc","name","kind","district","subdistrict","address","lng","lat","tenantCount","contact","phone","credit","lastInspectors","active"],' +
      '["91110000600037341L","产业园","industrial_park","鼓楼区","东街街道","福州市鼓楼区东街 1 号",null,null,null,"王伟","0591-87654321",null,[],true],' +
      '["91350100M000100Y43","福州\\"东街\\"商业广场\\t有限公司","mall","鼓楼区","东街街道","福州市鼓楼区东街 1 号",119.2965,26.0745,120,"王伟","0591-87654321","yellow",["35011000000","35011000037"],true]]';
    expect(entitiesHash([mall, park])).toBe(sha256hex(text));
  });

  it('hashes the inspector list as the exact JSON text written out by hand', () => {
    const text =
      '[["tariffcheck-inspectors/1","certNo","name","unit","district","subdistrict","phone","conflicts","active"],' +
      '["35011000000","李娜","鼓楼区市场监督管理局","鼓楼区","","13800000000",["91110000600037341L","91350100M000100Y43"],true]]';
    expect(inspectorsHash([inspector])).toBe(sha256hex(text));
  });

  it('names every field of Entity and Inspector', () => {
    expect([...ENTITY_FIELDS].sort()).toEqual(Object.keys(mall).sort());
    expect([...INSPECTOR_FIELDS].sort()).toEqual(Object.keys(inspector).sort());
  });

  it('gives the same bytes in chunks as JSON.stringify of the whole list (more rows than one chunk)', () => {
    const { entities } = syntheticLists({ seed: 5, entities: 5000, inspectors: 0, inactiveShare: 0 });
    const sorted = [...entities].sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
    const rows = sorted.map((e) => ENTITY_FIELDS.map((f) => (f === 'lastInspectors' ? [...e.lastInspectors].sort() : e[f])));
    const whole = JSON.stringify([['tariffcheck-entities/1', ...ENTITY_FIELDS], ...rows]);
    expect(entitiesHash(entities)).toBe(sha256hex(whole));
  });

  it('ignores row order, the order inside arrays, and inactive rows', () => {
    const { entities, inspectors } = syntheticLists({ seed: 9, entities: 400, inspectors: 40 });
    const reversed = [...entities].reverse().map((e) => ({ ...e, lastInspectors: [...e.lastInspectors].reverse() }));
    expect(entitiesHash(reversed)).toBe(entitiesHash(entities));
    expect(inspectorsHash([...inspectors].reverse())).toBe(inspectorsHash(inspectors));
    const someInactive = entities.findIndex((e) => !e.active);
    expect(someInactive).toBeGreaterThanOrEqual(0);
    const changedInactive = entities.map((e, i) => (i === someInactive ? { ...e, name: '已改名' } : e));
    expect(entitiesHash(changedInactive)).toBe(entitiesHash(entities));
    expect(prepareEntities(entities).rows.every((e) => e.active)).toBe(true);
  });

  it('changes when any field of any active row changes', () => {
    const { entities, inspectors } = syntheticLists({ seed: 11, entities: 60, inspectors: 12, inactiveShare: 0 });
    const base = entitiesHash(entities);
    const baseInspectors = inspectorsHash(inspectors);
    const entityChange = fc.record({ row: fc.integer({ min: 0, max: entities.length - 1 }), field: fc.constantFrom(...ENTITY_FIELDS), text: fc.string({ minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(entityChange, ({ row, field, text }) => {
        const changed = entities.map((e, i) => (i === row ? mutateEntity(e, field, text) : e));
        expect(entitiesHash(changed)).not.toBe(base);
      }),
      { numRuns: 300 },
    );
    const inspectorChange = fc.record({ row: fc.integer({ min: 0, max: inspectors.length - 1 }), field: fc.constantFrom(...INSPECTOR_FIELDS), text: fc.string({ minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(inspectorChange, ({ row, field, text }) => {
        const changed = inspectors.map((x, i) => (i === row ? mutateInspector(x, field, text) : x));
        expect(inspectorsHash(changed)).not.toBe(baseInspectors);
      }),
      { numRuns: 200 },
    );
  });

  it('tells a tab inside a field from a tab between fields', () => {
    expect(entitiesHash([{ ...park, name: 'a\tb', address: 'c' }])).not.toBe(entitiesHash([{ ...park, name: 'a', address: 'b\tc' }]));
    expect(entitiesHash([{ ...park, lastInspectors: ['a,b'] }])).not.toBe(entitiesHash([{ ...park, lastInspectors: ['a', 'b'] }]));
  });

  it('orders rows by their key in UTF-16 code units, whatever the keys look like', () => {
    const codeChar = fc.constantFrom(...'0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const anyChar = fc.constantFrom(...'09AZaz_-é转 ', '\u{1F600}');
    const key = fc.oneof(
      // Codes of one length (the fast path), up to and past the two numbers' 18 characters.
      fc.integer({ min: 1, max: 19 }).chain((n) => fc.array(fc.array(codeChar, { minLength: n, maxLength: n }).map((c) => c.join('')), { minLength: 1, maxLength: 40 })),
      // Anything else: other characters, other lengths.
      fc.array(fc.array(fc.oneof(codeChar, anyChar), { maxLength: 20 }).map((c) => c.join('')), { minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(key, (keys) => {
        const rows = keys.map((uscc, i) => ({ ...mall, uscc, name: `第${i}户` }));
        const prepared = prepareEntities(rows);
        const byCodeUnits = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(prepared.rows.map((e) => e.uscc)).toEqual(byCodeUnits);
        expect(prepared.duplicates).toEqual([...new Set(byCodeUnits.filter((k, i) => i > 0 && k === byCodeUnits[i - 1]))]);
        // Equal keys are ordered by their rows, so the order of the file never matters.
        expect(prepareEntities([...rows].reverse()).rows).toEqual(prepared.rows);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports keys that occur on two active rows and still orders them the same way', () => {
    const twin = { ...mall, name: '重复的对象' };
    const prepared = prepareEntities([mall, park, twin]);
    expect(prepared.duplicates).toEqual([mall.uscc]);
    expect(prepareEntities([twin, park, mall]).hash).toBe(prepared.hash);
    expect(prepareInspectors([inspector, { ...inspector, active: false }]).duplicates).toEqual([]);
  });

  it('hashes equivalent plans alike and different plans differently', () => {
    const a = { ...defaultPlan, groupBy: ['kind', 'district', 'subdistrict'] as const };
    const b = { ...defaultPlan, groupBy: ['district', 'subdistrict', 'kind'] as const };
    expect(planHash({ ...a, groupBy: [...a.groupBy] })).toBe(planHash({ ...b, groupBy: [...b.groupBy] }));
    expect(planHash({ ...defaultPlan, ratio: 0.7 })).toBe(planHash({ ...defaultPlan, ratio: 0.70000001 }));
    const variants = [
      { ...defaultPlan, name: '另一个计划' },
      { ...defaultPlan, ratio: 0.6 },
      { ...defaultPlan, groupBy: ['district' as const, 'kind' as const] },
      { ...defaultPlan, riskRatios: { red: 1 } },
      { ...defaultPlan, teamSize: 3 },
      { ...defaultPlan, maxPerInspector: 5 },
      { ...defaultPlan, recusal: { sameSubdistrict: false, lastInspector: false } },
      { ...defaultPlan, recusal: { sameSubdistrict: true, lastInspector: true } },
    ];
    const hashes = new Set([planHash(defaultPlan), ...variants.map(planHash)]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('hashes the plan as the documented JSON array', () => {
    const text = '["tariffcheck-plan/1","双随机抽查",5000,["district","credit"],[["yellow",7000],["red",10000]],2,null,true,false]';
    expect(planHash({ ...defaultPlan, riskRatios: { red: 1, yellow: 0.7 } })).toBe(sha256hex(text));
  });

  it('hashes the output as uint32le indices into the canonical lists, in selection and seat order', () => {
    const entities = ['B', 'A', 'C'].map((uscc) => ({ ...mall, uscc }));
    const inspectors = ['4', '2', '1', '3'].map((certNo) => ({ ...inspector, certNo }));
    const canonicalEntities = prepareEntities(entities).rows;
    const canonicalInspectors = prepareInspectors(inspectors).rows;
    const lines = [
      { uscc: 'A', inspectors: ['1', '2'] },
      { uscc: 'C', inspectors: ['3', '4', '2'] },
    ];
    // A = 0, C = 2; 1 = 0, 2 = 1, 3 = 2, 4 = 3: each line is target, team size, members.
    const bytes = Buffer.concat([Buffer.from('tariffcheck-draw-output/2', 'ascii'), Buffer.from(new Uint8Array([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]))]);
    const hash = outputHash(lines, canonicalEntities, canonicalInspectors);
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(outputHash([lines[1]!, lines[0]!], canonicalEntities, canonicalInspectors)).not.toBe(hash);
    expect(outputHash([{ uscc: 'A', inspectors: ['2', '1'] }, lines[1]!], canonicalEntities, canonicalInspectors)).not.toBe(hash);
    // Team boundaries are part of the encoding: moving a member from one team to the next changes the hash.
    expect(outputHash([{ uscc: 'A', inspectors: ['1', '2', '3'] }, { uscc: 'C', inspectors: ['4', '2'] }], canonicalEntities, canonicalInspectors)).not.toBe(hash);
    // A name missing from its list is written as 0xffffffff.
    const unknown = Buffer.concat([Buffer.from('tariffcheck-draw-output/2', 'ascii'), Buffer.from(new Uint8Array([255, 255, 255, 255, 1, 0, 0, 0, 255, 255, 255, 255]))]);
    expect(outputHash([{ uscc: 'Z', inspectors: ['9'] }], canonicalEntities, canonicalInspectors)).toBe(createHash('sha256').update(unknown).digest('hex'));
  });
});

function mutateEntity(e: Entity, field: (typeof ENTITY_FIELDS)[number], text: string): Entity {
  switch (field) {
    case 'lng':
    case 'lat':
      return { ...e, [field]: e[field] === null ? 118.5 : e[field] + 1e-6 };
    case 'tenantCount':
      return { ...e, tenantCount: e.tenantCount === null ? 0 : e.tenantCount + 1 };
    case 'kind':
      return { ...e, kind: e.kind === 'mall' ? 'other' : 'mall' };
    case 'credit':
      return { ...e, credit: e.credit === 'red' ? null : 'red' };
    case 'lastInspectors':
      return { ...e, lastInspectors: [...e.lastInspectors, text] };
    case 'active':
      // Deactivating drops the row from the list, which must change the hash too.
      return { ...e, active: false };
    default:
      return { ...e, [field]: e[field] + text };
  }
}

function mutateInspector(x: Inspector, field: (typeof INSPECTOR_FIELDS)[number], text: string): Inspector {
  switch (field) {
    case 'conflicts':
      return { ...x, conflicts: [...x.conflicts, text] };
    case 'active':
      return { ...x, active: false };
    default:
      return { ...x, [field]: x[field] + text };
  }
}
