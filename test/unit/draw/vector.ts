// The worked test vector of docs/draw-algorithm.md §13: a tiny input whose key and result are written there.
import type { Entity, Inspector } from '../../../src-shared/domain';
import type { DrawPlan } from '../../../src-shared/draw/plan';
import { blankEntityDetails } from '../../fixtures/synthetic';

const blank = { ...blankEntityDetails, lastInspectors: [] as string[] };

export const vectorEntities: Entity[] = [
  { ...blank, uscc: '91350100M000100Y43', name: '东街商业广场', kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', tenantCount: 12, credit: 'green', active: true },
  { ...blank, uscc: '91110000600037341L', name: '温泉产业园', kind: 'industrial_park', district: '鼓楼区', subdistrict: '温泉街道', credit: null, lastInspectors: ['35010001'], active: true },
  { ...blank, uscc: '91310115MA1K3BTP2B', name: '五凤写字楼', kind: 'office_building', district: '鼓楼区', subdistrict: '五凤街道', lng: 119.2965, lat: 26.0745, credit: 'red', active: true },
  { ...blank, uscc: '91340600MA2PBP2120', name: '已停业市场', kind: 'other', district: '鼓楼区', subdistrict: '东街街道', credit: null, active: false },
];

const person = { unit: '鼓楼区市场监督管理局', district: '鼓楼区', phone: '', conflicts: [] as string[], active: true };

export const vectorInspectors: Inspector[] = [
  { ...person, certNo: '35010001', name: '王伟', subdistrict: '东街街道' },
  { ...person, certNo: '35010002', name: '李娜', subdistrict: '' },
  { ...person, certNo: '35010003', name: '张敏', subdistrict: '温泉街道', conflicts: ['91310115MA1K3BTP2B'] },
  { ...person, certNo: '35010004', name: '刘洋', subdistrict: '' },
];

export const vectorPlan: DrawPlan = {
  name: '示例计划',
  ratio: 0.5,
  groupBy: ['district'],
  riskRatios: {},
  teamSize: 2,
  maxPerInspector: null,
  recusal: { sameSubdistrict: true, lastInspector: true },
};

export const vectorSeed = '示例种子-2025';
