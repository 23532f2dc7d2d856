// Opening a workbook for import and reading the rows where a header may be; shared by every Excel importer.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { HEADER_SEARCH_ROWS, type RowTexts } from './header';
import { IGNORED_SHEET_PARTS, readRow } from './importList';

/** The workbook in `data` (.xlsx bytes), or null when it is not one. */
export async function loadXlsx(data: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const workbook = await newWorkbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy also detaches us from a caller's shared buffer.
    await workbook.xlsx.load(new Uint8Array(data).buffer, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch {
    return null;
  }
  return workbook;
}

/** The sheets, visible ones first, so a hidden lookup sheet never wins a tie. */
export function sheetsVisibleFirst(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
}

/** The texts of the rows a header is looked for in. */
export function headRows(sheet: ExcelJS.Worksheet): RowTexts[] {
  const rows: RowTexts[] = [];
  for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) rows.push({ number: n, texts: readRow(sheet.findRow(n)).texts });
  return rows;
}
