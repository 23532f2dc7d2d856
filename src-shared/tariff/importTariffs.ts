// Imports a catalogue tariff table from the office's Excel (the template or a sheet laid out like it).
import { formatMessage } from '../i18n/format';
import { tariffMessages, tariffZh } from '../i18n/tariff';
import type { Column } from '../lists/columns';
import { findHeader, type HeaderMatch } from '../lists/header';
import { rowIssueFrom } from '../lists/issues';
import { skipReason } from '../lists/rows';
import type { RowIssue, SkipReason } from '../lists/types';
import type { ReadBook, ReadSheet } from '../xlsxCells';
import { headRows, loadXlsx, readRow, sheetWithBestHeader } from '../lists/workbook';
import { checkTariffTable } from './check';
import { TARIFF_COLUMNS } from './columns';
import { tariffEntrySchema, type TariffEntry, type TariffTable } from './types';

/** The file could not be used as a tariff table. */
export class TariffReadError extends Error {
  override readonly name = 'TariffReadError';
  constructor(
    readonly code: 'unreadable' | 'empty' | 'missing-columns',
    message: string,
  ) {
    super(message);
  }
}

export interface TariffImport {
  /** The accepted rows as a table (id and name from the options). */
  table: TariffTable;
  /** Excel row number of each entry of `table.entries`, same order. */
  rows: number[];
  /** Row issues; a row with any issue is not in the table. */
  rejected: RowIssue[];
  /** Overlapping or missing periods between accepted rows, named by their Excel rows. */
  problems: RowIssue[];
  skipped: { row: number; why: SkipReason }[];
  headerRow: number;
}

const zh = tariffMessages['zh-CN'];
const issue = (row: number, field: string, code: string, params?: Record<string, string | number>): RowIssue =>
  rowIssueFrom(zh, 'tariff.issue.', row, field, code, params);

/** Reads a tariff workbook, checking every row and then the versions against each other. Throws {@link TariffReadError}. */
export async function importTariffs(data: Uint8Array, meta: { id: string; name: string }): Promise<TariffImport> {
  const workbook = loadXlsx(data, tariffZh['tariff.error.unreadable'], (message) => new TariffReadError('unreadable', message));
  const { sheet, header } = locate(workbook);
  const result: TariffImport = { table: { id: meta.id, name: meta.name, sample: false, note: '', entries: [] }, rows: [], rejected: [], problems: [], skipped: [], headerRow: header.row };
  const at = new Map([...header.columns].map(([col, column]) => [column.field, col]));
  const shape = { keyCol: at.get('region') ?? -1, nameCol: at.get('category') ?? -1, mapped: new Set(header.columns.keys()), isKeyHeader: (t: string) => t.trim() === tariffZh['tariff.column.region'] };
  for (let n = header.row + 1; n <= sheet.rowCount; n++) {
    const { texts } = readRow(sheet.findRow(n));
    const why = skipReason({ ...shape, texts });
    if (why === 'blank') continue;
    if (why) result.skipped.push({ row: n, why });
    else addRow(result, checkTariffRow(at, texts, n), n);
  }
  result.problems = problemIssues(result);
  return result;
}

function locate(workbook: ReadBook): { sheet: ReadSheet; header: HeaderMatch<TariffEntry> } {
  const best = sheetWithBestHeader(workbook, (sheet) => findHeader(TARIFF_COLUMNS, headRows(sheet)), () => new TariffReadError('empty', tariffZh['tariff.error.empty']));
  const missing = TARIFF_COLUMNS.filter((c) => c.required && !(best && c.field in best.header.found)).map((c) => c.label);
  if (!best || missing.length > 0) {
    throw new TariffReadError('missing-columns', formatMessage(zh, 'tariff.error.missing-columns', { columns: missing.join('、') }));
  }
  return best;
}

/** Parses one row: every column, every problem (one per column), and the end date not before the start. */
export function checkTariffRow(at: ReadonlyMap<string, number>, texts: readonly string[], row: number): { entry: TariffEntry | null; issues: RowIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  for (const column of TARIFF_COLUMNS) {
    const col = at.get(column.field);
    const parsed = column.parse(col === undefined ? '' : (texts[col] ?? ''));
    if (parsed.ok) values[column.field] = parsed.value;
    else issues.push(issue(row, column.label, parsed.code, parsed.params));
  }
  const { from, to } = values;
  if (typeof from === 'string' && typeof to === 'string' && endsBefore(to, from)) issues.push(issue(row, labelOf('to'), 'date.order'));
  return issues.length > 0 ? { entry: null, issues } : { entry: tariffEntrySchema.parse(values), issues };
}

// An end month '2026-01' ends on its last day, so it is before a start only when its whole month is.
function endsBefore(to: string, from: string): boolean {
  return (to.length === 7 ? `${to}-31` : to) < (from.length === 7 ? `${from}-01` : from);
}

function labelOf(field: keyof TariffEntry): string {
  return TARIFF_COLUMNS.find((c: Column<TariffEntry>) => c.field === field)?.label ?? field;
}

function addRow(result: TariffImport, checked: ReturnType<typeof checkTariffRow>, row: number): void {
  if (checked.entry) {
    result.table.entries.push(checked.entry);
    result.rows.push(row);
  } else result.rejected.push(...checked.issues);
}

// Overlaps and gaps as row issues on the later row's start date, naming both rows.
function problemIssues(result: TariffImport): RowIssue[] {
  return checkTariffTable(result.table).map((p) => {
    const [first, second] = [result.rows[p.entries[0]]!, result.rows[p.entries[1]]!];
    const params = { first, second, from: p.from, to: p.to ?? tariffZh['tariff.problem.open'] };
    return { row: second, field: labelOf('from'), code: p.code, params, reason: formatMessage(zh, `tariff.problem.${p.code}`, params) };
  });
}
