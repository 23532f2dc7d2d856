// Checks one record row: every column parsed, every problem reported (one per column), nothing fixed silently.
import type { Column, ListSpec } from './columns';
import type { FieldProblem } from './fields';
import { isCleanText } from '../text';
import { rowIssue } from './issues';
import type { ListKind, RowIssue } from './types';

/** The parsed fields of a row (only those that parsed) and its issues; `key` is set when the key column is valid. */
export interface CheckedRow {
  readonly values: Record<string, unknown>;
  readonly issues: RowIssue[];
  readonly key: string | null;
}

/** A worksheet row as text by column number, and the columns that held numbers too long for Excel to keep. */
export interface SheetRow {
  readonly texts: readonly string[];
  readonly longNumbers: ReadonlySet<number>;
}

/** Where each field sits in the sheet: field → column number, for the columns the header names. */
export type FieldColumns = ReadonlyMap<string, number>;

/** Parses and checks every column of one row (row = Excel row number). */
export function checkRow<K extends ListKind>(spec: ListSpec<K>, at: FieldColumns, { texts, longNumbers }: SheetRow, row: number): CheckedRow {
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  for (const column of spec.columns) {
    const col = at.get(column.field);
    const text = col === undefined ? '' : (texts[col] ?? '');
    // An 18-digit code typed into a General cell was kept by Excel to 15 digits: it cannot be trusted, whatever its check.
    const problem: FieldProblem | null = column.code && col !== undefined && longNumbers.has(col) ? { code: 'code.number' } : checkCell(column, text, values);
    if (problem) issues.push(rowIssue(row, column.label, problem.code, problem.params));
  }
  issues.push(...checkCoordinatePair(spec, values, issues, row));
  const key = values[spec.key];
  return { values, issues, key: typeof key === 'string' && key !== '' ? key : null };
}

function checkCell<T>(column: Column<T>, text: string, into: Record<string, unknown>): FieldProblem | null {
  if (!isCleanText(text)) return { code: 'text.invalid' };
  if (column.required && text.trim() === '') return { code: 'required' };
  const parsed = column.parse(text);
  if (!parsed.ok) return parsed.params ? { code: parsed.code, params: parsed.params } : { code: parsed.code };
  // A required text that is only invisible characters parses to ''; it is as empty as a blank cell.
  if (column.required && parsed.value === '') return { code: 'required' };
  into[column.field] = parsed.value;
  return null;
}

// Both coordinates or neither: a point with one coordinate cannot be placed on the map.
function checkCoordinatePair<K extends ListKind>(spec: ListSpec<K>, values: Record<string, unknown>, issues: readonly RowIssue[], row: number): RowIssue[] {
  const lng = spec.columns.find((c) => c.field === 'lng');
  const lat = spec.columns.find((c) => c.field === 'lat');
  if (!lng || !lat || !('lng' in values) || !('lat' in values)) return [];
  if (issues.some((i) => i.field === lng.label || i.field === lat.label)) return [];
  if ((values.lng === null) === (values.lat === null)) return [];
  const missing = values.lng === null ? lng : lat;
  return [rowIssue(row, missing.label, 'coord.pair')];
}
