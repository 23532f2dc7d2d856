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
const SEP = '\u0000';

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
 * A test of one row's search text and facets against every set filter. Facet strings repeat across rows
 * (a few thousand combinations in 100,000 rows), so each is judged once.
 */
export function rowMatcher(f: ListFilter): (text: string, facets: string) => boolean {
  const q = fold(f.text.trim());
  if (q.includes(SEP)) return () => false;
  const judged = new Map<string, boolean>();
  return (text, facets) => {
    let ok = judged.get(facets);
    if (ok === undefined) judged.set(facets, (ok = facetsMatch(facets, f)));
    return ok && (!q || text.includes(q));
  };
}

/** Sorted the Chinese way, for the drop-downs; empty values left out. */
export function sortedOptions(values: Iterable<string>): string[] {
  return [...new Set(values)].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
