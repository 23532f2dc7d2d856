// 双随机抽查结果公示 as Excel and PDF: every value read back (exceljs, pdftotext), the print setup (landscape
// A4, one page wide, header row repeated), and a long list over several numbered pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { publicationPdf } from '../../../src-shared/docs/publicationPdf';
import { publicationWorkbook } from '../../../src-shared/docs/publicationXlsx';
import { noticeRow, type PublicationNotice } from '../../../src-shared/publication/notice';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'docs');
mkdirSync(OUT, { recursive: true });
const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const squeeze = (s: string): string => s.replace(/\s+/g, '');

const NOTICE: PublicationNotice = {
  planName: '2026年第三批转供电价格专项检查',
  office: '某市市场监督管理局',
  date: '2026-10-08',
  rows: [
    noticeRow({ entityName: '福州万象城商业管理有限公司', uscc: '91350100M000100Y43', address: '福州市鼓楼区东街口万象城', closedOn: '2026-09-25' }, { category: 'refund-ordered', note: '' }, [{ docNo: '某市监价退〔2026〕1号', totalFen: 1176600 }], '2026-10-08'),
    noticeRow({ entityName: '某某物业服务有限公司', uscc: '91350100M000200X12', address: '福州市台江区', closedOn: '2026-09-28' }, { category: 'rectification-ordered', note: '已当场整改' }, [], '2026-10-08'),
    noticeRow({ entityName: '某某产业园运营有限公司', uscc: '91350100M000300W01', address: '', closedOn: '2026-09-29' }, { category: 'no-problem', note: '' }, [], ''),
  ],
};

describe('publication notice', () => {
  it('as Excel: title, sentence, the eight columns value by value, the office and date under it; A4 landscape with the header repeated', async () => {
    const bytes = await publicationWorkbook(NOTICE);
    writeFileSync(join(OUT, 'publication.xlsx'), bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('抽查结果公示')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(sheet.getCell('A1').value).toBe('2026年第三批转供电价格专项检查 双随机抽查结果公示');
    expect(sheet.getCell('A2').value).toBe('按照“双随机、一公开”监管要求，现将「2026年第三批转供电价格专项检查」抽查检查结果公示如下（共 3 户）。');
    expect(values(3)).toEqual(['序号', '检查对象名称', '统一社会信用代码', '地址', '检查日期/办结日期', '检查结果', '处理情况', '公示日期']);
    expect(values(4)).toEqual([1, '福州万象城商业管理有限公司', '91350100M000100Y43', '福州市鼓楼区东街口万象城', '2026-09-25', '责令退还', '某市监价退〔2026〕1号，责令退还 11,766.00 元', '2026-10-08']);
    expect(values(5)).toEqual([2, '某某物业服务有限公司', '91350100M000200X12', '福州市台江区', '2026-09-28', '发现问题已责令整改', '已当场整改', '2026-10-08']);
    // An empty address and a publication date not yet: empty cells (exceljs reads an empty string back as '').
    expect(values(6).map((v) => v ?? '')).toEqual([3, '某某产业园运营有限公司', '91350100M000300W01', '', '2026-09-29', '未发现问题', '—', '']);
    expect(sheet.getCell('G8').value).toBe('某市市场监督管理局');
    expect(sheet.getCell('G9').value).toBe('2026年10月8日');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 32, 21, 34, 12, 16, 40, 12]);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('as PDF: landscape A4, the title, rows and signing text, numbered pages; the same notice gives the same bytes', async () => {
    const bytes = await publicationPdf(FONT, NOTICE);
    const file = join(OUT, 'publication.pdf');
    writeFileSync(file, bytes);
    const info = run('pdfinfo', file);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const text = squeeze(run('pdftotext', '-raw', file, '-'));
    for (const expected of ['2026年第三批转供电价格专项检查双随机抽查结果公示', '序号检查对象名称统一社会信用代码地址检查日期/办结日期检查结果处理情况公示日期', '91350100M000100Y43', '某市监价退〔2026〕1号，责令退还11,766.00元', '发现问题已责令整改', '未发现问题', '某市市场监督管理局', '2026年10月8日', '第1页共1页']) {
      expect(text).toContain(expected);
    }
    // Every character is in the embedded subset: none printed as □.
    expect(text).not.toContain('□');
    expect(Buffer.from(await publicationPdf(FONT, NOTICE)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a plan of 400 targets prints on numbered pages with the header on each', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => noticeRow({ entityName: `某某商业管理有限公司第${i + 1}分公司`, uscc: '91350100M000100Y43', address: `福州市鼓楼区某某路${i + 1}号`, closedOn: '2026-09-25' }, { category: 'no-problem', note: '' }, [], '2026-10-08'));
    const file = join(OUT, 'publication-long.pdf');
    writeFileSync(file, await publicationPdf(FONT, { ...NOTICE, rows }));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))![1]);
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThan(14);
    for (const p of [2, pages]) {
      const page = squeeze(run('pdftotext', '-raw', '-f', String(p), '-l', String(p), file, '-'));
      expect(page).toContain('序号检查对象名称统一社会信用代码');
      expect(page).toContain(`第${p}页共${pages}页`);
    }
    expect(squeeze(run('pdftotext', '-raw', '-f', String(pages), '-l', String(pages), file, '-'))).toContain('某某商业管理有限公司第400分公司');
  });
});
