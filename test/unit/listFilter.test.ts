import { describe, expect, it } from 'vitest';
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { chunkMatcher, facetsOf, joinTexts, searchText, sortedOptions, type ListFilter } from '../../src-renderer/state/listFilter';

const entity = (over: Partial<Entity>): Entity => ({
  uscc: '91350100M000100Y43', name: '万象城', kind: 'mall', district: '鼓楼区', subdistrict: '东街街道',
  address: '五四路 1 号', lng: null, lat: null, tenantCount: 10, contact: '张三', phone: '', credit: null,
  lastInspectors: [], active: true, ...over,
});
const rows = [
  entity({}),
  entity({ uscc: '91110000600037341L', name: '软件园', kind: 'industrial_park', district: '仓山区', subdistrict: '城门镇', credit: 'red' }),
  entity({ uscc: '91310115MA1K3BTP2B', name: '世贸写字楼', kind: 'office_building', subdistrict: '温泉街道', active: false }),
];

/** The names of the rows the filter keeps, judged as the query layer judges them: by their derived text and facets. */
function names<T extends Entity | Inspector>(kind: ListKind, list: T[], f: ListFilter): string[] {
  const kept: string[] = [];
  const texts = list.map((r) => searchText(kind, r));
  chunkMatcher(f)(() => joinTexts(texts), list.map((r) => facetsOf(kind, r)), (i) => kept.push(list[i]!.name));
  return kept;
}

describe('list filters', () => {
  it('match text in name, code, address and contact, ignoring case and full width', () => {
    expect(names('entities', rows, { text: '软件' })).toEqual(['软件园']);
    expect(names('entities', rows, { text: 'ma1k3' })).toEqual(['世贸写字楼']);
    expect(names('entities', rows, { text: '五四路' })).toEqual(['万象城', '软件园', '世贸写字楼']);
    expect(names('entities', rows, { text: '９１１１' })).toEqual(['软件园']);
    expect(names('entities', rows, { text: ' 张三 ' })).toEqual(['万象城', '软件园', '世贸写字楼']);
  });
  it('never match across two fields', () => {
    // 名称 ends in 园, the code begins with 9: no field holds 园9.
    expect(names('entities', rows, { text: '园9' })).toEqual([]);
    expect(names('entities', rows, { text: '园\u00009' })).toEqual([]);
  });
  it('combine district, sub-district, kind, credit and status', () => {
    expect(names('entities', rows, { text: '', district: '鼓楼区' })).toEqual(['万象城', '世贸写字楼']);
    expect(names('entities', rows, { text: '', district: '鼓楼区', subdistrict: '温泉街道' })).toEqual(['世贸写字楼']);
    expect(names('entities', rows, { text: '', kind: 'industrial_park' })).toEqual(['软件园']);
    expect(names('entities', rows, { text: '', credit: 'none' })).toEqual(['万象城', '世贸写字楼']);
    expect(names('entities', rows, { text: '', credit: 'red' })).toEqual(['软件园']);
    expect(names('entities', rows, { text: '', status: 'inactive' })).toEqual(['世贸写字楼']);
    expect(names('entities', rows, { text: '五四', district: '鼓楼区', status: 'active' })).toEqual(['万象城']);
  });
  it('filter inspectors by name, certificate, unit, district and status', () => {
    const ins: Inspector[] = [
      { certNo: 'FJ001', name: '李四', unit: '鼓楼所', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true },
      { certNo: 'FJ002', name: '王五', unit: '仓山所', district: '仓山区', subdistrict: '', phone: '', conflicts: [], active: false },
    ];
    expect(names('inspectors', ins, { text: 'fj002' })).toEqual(['王五']);
    expect(names('inspectors', ins, { text: '仓山所' })).toEqual(['王五']);
    expect(names('inspectors', ins, { text: '', district: '鼓楼区' })).toEqual(['李四']);
    expect(names('inspectors', ins, { text: '', status: 'active' })).toEqual(['李四']);
  });
  it('find each row once, at the first and last rows of a chunk and wherever a field starts or ends', () => {
    const many = Array.from({ length: 300 }, (_, i) => entity({ uscc: `U${String(i).padStart(3, '0')}`, name: i % 7 === 0 ? `甲乙${i}甲乙` : `丙${i}`, contact: i % 50 === 0 ? '甲乙' : '丁' }));
    const expected = many.filter((e) => `${e.name}|${e.contact}`.includes('甲乙')).map((e) => e.name);
    expect(expected.length).toBe(48);
    expect(names('entities', many, { text: '甲乙' })).toEqual(expected);
    // The first row's name begins the joined text; the last row's contact ends it (丁, below).
    expect(names('entities', many, { text: '甲乙0' })).toEqual(['甲乙0甲乙']);
    expect(names('entities', many, { text: '丁' })).toEqual(many.filter((e) => e.contact === '丁').map((e) => e.name));
    expect(names('entities', [...many, entity({ uscc: 'Z', name: '末', contact: '乙甲' })], { text: '乙甲' })).toEqual(['末']);
    // A search spanning one row's end and the next row's start finds nothing: 丁 ends U001, 丙2 starts U002.
    expect(names('entities', many, { text: '丁丙2' })).toEqual([]);
    expect(names('entities', [], { text: '甲' })).toEqual([]);
  });
  it('join no texts for a filter by facets alone', () => {
    const kept: number[] = [];
    const unjoined = () => {
      throw new Error('texts joined');
    };
    chunkMatcher({ text: ' ', district: '仓山区' })(unjoined, rows.map((r) => facetsOf('entities', r)), (i) => kept.push(i));
    expect(kept).toEqual([1]);
  });
  it('list distinct values for the drop-downs, sorted the Chinese way, without empty ones', () => {
    expect(sortedOptions(['鼓楼区', '仓山区', '', '鼓楼区'])).toEqual(['仓山区', '鼓楼区']);
  });
});
