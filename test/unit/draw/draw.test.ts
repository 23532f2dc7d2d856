import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { prepareEntities, prepareInspectors } from '../../../src-shared/draw/canonical';
import { DrawError, drawRecordSchema, drawResultFileSchema, prepareLists, prepareListsAsync, runDraw, runDrawAsync, runPreparedDraw, selectedTargets, type DrawInput, type DrawResult } from '../../../src-shared/draw/draw';
import { ceilCount, defaultPlan, normalizePlan, ratioBasisPoints, type DrawPlan } from '../../../src-shared/draw/plan';
import { keyMaterial, toHex, deriveKey } from '../../../src-shared/draw/rng';
import { blankEntityDetails, syntheticLists, syntheticUscc } from '../../fixtures/synthetic';
import { plans, referenceDraw, referenceOutputHash, smallLists } from './reference';
import { vectorEntities, vectorInspectors, vectorPlan, vectorSeed } from './vector';

const AT = '2025-03-01T02:00:00.000Z';
const seeds = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const draw = (input: Omit<DrawInput, 'drawnAt'>) => runDraw({ ...input, drawnAt: AT });

const mall = (i: number, subdistrict: string): Entity => ({
  ...blankEntityDetails,
  uscc: syntheticUscc(1, i),
  name: `某某商场${i}`,
  kind: 'mall',
  district: '鼓楼区',
  subdistrict,
  credit: null,
  lastInspectors: [],
  active: true,
});
const officer = (n: number, subdistrict: string, conflicts: string[] = []): Inspector => ({
  certNo: `3501000${n}`,
  name: `检查员${n}`,
  unit: '',
  district: '鼓楼区',
  subdistrict,
  phone: '',
  conflicts,
  active: true,
});

function drawError(run: () => unknown): DrawError {
  try {
    run();
  } catch (e) {
    if (e instanceof DrawError) return e;
    throw e;
  }
  throw new Error('the draw succeeded');
}

const city = syntheticLists({ seed: 3, entities: 2000, inspectors: 240, districts: 6, subdistrictsPerDistrict: 5 });
const cityPlan: DrawPlan = { ...defaultPlan, groupBy: ['district', 'kind'], riskRatios: { yellow: 0.7, red: 1, black: 1 }, maxPerInspector: 30, recusal: { sameSubdistrict: true, lastInspector: true } };

/** Checks every rule a successful draw must keep; returns nothing, fails loudly. */
function expectRulesKept(result: DrawResult, entities: readonly Entity[], inspectors: readonly Inspector[], planInput: DrawPlan): void {
  const plan = normalizePlan(planInput);
  const byUscc = new Map(entities.filter((e) => e.active).map((e) => [e.uscc, e]));
  const byCert = new Map(inspectors.filter((i) => i.active).map((i) => [i.certNo, i]));
  const load = new Map<string, number>();
  for (const s of result.selected) {
    const target = byUscc.get(s.uscc)!;
    expect(target).toBeDefined();
    expect(s.inspectors).toHaveLength(plan.teamSize);
    expect(new Set(s.inspectors).size).toBe(plan.teamSize);
    for (const certNo of s.inspectors) {
      const i = byCert.get(certNo)!;
      expect(i, `active inspector ${certNo}`).toBeDefined();
      expect(i.district).toBe(target.district);
      expect(i.conflicts).not.toContain(target.uscc);
      if (plan.recusal.sameSubdistrict && i.subdistrict !== '') expect(i.subdistrict).not.toBe(target.subdistrict);
      if (plan.recusal.lastInspector) expect(target.lastInspectors).not.toContain(certNo);
      load.set(certNo, (load.get(certNo) ?? 0) + 1);
    }
  }
  if (plan.maxPerInspector !== null) for (const n of load.values()) expect(n).toBeLessThanOrEqual(plan.maxPerInspector);
  expect(new Set(result.selected.map((s) => s.uscc)).size).toBe(result.selected.length);
}

