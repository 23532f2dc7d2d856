// Imports a list (检查对象名录库 / 执法检查人员名录库) from an Excel workbook made by anyone, anyhow.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import type { Entity, Inspector } from '../domain';
import { formatMessage } from '../i18n/format';
import { listZh } from '../i18n/lists';
import { cellValueText, isLongNumber } from './cells';
import { listSpec, type ListSpec } from './columns';
import { findHeader, HEADER_SEARCH_ROWS, headerIndex, matchHeader, type HeaderMatch, type RowTexts } from './header';
import { rowIssue } from './issues';
import { skipReason, type RowShape } from './rows';
import type { ImportOptions, ListImport, ListKind, ListRecord, RowIssue } from './types';
import { checkRow, type FieldColumns, type SheetRow } from './validate';

export type { ImportOptions, ListImport, RowIssue, SkipReason } from './types';
export { formatIssue } from './issues';

/** The file could not be used at all: not an xlsx, no recognisable header, or nothing in it. */
export class ListReadError extends Error {
  override readonly name = 'ListReadError';
  constructor(
    readonly code: 'unreadable' | 'no-header' | 'empty',
    message: string,
    /** Labels of required columns the header lacks (code 'no-header' only). */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}

// Worksheet parts an import never looks at; a filled-in template carries thousands of drop-down validations.
// Hyperlinks are skipped too: the cell keeps its shown text, which is all a list needs.
export const IGNORED_SHEET_PARTS = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'extLst',
  'cols',
  'sheetViews',
  'autoFilter',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'rowBreaks',
  'picture',
  'drawing',
];
/** Rows between progress reports; also where a long import lets the UI thread breathe. */
const PROGRESS_EVERY = 500;

/** Reads a list workbook and checks every row; rows are numbered as Excel shows them. Throws {@link ListReadError}. */
export function importList(kind: 'entities', data: Uint8Array, options?: ImportOptions): Promise<ListImport<Entity>>;
export function importList(kind: 'inspectors', data: Uint8Array, options?: ImportOptions): Promise<ListImport<Inspector>>;
export function importList(kind: ListKind, data: Uint8Array, options?: ImportOptions): Promise<ListImport<Entity> | ListImport<Inspector>>;
export function importList(kind: ListKind, data: Uint8Array, options: ImportOptions = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  return kind === 'entities' ? importKind(listSpec('entities'), data, options) : importKind(listSpec('inspectors'), data, options);
}

/** {@link importList} for a workbook already loaded by exceljs. Throws {@link ListReadError} ('no-header', 'empty'). */
export function importWorkbook(kind: 'entities', workbook: ExcelJS.Workbook, options?: ImportOptions): Promise<ListImport<Entity>>;
export function importWorkbook(kind: 'inspectors', workbook: ExcelJS.Workbook, options?: ImportOptions): Promise<ListImport<Inspector>>;
export function importWorkbook(kind: ListKind, workbook: ExcelJS.Workbook, options?: ImportOptions): Promise<ListImport<Entity> | ListImport<Inspector>>;
export function importWorkbook(kind: ListKind, workbook: ExcelJS.Workbook, options: ImportOptions = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  return kind === 'entities' ? checkWorkbook(listSpec('entities'), workbook, options) : checkWorkbook(listSpec('inspectors'), workbook, options);
}

async function importKind<K extends ListKind>(spec: ListSpec<K>, data: Uint8Array, options: ImportOptions): Promise<ListImport<ListRecord[K]>> {
  return checkWorkbook(spec, await loadWorkbook(data), options);
}

async function checkWorkbook<K extends ListKind>(spec: ListSpec<K>, workbook: ExcelJS.Workbook, options: ImportOptions): Promise<ListImport<ListRecord[K]>> {
  const { sheet, header } = locateHeader(spec, workbook);
  const result: ListImport<ListRecord[K]> = { accepted: [], rejected: [], headerRow: header.row, columns: header.found, skipped: [] };
  const at: FieldColumns = new Map([...header.columns].map(([col, column]) => [column.field, col]));
  const shape = rowShape(spec, header, at);
  const firstRowOf = new Map<string, number>();
  let pendingBlank: number[] = [];
  const total = Math.max(0, sheet.rowCount - header.row);
  for (let n = header.row + 1; n <= sheet.rowCount; n++) {
    const { texts, longNumbers } = readRow(sheet.findRow(n));
    const why = skipReason({ ...shape, texts });
    if (why === 'blank') pendingBlank.push(n);
    else {
      // Blank rows count only inside the table; the empty formatted rows after it are not "skipped rows".
      for (const row of pendingBlank) result.skipped.push({ row, why: 'blank' });
      pendingBlank = [];
      if (why) result.skipped.push({ row: n, why });
      else acceptOrReject(spec, result, checkRow(spec, at, { texts, longNumbers }, n), n, firstRowOf, options);
    }
    if (options.onProgress && (n - header.row) % PROGRESS_EVERY === 0) await progress(options.onProgress, n - header.row, total);
  }
  options.onProgress?.(total, total);
  return result;
}

