import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawError, parsePlan } from '../../../src-shared/draw/draw';
import { ceilCount, checkPlan, defaultPlan, formatRatio, normalizePlan, ratioBasisPoints, type DrawPlan } from '../../../src-shared/draw/plan';

function refusal(plan: unknown): DrawError {
  try {
    parsePlan(plan);
  } catch (e) {
    if (e instanceof DrawError) return e;
    throw e;
  }
  throw new Error('plan was accepted');
}

describe('draw plan', () => {
  it('draws 7 of 10 at 70%, never 8, even when 70% arrives as 70 × 0.01 = 0.7000000000000001', () => {
    const fromPercent = 70 * 0.01;
    expect(Math.ceil(fromPercent * 10)).toBe(8); // the trap: float ceil
    expect(ceilCount(ratioBasisPoints(fromPercent), 10)).toBe(7);
    expect(ceilCount(ratioBasisPoints(0.7), 10)).toBe(7);
  });

  it.each([
    [0.5, 1, 1],
    [0.5, 3, 2],
    [0.5, 10, 5],
    [0.5, 11, 6],
    [0.7, 10, 7],
    [0.7, 11, 8],
    [0.75, 4, 3],
    [0.6, 5, 3],
    [0.55, 20, 11],
    [0.5001, 10000, 5001],
    [0.33335, 3, 2],
    [1, 7, 7],
    [0.5, 0, 0],
  ])('selects ceil(%s × %i) = %i', (ratio, size, expected) => {
    expect(ceilCount(ratioBasisPoints(ratio), size)).toBe(expected);
  });

  it('selects exactly ceil(bp × size / 10000) for every basis-point ratio and size (big-integer check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5000, max: 10000 }), fc.integer({ min: 0, max: 5_000_000 }), (bp, size) => {
        const exact = (BigInt(bp) * BigInt(size) + 9999n) / 10000n;
        expect(ceilCount(bp, size)).toBe(Number(exact));
      }),
    );
  });

  it('refuses a ratio below 50% with a Chinese message', () => {
    const e = refusal({ ...defaultPlan, ratio: 0.49 });
    expect(e.code).toBe('plan-refused');
    expect(e.rule).toBe('ratio');
    expect(e.message).toContain('抽查比例不得低于 50%（当前为 49%）');
  });

  it('refuses a team below 2 with a Chinese message', () => {
    const e = refusal({ ...defaultPlan, teamSize: 1 });
    expect(e.rule).toBe('team-size');
    expect(e.message).toContain('检查组不得少于 2 人（当前为 1 人）');
  });

  it('names every problem of a plan at once', () => {
    const e = refusal({ ...defaultPlan, ratio: 0.3, teamSize: 0 });
    expect(e.message).toBe('抽查计划无效：抽查比例不得低于 50%（当前为 30%）；检查组不得少于 2 人（当前为 0 人）');
    expect(e.rules).toEqual(['ratio', 'team-size']);
  });

  it('refuses ratios above 100%, risk ratios below the plan ratio, and bad limits', () => {
    expect(refusal({ ...defaultPlan, ratio: 1.2 }).message).toContain('抽查比例不得高于 100%');
    expect(refusal({ ...defaultPlan, ratio: 0.7, riskRatios: { red: 0.6 } }).message).toContain('信用等级「红」的抽查比例 60% 不得低于总体抽查比例 70%');
    expect(refusal({ ...defaultPlan, riskRatios: { black: 1.5 } }).rule).toBe('risk-ratio');
    expect(refusal({ ...defaultPlan, maxPerInspector: 0 }).message).toContain('每名执法人员最多检查户数必须是不小于 1 的整数');
    expect(refusal({ ...defaultPlan, teamSize: 2.5 }).message).toContain('检查组人数必须是整数');
    expect(refusal({ ...defaultPlan, name: '  ' }).rule).toBe('name');
    expect(refusal({ ...defaultPlan, groupBy: ['street'] }).message).toContain('分组方式只能是');
    expect(refusal({ ...defaultPlan, ratio: 'half' }).message).toContain('抽查比例必须是数字');
    expect(refusal({ ratio: 0.5 }).message).toContain('抽查计划缺少或写错了字段「name」');
  });

  it('accepts exactly 50% and 100%, and the default plan', () => {
    expect(checkPlan({ ...defaultPlan, ratio: 0.5 }).ok).toBe(true);
    expect(checkPlan({ ...defaultPlan, ratio: 1 }).ok).toBe(true);
    expect(checkPlan(defaultPlan)).toEqual({ ok: true, plan: defaultPlan });
  });

  it('normalises: district first, dimensions in canonical order, credit added with risk ratios, ratios in basis points', () => {
    const plan: DrawPlan = { ...defaultPlan, ratio: 0.66666, groupBy: ['kind', 'subdistrict'], riskRatios: { red: 1, yellow: 0.7 } };
    const normal = normalizePlan(plan);
    expect(normal.groupBy).toEqual(['district', 'subdistrict', 'kind', 'credit']);
    expect(normal.ratio).toBe(0.6667);
    expect(Object.entries(normal.riskRatios)).toEqual([['yellow', 0.7], ['red', 1]]);
    expect(normalizePlan(normal)).toEqual(normal);
  });

  it('shows ratios as percentages with at most two decimals', () => {
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(0.7)).toBe('70%');
    expect(formatRatio(0.33335)).toBe('33.34%');
  });
});