describe('draw: worked example of docs/draw-algorithm.md', () => {
  const result = draw({ entities: vectorEntities, inspectors: vectorInspectors, plan: vectorPlan, seed: vectorSeed });

  it('derives the documented key', () => {
    const material = new TextDecoder().decode(keyMaterial(result.record));
    expect(material).toBe(
      '["tariffcheck-draw/3","示例种子-2025","c55378d2043e6177f2e915931d3b6c9ad1104d6fc7398551826428e9898652b0",' +
        '"0de4c080151d4dde089e25733cee199c0af13cbbb766cad095c0484a62941e15","8334d741941982a6e198a08c90494439a712b628c1d2fb2dd3dc862506509b2c"]',
    );
    expect(toHex(deriveKey(result.record))).toBe('d988237f494f9c6e52b6ac55aff122c11b796cf2ed9c58da398823d3228a0ec5');
    expect(createHash('sha256').update(material).digest('hex')).toBe('d988237f494f9c6e52b6ac55aff122c11b796cf2ed9c58da398823d3228a0ec5');
  });

  it('selects and staffs exactly as documented', () => {
    expect(result.selected.map((s) => [s.uscc, s.inspectors])).toEqual([
      ['91110000600037341L', ['35010004', '35010002']],
      ['91310115MA1K3BTP2B', ['35010001', '35010004']],
    ]);
    expect(result.record).toEqual({
      algorithm: 'tariffcheck-draw/3',
      seed: '示例种子-2025',
      plan: vectorPlan,
      entitiesHash: 'c55378d2043e6177f2e915931d3b6c9ad1104d6fc7398551826428e9898652b0',
      inspectorsHash: '0de4c080151d4dde089e25733cee199c0af13cbbb766cad095c0484a62941e15',
      planHash: '8334d741941982a6e198a08c90494439a712b628c1d2fb2dd3dc862506509b2c',
      entitiesCount: 3,
      inspectorsCount: 4,
      selectedCount: 2,
      outputHash: '3b0e719b2cc4a8ca78e43bb0bbca2263af61daa14367e94c81eec0c63c7516ac',
      // §2a by hand: SHA-256 of [["tariffcheck-excluded/1","list","key","reason"],["entities","91340600MA2PBP2120","inactive"]]
      excludedHash: '9e24f5cb7e64c1a70ec238d15db8ce74ba2a51be9b65446b1dcbd02810c342c7',
      drawnAt: AT,
    });
    expect(result.groups).toEqual([{ key: { district: '鼓楼区' }, label: '鼓楼区', size: 3, ratio: 0.5, selected: 2 }]);
    expect(result.excluded).toEqual([{ key: 'entities 91340600MA2PBP2120', reason: '检查对象已停用，不参加抽取' }]);
  });

  it('hashes the documented output encoding', () => {
    const encoding = Buffer.concat([Buffer.from('tariffcheck-draw-output/2'), Buffer.from(new Uint32Array([0, 2, 3, 1, 1, 2, 0, 3]).buffer)]);
    expect(encoding.toString('hex')).toBe(
      '746172696666636865636b2d647261772d6f75747075742f32' + '00000000020000000300000001000000' + '01000000020000000000000003000000',
    );
    expect(createHash('sha256').update(encoding).digest('hex')).toBe(result.record.outputHash);
  });

  it('validates against its own file schema', () => {
    expect(drawRecordSchema.parse(result.record)).toEqual(result.record);
    expect(drawResultFileSchema.safeParse({ ...result, selected: result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors })) }).success).toBe(true);
  });
});

