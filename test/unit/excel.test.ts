import { describe, expect, it } from 'vitest';
import { newWorkbook } from '../../src-shared/excel';
import { workbookBytes } from '../../src-shared/lists/sheet';
import { loadXlsx } from '../../src-shared/lists/workbook';

describe('excel', () => {
  it('makes a workbook with exceljs loaded on first use, which writes and reads back', async () => {
    const workbook = await newWorkbook();
    workbook.addWorksheet('名录').addRow(['统一社会信用代码', '名称']);
    const back = loadXlsx(await workbookBytes(workbook), 'unreadable', (m) => new Error(m));
    expect(back.worksheets.map((s) => s.name)).toEqual(['名录']);
    expect(back.worksheets[0]?.findCell(1, 2)?.value).toBe('名称');
  });
});
