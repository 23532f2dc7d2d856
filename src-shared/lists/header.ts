// Finds the header row of a list: real files put titles, units and dates above it, in merged cells.
import type { Column } from './columns';
import { cleanSpaces, normalizeWord } from './normalize';

/** A worksheet row as text: `texts[c]` is the text of column c (1-based), merged repeats already blanked. */
export interface RowTexts {
  readonly number: number;
  readonly texts: readonly string[];
}

export interface HeaderMatch<T> {
  /** Worksheet row number of the header. */
  readonly row: number;
  /** Column number (1-based) → column definition, one column per field. */
  readonly columns: ReadonlyMap<number, Column<T>>;
  /** field → header text as found. */
  readonly found: Record<string, string>;
}

/** How far down a header is looked for: title, issuing office, date and a blank row rarely exceed this. */
export const HEADER_SEARCH_ROWS = 20;

/** What header matching needs of a column: its field, label and the other words that name it. */
export interface HeaderWords {
  readonly field: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

/** A lookup from each normalised header word (label, alias, field name) to its column. */
export function headerIndex<C extends HeaderWords>(columns: readonly C[]): ReadonlyMap<string, C> {
  const index = new Map<string, C>();
  for (const column of columns) {
    for (const word of [column.label, column.field, ...column.aliases]) index.set(normalizeWord(word), column);
  }
  return index;
}

/** The column a header cell names, trying the whole text, then without a bracketed unit, then each part of "A/B". */
export function matchHeader<C>(index: ReadonlyMap<string, C>, text: string): C | undefined {
  const word = normalizeWord(text);
  if (word === '') return undefined;
  const direct = index.get(word) ?? index.get(word.replace(/[([【].*?[)\]】]/g, ''));
  if (direct) return direct;
  for (const part of word.split(/[/、]|或/)) {
    const found = index.get(part);
    if (found) return found;
  }
  return undefined;
}

/** Matches one row as a header; the score is the number of distinct fields it names. */
export function scoreRow<T>(index: ReadonlyMap<string, Column<T>>, row: RowTexts): HeaderMatch<T> {
  const columns = new Map<number, Column<T>>();
  const found: Record<string, string> = {};
  row.texts.forEach((text, col) => {
    const column = matchHeader(index, text);
    // The first column naming a field wins; a second "电话" next to "联系电话" is an extra column.
    if (column && !(column.field in found)) {
      columns.set(col, column);
      found[column.field] = cleanSpaces(text);
    }
  });
  return { row: row.number, columns, found };
}

/**
 * The best header among the first rows: most fields named, and when a two-level header (merged cells
 * over sub-headers) scores the same on consecutive rows, the lower row, right above the data.
 */
export function findHeader<T>(columns: readonly Column<T>[], rows: readonly RowTexts[]): HeaderMatch<T> | null {
  const index = headerIndex(columns);
  return bestHeader(rows.filter((row) => row.number <= HEADER_SEARCH_ROWS).map((row) => scoreRow(index, row)));
}

/** {@link findHeader}'s choice among scored rows (in row order), for importers that score rows their own way. */
export function bestHeader<M extends { readonly row: number; readonly columns: ReadonlyMap<number, unknown> }>(matches: Iterable<M>): M | null {
  let best: M | null = null;
  for (const match of matches) {
    const score = match.columns.size;
    if (score === 0) continue;
    const bestScore = best?.columns.size ?? 0;
    const continuesBest = best !== null && match.row === best.row + 1 && score === bestScore;
    if (score > bestScore || continuesBest) best = match;
  }
  return best;
}
