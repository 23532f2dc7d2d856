// Search and filters of the list pages, pure so they are tested without a browser. A row is matched through
// two derived strings kept beside it in the database (db/listColumn.ts): its folded search text and its facets.
import type { CreditGrade, Entity, EntityKind, Inspector, ListKind } from '../../src-shared/domain';

export interface ListFilter {
  text: string;
  district?: string;
  subdistrict?: string;
  kind?: EntityKind;
  credit?: CreditGrade | 'none';
  status?: 'active' | 'inactive';
}

/** Case and width folded away, so `９１ma` finds `91MA…`. */
export function fold(s: string): string {
  return s.normalize('NFKC').toUpperCase();
}

// NUL joins fields: no stored text holds one (src-shared/text.ts), so a search never matches across two fields.
export const SEP = '\u0000';

/** What a search looks in, folded: a target's name, code, address and contact; an inspector's name, certificate number and unit. */
export function searchText(kind: ListKind, row: Entity | Inspector): string {
  const fields = kind === 'entities' ? [row.name, (row as Entity).uscc, (row as Entity).address, (row as Entity).contact] : [row.name, (row as Inspector).certNo, (row as Inspector).unit];
  return fold(fields.join(SEP));
}

/** The values the drop-downs filter on, in one string: district, sub-district, kind, credit ('' for none), 1/0 for active. */
export function facetsOf(kind: ListKind, row: Entity | Inspector): string {
  const e = kind === 'entities' ? (row as Entity) : null;
  return [row.district, row.subdistrict, e?.kind ?? '', e?.credit ?? '', row.active ? '1' : '0'].join(SEP);
}

function facetsMatch(facets: string, f: ListFilter): boolean {
  const [district, subdistrict, kind, credit, active] = facets.split(SEP);
  return (
    (!f.district || district === f.district) &&
    (!f.subdistrict || subdistrict === f.subdistrict) &&
    (!f.kind || kind === f.kind) &&
    (!f.credit || credit === (f.credit === 'none' ? '' : f.credit)) &&
    (!f.status || (f.status === 'active') === (active === '1'))
  );
}

/** Whether a filter searches at all (a blank search does not). */
export function searches(f: ListFilter): boolean {
  return f.text.trim() !== '';
}

/**
 * A chunk's search texts in one string, rows joined by SEP, and where each row's text starts: one indexOf over
 * it finds the rows holding a search (a per-row `includes` over 100,000 rows took ~27 ms, this 9–12 ms).
 */
export interface JoinedTexts {
  text: string;
  starts: Int32Array;
}

export function joinTexts(texts: readonly string[]): JoinedTexts {
  const starts = new Int32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => {
    starts[i] = at;
    at += t.length + SEP.length;
  });
  return { text: texts.join(SEP), starts };
}

/** The row whose text holds position p: the last row, from `from` on, that starts at or before it. */
function rowAt(starts: Int32Array, p: number, from: number): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Calls `each` with the index of every row of a chunk that matches, in order, each once. `texts` is called
 * only by a search (a filter by facets alone needs no joined texts).
 */
export type ChunkMatcher = (texts: () => JoinedTexts, facets: readonly string[], each: (row: number) => void) => void;

/**
 * A test of a chunk's rows against every set filter. Facet strings repeat across rows (a few thousand
 * combinations in 100,000 rows), so each is judged once. A search never matches across two fields or rows:
 * SEP joins both, and a search holding SEP matches nothing.
 */
export function chunkMatcher(f: ListFilter): ChunkMatcher {
  const q = fold(f.text.trim());
  const judged = new Map<string, boolean>();
  const facetsOk = (facets: string) => {
    let ok = judged.get(facets);
    if (ok === undefined) judged.set(facets, (ok = facetsMatch(facets, f)));
    return ok;
  };
  if (q.includes(SEP)) return () => {};
  if (!q) {
    return (_texts, facets, each) => {
      for (let i = 0; i < facets.length; i++) if (facetsOk(facets[i]!)) each(i);
    };
  }
  return (texts, facets, each) => eachHolding(texts(), q, (row) => {
    if (facetsOk(facets[row]!)) each(row);
  });
}

/** Calls `each` with the index of every row whose text holds `q` (folded, without SEP), in order, each once. */
export function eachHolding({ text, starts }: JoinedTexts, q: string, each: (row: number) => void): void {
  let row = 0;
  for (let p = text.indexOf(q); p !== -1; p = text.indexOf(q, starts[row]!)) {
    row = rowAt(starts, p, row);
    each(row);
    if (++row >= starts.length) break;
  }
}

/** Sorted the Chinese way, for the drop-downs; empty values left out. */
export function sortedOptions(values: Iterable<string>): string[] {
  return [...new Set(values)].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
