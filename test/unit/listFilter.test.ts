import { describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../src-shared/domain';
import { distinctValues, filterEntities, filterInspectors } from '../../src-renderer/state/listFilter';

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

describe('list filters', () => {
  it('match text in name, code and address, ignoring case and full width', () => {
    expect(filterEntities(rows, { text: '软件' }).map((r) => r.name)).toEqual(['软件园']);
    expect(filterEntities(rows, { text: 'ma1k3' }).map((r) => r.name)).toEqual(['世贸写字楼']);
    expect(filterEntities(rows, { text: '五四路' }).length).toBe(3);
    expect(filterEntities(rows, { text: '９１１１' }).map((r) => r.name)).toEqual(['软件园']);
  });
  it('combine district, sub-district, kind, credit and status', () => {
    expect(filterEntities(rows, { text: '', district: '鼓楼区' }).length).toBe(2);
    expect(filterEntities(rows, { text: '', district: '鼓楼区', subdistrict: '温泉街道' }).map((r) => r.name)).toEqual(['世贸写字楼']);
    expect(filterEntities(rows, { text: '', kind: 'industrial_park' }).map((r) => r.name)).toEqual(['软件园']);
    expect(filterEntities(rows, { text: '', credit: 'none' }).length).toBe(2);
    expect(filterEntities(rows, { text: '', credit: 'red' }).map((r) => r.name)).toEqual(['软件园']);
    expect(filterEntities(rows, { text: '', status: 'inactive' }).map((r) => r.name)).toEqual(['世贸写字楼']);
  });
  it('filter inspectors by name, certificate and district', () => {
    const ins: Inspector[] = [
      { certNo: 'FJ001', name: '李四', unit: '鼓楼所', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true },
      { certNo: 'FJ002', name: '王五', unit: '仓山所', district: '仓山区', subdistrict: '', phone: '', conflicts: [], active: false },
    ];
    expect(filterInspectors(ins, { text: 'fj002' }).map((r) => r.name)).toEqual(['王五']);
    expect(filterInspectors(ins, { text: '', district: '鼓楼区' }).map((r) => r.name)).toEqual(['李四']);
    expect(filterInspectors(ins, { text: '', status: 'active' }).map((r) => r.name)).toEqual(['李四']);
  });
  it('list distinct values for the drop-downs', () => {
    expect(distinctValues(rows, (r) => r.district)).toEqual(['仓山区', '鼓楼区']);
  });
});
