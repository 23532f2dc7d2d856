// Reads the landlords' monthly filings from an Excel workbook: the app's template or a platform's export,
// with title rows, columns in any order and under several names, numbers typed as text.
import { formatMessage } from '../i18n/format';
import { filingsMessages, filingsZh } from '../i18n/filings';
import { bestHeader, HEADER_SEARCH_ROWS, type RowTexts } from '../lists/header';
import { rowIssueFrom } from '../lists/issues';
import { cleanSpaces, normalizeWord } from '../lists/normalize';
import { skipReason, type RowShape } from '../lists/rows';
import type { RowIssue } from '../lists/types';
import type { ReadBook, ReadSheet } from '../xlsxCells';
import { headRows, loadXlsx, readRow, sheetWithBestHeader } from '../lists/workbook';
import type { Parsed } from '../lists/fields';
import {
  FILING_COLUMNS,
  filingFieldOf,
  labelOf,
  parseFilingAmount,
  parseFilingKwh,
  parseFilingMonth,
  parseFilingUscc,
  parseKeyText,
  parseName,
  parseTenants,
} from './columns';
import type { Filing, FilingField, FilingsRead } from './types';

/** The file cannot be used as filings at all. */
export class FilingsReadError extends Error {
  override readonly name = 'FilingsReadError';
  constructor(
    readonly code: 'unreadable' | 'empty' | 'no-header' | 'missing-columns',
    message: string,
  ) {
    super(message);
  }
}

const zh = filingsMessages['zh-CN'];

/** A row issue with its Chinese reason from `filings.issue.<code>`; `field` is the column's Chinese label. */
export function filingIssue(row: number, field: FilingField, code: string, params?: Record<string, string | number>): RowIssue {
  return rowIssueFrom(zh, 'filings.issue.', row, labelOf(field), code, params);
}

/** Rows read so far, every this many rows: a city's year is 46,000 rows. */
const PROGRESS_EVERY = 2000;

