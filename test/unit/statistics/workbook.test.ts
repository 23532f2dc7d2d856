// The statistics exported to Excel and read back value by value: a sheet per table, the caption, the
// headers in Chinese, counts as numbers, yuan to the fen, ratios as their exact text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src-shared/i18n/format';
import { ALL_TIME } from '../../../src-shared/statistics/period';
import { statisticsSheets } from '../../../src-shared/statistics/sheets';
import { statisticsOf } from '../../../src-shared/statistics/statistics';
import { statisticsWorkbook } from '../../../src-shared/statistics/workbook';
import { statisticsUiMessages } from '../../../src-renderer/i18n/statisticsUi';
import { statisticsWorld } from '../../fixtures/statisticsWorld';

const zh = statisticsUiMessages['zh-CN'];
const t = (key: string, params?: Record<string, string | number>) => formatMessage(zh, key, params);
const TYPES: Record<string, string> = { markup: '不合理加价', 'extra-fee': '加收其他费用' };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

const values = (sheet: ExcelJS.Worksheet, from: number): unknown[][] => {
  const out: unknown[][] = [];
  for (let r = from; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return out;
};

describe('statistics: the Excel export', () => {
  it('writes every table as a sheet and reads back the same values', async () => {
    const tables = statisticsOf(statisticsWorld(), { drawId: null, period: ALL_TIME, district: null }, '2026-05-01');
    const sheets = statisticsSheets(tables, t, (code) => (code === null ? t('statistics.untyped') : TYPES[code] ?? code));
    const book = await readBack(await statisticsWorkbook(sheets, '全部计划 · 全部 · 全部区域', new Date('2026-05-01T02:00:00Z')));
    expect(book.worksheets.map((s) => s.name)).toEqual(['抽查完成情况', '分组抽查比例', '违法事实类型', '多收电费与退还', '月度申报筛查']);

    const coverage = book.getWorksheet('抽查完成情况')!;
    expect(coverage.getCell('A1').value).toBe('抽查完成情况（全部计划 · 全部 · 全部区域）');
    expect(values(coverage, 2)).toEqual([
      ['区域', '名录对象', '抽取', '已检查', '已办结', '抽查比例', '检查比例', '投诉举报（不计比例）', '定向检查（不计比例）'],
      ['鼓楼区', 4, 2, 2, 1, '50.00%', '50.00%', 1, 0],
      ['台江区', 2, 1, 0, 0, '50.00%', '0.00%', 0, 0],
      ['合计', 6, 3, 2, 1, '50.00%', '33.33%', 1, 0],
    ]);
    expect(values(book.getWorksheet('分组抽查比例')!, 3)).toEqual([
      ['2026年上半年双随机抽查', '2026-04-01', '鼓楼区', 4, '50.00%', 2, '50.00%', 2, '50.00%'],
      ['2026年上半年双随机抽查', '2026-04-01', '台江区', 2, '50.00%', 1, '50.00%', 0, '0.00%'],
    ]);
    expect(values(book.getWorksheet('违法事实类型')!, 2)).toEqual([
      ['违法事实类型', '违法事实', '涉及案件', '涉及金额（元）'],
      ['不合理加价', 3, 3, 129.45],
      ['加收其他费用', 1, 1, 0],
      ['合计', 4, null, 129.45],
    ]);
    const money = book.getWorksheet('多收电费与退还')!;
    expect(values(money, 3)).toEqual([
      ['鼓楼区', 3, 2, 1300.51, 1, 1230.5, 900, 800, 1],
      ['台江区', 1, 0, 0, 0, 0, 0, 0, 0],
      ['合计', 4, 2, 1300.51, 1, 1230.5, 900, 800, 1],
    ]);
    expect(money.getCell('D3').numFmt).toBe('#,##0.00');
    expect(values(book.getWorksheet('月度申报筛查')!, 2)).toEqual([
      ['区域', '申报', '异常申报', '异常主体', '加价', '高于目录电价', '损耗偏高', '转供电量大于购电量', '估算多收（元）'],
      ['鼓楼区', 3, 2, 1, 2, 1, 0, 0, 52],
      ['台江区', 1, 1, 1, 0, 0, 1, 0, 0],
      ['未在名录', 1, 1, 1, 0, 0, 0, 1, 0],
      ['合计', 5, 4, 3, 2, 1, 1, 1, 52],
    ]);
  });
});