describe('draw: the renderer path (lists and output hashed by WebCrypto) and the columnar outcome', () => {
  it('gives exactly the result of runDraw, and refuses what it refuses', async () => {
    const input = { ...city, plan: cityPlan, seed: '异步-2025', drawnAt: AT };
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      expect(await runDrawAsync(input)).toEqual(runDraw(input));
      // Both lists and the output, each in one call.
      expect(digest).toHaveBeenCalledTimes(3);
    } finally {
      digest.mockRestore();
    }
    await expect(runDrawAsync({ ...input, seed: '  ' })).rejects.toMatchObject({ code: 'seed-empty' });
    await expect(runDrawAsync({ ...input, plan: { ...cityPlan, teamSize: 40 } })).rejects.toMatchObject({ code: 'team-unfillable' });
  });

  it('refuses a draw over no active target or no active inspector, naming the list', async () => {
    const input = { ...city, plan: cityPlan, seed: '空名录', drawnAt: AT };
    const noTargets = { ...input, entities: city.entities.map((e) => ({ ...e, active: false })) };
    expect(() => runDraw(noTargets)).toThrow(expect.objectContaining({ code: 'empty-list', rule: 'no-targets', message: '检查对象名录中没有在册的检查对象，无法抽取（请先导入或同步名录）' }));
    await expect(runDrawAsync({ ...input, entities: [] })).rejects.toMatchObject({ code: 'empty-list', rule: 'no-targets' });
    await expect(runDrawAsync({ ...input, inspectors: [] })).rejects.toMatchObject({ code: 'empty-list', rule: 'no-inspectors', message: '执法检查人员名录中没有在岗的检查人员，无法抽取（请先导入或同步名录）' });
  });

  it('prepares the same lists either way, and draws indices that name the same targets and teams as the rows', async () => {
    const lists = prepareLists(city.entities, city.inspectors);
    const gathered = await prepareListsAsync(city.entities, city.inspectors);
    expect(gathered.entities.hash).toBe(lists.entities.hash);
    expect(gathered.inspectors.hash).toBe(lists.inspectors.hash);
    expect(gathered.roster).toEqual(lists.roster);
    const outcome = runPreparedDraw(lists, cityPlan, '列式', AT);
    const rows = selectedTargets(outcome);
    const { targets, seats, teamSize } = outcome.selection;
    expect(teamSize).toBe(2);
    expect(rows).toHaveLength(targets.length);
    rows.forEach((row, k) => {
      expect(row.uscc).toBe(lists.entities.rows[targets[k]!]!.uscc);
      expect(row.inspectors).toEqual([...seats.subarray(k * 2, k * 2 + 2)].map((i) => lists.inspectors.rows[i]!.certNo));
    });
  });
});

