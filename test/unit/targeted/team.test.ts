// The team of a targeted case, checked as a draw binds one, and which cases count in the random ratio.
import { describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { recusalRules } from '../../../src-shared/draw/recusal';
import { countsInRandomRatio, originOf } from '../../../src-shared/targeted/origin';
import { standingOf, targetProblem, teamProblems } from '../../../src-shared/targeted/team';

const TARGET: Entity = {
  uscc: '91350100M000100Y43', name: '金鹰购物中心', kind: 'mall', district: '鼓楼区', subdistrict: '湖南路街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: ['GL-004'], active: true,
};
const person = (certNo: string, patch: Partial<Inspector> = {}): Inspector => ({ certNo, name: `检查员${certNo}`, unit: '', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true, ...patch });
const LIST = new Map([
  person('GL-001'), person('GL-002'), person('GL-003', { subdistrict: '湖南路街道' }), person('GL-004'),
  person('GL-005', { conflicts: [TARGET.uscc] }), person('GL-006', { active: false }), person('GL-007', { subdistrict: '湖南路街道', conflicts: [TARGET.uscc] }),
].map((i) => [i.certNo, i]));

describe('targeted case team', () => {
  it('recusal: the draw\'s rules, in the draw\'s order; the last inspectors only when asked', () => {
    expect(recusalRules(LIST.get('GL-007')!, TARGET, { sameSubdistrict: true, lastInspector: true })).toEqual(['same-subdistrict', 'declared-conflict']);
    expect(recusalRules(LIST.get('GL-004')!, TARGET, { sameSubdistrict: true, lastInspector: false })).toEqual([]);
    expect(recusalRules(LIST.get('GL-004')!, TARGET, { sameSubdistrict: false, lastInspector: true })).toEqual(['last-inspector']);
    expect(recusalRules(LIST.get('GL-003')!, TARGET, { sameSubdistrict: false, lastInspector: false })).toEqual([]);
  });

  it('names every problem of a team, member by member', () => {
    expect(teamProblems(TARGET, ['GL-001', 'GL-002'], 'GL-001', LIST)).toEqual([]);
    expect(teamProblems(TARGET, ['GL-001'], undefined, LIST)).toEqual([{ code: 'team-too-small', count: 1 }]);
    expect(teamProblems(TARGET, ['GL-001', 'GL-003', 'GL-004', 'GL-005', 'GL-006', 'GL-999', 'GL-001'], 'GL-002', LIST)).toEqual([
      { code: 'recused', certNo: 'GL-003', name: '检查员GL-003', rule: 'same-subdistrict' },
      { code: 'recused', certNo: 'GL-004', name: '检查员GL-004', rule: 'last-inspector' },
      { code: 'recused', certNo: 'GL-005', name: '检查员GL-005', rule: 'declared-conflict' },
      { code: 'inactive-inspector', certNo: 'GL-006', name: '检查员GL-006' },
      { code: 'unknown-inspector', certNo: 'GL-999' },
      { code: 'duplicate-inspector', certNo: 'GL-001' },
      { code: 'lead-not-on-team', certNo: 'GL-002' },
    ]);
    expect(teamProblems(TARGET, Array.from({ length: 11 }, (_, i) => `X-${i}`), undefined, new Map())[0]).toEqual({ code: 'team-too-large', count: 11 });
    expect(standingOf('GL-007', TARGET, LIST)).toEqual({ code: 'recused', name: '检查员GL-007', rules: ['same-subdistrict', 'declared-conflict'] });
  });

  it('a target must be on the list and active', () => {
    expect(targetProblem(TARGET.uscc, undefined)).toEqual({ code: 'unknown-target', uscc: TARGET.uscc });
    expect(targetProblem(TARGET.uscc, { ...TARGET, active: false })).toEqual({ code: 'inactive-target', uscc: TARGET.uscc, name: '金鹰购物中心' });
    expect(targetProblem(TARGET.uscc, TARGET)).toBeNull();
  });

  it('only drawn cases count in the random ratio', () => {
    const drawId = '0195d0a0-0000-7000-8000-000000000001';
    expect([countsInRandomRatio({ drawId }), countsInRandomRatio({ origin: 'draw', drawId }), countsInRandomRatio({ origin: 'complaint', drawId: null }), countsInRandomRatio({ origin: 'screening', drawId: null })]).toEqual([true, true, false, false]);
    expect([originOf({}), originOf({ origin: 'complaint' })]).toEqual(['draw', 'complaint']);
  });
});
