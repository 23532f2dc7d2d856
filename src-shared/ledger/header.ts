// Finds the ledger's header and which column holds what. Ledgers group columns under merged headings
// ("电量" over 峰/平/谷), so a column's header is read with the merged heading above it when that names more.
import { cellValueText } from '../lists/cells';
import { bestHeader, HEADER_SEARCH_ROWS } from '../lists/header';
import type { ReadSheet } from '../xlsxCells';
import { readRow } from '../lists/workbook';
import { cleanSpaces, normalizeWord } from '../lists/normalize';
import { isFeeHeader, ledgerFieldOf } from './columns';
import { LEDGER_FIELDS, type LedgerColumns, type LedgerField, type LedgerMapping, type SheetColumn } from './types';

/** A header candidate: what each column is, by column number. */
interface HeaderCandidate {
  readonly row: number;
  readonly columns: ReadonlyMap<number, LedgerField | 'fee'>;
  readonly headers: readonly SheetColumn[];
}

/** The header texts of a row, each with the merged heading above it prefixed when there is one. */
export function headerTexts(sheet: ReadSheet, row: number): { child: string; grouped: string | null; col: number }[] {
  const texts = readRow(sheet.findRow(row)).texts;
  const out: { child: string; grouped: string | null; col: number }[] = [];
  texts.forEach((text, col) => {
    const child = cleanSpaces(text);
    if (child === '') return;
    out.push({ child, grouped: heading(sheet, row, col, child), col });
  });
  return out;
}

// The text of a range merged across columns right above (not one merged down through this cell).
function heading(sheet: ReadSheet, row: number, col: number, child: string): string | null {
  if (row === 1) return null;
  const above = sheet.findCell(row - 1, col);
  if (!above?.isMerged || above.master === sheet.findCell(row, col)?.master) return null;
  const text = cleanSpaces(cellValueText(above.master.value));
  return text === '' ? null : `${text} ${child}`;
}

function candidate(sheet: ReadSheet, row: number): HeaderCandidate {
  const columns = new Map<number, LedgerField | 'fee'>();
  const headers: SheetColumn[] = [];
  const taken = new Set<LedgerField>();
  for (const { child, grouped, col } of headerTexts(sheet, row)) {
    const groupedField = grouped === null ? undefined : ledgerFieldOf(grouped);
    const field = groupedField ?? ledgerFieldOf(child);
    const header = groupedField ? grouped! : child;
    headers.push({ col, header });
    // The first column naming a field wins; a second "电费" is left for the inspector to map.
    if (field && !taken.has(field)) {
      taken.add(field);
      columns.set(col, field);
    } else if (!field && isFeeHeader(child)) columns.set(col, 'fee');
  }
  return { row, columns, headers };
}

/** The recognised columns of the best header in the sheet's first rows, or null when no row names any. */
export function recogniseColumns(sheet: ReadSheet): LedgerColumns | null {
  const rows: HeaderCandidate[] = [];
  for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) rows.push(candidate(sheet, n));
  const best = bestHeader(rows);
  return best ? toColumns(sheet.name, best) : null;
}

function toColumns(sheet: string, { row, columns, headers }: HeaderCandidate): LedgerColumns {
  const fields: Partial<Record<LedgerField, SheetColumn>> = {};
  const fees: SheetColumn[] = [];
  const unmapped: SheetColumn[] = [];
  for (const h of headers) {
    const what = columns.get(h.col);
    if (what === 'fee') fees.push(h);
    else if (what) fields[what] = h;
    else unmapped.push(h);
  }
  return { sheet, headerRow: row, fields, fees, unmapped };
}

/** Applies a remembered mapping to a sheet; throws a {@link MappingError} naming a column it cannot find. */
export function applyMapping(sheet: ReadSheet, mapping: LedgerMapping, fallbackRow: number): LedgerColumns {
  const headerRow = mapping.headerRow ?? rowNamingMost(sheet, mapping) ?? fallbackRow;
  const headers = headerTexts(sheet, headerRow).map(({ child, grouped, col }) => ({ col, names: grouped ? [grouped, child] : [child] }));
  const find = (ref: string | number): SheetColumn => {
    const found = typeof ref === 'number' ? headers.find((h) => h.col === ref) : headers.find((h) => h.names.some((n) => sameHeader(n, ref)));
    if (!found) throw new MappingError(String(ref), headerRow);
    return { col: found.col, header: typeof ref === 'string' ? ref : found.names[0]! };
  };
  const fields: Partial<Record<LedgerField, SheetColumn>> = {};
  for (const field of LEDGER_FIELDS) {
    const ref = mapping.fields[field];
    if (ref !== undefined) fields[field] = find(ref);
  }
  const fees = (mapping.fees ?? []).map(find);
  const used = new Set([...Object.values(fields), ...fees].map((c) => c.col));
  const unmapped = headers.filter((h) => !used.has(h.col)).map((h) => ({ col: h.col, header: h.names[0]! }));
  return { sheet: sheet.name, headerRow, fields, fees, unmapped };
}

/** A mapping column that is not in the header row. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
  constructor(
    readonly column: string,
    readonly row: number,
  ) {
    super(`mapped column ${column} not found in header row ${row}`);
  }
}

const sameHeader = (a: string, b: string): boolean => normalizeWord(a) === normalizeWord(b);

// The row among the first that holds most of the mapping's header texts; null when the mapping names none by text.
function rowNamingMost(sheet: ReadSheet, mapping: LedgerMapping): number | null {
  const wanted = [...Object.values(mapping.fields), ...(mapping.fees ?? [])].filter((r): r is string => typeof r === 'string');
  if (wanted.length === 0) return null;
  let best: { row: number; hits: number } | null = null;
  for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) {
    const names = headerTexts(sheet, n).flatMap((h) => (h.grouped ? [h.grouped, h.child] : [h.child]));
    const hits = wanted.filter((w) => names.some((name) => sameHeader(name, w))).length;
    if (hits > (best?.hits ?? 0)) best = { row: n, hits };
  }
  return best?.row ?? null;
}

/** The mapping that reproduces these columns (by header text), for the UI to remember per landlord. */
export function mappingOf(columns: LedgerColumns): LedgerMapping {
  const all = [...Object.values(columns.fields), ...columns.fees, ...columns.unmapped];
  // A header text that two columns share cannot tell them apart; such a column is remembered by its number.
  const ref = (c: SheetColumn): string | number => (all.filter((o) => sameHeader(o.header, c.header)).length > 1 ? c.col : c.header);
  const fields: Partial<Record<LedgerField, string | number>> = {};
  for (const field of LEDGER_FIELDS) {
    const column = columns.fields[field];
    if (column) fields[field] = ref(column);
  }
  return { sheet: columns.sheet, headerRow: columns.headerRow, fields, fees: columns.fees.map(ref) };
}
