// The screen's tables as Excel workbooks: the ranking (with every month of the landlords shown), one landlord's
// months, and the rows an import refused. Figures as numbers with their formats, flags and marks as words.
// A city's year is 46,092 months: written by the lean table writer (xlsxTable.ts), in the export worker.
import type { StoredFiling } from '../../../src-shared/filings/stored';
import type { RowIssue } from '../../../src-shared/lists/types';
import { yuanText } from '../../../src-shared/money';
import { bodyOf, tableWorkbook, type TableSheet, type TableWorkbookOptions } from '../../../src-shared/xlsxTable';
import type { LandlordRow } from './landlordRows';

/** The app's words: i18next's t on the window, appWords in a worker. */
type TFunction = (key: string, params?: Record<string, string | number>) => string;
type Progress = TableWorkbookOptions['onProgress'];

const YUAN = '#,##0.00';
const PRICE = '0.0000';
const KWH = '#,##0.####';

interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => string | number | null;
  numFmt?: string;
}

/** A sheet: the caption, the headers (both kept in view), then a row per record. */
function table<R>(name: string, caption: string, columns: readonly Column<R>[], rows: readonly R[]): TableSheet {
  return {
    name,
    columns: columns.map((c) => ({ width: c.width, numFmt: c.numFmt })),
    head: [{ style: 'caption', cells: [caption] }, { style: 'header', cells: columns.map((c) => c.header) }],
    body: bodyOf(rows, (r) => columns.map((c) => c.value(r))),
    freezeHead: true,
  };
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
export function landlordsWorkbook(rows: readonly LandlordRow[], months: readonly StoredFiling[], t: TFunction, caption: string, onProgress?: Progress): Uint8Array {
  return tableWorkbook([
    table(t('filingsUi.export.sheet.landlords'), caption, landlordColumns(t), rows),
    table(t('filingsUi.export.sheet.months'), caption, monthColumns(t), months),
  ], { onProgress });
}

/** One landlord's months. */
export function monthsWorkbook(months: readonly StoredFiling[], t: TFunction, caption: string): Uint8Array {
  return tableWorkbook([table(t('filingsUi.export.sheet.months'), caption, monthColumns(t), months)]);
}

/** The rows an import refused: Excel row, field and reason. */
export function rejectedWorkbook(issues: readonly RowIssue[], t: TFunction, caption: string, reason: (i: RowIssue) => string): Uint8Array {
  return tableWorkbook([
    table<RowIssue>(t('filingsUi.export.sheet.rejected'), caption, [
      { header: t('filingsUi.dialog.row'), width: 8, value: (i) => i.row },
      { header: t('filingsUi.dialog.field'), width: 20, value: (i) => i.field },
      { header: t('filingsUi.dialog.reason'), width: 60, value: reason },
    ], issues),
  ]);
}
