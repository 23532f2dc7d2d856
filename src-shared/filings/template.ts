// The monthly filings template landlords fill in: header with units, an example row, drop-downs and checks, help.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { filingsZh } from '../i18n/filings';
import { workbookBytes } from '../lists/sheet';
import { FILING_COLUMNS } from './columns';
import type { FilingField } from './types';

/** Rows below the header that get data validation. */
const VALIDATED_ROWS = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The example row: a mall charging 0.80 yuan/kWh for power it buys at 0.62 and losing 5 %. */
export const FILING_EXAMPLE: Readonly<Record<FilingField, string | number>> = {
  uscc: '91350100M000100Y43',
  name: '福州某某商业管理有限公司',
  month: '2026-01',
  category: '一般工商业',
  voltage: '不满1千伏',
  purchaseKwh: 100000,
  purchaseYuan: 62000,
  resoldKwh: 95000,
  chargedYuan: 76000,
  tenants: 120,
};

// Choices offered in the drop-downs; other words are accepted too (the tariff table decides what is priced).
const CATEGORIES = ['一般工商业', '大工业', '居民生活', '农业生产'];
const VOLTAGES = ['不满1千伏', '1-10千伏', '20千伏', '35千伏', '110千伏'];

/** The filings template workbook (.xlsx bytes). */
export async function filingsTemplate(): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  const sheet = workbook.addWorksheet(filingsZh['filings.sheet'], { views: [{ state: 'frozen', ySplit: 1 }] });
  // Codes and months as text: Excel would show a long code as 9.1E+17 and turn 2026-01 into a date of its own.
  sheet.columns = FILING_COLUMNS.map((c) => ({ header: c.label, key: c.field, width: c.width, style: textColumn(c.field) ? { numFmt: '@' } : {} }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.numFmt = 'General';
  });
  sheet.addRow(FILING_COLUMNS.map((c) => FILING_EXAMPLE[c.field]));
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  addValidation(sheet);
  addHelp(workbook);
  return workbookBytes(workbook);
}

const textColumn = (field: FilingField): boolean => field === 'uscc' || field === 'month' || field === 'category' || field === 'voltage' || field === 'name';

function addValidation(sheet: ExcelJS.Worksheet): void {
  const rules: Partial<Record<FilingField, ExcelJS.DataValidation>> = {
    uscc: { type: 'textLength', operator: 'equal', formulae: [18], allowBlank: true, showErrorMessage: true, error: filingsZh['filings.validation.uscc'] },
    category: { type: 'list', allowBlank: true, formulae: [`"${CATEGORIES.join(',')}"`] },
    voltage: { type: 'list', allowBlank: true, formulae: [`"${VOLTAGES.join(',')}"`] },
    purchaseKwh: positive(),
    purchaseYuan: notNegative(),
    resoldKwh: positive(),
    chargedYuan: notNegative(),
    tenants: { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: filingsZh['filings.validation.tenants'] },
  };
  FILING_COLUMNS.forEach((c, i) => {
    const rule = rules[c.field];
    if (!rule) return;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) sheet.getCell(row, i + 1).dataValidation = rule;
  });
}

function positive(): ExcelJS.DataValidation {
  return { type: 'decimal', operator: 'greaterThan', formulae: [0], allowBlank: true, showErrorMessage: true, error: filingsZh['filings.validation.kwh'] };
}

function notNegative(): ExcelJS.DataValidation {
  return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: filingsZh['filings.validation.yuan'] };
}

function addHelp(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(filingsZh['filings.sheet.help']);
  sheet.columns = [{ width: 100 }];
  for (const key of ['filings.help.intro', 'filings.help.terms', 'filings.help.example'] as const) {
    sheet.addRow([filingsZh[key]]).alignment = { wrapText: true, vertical: 'top' };
  }
}
