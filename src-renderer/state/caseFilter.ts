// Search and filters of the cases page, pure so they are tested without a browser. A case is matched through
// its row in the case list's column (CASE_LIST_SHAPE): a few fields and its folded search text, kept as the case
// is written (db/derived.ts), so the page never reads every case to filter (50,000 cases took 0.5–2 s to open).
import type { ColumnShape } from '../../src-shared/statistics/columns';
import { CASE_STATUSES, type Case, type CaseStatus } from '../../src-shared/sync/records';
import { originOf, type CaseOrigin } from '../../src-shared/targeted/origin';
import { eachHolding, fold, joinTexts, SEP, sortedOptions, type JoinedTexts } from './listFilter';

/** What the cases page filters and orders a case by. Derived and local only, never synced. */
export interface CaseRow {
  id: string;
  district: string;
  status: CaseStatus;
  drawId: string | null;
  origin: CaseOrigin;
  /** Certificate numbers of the team. */
  inspectors: string[];
  /** The target's name, code and address and the team's numbers, folded (listFilter's fold), NUL between. */
  text: string;
}

export const CASE_LIST_SHAPE: ColumnShape<CaseRow> = { kind: 'caseList', key: 'id', fields: ['district', 'status', 'drawId', 'origin', 'inspectors', 'text'] };

export type CaseListSource = Pick<Case, 'id' | 'district' | 'status' | 'drawId' | 'entityName' | 'uscc' | 'address' | 'inspectors'> & { origin?: CaseOrigin | undefined };

/** A case's row in the column: the one place it is made. */
export function caseRowOf(c: CaseListSource): CaseRow {
  return {
    id: c.id, district: c.district, status: c.status, drawId: c.drawId ?? null, origin: originOf(c), inspectors: [...c.inspectors],
    text: fold([c.entityName, c.uscc, c.address, ...c.inspectors].join(SEP)),
  };
}

/** The list's order: by district, then by id (as the cases' district index gave it). */
export function byDistrict(a: CaseRow, b: CaseRow): number {
  return a.district < b.district ? -1 : a.district > b.district ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What each case came to so far: findings recorded, a refund ordered (cases absent: nothing found yet). */
export type CaseResult = 'none' | 'findings' | 'refund';

export interface CaseFilter {
  text: string;
  status?: CaseStatus | null;
  district?: string | null;
  drawId?: string | null;
  member?: string | null;
  origin?: CaseOrigin | null;
  result?: CaseResult | null;
}

export interface Filtered {
  /** The ids of the cases shown, in the list's order. */
  shown: string[];
  /** Per status, the cases matching every filter but the status (the review queue at a glance). */
  perStatus: Record<CaseStatus, number>;
}

/**
 * The cases matching the filter, in one pass. `namesMatching` gives the certificate numbers whose inspector's
 * name holds the search (a team is found by its people's names too); `results` is needed only to filter by one.
 */
export function filterCases(rows: readonly CaseRow[], f: CaseFilter, namesMatching: ReadonlySet<string>, results?: ReadonlyMap<string, CaseResult>): Filtered {
  const perStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const shown: string[] = [];
  const found = searched(rows, f.text, namesMatching);
  rows.forEach((r, i) => {
    if ((f.district && r.district !== f.district) || (f.drawId && r.drawId !== f.drawId) || (f.origin && r.origin !== f.origin)) return;
    if ((f.member && !r.inspectors.includes(f.member)) || (f.result && (results?.get(r.id) ?? 'none') !== f.result)) return;
    if (found && !found[i]) return;
    perStatus[r.status] += 1;
    if (!f.status || r.status === f.status) shown.push(r.id);
  });
  return { shown, perStatus };
}

const joined = new WeakMap<readonly CaseRow[], JoinedTexts>();

/**
 * Which rows a search finds (1), or null for a blank search: one indexOf over the rows' texts joined (made once
 * per read of the rows), then the teams holding a person of that name. A search holding SEP finds nothing.
 */
function searched(rows: readonly CaseRow[], text: string, namesMatching: ReadonlySet<string>): Uint8Array | null {
  const q = fold(text.trim());
  if (!q) return null;
  const found = new Uint8Array(rows.length);
  if (q.includes(SEP)) return found;
  let texts = joined.get(rows);
  if (!texts) joined.set(rows, (texts = joinTexts(rows.map((r) => r.text))));
  eachHolding(texts, q, (i) => {
    found[i] = 1;
  });
  if (namesMatching.size === 0) return found;
  rows.forEach((r, i) => {
    if (r.inspectors.some((x) => namesMatching.has(x))) found[i] = 1;
  });
  return found;
}

/** The certificate numbers among `names` whose name holds the search (none for a blank one). */
export function namesHolding(names: ReadonlyMap<string, string>, text: string): Set<string> {
  const q = fold(text.trim());
  const out = new Set<string>();
  if (!q) return out;
  for (const [certNo, name] of names) if (fold(name).includes(q)) out.add(certNo);
  return out;
}

/** What the drop-downs offer, in one pass over the rows: districts (the Chinese way), draws, team members. */
export function caseOptions(rows: readonly CaseRow[]): { districts: string[]; drawIds: string[]; members: string[] } {
  const districts = new Set<string>();
  const drawIds = new Set<string>();
  const members = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    districts.add(r.district);
    if (r.drawId !== null) drawIds.add(r.drawId);
    for (let j = 0; j < r.inspectors.length; j++) members.add(r.inspectors[j]!);
  }
  // A case without a district is not offered as an empty choice, as on the lists.
  return { districts: sortedOptions(districts), drawIds: [...drawIds], members: [...members].sort() };
}