describe('draw: the algorithm as specified', () => {
  it('agrees word for word with the slow reference implementation', () => {
    fc.assert(
      fc.property(smallLists, plans, seeds, ({ entities, inspectors }, plan, seed) => {
        // §11: a list with no active row is refused before anything is drawn.
        if (!entities.some((e) => e.active) || !inspectors.some((i) => i.active)) {
          expect(drawError(() => draw({ entities, inspectors, plan, seed })).code).toBe('empty-list');
          return;
        }
        const expected = referenceDraw(entities, inspectors, plan, seed);
        if (!Array.isArray(expected)) {
          const e = drawError(() => draw({ entities, inspectors, plan, seed }));
          expect(e.code).toBe('team-unfillable');
          expect(e.message).toContain(`「${expected.unfillable.name}」`);
          return;
        }
        const result = draw({ entities, inspectors, plan, seed });
        expect(result.selected.map(({ uscc, inspectors: team }) => ({ uscc, inspectors: team }))).toEqual(expected);
        expect(result.record.outputHash).toBe(referenceOutputHash(expected, entities, inspectors));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every rule on random small lists: teams distinct, in district, recusal-free, full, within the workload limit', () => {
    fc.assert(
      fc.property(smallLists, plans, seeds, ({ entities, inspectors }, plan, seed) => {
        let result: DrawResult;
        try {
          result = draw({ entities, inspectors, plan, seed });
        } catch (e) {
          if (e instanceof DrawError && (e.code === 'team-unfillable' || e.code === 'empty-list')) return;
          throw e;
        }
        expectRulesKept(result, entities, inspectors, plan);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every rule on a city-sized list, and agrees with the reference there', () => {
    const result = draw({ ...city, plan: cityPlan, seed: '2025-第一批' });
    expectRulesKept(result, city.entities, city.inspectors, cityPlan);
    const expected = referenceDraw(city.entities, city.inspectors, cityPlan, '2025-第一批');
    expect(Array.isArray(expected)).toBe(true);
    expect(result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors }))).toEqual(expected);
    expect(result.record.outputHash).toBe(referenceOutputHash(expected as { uscc: string; inspectors: string[] }[], city.entities, city.inspectors));
  });

  it('groups by a Map as well as by a table: more possible value tuples than the table takes', () => {
    // 1 district × ~4,900 active sub-districts × 4 kinds × ≥ 4 credit codes: more than 2^16 possible tuples.
    const lists = syntheticLists({ seed: 5, entities: 5000, inspectors: 60, districts: 1 });
    const entities = lists.entities.map((e, i) => ({ ...e, subdistrict: `街镇${i}` }));
    const plan: DrawPlan = { ...defaultPlan, groupBy: ['district', 'subdistrict', 'kind', 'credit'], recusal: { sameSubdistrict: false, lastInspector: true } };
    const result = draw({ entities, inspectors: lists.inspectors, plan, seed: '多分组' });
    expect(result.groups.length).toBe(entities.filter((e) => e.active).length);
    const expected = referenceDraw(entities, lists.inspectors, plan, '多分组');
    expect(result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors }))).toEqual(expected);
  });

  it('reproduces: the same input gives the same record and the same selection', () => {
    const a = draw({ ...city, plan: cityPlan, seed: '复现' });
    const b = runDraw({ entities: [...city.entities].reverse(), inspectors: [...city.inspectors].reverse(), plan: cityPlan, seed: '复现', drawnAt: AT });
    expect(b).toEqual(a);
    fc.assert(
      fc.property(smallLists, plans, seeds, ({ entities, inspectors }, plan, seed) => {
        const once = (() => {
          try {
            return draw({ entities, inspectors, plan, seed });
          } catch (e) {
            return e instanceof DrawError ? e.message : e;
          }
        })();
        const again = (() => {
          try {
            return draw({ entities: [...entities].reverse(), inspectors: [...inspectors].reverse(), plan, seed });
          } catch (e) {
            return e instanceof DrawError ? e.message : e;
          }
        })();
        expect(again).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });

  it('selects exactly ceil(ratio × size) in every group, risk ratios honoured', () => {
    const result = draw({ ...city, plan: cityPlan, seed: '比例' });
    const active = city.entities.filter((e) => e.active);
    for (const g of result.groups) {
      const members = active.filter((e) => e.district === g.key['district'] && e.kind === g.key['kind'] && (e.credit ?? '') === g.key['credit']);
      const ratio = { yellow: 0.7, red: 1, black: 1 }[g.key['credit'] ?? ''] ?? 0.5;
      expect(g.size).toBe(members.length);
      expect(g.ratio).toBe(ratio);
      expect(g.selected).toBe(ceilCount(ratioBasisPoints(ratio), members.length));
      expect(result.selected.filter((s) => s.group === g.label)).toHaveLength(g.selected);
      expect(g.selected).toBeGreaterThanOrEqual(Math.ceil(members.length / 2));
    }
    expect(result.groups.reduce((n, g) => n + g.size, 0)).toBe(active.length);
    expect(result.record.selectedCount).toBe(result.selected.length);
  });

  it('draws 7 of a group of 10 at 70%, even from 70 × 0.01', () => {
    const ten = syntheticLists({ seed: 8, entities: 10, inspectors: 6, districts: 1, inactiveShare: 0 });
    const result = draw({ ...ten, plan: { ...defaultPlan, ratio: 70 * 0.01 }, seed: '七成' });
    expect(result.groups).toEqual([expect.objectContaining({ size: 10, ratio: 0.7, selected: 7 })]);
    expect(result.selected).toHaveLength(7);
  });

  it('processes groups in sorted key order and lists the drawn targets in USCC order', () => {
    const result = draw({ ...city, plan: { ...defaultPlan, groupBy: ['district', 'subdistrict'] }, seed: '顺序' });
    const keys = result.groups.map((g) => [g.key['district']!, g.key['subdistrict']!]);
    const sorted = [...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
    expect(keys).toEqual(sorted);
    const usccs = result.selected.map((s) => s.uscc);
    expect(usccs).toEqual([...usccs].sort());
    // Every drawn target carries its own group's label, and every group's count is drawn.
    const byUscc = new Map(city.entities.map((e) => [e.uscc, e]));
    for (const s of result.selected) expect(s.group).toBe(`${s.district} / ${byUscc.get(s.uscc)!.subdistrict || '（未填街镇）'}`);
    for (const g of result.groups) expect(result.selected.filter((s) => s.group === g.label)).toHaveLength(g.selected);
    expect(result.groups.find((g) => g.key['subdistrict'] === '')?.label).toMatch(/（未填街镇）$/);
  });

  it('leaves inactive rows out and lists them', () => {
    const result = draw({ ...city, plan: cityPlan, seed: '停用' });
    const inactiveEntities = city.entities.filter((e) => !e.active);
    const inactiveInspectors = city.inspectors.filter((i) => !i.active);
    expect(result.excluded).toHaveLength(inactiveEntities.length + inactiveInspectors.length);
    expect(result.excluded).toContainEqual({ key: `entities ${inactiveEntities[0]!.uscc}`, reason: '检查对象已停用，不参加抽取' });
    expect(result.excluded).toContainEqual({ key: `inspectors ${inactiveInspectors[0]!.certNo}`, reason: '执法人员已停用，不参加抽取' });
    const drawn = new Set(result.selected.flatMap((s) => [s.uscc, ...s.inspectors]));
    for (const e of inactiveEntities) expect(drawn.has(e.uscc)).toBe(false);
    for (const i of inactiveInspectors) expect(drawn.has(i.certNo)).toBe(false);
  });

  it('spreads the work: with no recusal every inspector of a district gets ⌊n/m⌋ or ⌈n/m⌉ seats', () => {
    const plan = { ...defaultPlan, recusal: { sameSubdistrict: false, lastInspector: false } };
    const lists = { ...city, entities: city.entities, inspectors: city.inspectors.map((i) => ({ ...i, conflicts: [] })) };
    const result = draw({ ...lists, plan, seed: '均衡' });
    const seats = new Map<string, number>();
    for (const s of result.selected) for (const c of s.inspectors) seats.set(c, (seats.get(c) ?? 0) + 1);
    const districts = new Set(lists.inspectors.map((i) => i.district));
    for (const d of districts) {
      const members = lists.inspectors.filter((i) => i.active && i.district === d);
      const total = result.selected.filter((s) => s.district === d).length * 2;
      for (const m of members) {
        const n = seats.get(m.certNo) ?? 0;
        expect(n).toBeGreaterThanOrEqual(Math.floor(total / members.length));
        expect(n).toBeLessThanOrEqual(Math.ceil(total / members.length));
      }
    }
  });
});

describe('draw: every input is bound into the record', () => {
  const base = draw({ ...city, plan: cityPlan, seed: '绑定' });

  it('changes the record when the seed changes', () => {
    const other = draw({ ...city, plan: cityPlan, seed: '绑定2' });
    expect(other.record.outputHash).not.toBe(base.record.outputHash);
    expect(other.selected.map((s) => s.uscc)).not.toEqual(base.selected.map((s) => s.uscc));
  });

  it('changes the list hash and the output when any active row of either list changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: city.entities.length - 1 }), fc.constantFrom('name', 'address', 'phone', 'contact'), (row, field) => {
        const target = city.entities[row]!;
        fc.pre(target.active);
        const entities = city.entities.map((e, i) => (i === row ? { ...e, [field]: e[field] + '·' } : e));
        const changed = draw({ entities, inspectors: city.inspectors, plan: cityPlan, seed: '绑定' });
        expect(changed.record.entitiesHash).not.toBe(base.record.entitiesHash);
        expect(changed.record.outputHash).not.toBe(base.record.outputHash);
      }),
      { numRuns: 12 },
    );
    const inspectors = city.inspectors.map((x, i) => (i === 0 ? { ...x, phone: x.phone + '0' } : x));
    const changed = draw({ entities: city.entities, inspectors, plan: cityPlan, seed: '绑定' });
    expect(changed.record.inspectorsHash).not.toBe(base.record.inspectorsHash);
    expect(changed.record.outputHash).not.toBe(base.record.outputHash);
  });

  it('changes the plan hash and the output when the plan changes', () => {
    for (const plan of [{ ...cityPlan, name: '另一个计划' }, { ...cityPlan, ratio: 0.6 }, { ...cityPlan, teamSize: 3 }, { ...cityPlan, maxPerInspector: 40 }]) {
      const changed = draw({ ...city, plan, seed: '绑定' });
      expect(changed.record.planHash).not.toBe(base.record.planHash);
      expect(changed.record.outputHash).not.toBe(base.record.outputHash);
    }
  });

  it('keeps the draw time out of every hash', () => {
    const later = runDraw({ ...city, plan: cityPlan, seed: '绑定', drawnAt: '2030-01-01T00:00:00.000Z' });
    expect({ ...later.record, drawnAt: AT }).toEqual(base.record);
  });
});