async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy also detaches us from a caller's shared buffer.
    await workbook.xlsx.load(new Uint8Array(data).buffer, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch {
    throw new ListReadError('unreadable', listZh['listError.unreadable']);
  }
  return workbook;
}

/** The sheet whose first rows hold the best header; visible sheets first, so a hidden lookup sheet never wins. */
function locateHeader<K extends ListKind>(spec: ListSpec<K>, workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; header: HeaderMatch<ListRecord[K]> } {
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  if (sheets.every((s) => s.actualRowCount === 0)) throw new ListReadError('empty', listZh['listError.empty']);
  let best: { sheet: ExcelJS.Worksheet; header: HeaderMatch<ListRecord[K]> } | null = null;
  for (const sheet of sheets) {
    const rows: RowTexts[] = [];
    for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) rows.push({ number: n, texts: readRow(sheet.findRow(n)).texts });
    const header = findHeader(spec.columns, rows);
    if (header && header.columns.size > (best?.header.columns.size ?? 0)) best = { sheet, header };
  }
  if (!best || (best.header.columns.size < 2 && !(spec.key in best.header.found))) {
    throw new ListReadError('no-header', formatMessage(listZh, 'listError.no-header', { key: keyLabel(spec) }));
  }
  const missing = spec.columns.filter((c) => c.required && !(c.field in best.header.found)).map((c) => c.label);
  if (missing.length > 0) {
    throw new ListReadError('no-header', formatMessage(listZh, 'listError.missing-columns', { columns: missing.join('、') }), missing);
  }
  return best;
}

function rowShape<K extends ListKind>(spec: ListSpec<K>, header: HeaderMatch<ListRecord[K]>, at: FieldColumns): Omit<RowShape, 'texts'> {
  const index = headerIndex(spec.columns);
  return {
    keyCol: at.get(spec.key) ?? -1,
    nameCol: at.get('name') ?? -1,
    mapped: new Set(header.columns.keys()),
    // A long run of letters and digits is a code, never a header word; skipping the lookup saves time per row.
    isKeyHeader: (text) => !LOOKS_LIKE_CODE.test(text) && matchHeader(index, text)?.field === spec.key,
  };
}

const LOOKS_LIKE_CODE = /^\s*[0-9A-Za-z]{10,}\s*$/;
const NO_LONG_NUMBERS: ReadonlySet<number> = new Set();

/**
 * The texts of a row by column number; a merged range's repeats along the row are blanked, so it counts once.
 * `mergedAbove` lists the columns whose cell continues a range begun on an earlier row (its text is repeated).
 */
export function readRow(row: ExcelJS.Row | undefined): SheetRow & { readonly mergedAbove: ReadonlySet<number> } {
  const texts: string[] = [];
  if (!row) return { texts, longNumbers: NO_LONG_NUMBERS, mergedAbove: NO_LONG_NUMBERS };
  let longNumbers: Set<number> | null = null;
  let mergedAbove: Set<number> | null = null;
  let previousMaster: ExcelJS.Cell | null = null;
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

function acceptOrReject<K extends ListKind>(
  spec: ListSpec<K>,
  result: ListImport<ListRecord[K]>,
  checked: ReturnType<typeof checkRow>,
  row: number,
  firstRowOf: Map<string, number>,
  options: ImportOptions,
): void {
  const keyProblem = keyIssue(spec, checked.key, row, firstRowOf, options);
  if (checked.issues.length > 0 || keyProblem) {
    result.rejected.push(...checked.issues);
    if (keyProblem) result.rejected.push(keyProblem);
    return;
  }
  // The list's own schema has the last word (lengths of every text and code list): a cell the column
  // parsers let through but the schema refuses makes that row refused, never the whole file unreadable.
  const parsed = spec.schema.safeParse(checked.values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const label = spec.columns.find((c) => c.field === field)?.label ?? field;
    result.rejected.push(issue.code === 'too_big' ? rowIssue(row, label, 'text.tooLong', { max: Number((issue as { maximum?: unknown }).maximum ?? 0) }) : rowIssue(row, label, 'text.invalid'));
    return;
  }
  const updates = checked.key !== null && (options.existing?.has(checked.key) ?? false);
  result.accepted.push({ row, value: parsed.data, updates });
}

// The key column has already parsed when `key` is set, so a duplicate is its one issue for that column.
function keyIssue<K extends ListKind>(spec: ListSpec<K>, key: string | null, row: number, firstRowOf: Map<string, number>, options: ImportOptions): RowIssue | null {
  if (key === null) return null;
  const first = firstRowOf.get(key);
  if (first !== undefined) return rowIssue(row, keyLabel(spec), 'duplicate', { first });
  firstRowOf.set(key, row);
  if (options.existing?.has(key) && options.onExisting !== 'update') return rowIssue(row, keyLabel(spec), 'existing');
  return null;
}

function keyLabel<K extends ListKind>(spec: ListSpec<K>): string {
  return spec.columns.find((c) => c.field === spec.key)?.label ?? spec.key;
}

async function progress(report: (done: number, total: number) => void, done: number, total: number): Promise<void> {
  report(done, total);
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
