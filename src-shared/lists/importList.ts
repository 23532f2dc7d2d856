// Imports a list (检查对象名录库 / 执法检查人员名录库) from an Excel workbook made by anyone, anyhow.
import type { Entity, Inspector } from '../domain';
import { formatMessage } from '../i18n/format';
import { listZh } from '../i18n/lists';
import { listSpec, type ListSpec } from './columns';
import { findHeader, headerIndex, matchHeader, type HeaderMatch } from './header';
import { rowIssue } from './issues';
import { skipReason, type RowShape } from './rows';
import type { ImportOptions, ListImport, ListKind, ListRecord, RowIssue } from './types';
import { checkRow, type FieldColumns } from './validate';
import type { ReadBook, ReadSheet } from '../xlsxCells';
import { headRows, loadXlsx, readRow, sheetWithBestHeader } from './workbook';

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

/** Rows between progress reports; also where a long import lets the UI thread breathe. */
const PROGRESS_EVERY = 500;

/** Reads a list workbook and checks every row; rows are numbered as Excel shows them. Throws {@link ListReadError}. */
export function importList(kind: 'entities', data: Uint8Array, options?: ImportOptions): Promise<ListImport<Entity>>;
export function importList(kind: 'inspectors', data: Uint8Array, options?: ImportOptions): Promise<ListImport<Inspector>>;
export function importList(kind: ListKind, data: Uint8Array, options?: ImportOptions): Promise<ListImport<Entity> | ListImport<Inspector>>;
export function importList(kind: ListKind, data: Uint8Array, options: ImportOptions = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  return kind === 'entities' ? importKind(listSpec('entities'), data, options) : importKind(listSpec('inspectors'), data, options);
}

/** {@link importList} for a workbook already read (by readXlsx, or exceljs in tests). Throws {@link ListReadError} ('no-header', 'empty'). */
export function importWorkbook(kind: 'entities', workbook: ReadBook, options?: ImportOptions): Promise<ListImport<Entity>>;
export function importWorkbook(kind: 'inspectors', workbook: ReadBook, options?: ImportOptions): Promise<ListImport<Inspector>>;
export function importWorkbook(kind: ListKind, workbook: ReadBook, options?: ImportOptions): Promise<ListImport<Entity> | ListImport<Inspector>>;
export function importWorkbook(kind: ListKind, workbook: ReadBook, options: ImportOptions = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  return kind === 'entities' ? checkWorkbook(listSpec('entities'), workbook, options) : checkWorkbook(listSpec('inspectors'), workbook, options);
}

async function importKind<K extends ListKind>(spec: ListSpec<K>, data: Uint8Array, options: ImportOptions): Promise<ListImport<ListRecord[K]>> {
  return checkWorkbook(spec, loadWorkbook(data), options);
}

async function checkWorkbook<K extends ListKind>(spec: ListSpec<K>, workbook: ReadBook, options: ImportOptions): Promise<ListImport<ListRecord[K]>> {
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

function loadWorkbook(data: Uint8Array): ReadBook {
  return loadXlsx(data, listZh['listError.unreadable'], (message) => new ListReadError('unreadable', message));
}

/** The sheet whose first rows hold the best header; visible sheets first, so a hidden lookup sheet never wins. */
function locateHeader<K extends ListKind>(spec: ListSpec<K>, workbook: ReadBook): { sheet: ReadSheet; header: HeaderMatch<ListRecord[K]> } {
  const best = sheetWithBestHeader(workbook, (sheet) => findHeader(spec.columns, headRows(sheet)), () => new ListReadError('empty', listZh['listError.empty']));
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