describe('draw: refusals', () => {
  it('refuses a plan below 50% or with a team below 2, before touching the lists', () => {
    expect(drawError(() => draw({ ...city, plan: { ...cityPlan, ratio: 0.4 }, seed: 'x' })).message).toContain('抽查比例不得低于 50%');
    expect(drawError(() => draw({ ...city, plan: { ...cityPlan, teamSize: 1 }, seed: 'x' })).message).toContain('检查组不得少于 2 人');
  });

  it('refuses an empty seed', () => {
    expect(drawError(() => draw({ ...city, plan: cityPlan, seed: '  ' })).message).toBe('随机种子不能为空');
  });

  it('refuses a list with a key twice', () => {
    const twin = { ...city.entities.find((e) => e.active)!, name: '重复' };
    const e = drawError(() => draw({ entities: [...city.entities, twin], inspectors: city.inspectors, plan: cityPlan, seed: 'x' }));
    expect(e.code).toBe('duplicate-key');
    expect(e.message).toBe(`检查对象名录中统一社会信用代码重复：${twin.uscc}（请先修正名录再抽取）`);
  });

  it('names the group, the target and the rule when recusal leaves too few inspectors', () => {
    const entities = [mall(1, '东街街道')];
    const inspectors = [officer(1, '东街街道'), officer(2, '东街街道'), officer(3, '')];
    const e = drawError(() => draw({ entities, inspectors, plan: { ...defaultPlan, recusal: { sameSubdistrict: true, lastInspector: false } }, seed: 'x' }));
    expect(e.code).toBe('team-unfillable');
    expect(e.group).toBe('鼓楼区');
    expect(e.rule).toBe('same-subdistrict');
    expect(e.message).toBe('分组「鼓楼区」：可用执法人员不足，无法为「某某商场1」组成 2 人检查组（回避规则：同街镇）');
  });

  it('names declared conflicts, last inspectors and the workload limit', () => {
    const target = mall(1, '东街街道');
    const conflict = drawError(() =>
      draw({ entities: [target], inspectors: [officer(1, '', [target.uscc]), officer(2, '')], plan: defaultPlan, seed: 'x' }),
    );
    expect(conflict.rules).toEqual(['declared-conflict']);
    expect(conflict.message).toContain('（回避规则：申报利害关系）');

    const last = drawError(() =>
      draw({ entities: [{ ...target, lastInspectors: ['35010001'] }], inspectors: [officer(1, ''), officer(2, '')], plan: { ...defaultPlan, recusal: { sameSubdistrict: false, lastInspector: true } }, seed: 'x' }),
    );
    expect(last.rule).toBe('last-inspector');

    const busy = drawError(() =>
      draw({ entities: [mall(1, ''), mall(2, ''), mall(3, '')], inspectors: [officer(1, ''), officer(2, ''), officer(3, '')], plan: { ...defaultPlan, ratio: 1, maxPerInspector: 1 }, seed: 'x' }),
    );
    expect(busy.rule).toBe('max-per-inspector');
    expect(busy.message).toContain('工作量上限：每人最多 1 户');
  });

  it('names a district without inspectors, and one with fewer than a team', () => {
    const none = drawError(() => draw({ entities: [mall(1, '')], inspectors: [{ ...officer(1, ''), district: '台江区' }], plan: defaultPlan, seed: 'x' }));
    expect(none.rule).toBe('no-inspectors');
    expect(none.message).toBe('分组「鼓楼区」：可用执法人员不足，无法为「某某商场1」组成 2 人检查组（「鼓楼区」没有在册执法人员）');
    const few = drawError(() => draw({ entities: [mall(1, '')], inspectors: [officer(1, '')], plan: defaultPlan, seed: 'x' }));
    expect(few.rule).toBe('too-few-inspectors');
    expect(few.message).toContain('「鼓楼区」在册执法人员仅 1 人');
  });
});