export interface ReadFilingsOptions {
  /** Rows of the table read so far, of `total` (the sheet's rows under the header); last called with (total, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Reads every row of a filings workbook; rows are numbered as Excel shows them. Throws {@link FilingsReadError}. */
export async function readFilings(data: Uint8Array, options: ReadFilingsOptions = {}): Promise<FilingsRead> {
  return readFilingsWorkbook(loadXlsx(data, filingsZh['filings.error.unreadable'], (message) => new FilingsReadError('unreadable', message)), options);
}

interface Header {
  readonly row: number;
  /** Column number → field; the first column naming a field wins. */
  readonly columns: ReadonlyMap<number, FilingField>;
  readonly found: Partial<Record<FilingField, string>>;
}

/** {@link readFilings} for a workbook already read (by readXlsx, or exceljs in tests). */
export function readFilingsWorkbook(workbook: ReadBook, { onProgress }: ReadFilingsOptions = {}): FilingsRead {
  const { sheet, header } = locate(workbook);
  const at = new Map<FilingField, number>([...header.columns].map(([col, field]) => [field, col]));
  const result: FilingsRead = { sheet: sheet.name, headerRow: header.row, columns: header.found, filings: [], rejected: [], skipped: [] };
  const shape: Omit<RowShape, 'texts'> = { keyCol: at.get('uscc') ?? -1, nameCol: at.get('name') ?? -1, mapped: new Set(header.columns.keys()), isKeyHeader: isUsccHeader };
  const probe: { -readonly [K in keyof RowShape]: RowShape[K] } = { ...shape, texts: [] };
  const firstRowOf = new Map<string, number>();
  let pendingBlank: number[] = [];
  const total = Math.max(0, sheet.rowCount - header.row);
  for (let n = header.row + 1; n <= sheet.rowCount; n++) {
    const { texts } = readRow(sheet.findRow(n));
    probe.texts = texts;
    const why = skipReason(probe);
    if (why === 'blank') pendingBlank.push(n);
    else {
      // Blank rows count only inside the table; the empty formatted rows after it are not "skipped rows".
      for (const row of pendingBlank) result.skipped.push({ row, why: 'blank' });
      pendingBlank = [];
      if (why) result.skipped.push({ row: n, why });
      else addRow(result, readFiling(at, texts, n), n, firstRowOf);
    }
    if (onProgress && (n - header.row) % PROGRESS_EVERY === 0) onProgress(n - header.row, total);
  }
  onProgress?.(total, total);
  return result;
}

function locate(workbook: ReadBook): { sheet: ReadSheet; header: Header } {
  const best = sheetWithBestHeader(workbook, (sheet) => bestHeader(headRows(sheet).map(scoreRow)), () => new FilingsReadError('empty', filingsZh['filings.error.empty']));
  if (!best || best.header.columns.size < 2) throw new FilingsReadError('no-header', formatMessage(zh, 'filings.error.no-header', { rows: HEADER_SEARCH_ROWS }));
  const missing = FILING_COLUMNS.filter((c) => c.required && !(c.field in best.header.found)).map((c) => c.label);
  if (missing.length > 0) throw new FilingsReadError('missing-columns', formatMessage(zh, 'filings.error.missing-columns', { columns: missing.join('、') }));
  return best;
}

function scoreRow(row: RowTexts): Header {
  const columns = new Map<number, FilingField>();
  const found: Partial<Record<FilingField, string>> = {};
  row.texts.forEach((text, col) => {
    const field = filingFieldOf(text);
    if (field && !(field in found)) {
      columns.set(col, field);
      found[field] = cleanSpaces(text);
    }
  });
  return { row: row.number, columns, found };
}

const USCC_WORDS = new Set([FILING_COLUMNS[0]!.label, ...FILING_COLUMNS[0]!.aliases].map(normalizeWord));
// A header repeated on a later page is not a record; a long run of letters and digits is a code, never a header.
const isUsccHeader = (text: string): boolean => !/^\s*[0-9A-Za-z]{10,}\s*$/.test(text) && USCC_WORDS.has(normalizeWord(text).replace(/[([【].*?[)\]】]/g, ''));

interface ReadRow {
  readonly filing: Filing | null;
  /** Landlord and month when both cells parsed: a refused row still claims them, so a second filing is a duplicate. */
  readonly key: string | null;
  readonly issues: RowIssue[];
}

/** Parses one row: the filing, or every problem in it. */
function readFiling(at: ReadonlyMap<FilingField, number>, texts: readonly string[], row: number): ReadRow {
  const issues: RowIssue[] = [];
  const cell = <V>(field: FilingField, parse: (text: string) => Parsed<V>): V | undefined => {
    const col = at.get(field);
    const parsed = parse(col === undefined ? '' : (texts[col] ?? ''));
    if (parsed.ok) return parsed.value;
    issues.push(filingIssue(row, field, parsed.code, parsed.params));
    return undefined;
  };
  const uscc = cell('uscc', parseFilingUscc);
  const name = cell('name', parseName);
  const month = cell('month', parseFilingMonth);
  const category = cell('category', (t) => parseKeyText(t, filingsZh['filings.default.category']));
  const voltage = cell('voltage', (t) => parseKeyText(t, filingsZh['filings.default.voltage']));
  const purchaseKwh = cell('purchaseKwh', parseFilingKwh);
  const purchaseFen = cell('purchaseYuan', parseFilingAmount);
  const resoldKwh = cell('resoldKwh', parseFilingKwh);
  const chargedFen = cell('chargedYuan', parseFilingAmount);
  const tenants = cell('tenants', parseTenants);
  const key = uscc !== undefined && month !== undefined ? `${uscc}\u0000${month}` : null;
  if (issues.length > 0) return { filing: null, key, issues };
  const filing: Filing = { row, uscc: uscc!, name: name!, month: month!, category: category!, voltage: voltage!, purchaseKwh: purchaseKwh!, purchaseFen: purchaseFen!, resoldKwh: resoldKwh!, chargedFen: chargedFen!, tenants: tenants! };
  return { filing, key, issues };
}

function addRow(result: FilingsRead, read: ReadRow, row: number, firstRowOf: Map<string, number>): void {
  const issues = read.issues;
  if (read.key !== null) {
    const first = firstRowOf.get(read.key);
    if (first !== undefined) issues.push(filingIssue(row, 'month', 'duplicate', { first }));
    else firstRowOf.set(read.key, row);
  }
  if (issues.length > 0) result.rejected.push(...issues);
  else if (read.filing) result.filings.push(read.filing);
}
