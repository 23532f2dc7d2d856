// The lean table writer (src-shared/xlsxTable.ts), read back by exceljs (as a spreadsheet program reads it)
// and by our own reader (as our importers do): values, formats, styles, head, filter, print setup, progress.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src-shared/xlsxCells';
import { bodyOf, columnName, ROW_SLICE, tableWorkbook, type TableSheet } from '../../src-shared/xlsxTable';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const people: TableSheet = {
  name: '名单',
  columns: [{ width: 22, numFmt: '@' }, { width: 30 }, { width: 12, numFmt: '#,##0.00' }, { width: 40, wrap: true }],
  head: [{ style: 'caption', cells: ['2025 年名单'] }, { style: 'header', cells: ['代码', '名称', '金额', '备注'] }],
  body: bodyOf(
    [
      ['0035010001', 'A & B <公司> "甲"', 1234.5, null],
      ['91350100M000100Y43', '  前后有空格  ', 0, '第一行\n第二行'],
      ['X', '控制\u0001字符', -0.07, ''],
    ],
    (row) => row,
  ),
  freezeHead: true,
  filter: true,
  printWide: true,
};

describe('the lean table writer', () => {
  it('writes text, numbers and empty cells that exceljs and our reader read back as written', async () => {
    const bytes = tableWorkbook([people]);
    const sheet = (await open(bytes)).getWorksheet('名单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '2025 年名单']);
    expect(sheet.getRow(2).values).toEqual([undefined, '代码', '名称', '金额', '备注']);
    expect(sheet.getRow(3).values).toEqual([undefined, '0035010001', 'A & B <公司> "甲"', 1234.5]);
    expect(sheet.getRow(4).values).toEqual([undefined, '91350100M000100Y43', '  前后有空格  ', 0, '第一行\n第二行']);
    // A character XML cannot carry is dropped; an empty string is an empty cell.
    expect(sheet.getRow(5).values).toEqual([undefined, 'X', '控制字符', -0.07]);
    const ours = readXlsx(bytes).worksheets[0]!;
    expect(ours.name).toBe('名单');
    expect(ours.rowCount).toBe(5);
    const values = (n: number) => {
      const out: unknown[] = [];
      ours.findRow(n)!.eachCell((cell, col) => (out[col - 1] = cell.value));
      return out;
    };
    expect(values(3)).toEqual(['0035010001', 'A & B <公司> "甲"', 1234.5]);
    expect(values(4)).toEqual(['91350100M000100Y43', '  前后有空格  ', 0, '第一行\n第二行']);
  });

  it('formats cells and columns by their column, styles the head, keeps it in view, filters and prints one page wide', async () => {
    const sheet = (await open(tableWorkbook([people]))).worksheets[0]!;
    expect(sheet.getCell('A3').numFmt).toBe('@');
    expect(sheet.getCell('C3').numFmt).toBe('#,##0.00');
    expect(sheet.getColumn(1).numFmt).toBe('@');
    expect(sheet.getCell('D4').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(sheet.getCell('B3').numFmt).toBeUndefined();
    expect([1, 2, 3, 4].map((c) => sheet.getColumn(c).width)).toEqual([22, 30, 12, 40]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' }, bgColor: { indexed: 64 } });
    // The header above a text column is not itself text-formatted.
    expect(sheet.getCell('A2').numFmt).toBeUndefined();
    expect(sheet.getCell('A3').font?.bold).toBeUndefined();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    expect(sheet.autoFilter).toBe('A2:D2');
    expect([sheet.pageSetup.paperSize, sheet.pageSetup.orientation, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight]).toEqual([9, 'landscape', true, 1, 0]);
  });

  it('writes several sheets in order, the workbook dated and signed as asked, the same bytes for the same input', async () => {
    const other: TableSheet = { name: "O'Brien 表", columns: [{ width: 8 }], head: [], body: bodyOf([[1], [2]], (r) => r) };
    const created = new Date('2025-03-01T17:30:05.000Z');
    const bytes = tableWorkbook([people, other], { creator: 'TariffCheck 电费检查通', created });
    const workbook = await open(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['名单', "O'Brien 表"]);
    expect(workbook.creator).toBe('TariffCheck 电费检查通');
    expect(workbook.created.toISOString()).toBe('2025-03-01T17:30:05.000Z');
    expect(workbook.getWorksheet("O'Brien 表")!.getColumn(1).values).toEqual([undefined, 1, 2]);
    expect(tableWorkbook([people, other], { creator: 'TariffCheck 电费检查通', created })).toEqual(bytes);
    const parts = unzipSync(bytes);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'名单'!$A$2:$D$2</definedName>`);
  });

  it('tells its progress every slice of rows across the sheets, and once for an empty workbook', () => {
    const many = (n: number, name: string): TableSheet => ({ name, columns: [{ width: 10 }], head: [], body: bodyOf(Array.from({ length: n }, (_, i) => i), (i) => [i]) });
    const told: [number, number][] = [];
    tableWorkbook([many(ROW_SLICE + 1, 'a'), many(3, 'b')], { onProgress: (done, total) => told.push([done, total]) });
    expect(told).toEqual([[ROW_SLICE, ROW_SLICE + 4], [ROW_SLICE + 1, ROW_SLICE + 4], [ROW_SLICE + 4, ROW_SLICE + 4]]);
    const none: [number, number][] = [];
    tableWorkbook([many(0, 'empty')], { onProgress: (done, total) => none.push([done, total]) });
    expect(none).toEqual([[0, 0]]);
  });

  it('names columns as Excel does and refuses a sheet name Excel would not open', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const bad = (name: string) => () => tableWorkbook([{ ...people, name }]);
    expect(bad('a/b')).toThrow('sheet name not allowed by Excel: a/b');
    expect(bad('')).toThrow('sheet name not allowed by Excel: ');
    expect(bad('x'.repeat(32))).toThrow(`sheet name not allowed by Excel: ${'x'.repeat(32)}`);
  });
});
