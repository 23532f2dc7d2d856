// The draw record and the public notice as PDF, for a draw of 1,918 targets (the draw that printed as 251
// pages): at most 40 landscape A4 pages each, every hash in full on page 1, the header on every page of
// the list, a long name whole, pages numbered, the font embedded, and the same bytes from the same draw.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawNoticePdf } from '../../../src-shared/docs/drawNoticePdf';
import { drawRecordPdf, type DrawDoc, type DrawDocProgress } from '../../../src-shared/docs/drawRecordPdf';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { runDraw, type DrawResult } from '../../../src-shared/draw/draw';
import type { DrawPlan } from '../../../src-shared/draw/plan';
import { syntheticLists } from '../../fixtures/synthetic';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'docs');
mkdirSync(OUT, { recursive: true });

/** Groups by district, kind and (through the risk ratios) credit grade: 340 groups, a long first page. */
const plan: DrawPlan = {
  name: '2026年南京市转供电环节价格双随机抽查', ratio: 0.5, groupBy: ['district', 'kind'], riskRatios: { red: 0.8, black: 1 },
  teamSize: 2, maxPerInspector: null, recusal: { sameSubdistrict: true, lastInspector: true },
};
// 3,509 synthetic targets (seed 7) give exactly 1,918 drawn under this plan.
const lists = syntheticLists({ entities: 3509, inspectors: 160, seed: 7 });
const LONG_NAME = '南京市江北新区国际健康城科技产业园区运营管理有限责任公司'; // 30 characters
const LONGER_NAME = '南京市秦淮区夫子庙秦淮风光带商业街区综合市场经营管理服务中心有限公司第一分公司（转供电主体）';

function poppler(tool: string, file: string, ...args: string[]): string {
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);
const texts = new Map<string, string[]>();
/** Each page's text, spaces collapsed; read once per file (poppler takes a few seconds over 40 pages). */
function pagesText(file: string): string[] {
  if (!texts.has(file)) texts.set(file, poppler('pdftotext', file, '-layout').split('\f').slice(0, -1).map((p) => p.replace(/[ \t]+/g, ' ')));
  return texts.get(file)!;
}

let result: DrawResult;
let doc: DrawDoc;

beforeAll(() => {
  result = runDraw({ ...lists, plan, seed: '2026-03-02 南京市市场监督管理局 公开摇号 第1号', drawnAt: '2026-03-02T01:30:00.000Z' });
  // Two targets renamed after the draw (the document prints what it is given): a 30-character name and a longer one.
  result.selected[100]!.name = LONG_NAME;
  result.selected[1500]!.name = LONGER_NAME;
  doc = { result, inspectorNames: new Map(lists.inspectors.map((i) => [i.certNo, i.name])), drawnBy: 'office-lead' };
});

describe.each([
  ['抽查记录', 'draw-record.pdf', drawRecordPdf],
  ['抽查结果公示', 'draw-notice.pdf', drawNoticePdf],
] as const)('%s as PDF', (_, name, make) => {
  const file = join(OUT, name);

  it('prints 1,918 drawn targets on at most 40 landscape A4 pages, numbered, the font embedded', async () => {
    expect(result.selected).toHaveLength(1918);
    writeFileSync(file, await make(FONT, doc));
    const n = pageCount(file);
    expect(n).toBeLessThanOrEqual(40);
    expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const pages = pagesText(file);
    expect(pages).toHaveLength(n);
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 共 ${n} 页`));
    expect(poppler('pdffonts', file)).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
  });

  it('has the seed and every hash of the record in full on page 1', () => {
    const first = pagesText(file)[0]!;
    const r = result.record;
    for (const hash of [r.entitiesHash, r.inspectorsHash, r.planHash, r.outputHash]) expect(first).toContain(hash);
    if (name === 'draw-record.pdf') expect(first).toContain(r.excludedHash);
    expect(first).toContain(r.seed);
    expect(first).toContain('抽取时间（北京时间） 2026-03-02 09:30:00');
    expect(first).toContain('六合区 / 商业综合体 / 绿 36 50% 18');
  });

  it('lists every target once, with its team by name and certificate number, under a header on every page', () => {
    const pages = pagesText(file);
    const listed = pages.filter((p) => /\b91\d{4}[0-9A-Z]{12}\b/.test(p) && /^ *\d+ 91/m.test(p));
    expect(listed.length).toBeGreaterThan(30);
    for (const p of listed) expect(p).toMatch(/序号 统一社会信用代码 名称 区 街镇 类型 检查人员/);
    const text = pages.join('\n');
    for (const s of [result.selected[0]!, result.selected[1917]!]) expect(text).toContain(s.uscc);
    const one = result.selected[7]!;
    const [a, b] = one.inspectors.map((c) => `${doc.inspectorNames.get(c)}（${c}）`);
    expect(text).toMatch(new RegExp(`8 ${one.uscc} ${one.name} ${one.district} .*${a}、 ?${b}`));
    expect(text).toContain(`101 ${result.selected[100]!.uscc} ${LONG_NAME} `);
    expect(text).toContain('1918 ');
  });

  it("keeps to about 40 pages with the office's seal (QR box and key fingerprint) on every page", async () => {
    const sealed = join(OUT, name.replace('.pdf', '-sealed.pdf'));
    writeFileSync(sealed, await make(FONT, doc, { fingerprint: 'ab'.repeat(16) }));
    const n = pageCount(sealed);
    expect(n).toBeLessThanOrEqual(42);
    const pages = pagesText(sealed);
    pages.forEach((p) => expect(p).toContain('公钥指纹 ABAB ABAB ABAB ABAB ABAB ABAB ABAB ABAB'));
  });

  it('is the same file every time it is made from the same draw, telling its progress as it goes', async () => {
    const told: DrawDocProgress[] = [];
    expect(Buffer.compare(Buffer.from(await make(FONT, doc, undefined, (p) => told.push(p))), readFileSync(file))).toBe(0);
    expect(told).toEqual([{ stage: 'rows', done: 1000, total: 1918 }, { stage: 'rows', done: 1918, total: 1918 }, { stage: 'finish' }]);
  });
});

describe('抽查记录 only', () => {
  it('lists the rows the draw left out and leaves room for the signatures', () => {
    const text = pagesText(join(OUT, 'draw-record.pdf')).join('\n');
    expect(text).toContain(`不参加抽取的名录行（共 ${result.excluded.length} 行）`);
    expect(text).toContain('抽取人（签字）');
    expect(text).toContain('检查对象已停用，不参加抽取');
  });
});
