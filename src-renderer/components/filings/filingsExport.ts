// The screen's tables as Excel workbooks: the ranking (with every month of the landlords shown), one landlord's
// months, and the rows an import refused. Figures as numbers with their formats, flags and marks as words.
import type ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { newWorkbook } from '../../../src-shared/excel';
import type { StoredFiling } from '../../../src-shared/filings/stored';
import { workbookBytes } from '../../../src-shared/lists/sheet';
import type { RowIssue } from '../../../src-shared/lists/types';
import { yuanText } from '../../../src-shared/money';
import type { LandlordRow } from './landlordRows';

const YUAN = '#,##0.00';
const PRICE = '0.0000';
const KWH = '#,##0.####';

interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => string | number | null;
  numFmt?: string;
}

function addTable<R>(workbook: ExcelJS.Workbook, name: string, caption: string, columns: readonly Column<R>[], rows: readonly R[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([caption]).font = { bold: true };
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  sheet.addRows(rows.map((r) => columns.map((c) => c.value(r))));
}

// Empty cells stay empty (null), not empty strings.
const words = (list: readonly string[]): string | null => (list.length === 0 ? null : list.join('、'));
const flagWords = (t: TFunction, flags: readonly string[]) => words(flags.map((f) => t(`filingsUi.flag.${f}`)));
const yuan = (fen: number) => Number(yuanText(fen));

function landlordColumns(t: TFunction): Column<LandlordRow>[] {
  return [
    { header: t('filingsUi.col.rank'), width: 6, value: (r) => r.rank },
    { header: t('filingsUi.col.uscc'), width: 22, value: (r) => r.uscc },
    { header: t('filingsUi.col.name'), width: 30, value: (r) => r.name },
    { header: t('filingsUi.col.listed'), width: 10, value: (r) => (r.listed ? null : t('filingsUi.unlisted')) },
    { header: t('filingsUi.col.months'), width: 8, value: (r) => r.months },
    { header: t('filingsUi.col.flaggedMonths'), width: 10, value: (r) => r.flaggedMonths },
    { header: t('filingsUi.col.excess'), width: 18, value: (r) => yuan(r.estimatedExcessFen), numFmt: YUAN },
    { header: t('filingsUi.col.flags'), width: 40, value: (r) => words(r.flagCounts.map((c) => t('filingsUi.flagCount', { flag: t(`filingsUi.flag.${c.flag}`), count: c.count }))) },
  ];
}

function monthColumns(t: TFunction): Column<StoredFiling>[] {
  return [
    { header: t('filingsUi.col.uscc'), width: 22, value: (f) => f.uscc },
    { header: t('filingsUi.col.name'), width: 30, value: (f) => f.name },
    { header: t('filingsUi.col.month'), width: 10, value: (f) => f.month },
    { header: t('filings.column.category'), width: 12, value: (f) => f.category },
    { header: t('filings.column.voltage'), width: 12, value: (f) => f.voltage },
    { header: t('filings.column.purchaseKwh'), width: 16, value: (f) => Number(f.purchaseKwh), numFmt: KWH },
    { header: t('filings.column.purchaseYuan'), width: 16, value: (f) => yuan(f.purchaseFen), numFmt: YUAN },
    { header: t('filings.column.resoldKwh'), width: 16, value: (f) => Number(f.transferKwh), numFmt: KWH },
    { header: t('filings.column.chargedYuan'), width: 16, value: (f) => yuan(f.chargedFen), numFmt: YUAN },
    { header: t('filings.column.tenants'), width: 8, value: (f) => f.households },
    { header: t('filingsUi.col.purchaseAvgPrice'), width: 14, value: (f) => Number(f.purchaseAvgPrice), numFmt: PRICE },
    { header: t('filingsUi.col.chargedAvgPrice'), width: 14, value: (f) => Number(f.chargedAvgPrice), numFmt: PRICE },
    { header: t('filingsUi.col.markupPerKwh'), width: 14, value: (f) => Number(f.markupPerKwh), numFmt: PRICE },
    { header: t('filingsUi.col.lossRate'), width: 10, value: (f) => Number(f.lossRate), numFmt: PRICE },
    { header: t('filingsUi.col.catalogueReference'), width: 14, value: (f) => Number(f.catalogueReference), numFmt: '0.0000##' },
    { header: t('filingsUi.col.excess'), width: 16, value: (f) => yuan(f.estimatedExcessFen), numFmt: YUAN },
    { header: t('filingsUi.col.flags'), width: 30, value: (f) => flagWords(t, f.flags) },
    { header: t('filingsUi.col.source'), width: 24, value: (f) => f.source },
  ];
}

/** The ranking (sheet 主体排名) and the months of the same landlords (sheet 月度明细), in the ranking's order. */
export async function landlordsWorkbook(rows: readonly LandlordRow[], months: readonly StoredFiling[], t: TFunction, caption: string): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  addTable(workbook, t('filingsUi.export.sheet.landlords'), caption, landlordColumns(t), rows);
  addTable(workbook, t('filingsUi.export.sheet.months'), caption, monthColumns(t), months);
  return workbookBytes(workbook);
}

/** One landlord's months. */
export async function monthsWorkbook(months: readonly StoredFiling[], t: TFunction, caption: string): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  addTable(workbook, t('filingsUi.export.sheet.months'), caption, monthColumns(t), months);
  return workbookBytes(workbook);
}

/** The rows an import refused: Excel row, field and reason. */
export async function rejectedWorkbook(issues: readonly RowIssue[], t: TFunction, caption: string, reason: (i: RowIssue) => string): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  addTable<RowIssue>(workbook, t('filingsUi.export.sheet.rejected'), caption, [
    { header: t('filingsUi.dialog.row'), width: 8, value: (i) => i.row },
    { header: t('filingsUi.dialog.field'), width: 20, value: (i) => i.field },
    { header: t('filingsUi.dialog.reason'), width: 60, value: reason },
  ], issues);
  return workbookBytes(workbook);
}
