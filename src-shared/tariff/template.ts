// The blank tariff template offered to the office: header, example rows, a drop-down of periods, instructions.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { tariffZh } from '../i18n/tariff';
import { workbookBytes } from '../lists/sheet';
import { TARIFF_COLUMNS } from './columns';
import type { TariffEntry } from './types';

/** Rows below the header that get the drop-down of period words. */
const DROPDOWN_ROWS = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

// A price cut inside the examples shows how a new version closes the previous one (end date the day before).
const EXAMPLES: readonly TariffEntry[] = [
  { region: '福建', category: '一般工商业', voltage: '不满1千伏', period: 'single', price: '0.6177', from: '2025-01-01', to: '2025-12-31' },
  { region: '福建', category: '一般工商业', voltage: '不满1千伏', period: 'single', price: '0.6093', from: '2026-01-01', to: null },
];

/** The tariff template workbook (.xlsx bytes). */
export async function tariffTemplate(): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  const sheet = workbook.addWorksheet(tariffZh['tariff.sheet'], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TARIFF_COLUMNS.map((c) => ({ header: c.label, key: c.field, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
  });
  // Dates and prices as text: Excel would turn 0.6177 into a float and 2026-01 into a date of its own choosing.
  sheet.addRows(EXAMPLES.map((e) => TARIFF_COLUMNS.map((c) => c.toCell(e))));
  for (const n of [2, 3]) sheet.getRow(n).font = { italic: true, color: { argb: 'FF808080' } };
  addPeriodDropdown(sheet);
  addHelp(workbook);
  return workbookBytes(workbook);
}

function addPeriodDropdown(sheet: ExcelJS.Worksheet): void {
  const col = TARIFF_COLUMNS.findIndex((c) => c.field === 'period') + 1;
  const formula = `"${TARIFF_COLUMNS[col - 1]!.choices!.join(',')}"`;
  for (let row = 2; row <= DROPDOWN_ROWS + 1; row++) {
    sheet.getCell(row, col).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [formula] };
  }
}

function addHelp(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(tariffZh['tariff.sheet.help']);
  sheet.columns = [{ width: 100 }];
  for (const key of ['tariff.help.intro', 'tariff.help.example'] as const) sheet.addRow([tariffZh[key]]).alignment = { wrapText: true, vertical: 'top' };
}
