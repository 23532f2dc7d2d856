// Opening a workbook for import and reading the rows where a header may be; shared by every Excel importer.
import { formatMessage } from '../i18n/format';
import { listZh } from '../i18n/lists';
import { MAX_COL, MAX_MERGED_CELLS, MAX_ROW, MAX_XML_BYTES, readXlsx, XlsxRefused, type ReadBook, type ReadCell, type ReadRow, type ReadSheet } from '../xlsxCells';
import { cellValueText, isLongNumber } from './cells';
import { HEADER_SEARCH_ROWS, type RowTexts } from './header';
import type { SheetRow } from './validate';

/**
 * The workbook in `data` (.xlsx bytes). A file that is none is refused with `notXlsx`, the importer's own
 * message; a workbook too large, damaged or reaching past Excel's rows and columns with a message saying which.
 */
export function loadXlsx(data: Uint8Array, notXlsx: string, refuse: (message: string) => Error): ReadBook {
  try {
    return readXlsx(data);
  } catch (e) {
    throw refuse(e instanceof XlsxRefused ? refusedMessage(e) : notXlsx);
  }
}

/** The limits, and where: a row by its number, a cell or range by its reference, cut short (it is the file's text). */
function refusedMessage(e: XlsxRefused): string {
  const where = /^\d+$/.test(e.where)
    ? formatMessage(listZh, 'xlsx.whereRow', { row: e.where })
    : formatMessage(listZh, 'xlsx.whereCell', { ref: e.where.length > 16 ? e.where.slice(0, 16) + '…' : e.where });
  const n = (x: number) => x.toLocaleString('en-US');
  const limits = { megabytes: MAX_XML_BYTES / 1024 / 1024, cells: n(MAX_MERGED_CELLS), rows: n(MAX_ROW), columns: n(MAX_COL) };
  return formatMessage(listZh, `xlsx.${e.reason}`, { where, ...limits });
}

/** The sheets, visible ones first, so a hidden lookup sheet never wins a tie. */
export function sheetsVisibleFirst(workbook: ReadBook): ReadSheet[] {
  return [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
}

/**
 * The sheet whose header (`headerOf`, from its first rows) maps the most columns, visible sheets first and a
 * tie to the earlier one; null when no sheet has one. Throws `whenEmpty()` when no sheet holds any value.
 */
export function sheetWithBestHeader<H extends { readonly columns: ReadonlyMap<number, unknown> }>(
  workbook: ReadBook,
  headerOf: (sheet: ReadSheet) => H | null,
  whenEmpty: () => Error,
): { sheet: ReadSheet; header: H } | null {
  const sheets = sheetsVisibleFirst(workbook);
  if (sheets.every((s) => s.actualRowCount === 0)) throw whenEmpty();
  let best: { sheet: ReadSheet; header: H } | null = null;
  for (const sheet of sheets) {
    const header = headerOf(sheet);
    if (header && header.columns.size > (best?.header.columns.size ?? 0)) best = { sheet, header };
  }
  return best;
}

/** The texts of the rows a header is looked for in. */
export function headRows(sheet: ReadSheet): RowTexts[] {
  const rows: RowTexts[] = [];
  for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) rows.push({ number: n, texts: readRow(sheet.findRow(n)).texts });
  return rows;
}

const NO_LONG_NUMBERS: ReadonlySet<number> = new Set();

/**
 * The texts of a row by column number; a merged range's repeats along the row are blanked, so it counts once.
 * `mergedAbove` lists the columns whose cell continues a range begun on an earlier row (its text is repeated).
 */
export function readRow(row: ReadRow | undefined): SheetRow & { readonly mergedAbove: ReadonlySet<number> } {
  const texts: string[] = [];
  if (!row) return { texts, longNumbers: NO_LONG_NUMBERS, mergedAbove: NO_LONG_NUMBERS };
  let longNumbers: Set<number> | null = null;
  let mergedAbove: Set<number> | null = null;
  let previousMaster: ReadCell | null = null;
  row.eachCell((cell, col) => {
    const master = cell.master;
    const value = cell.value;
    // A range merged down a column (a district spanning its rows) keeps its text in every row.
    texts[col] = master !== cell && master === previousMaster ? '' : cellValueText(value, cell.numFmt);
    if (isLongNumber(value)) (longNumbers ??= new Set()).add(col);
    if (master !== cell && master.row !== cell.row) (mergedAbove ??= new Set()).add(col);
    previousMaster = master;
  });
  return { texts, longNumbers: longNumbers ?? NO_LONG_NUMBERS, mergedAbove: mergedAbove ?? NO_LONG_NUMBERS };
}