describe('draw: no target or inspector is favoured', () => {
  // Ten targets, half drawn: over 3,000 fixed seeds each should be drawn about 1,500 times.
  const ten = syntheticLists({ seed: 21, entities: 10, inspectors: 6, districts: 1, inactiveShare: 0, conflictShare: 0, lastInspectorShare: 0 });
  const inspectors = ten.inspectors.map((i) => ({ ...i, subdistrict: '' }));
  const runs = Array.from({ length: 3000 }, (_, k) => draw({ entities: ten.entities, inspectors, plan: defaultPlan, seed: `频率-${k}` }));
  const chiSquare = (counts: number[], expected: number) => counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);

  it('draws each target equally often (chi-square, 9 degrees of freedom)', () => {
    const order = prepareEntities(ten.entities).rows.map((e) => e.uscc);
    const counts = order.map((u) => runs.filter((r) => r.selected.some((s) => s.uscc === u)).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3000 * 5);
    // 27.88 is the 0.001 critical value; the seeds are fixed, so the test is deterministic.
    expect(chiSquare(counts, 1500)).toBeLessThan(27.88);
  });

  it('draws every set of five of the ten equally often (251 degrees of freedom)', () => {
    const counts = new Map<string, number>();
    for (const r of runs) {
      const key = r.selected.map((x) => x.uscc).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(252);
    // 326.0 is the 0.001 critical value (Wilson–Hilferty); 3,000 runs give each of the C(10, 5) sets 11.9.
    expect(chiSquare([...counts.values()], 3000 / 252)).toBeLessThan(326.0);
  });

  it('draws every set of seven of the ten equally often, by choosing the three left out (119 degrees of freedom)', () => {
    const plan = { ...defaultPlan, ratio: 0.7 };
    const counts = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const key = draw({ entities: ten.entities, inspectors, plan, seed: `补集-${k}` }).selected.map((x) => x.uscc).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(120);
    expect(chiSquare([...counts.values()], 25)).toBeLessThan(172.5);
  });

  it('gives the first team each ordered pair of inspectors equally often (29 degrees of freedom)', () => {
    const counts = new Map<string, number>();
    for (const r of runs) {
      const key = r.selected[0]!.inspectors.join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(30);
    expect(chiSquare([...counts.values()], 100)).toBeLessThan(58.3);
  });

  it('gives each ordered pair of the eligible equally often when a pair is drawn again for a recused member (11 degrees of freedom)', () => {
    // Every target is in 东街街道, as are the first two inspectors: 4 × 3 ordered pairs remain.
    const entities = ten.entities.map((e) => ({ ...e, subdistrict: '东街街道' }));
    const split = prepareInspectors(inspectors).rows.map((x, i) => ({ ...x, subdistrict: i < 2 ? '东街街道' : '' }));
    const recusing = { ...defaultPlan, recusal: { sameSubdistrict: true, lastInspector: false } };
    const counts = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const key = draw({ entities, inspectors: split, plan: recusing, seed: `回避-${k}` }).selected[0]!.inspectors.join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].every((key) => !key.split(',').some((c) => c === split[0]!.certNo || c === split[1]!.certNo))).toBe(true);
    expect(counts.size).toBe(12);
    expect(chiSquare([...counts.values()], 250)).toBeLessThan(31.26);
  });

  it('gives each ordered pair equally often when fewer than half of the pool are eligible (the r-th eligible; 1 degree of freedom)', () => {
    // Four of the six inspectors work where every target is; only the third and the sixth may sit.
    const entities = ten.entities.map((e) => ({ ...e, subdistrict: '东街街道' }));
    const split = prepareInspectors(inspectors).rows.map((x, i) => ({ ...x, subdistrict: i === 2 || i === 5 ? '' : '东街街道' }));
    const recusing = { ...defaultPlan, recusal: { sameSubdistrict: true, lastInspector: false } };
    const counts = new Map<string, number>();
    for (let k = 0; k < 2000; k++) {
      const key = draw({ entities, inspectors: split, plan: recusing, seed: `稀疏-${k}` }).selected[0]!.inspectors.join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([`${split[2]!.certNo},${split[5]!.certNo}`, `${split[5]!.certNo},${split[2]!.certNo}`].sort());
    expect(chiSquare([...counts.values()], 1000)).toBeLessThan(10.83);
  });

  it('gives the first seat of the first team to each inspector equally often (5 degrees of freedom)', () => {
    const order = prepareInspectors(inspectors).rows.map((i) => i.certNo);
    const counts = order.map((c) => runs.filter((r) => r.selected[0]!.inspectors[0] === c).length);
    expect(chiSquare(counts, 500)).toBeLessThan(20.52);
  });
});

