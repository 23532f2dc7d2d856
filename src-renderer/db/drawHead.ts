// What the result page shows of a draw at first: its record and groups whole, the first page of its two long
// lists and their lengths. The draw worker hands it to the window with its answer, so the page opens without
// the window reading the whole draw back (a 100,000-target draw's 50,000 rows held it over 100 ms); the
// whole draw is read only for another page, a document or 复核.
import type { DrawGroup, DrawRecord, DrawResult, Excluded, SelectedTarget } from '../../src-shared/draw/draw';

/** Rows per page of the drawn targets and of the rows left out, on screen. */
export const DRAW_PAGE = 20;

export interface DrawHead {
  id: string;
  record: DrawRecord;
  groups: DrawGroup[];
  selectedCount: number;
  excludedCount: number;
  /** The first DRAW_PAGE rows of each list. */
  selected: SelectedTarget[];
  excluded: Excluded[];
}

export function headOf(id: string, { record, groups, selected, excluded }: DrawResult): DrawHead {
  return {
    id,
    record,
    groups,
    selectedCount: selected.length,
    excludedCount: excluded.length,
    selected: selected.slice(0, DRAW_PAGE),
    excluded: excluded.slice(0, DRAW_PAGE),
  };
}

/** Rows of `page` (from 1) of a list of which the first page is known; null when the whole list is needed and not here. */
export function pageRows<T>(first: readonly T[], whole: readonly T[] | undefined, page: number): readonly T[] | null {
  if (page === 1) return first;
  return whole ? whole.slice((page - 1) * DRAW_PAGE, page * DRAW_PAGE) : null;
}

/**
 * The printable record page lists at most this many drawn targets: a city's draw (48,971 of 100,000) in one
 * antd table held the window for 33 s. The PDF is the record and lists them all.
 */
export const PREVIEW_ROWS = 1_000;

/** The drawn targets the printable page lists, and how many it leaves to the PDF. */
export function previewRows<T>(rows: readonly T[]): { rows: readonly T[]; left: number } {
  return rows.length <= PREVIEW_ROWS ? { rows, left: 0 } : { rows: rows.slice(0, PREVIEW_ROWS), left: rows.length - PREVIEW_ROWS };
}

/** The head given along a navigation (router state), when it is this draw's: anything else is ignored. */
export function givenHead(state: unknown, id: string): DrawHead | null {
  const head = (state as { drawHead?: DrawHead } | null)?.drawHead;
  return head && head.id === id && Array.isArray(head.selected) && Array.isArray(head.excluded) ? head : null;
}
