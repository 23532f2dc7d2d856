import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { drawResultFileSchema, runDraw, type DrawResultFile } from '../../../src-shared/draw/draw';
import { defaultPlan } from '../../../src-shared/draw/plan';
import { exportList } from '../../../src-shared/lists/exportList';
import { workbookOf } from '../../fixtures/listFiles';
import { syntheticLists } from '../../fixtures/synthetic';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const lists = syntheticLists({ seed: 41, entities: 240, inspectors: 48, districts: 3 });

describe('tariffcheck draw / verify-draw', () => {
  let dir = '';
  const path = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'draw-cli-'));
    await writeFile(path('entities.xlsx'), await exportList('entities', lists.entities));
    await writeFile(path('inspectors.xlsx'), await exportList('inspectors', lists.inspectors));
    // A list with one bad row (wrong check character): the importer rejects it, the draw reports it.
    const bad = await workbookOf([{ name: '检查对象', rows: [['统一社会信用代码', '名称', '类型', '区', '街镇'], ['91350100M000100Y44', '坏行', '商业综合体', '鼓楼区', '东街街道'], ['91350100M000100Y43', '好行', '商业综合体', '鼓楼区', '东街街道']] }]);
    await writeFile(path('bad-row.xlsx'), bad);
    await writeFile(path('not-excel.xlsx'), 'hello');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const drawArgs = (out: string, ...extra: string[]) => ['draw', '--entities', path('entities.xlsx'), '--inspectors', path('inspectors.xlsx'), '--seed', '2025年第一批', '--out', path(out), ...extra];

  it('draws from two workbooks, writes the result file and prints a Chinese summary', async () => {
    const { code, out, err } = await run(...drawArgs('result.json', '--group-by', 'district,kind', '--risk-ratio', 'red=1,black=1', '--recuse', 'same-subdistrict,last-inspector', '--name', '2025年第一批双随机'));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const file = drawResultFileSchema.parse(JSON.parse(await readFile(path('result.json'), 'utf8')));
    expect(out).toContain(`抽查完成：在册检查对象 ${file.record.entitiesCount} 户，分 ${file.groups!.length} 组，抽中 ${file.record.selectedCount} 户`);
    expect(out).toContain(`结果哈希：${file.record.outputHash}`);
    expect(file.record.plan).toEqual({ ...defaultPlan, name: '2025年第一批双随机', groupBy: ['district', 'kind', 'credit'], riskRatios: { red: 1, black: 1 }, recusal: { sameSubdistrict: true, lastInspector: true } });
    expect(Object.keys(file.selected[0]!)).toEqual(['uscc', 'inspectors']);
  });

  it('draws from the files exactly what it draws from the same lists in memory', async () => {
    await run(...drawArgs('same.json'));
    const file: DrawResultFile = JSON.parse(await readFile(path('same.json'), 'utf8'));
    const direct = runDraw({ ...lists, plan: defaultPlan, seed: '2025年第一批', drawnAt: file.record.drawnAt });
    expect(file.record).toEqual(direct.record);
    expect(file.excluded).toEqual(direct.excluded);
  });

  it('verifies its own result: exit 0 and 复核一致', async () => {
    await run(...drawArgs('verify.json'));
    const { code, out, err } = await run('verify-draw', path('verify.json'), '--entities', path('entities.xlsx'), '--inspectors', path('inspectors.xlsx'));
    expect({ code, out, err }).toEqual({ code: 0, out: '复核一致', err: '' });
  });

  it('reports a changed list and a tampered file line by line with exit 1', async () => {
    await run(...drawArgs('tamper.json'));
    const file: DrawResultFile = JSON.parse(await readFile(path('tamper.json'), 'utf8'));
    const [first, ...rest] = file.selected;
    await writeFile(path('tamper.json'), JSON.stringify({ ...file, selected: [{ ...first!, inspectors: [...first!.inspectors].reverse() }, ...rest] }));
    const changed = lists.entities.map((e, i) => (i === 0 ? { ...e, name: e.name + '（已更名）' } : e));
    await writeFile(path('changed.xlsx'), await exportList('entities', changed));
    const tampered = await run('verify-draw', path('tamper.json'), '--entities', path('entities.xlsx'), '--inspectors', path('inspectors.xlsx'));
    expect(tampered.code).toBe(1);
    expect(tampered.out.split('\n').slice(0, 2)).toEqual(['复核不一致：', expect.stringMatching(/^结果文件已被改动/)]);
    // With another list the file cannot be checked against its hash (§12): the list and the re-run speak.
    const { code, out } = await run('verify-draw', path('tamper.json'), '--entities', path('changed.xlsx'), '--inspectors', path('inspectors.xlsx'));
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe('复核不一致：');
    expect(lines[1]).toMatch(/^检查对象名录与抽查时不同/);
    // Another list is another key: the first target is either staffed differently or not drawn at all.
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^(检查组不同：|仅在记录中抽中：)${first!.uscc}`)));
    expect(lines.length).toBeGreaterThan(3);
  });

  it('lists the rows the importer rejected among the exclusions', async () => {
    const { code } = await run('draw', '--entities', path('bad-row.xlsx'), '--inspectors', path('inspectors.xlsx'), '--seed', 'x', '--out', path('bad.json'));
    // The one good row is in 鼓楼区, where the synthetic inspectors do not work: the draw is refused.
    expect(code).toBe(3);
    const withInspectors = syntheticLists({ seed: 41, entities: 0, inspectors: 6, districts: 1 }).inspectors.map((i) => ({ ...i, district: '鼓楼区', subdistrict: '', active: true }));
    await writeFile(path('gulou.xlsx'), await exportList('inspectors', withInspectors));
    const ok = await run('draw', '--entities', path('bad-row.xlsx'), '--inspectors', path('gulou.xlsx'), '--seed', 'x', '--out', path('bad.json'));
    expect(ok.code).toBe(0);
    const file: DrawResultFile = JSON.parse(await readFile(path('bad.json'), 'utf8'));
    expect(file.excluded).toEqual([{ key: 'entities 第 2 行', reason: expect.stringMatching(/^统一社会信用代码/) }]);
    expect(ok.out).toContain('未参加抽取的名录行：1 行');
  });

  it('refuses a plan below 50% or a team of one with exit 3 and the reason on stderr', async () => {
    const { code, err } = await run(...drawArgs('refused.json', '--ratio', '0.3', '--team-size', '1'));
    expect(code).toBe(3);
    expect(err).toBe('tariffcheck draw: 抽查计划无效：抽查比例不得低于 50%（当前为 30%）；检查组不得少于 2 人（当前为 1 人）');
  });

  it('exits 3 when recusal makes a team impossible, naming group and rule', async () => {
    const { code, err } = await run(...drawArgs('busy.json', '--ratio', '1', '--team-size', '2', '--max-per-inspector', '1'));
    expect(code).toBe(3);
    expect(err).toMatch(/^tariffcheck draw: 分组「.+」：可用执法人员不足，无法为「.+」组成 2 人检查组（.*工作量上限：每人最多 1 户.*）$/);
  });

  it('exits 2 for a missing or unreadable file and for bad options', async () => {
    expect((await run('draw', '--entities', path('nope.xlsx'), '--inspectors', path('inspectors.xlsx'), '--seed', 'x', '--out', path('x.json'))).code).toBe(2);
    expect((await run('draw', '--entities', path('not-excel.xlsx'), '--inspectors', path('inspectors.xlsx'), '--seed', 'x', '--out', path('x.json'))).code).toBe(2);
    const missing = await run('draw', '--entities', path('entities.xlsx'), '--inspectors', path('inspectors.xlsx'), '--out', path('x.json'));
    expect(missing).toEqual({ code: 2, out: '', err: 'tariffcheck draw: 缺少参数 --seed' });
    expect((await run(...drawArgs('x.json', '--ratio', 'half'))).err).toBe('tariffcheck draw: 参数 --ratio 必须是数字：half');
    expect((await run(...drawArgs('x.json', '--recuse', 'friends'))).code).toBe(2);
    expect((await run(...drawArgs('x.json', '--risk-ratio', 'purple=1'))).code).toBe(2);
    expect((await run(...drawArgs('x.json', '--group-by', 'street'))).code).toBe(2);
    await writeFile(path('garbage.json'), '{"record": 1}');
    const garbage = await run('verify-draw', path('garbage.json'), '--entities', path('entities.xlsx'), '--inspectors', path('inspectors.xlsx'));
    expect(garbage.code).toBe(2);
    expect(garbage.err).toMatch(/^tariffcheck verify-draw: 抽查结果文件格式不对/);
  });
});
