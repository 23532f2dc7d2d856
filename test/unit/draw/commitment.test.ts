// The commitment (§4a): plan and lists fixed before the seed; the draw holds to it; witnesses' seeds.
import { describe, expect, it } from 'vitest';
import { combineSeeds, commitmentOf, commitmentSchema, makeCommitment } from '../../../src-shared/draw/commitment';
import { DrawError, keepPrepared, prepareScopeAsync, runDraw, runDrawAsync, type PrepareScope } from '../../../src-shared/draw/draw';
import { defaultPlan, type DrawPlan } from '../../../src-shared/draw/plan';
import { verifyDraw } from '../../../src-shared/draw/verify';
import { syntheticLists } from '../../fixtures/synthetic';

const lists = syntheticLists({ seed: 7, entities: 60, inspectors: 30, districts: 2, subdistrictsPerDistrict: 3 });
const plan: DrawPlan = { ...defaultPlan, name: '承诺测试', ratio: 0.5 };
const AT = new Date('2026-12-05T02:00:00.000Z');

describe('draw commitment', () => {
  it('fixes the hashes a draw then records, and the draw records when it was committed', async () => {
    const c = await makeCommitment(lists.entities, lists.inspectors, plan, AT);
    expect(commitmentSchema.parse(c)).toEqual(c);
    expect(c.committedAt).toBe('2026-12-05T02:00:00.000Z');
    expect(c.entitiesCount).toBe(lists.entities.filter((e) => e.active).length);
    expect(c.excludedCount).toBe(lists.entities.filter((e) => !e.active).length + lists.inspectors.filter((i) => !i.active).length);
    const result = await runDrawAsync({ ...lists, plan, seed: '3-1-4', commitment: c, drawnAt: '2026-12-05T02:10:00.000Z' });
    expect(result.record).toMatchObject({ planHash: c.planHash, entitiesHash: c.entitiesHash, inspectorsHash: c.inspectorsHash, excludedHash: c.excludedHash, committedAt: c.committedAt });
    expect(runDraw({ ...lists, plan, seed: '3-1-4', commitment: c, drawnAt: '2026-12-05T02:10:00.000Z' })).toEqual(result);
  });

  it('refuses a plan changed after the commitment, and lists changed after it, naming what changed', async () => {
    const c = await makeCommitment(lists.entities, lists.inspectors, plan, AT);
    const refusal = (input: Parameters<typeof runDraw>[0]) => {
      try {
        runDraw(input);
      } catch (e) {
        if (e instanceof DrawError) return [e.code, e.message];
      }
      return null;
    };
    expect(refusal({ ...lists, plan: { ...plan, ratio: 0.6 }, seed: 's', commitment: c })).toEqual([
      'commitment-mismatch', '抽查承诺作出后，抽查计划已改变，不能按原承诺抽取；请重新生成并公示抽查承诺',
    ]);
    const active = lists.entities.filter((e) => e.active).length;
    const deactivated = lists.entities.map((e, i) => (i === lists.entities.findIndex((x) => x.active) ? { ...e, active: false } : e));
    expect(refusal({ entities: deactivated, inspectors: lists.inspectors, plan, seed: 's', commitment: c })).toEqual([
      'commitment-mismatch',
      `抽查承诺作出后，检查对象名录已改变（承诺时 ${active} 个在册，现在 ${active - 1} 个）；不参加抽取的名录行已改变（承诺时 ${c.excludedCount} 行，现在 ${c.excludedCount + 1} 行），不能按原承诺抽取；请重新生成并公示抽查承诺`,
    ]);
  });

  it('the record covers the rows left out: verify names a changed set of inactive rows', () => {
    const result = runDraw({ ...lists, plan, seed: 'x' });
    const inactive = lists.entities.find((e) => !e.active)!;
    // Dropping an inactive row changes no drawn hash, only the rows left out.
    const fewer = lists.entities.filter((e) => e.uscc !== inactive.uscc);
    const verdict = verifyDraw(result, fewer, lists.inspectors);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences).toEqual([expect.stringMatching(/^不参加抽取的名录行与抽查时不同：摘要记录为 [0-9a-f]{64}，现为 [0-9a-f]{64}（现有 \d+ 行）$/)]);
    expect(verifyDraw(result, lists.entities, lists.inspectors)).toEqual({ ok: true, differences: [] });
  });

  it('combines witnesses’ seeds: one is itself, several are the JSON array of them trimmed, in order', () => {
    expect(combineSeeds(['  3-5-1-6 '])).toBe('3-5-1-6');
    expect(combineSeeds(['3-5-1-6', ' 王见证：42 ', '', '摇号 07'])).toBe('["3-5-1-6","王见证：42","摇号 07"]');
    expect(combineSeeds(['', ' '])).toBe('');
  });
});

describe('keepPrepared: the commitment and the draw on the same lists prepared once', () => {
  /** A preparer that counts its calls, in front of the real one. */
  function counting() {
    const calls: string[] = [];
    const prepare: PrepareScope = (entities, inspectors, p) => {
      calls.push(`${entities.length}/${inspectors.length}/${(p.districts ?? []).join(',')}`);
      return prepareScopeAsync(entities, inspectors, p);
    };
    return { calls, prepare: keepPrepared(prepare) };
  }

  it('prepares the lists once for the commitment and the draw, and draws exactly what a fresh preparation draws', async () => {
    const { calls, prepare } = counting();
    const c = commitmentOf(await prepare(lists.entities, lists.inspectors, plan), plan, AT);
    expect(c).toEqual(await makeCommitment(lists.entities, lists.inspectors, plan, AT));
    const input = { ...lists, plan, seed: '2-7-1', commitment: c, drawnAt: '2026-12-05T02:10:00.000Z' };
    const kept = await runDrawAsync(input, prepare);
    expect(calls).toEqual(['60/30/']);
    expect(kept).toEqual(await runDrawAsync(input));
    // A second draw on the same lists: still the one preparation, and the same draw.
    expect(await runDrawAsync(input, prepare)).toEqual(kept);
    expect(calls).toEqual(['60/30/']);
  });

  it('prepares again for lists read again (new arrays) or another scope, so a changed list is still refused', async () => {
    const { calls, prepare } = counting();
    const district = lists.entities[0]!.district;
    const c = commitmentOf(await prepare(lists.entities, lists.inspectors, plan), plan, AT);
    // The lists read again after a write, in the same scope, straight after the commitment: new arrays.
    const reread = lists.entities.map((e, i) => (i === lists.entities.findIndex((x) => x.active) ? { ...e, active: false } : e));
    await expect(runDrawAsync({ entities: reread, inspectors: lists.inspectors, plan, seed: 's', commitment: c }, prepare)).rejects.toMatchObject({ code: 'commitment-mismatch' });
    // The inspectors read again alone: prepared again too; then the same arrays in another scope.
    const inspectorsAgain = [...lists.inspectors];
    await prepare(reread, inspectorsAgain, plan);
    await prepare(reread, inspectorsAgain, { ...plan, districts: [district] });
    expect(calls).toEqual(['60/30/', '60/30/', '60/30/', `60/30/${district}`]);
  });

  it('does not keep a preparation that failed', async () => {
    let failures = 1;
    const prepare = keepPrepared((e, i, p) => (failures-- > 0 ? Promise.reject(new Error('read failed')) : prepareScopeAsync(e, i, p)));
    await expect(prepare(lists.entities, lists.inspectors, plan)).rejects.toThrow('read failed');
    expect((await prepare(lists.entities, lists.inspectors, plan)).entities.rows.length).toBe(lists.entities.filter((e) => e.active).length);
  });
});
