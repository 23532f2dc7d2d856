// A plan's scope (draw-algorithm.md §2b, §3): a district office draws its own districts, and the record says so.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCommitment } from '../../../src-shared/draw/commitment';
import { planEncoding, planHash } from '../../../src-shared/draw/canonical';
import { runDraw } from '../../../src-shared/draw/draw';
import { checkPlan, defaultPlan, type DrawPlan } from '../../../src-shared/draw/plan';
import { buildNoticeWorkbook } from '../../../src-shared/draw/notice';
import { verifyDraw } from '../../../src-shared/draw/verify';
import { syntheticEntities, syntheticInspectors } from '../../fixtures/listFiles';

const entities = syntheticEntities(400, 11);
const inspectors = syntheticInspectors(160, 12);
const GULOU = '鼓楼区';
const TAIJIANG = '台江区';
const plan: DrawPlan = { ...defaultPlan, name: '鼓楼区专项', districts: [GULOU] };
const AT = '2026-03-02T01:00:00.000Z';

describe('a plan with a scope', () => {
  it('draws only the targets and inspectors of its districts: the same record as a draw over those rows alone', () => {
    const scoped = runDraw({ entities, inspectors, plan, seed: '20260302', drawnAt: AT });
    const alone = runDraw({ entities: entities.filter((e) => e.district === GULOU), inspectors: inspectors.filter((i) => i.district === GULOU), plan, seed: '20260302', drawnAt: AT });
    expect(scoped).toEqual(alone);
    const inGulou = entities.filter((e) => e.district === GULOU);
    // The counts are of the active rows (§2); the inactive ones of the scope are the excluded rows.
    expect(scoped.record.entitiesCount).toBe(inGulou.filter((e) => e.active).length);
    expect(scoped.record.inspectorsCount).toBe(inspectors.filter((i) => i.district === GULOU && i.active).length);
    expect(scoped.excluded.length).toBe(inGulou.filter((e) => !e.active).length + inspectors.filter((i) => i.district === GULOU && !i.active).length);
    expect(new Set(scoped.selected.map((s) => s.district))).toEqual(new Set([GULOU]));
    expect(scoped.selected.length).toBe(Math.ceil(inGulou.filter((e) => e.active).length / 2));
    expect(scoped.record.plan.districts).toEqual([GULOU]);
  });

  it('is re-verified and committed over the whole lists, as a third party holding both files would', async () => {
    const result = runDraw({ entities, inspectors, plan, seed: '20260302', drawnAt: AT });
    expect(verifyDraw(result, entities, inspectors)).toEqual({ ok: true, differences: [] });
    const whole = await makeCommitment(entities, inspectors, plan, new Date(AT));
    const alone = await makeCommitment(entities.filter((e) => e.district === GULOU), inspectors.filter((i) => i.district === GULOU), plan, new Date(AT));
    expect(whole).toEqual(alone);
    expect(whole.entitiesHash).toBe(result.record.entitiesHash);
  });

  it('hashes its districts unique and in code-unit order; a plan without one keeps the hash it always had', () => {
    const both = checkPlan({ ...plan, districts: [TAIJIANG, GULOU, TAIJIANG] });
    expect(both.ok && both.plan.districts).toEqual([TAIJIANG, GULOU].sort((a, b) => (a < b ? -1 : 1)));
    expect(planEncoding({ ...plan, districts: [TAIJIANG, GULOU] }).at(-1)).toEqual(['台江区', '鼓楼区']);
    const none = checkPlan({ ...defaultPlan, districts: [] });
    expect(none.ok && 'districts' in none.plan).toBe(false);
    expect(planHash({ ...defaultPlan, districts: [] })).toBe(planHash(defaultPlan));
    expect(planEncoding(defaultPlan)).toHaveLength(9);
    expect(planHash(plan)).not.toBe(planHash({ ...plan, districts: [TAIJIANG] }));
  });

  it('names its districts in the public notice', async () => {
    const result = runDraw({ entities, inspectors, plan: { ...plan, districts: [GULOU, TAIJIANG] }, seed: '1', drawnAt: AT });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await buildNoticeWorkbook(result, result.record.plan)).buffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('抽查计划')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['抽查范围', '台江区、鼓楼区']);
  });

  it('refuses a blank district with the reason', () => {
    const refused = checkPlan({ ...plan, districts: [' '] });
    expect(refused).toEqual({ ok: false, problems: [{ rule: 'scope', message: '抽查范围中的区县名称不能为空' }] });
  });

  it('refuses a scope with no target in it as an empty list', () => {
    expect(() => runDraw({ entities, inspectors, plan: { ...plan, districts: ['不存在区'] }, seed: '1', drawnAt: AT })).toThrow('检查对象名录中没有在册的检查对象');
  });
});