describe('draw: district pools of 65,536 inspectors and more agree with the reference', () => {
  /** One district of n inspectors (sub-district by subOf) and four targets in sub-district `sub`. */
  function oneDistrict(n: number, subOf: (i: number) => string, sub: string): { entities: Entity[]; inspectors: Inspector[] } {
    const entities = Array.from({ length: 4 }, (_, i) => ({ ...mall(i, sub), uscc: syntheticUscc(0, i) }));
    const inspectors = Array.from({ length: n }, (_, i) => ({ ...officer(i, subOf(i)), certNo: `C${String(i).padStart(6, '0')}` }));
    return { entities, inspectors };
  }
  const cases: [string, number, (i: number) => string, number][] = [
    ['65,536: two seats from one word, size × (size − 1) above 2^21', 65_536, () => '', 3],
    ['65,537: too many for a pair in one word, one seat at a time', 65_537, () => '', 3],
    ['70,000, nine in ten recused: the r-th eligible', 70_000, (i) => (i % 10 === 0 ? '' : '东街街道'), 3],
  ];
  for (const [name, n, subOf, teamSize] of cases) {
    it(name, () => {
      const lists = oneDistrict(n, subOf, '东街街道');
      const plan = { ...defaultPlan, ratio: 1, teamSize, recusal: { sameSubdistrict: true, lastInspector: false } };
      const result = draw({ ...lists, plan, seed: `大区-${n}` });
      expect(result.selected).toHaveLength(4);
      expect(result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors }))).toEqual(referenceDraw(lists.entities, lists.inspectors, plan, `大区-${n}`));
    });
  }
});
