import { describe, expect, it } from 'vitest';
import { runDraw } from '../../../src-shared/draw/draw';
import { defaultPlan, type DrawPlan } from '../../../src-shared/draw/plan';
import { verifyDraw, verifyDrawAsync, type SavedDraw } from '../../../src-shared/draw/verify';
import { syntheticLists } from '../../fixtures/synthetic';
import { vectorEntities, vectorInspectors, vectorPlan, vectorSeed } from './vector';

const lists = syntheticLists({ seed: 31, entities: 600, inspectors: 80, districts: 4 });
const plan: DrawPlan = { ...defaultPlan, name: '复核测试', groupBy: ['district', 'kind'], riskRatios: { red: 1 } };
const result = runDraw({ ...lists, plan, seed: '复核-2025', drawnAt: '2025-03-01T02:00:00.000Z' });
/** What `tariffcheck draw` writes: the record and USCC + team per target. */
const saved: SavedDraw = { record: result.record, selected: result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors })) };

describe('verify draw', () => {
  it('reports a faithful draw as reproducing', () => {
    expect(verifyDraw(saved, lists.entities, lists.inspectors)).toEqual({ ok: true, differences: [] });
    expect(verifyDraw(result, [...lists.entities].reverse(), [...lists.inspectors].reverse())).toEqual({ ok: true, differences: [] });
  });

  it('says the same when the lists are hashed by WebCrypto (verifyDrawAsync, the renderer path)', async () => {
    expect(await verifyDrawAsync(saved, lists.entities, lists.inspectors)).toEqual({ ok: true, differences: [] });
    const victim = result.selected[0]!;
    const entities = lists.entities.map((e) => (e.uscc === victim.uscc ? { ...e, active: false } : e));
    const verdict = await verifyDrawAsync(saved, entities, lists.inspectors);
    expect(verdict).toEqual(verifyDraw(saved, entities, lists.inspectors));
    expect(verdict.ok).toBe(false);
    const foreign = { ...saved, record: { ...saved.record, algorithm: 'tariffcheck-draw/1' } };
    expect(await verifyDrawAsync(foreign, lists.entities, lists.inspectors)).toEqual(verifyDraw(foreign, lists.entities, lists.inspectors));
  });

  it('names a changed target list, with the hashes and counts, and what the rerun selects differently', () => {
    const victim = result.selected[0]!;
    const entities = lists.entities.map((e) => (e.uscc === victim.uscc ? { ...e, active: false } : e));
    const verdict = verifyDraw(saved, entities, lists.inspectors);
    expect(verdict.ok).toBe(false);
    const actual = verdict.differences;
    expect(actual[0]).toMatch(new RegExp(`^检查对象名录与抽查时不同：名录哈希记录为 ${result.record.entitiesHash}，现为 [0-9a-f]{64}（在册对象记录为 ${result.record.entitiesCount} 户，现为 ${result.record.entitiesCount - 1} 户）$`));
    expect(actual).toContainEqual(expect.stringMatching(/^结果哈希不同：记录为 [0-9a-f]{64}，重新抽取为 [0-9a-f]{64}$/));
    expect(actual).toContainEqual(`仅在记录中抽中：${victim.uscc}（${victim.name}）`);
    expect(actual.some((d) => d.startsWith('执法人员名录'))).toBe(false);
  });

  it('names a changed inspector list and the teams that differ', () => {
    const inspectors = lists.inspectors.map((x, i) => (i === 0 ? { ...x, name: x.name + '（改）' } : x));
    const verdict = verifyDraw(saved, lists.entities, inspectors);
    expect(verdict.differences[0]).toMatch(/^执法人员名录与抽查时不同：名录哈希记录为 [0-9a-f]{64}，现为 [0-9a-f]{64}（在册人员记录为 \d+ 人，现为 \d+ 人）$/);
    expect(verdict.differences).toContainEqual(expect.stringMatching(/^检查组不同：[0-9A-Z]{18}：记录为 \S+、\S+，重新抽取为 \S+、\S+$/));
  });

  it('detects a tampered file: one team swapped by hand', () => {
    const first = saved.selected[0]!;
    const tampered: SavedDraw = { ...saved, selected: [{ uscc: first.uscc, inspectors: [first.inspectors[1]!, first.inspectors[0]!] }, ...saved.selected.slice(1)] };
    const verdict = verifyDraw(tampered, lists.entities, lists.inspectors);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences[0]).toMatch(/^结果文件已被改动：抽中名单与记录中的结果哈希不符（记录为 [0-9a-f]{64}，按文件名单计算为 [0-9a-f]{64}）$/);
    expect(verdict.differences).toContain(
      `检查组不同：${first.uscc}：记录为 ${first.inspectors[1]}、${first.inspectors[0]}，重新抽取为 ${first.inspectors[0]}、${first.inspectors[1]}`,
    );
  });

  it('detects a target removed from the file', () => {
    const dropped = saved.selected[3]!;
    const verdict = verifyDraw({ ...saved, selected: saved.selected.filter((s) => s !== dropped) }, lists.entities, lists.inspectors);
    expect(verdict.differences).toContain(`抽中户数不同：记录为 ${saved.selected.length - 1} 户，重新抽取为 ${saved.selected.length} 户`);
    expect(verdict.differences).toContainEqual(expect.stringContaining(`仅在重新抽取中抽中：${dropped.uscc}`));
  });

  it('detects the same targets in another order', () => {
    const [a, b, ...rest] = saved.selected;
    const verdict = verifyDraw({ ...saved, selected: [b!, a!, ...rest] }, lists.entities, lists.inspectors);
    expect(verdict.differences).toContain(`抽中顺序不同：第 1 位记录为 ${b!.uscc}，重新抽取为 ${a!.uscc}`);
  });

  it('detects a changed seed, plan or algorithm in the record', () => {
    const seed = verifyDraw({ ...saved, record: { ...saved.record, seed: '别的种子' } }, lists.entities, lists.inspectors);
    expect(seed.differences[0]).toMatch(/^结果哈希不同/);
    const planChanged = verifyDraw({ ...saved, record: { ...saved.record, plan: { ...plan, ratio: 0.6 } } }, lists.entities, lists.inspectors);
    expect(planChanged.differences[0]).toMatch(/^抽查计划与记录中的计划哈希不符/);
    const algorithm = verifyDraw({ ...saved, record: { ...saved.record, algorithm: 'tariffcheck-draw/0' } }, lists.entities, lists.inspectors);
    expect(algorithm.differences).toEqual(['算法版本不同：记录为「tariffcheck-draw/0」，本程序为「tariffcheck-draw/3」']);
  });

  it('names the algorithm, and nothing else, for a record of version 1 (JSON output hash)', () => {
    // The worked example as drawn and recorded by tariffcheck-draw/1.
    const v1: SavedDraw = {
      record: {
        algorithm: 'tariffcheck-draw/1',
        seed: vectorSeed,
        plan: vectorPlan,
        entitiesHash: 'c55378d2043e6177f2e915931d3b6c9ad1104d6fc7398551826428e9898652b0',
        inspectorsHash: '0de4c080151d4dde089e25733cee199c0af13cbbb766cad095c0484a62941e15',
        planHash: '8334d741941982a6e198a08c90494439a712b628c1d2fb2dd3dc862506509b2c',
        entitiesCount: 3,
        inspectorsCount: 4,
        selectedCount: 2,
        outputHash: '7f4a9d218ccdf58bbc706262526297fc9256452a9df6b74ef7b56953df1550d4',
        drawnAt: '2025-03-01T02:00:00.000Z',
      },
      selected: [
        { uscc: '91350100M000100Y43', inspectors: ['35010003', '35010002'] },
        { uscc: '91110000600037341L', inspectors: ['35010004', '35010002'] },
      ],
    };
    expect(verifyDraw(v1, vectorEntities, vectorInspectors)).toEqual({
      ok: false,
      differences: ['算法版本不同：记录为「tariffcheck-draw/1」，本程序为「tariffcheck-draw/3」'],
    });
  });

  it('checks the file against its hash only with the lists it was drawn from', () => {
    const first = saved.selected[0]!;
    const tampered: SavedDraw = { ...saved, selected: [{ uscc: first.uscc, inspectors: [first.inspectors[1]!, first.inspectors[0]!] }, ...saved.selected.slice(1)] };
    const inspectors = lists.inspectors.map((x, i) => (i === 0 ? { ...x, phone: x.phone + '0' } : x));
    const verdict = verifyDraw(tampered, lists.entities, inspectors);
    expect(verdict.differences.some((d) => d.startsWith('结果文件已被改动'))).toBe(false);
    expect(verdict.differences[0]).toMatch(/^执法人员名录与抽查时不同/);
    // The re-run still names the swapped team.
    expect(verdict.differences).toContainEqual(expect.stringMatching(new RegExp(`^检查组不同：${first.uscc}：`)));
  });

  it('says so when the rerun itself fails', () => {
    const verdict = verifyDraw(saved, lists.entities, lists.inspectors.filter((i) => i.district !== result.selected[0]!.district));
    expect(verdict.differences.at(-1)).toMatch(/^按记录重新抽取失败：分组「.+」：可用执法人员不足/);
  });

  it('lists at most maxListed items of a kind and counts the rest', () => {
    const verdict = verifyDraw({ ...saved, record: { ...saved.record, seed: '另一个' } }, lists.entities, lists.inspectors, { maxListed: 3 });
    const only = verdict.differences.filter((d) => d.startsWith('仅在记录中抽中'));
    expect(only).toHaveLength(3);
    expect(verdict.differences).toContainEqual(expect.stringMatching(/^……另有 \d+ 项同类差异未逐一列出$/));
  });
});
