// The list sheet as TariffCheck writes it (templates and exports): one header row of Chinese labels.
import type ExcelJS from 'exceljs';
import { PRINT_A4_WIDE } from '../excelPrint';
import { listZh } from '../i18n/lists';
import type { ListSpec } from './columns';
import type { ListKind, ListRecord } from './types';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Adds the list sheet with its header row; code columns are formatted as text so Excel keeps every character. */
export function addListSheet<K extends ListKind>(workbook: ExcelJS.Workbook, spec: ListSpec<K>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(listZh[`listSheet.${spec.kind}`], { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT_A4_WIDE });
  sheet.columns = spec.columns.map((c) => ({ header: c.label, key: c.field, width: c.width, style: c.code ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    // The header itself is plain text even above a text-formatted column.
    cell.numFmt = 'General';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return sheet;
}

/** Appends records in column order, one row each. */
export function addRecords<K extends ListKind>(sheet: ExcelJS.Worksheet, spec: ListSpec<K>, records: readonly ListRecord[K][]): void {
  sheet.addRows(records.map((record) => spec.columns.map((c) => c.toCell(record))));
}

/** The workbook as bytes, whatever exceljs hands back on this platform (a Buffer in Node, an ArrayBuffer-like in browsers). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
