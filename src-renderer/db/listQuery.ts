// The list pages' queries over 100,000 rows: never the whole list read to filter it. A filter an index
// answers (one district, one district and sub-district, one kind, one credit grade) is counted and paged by
// that index; a search, the status, "no grade" or a combination is answered by the search column
// (db/listColumn.ts). Either way rows come in key order (USCC, certificate number), the order the lists
// have always shown, and only the page shown is read.
import Dexie, { type Collection, type Table } from 'dexie';
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { chunkMatcher, searches, sortedOptions, type ListFilter } from '../state/listFilter';
import type { TariffDb } from './db';
import { joinedTexts, readColumn, readTotal } from './listColumn';

type ListRow = Entity | Inspector;

export interface ListPage {
  /** The rows of the page asked for. */
  rows: ListRow[];
  /** How many rows match the filter. */
  shown: number;
  /** How many rows the list has. */
  total: number;
}

function table(db: TariffDb, kind: ListKind) {
  return (kind === 'entities' ? db.entities : db.inspectors) as unknown as Table<ListRow, string>;
}

/** The filter as it applies to the kind: inspectors have no kind or credit grade. */
function applicable(kind: ListKind, f: ListFilter): ListFilter {
  return kind === 'entities' ? f : { text: f.text, district: f.district, subdistrict: f.subdistrict, status: f.status };
}

/**
 * The facets a filter sets, joined ('' when it lets every row through: the whole list), for `indexed` to
 * find the index that holds them; null when the filter also searches, or asks for a status or no grade,
 * which no index holds.
 */
function indexedFacets(f: ListFilter): string | null {
  if (searches(f) || f.status || f.credit === 'none') return null;
  return (['district', 'subdistrict', 'kind', 'credit'] as const).filter((k) => f[k]).join('+');
}

/** The index range holding exactly the rows of a filter, in key order; null when no index does. */
export function indexed(db: TariffDb, kind: ListKind, filter: ListFilter): Collection<ListRow, string> | null {
  const f = applicable(kind, filter);
  const t = table(db, kind);
  switch (indexedFacets(f)) {
    case '':
      return t.toCollection();
    case 'district':
      return t.where('district').equals(f.district!);
    case 'district+subdistrict':
      return t.where('[district+subdistrict]').equals([f.district!, f.subdistrict!]);
    case 'kind':
      return t.where('kind').equals(f.kind!);
    case 'credit':
      return t.where('credit').equals(f.credit!);
    default:
      return null;
  }
}

/** The keys of the rows matching a filter, in key order, from the search column. */
export async function matchingKeys(db: TariffDb, kind: ListKind, filter: ListFilter): Promise<string[]> {
  const keys: string[] = [];
  await eachMatching(db, kind, filter, (key) => keys.push(key));
  return keys;
}

/** How many rows match a filter, from the search column. */
async function countMatching(db: TariffDb, kind: ListKind, filter: ListFilter): Promise<number> {
  let n = 0;
  await eachMatching(db, kind, filter, () => n++);
  return n;
}

/** Calls `each` with the key of every row matching a filter, in the search column's order. */
async function eachMatching(db: TariffDb, kind: ListKind, filter: ListFilter, each: (key: string) => void): Promise<void> {
  const match = chunkMatcher(applicable(kind, filter));
  for (const c of await readColumn(db.listChunks, kind)) match(() => joinedTexts(c), c.facets, (i) => each(c.keys[i]!));
}

const ACTIVE: ListFilter = { text: '', status: 'active' };

/**
 * Active rows of each list (what a draw reads), counted in the search column: `active` is not indexed, and a
 * walk over every row held the window for seconds at 100,000 targets.
 */
export async function activeCounts(db: TariffDb): Promise<{ entities: number; inspectors: number }> {
  const [entities, inspectors] = await Promise.all([countMatching(db, 'entities', ACTIVE), countMatching(db, 'inspectors', ACTIVE)]);
  return { entities, inspectors };
}

async function rowsOf(db: TariffDb, kind: ListKind, keys: readonly string[]): Promise<ListRow[]> {
  return (await table(db, kind).bulkGet([...keys])).filter((r): r is ListRow => r !== undefined);
}

/**
 * Beyond this offset an index walks too far to reach the page (IndexedDB steps over every row before it:
 * ~170 ms to row 90,000); the search column's keys reach any page at once.
 */
const FAR = 5000;

/** `limit` rows from `offset` of those matching the filter, with the counts. */
export async function queryList(db: TariffDb, kind: ListKind, filter: ListFilter, offset: number, limit: number): Promise<ListPage> {
  const total = readTotal(db.listTotals, kind);
  const range = offset < FAR ? indexed(db, kind, filter) : null;
  if (range) {
    // A filter that lets every row through is counted by the list's kept total.
    const whole = indexedFacets(applicable(kind, filter)) === '';
    const [shown, rows] = await Promise.all([whole ? total : range.clone().count(), range.clone().offset(offset).limit(limit).toArray()]);
    return { rows, shown, total: await total };
  }
  const keys = await matchingKeys(db, kind, filter);
  return { rows: await rowsOf(db, kind, keys.slice(offset, offset + limit)), shown: keys.length, total: await total };
}

/** Every row matching the filter, for an export of what is shown (the user asked for all of them). */
export async function matchingRows(db: TariffDb, kind: ListKind, filter: ListFilter): Promise<ListRow[]> {
  const range = indexed(db, kind, filter);
  return range ? range.toArray() : rowsOf(db, kind, await matchingKeys(db, kind, filter));
}

export interface FilterOptions {
  districts: string[];
  /** Those of the district given, or of every district. */
  subdistricts: string[];
}

/** The drop-downs' values, from the indexes (one entry read per distinct value). */
export async function filterOptions(db: TariffDb, kind: ListKind, district: string | undefined): Promise<FilterOptions> {
  const t = table(db, kind);
  const pairs = district ? t.where('[district+subdistrict]').between([district, Dexie.minKey], [district, Dexie.maxKey]) : t.orderBy('[district+subdistrict]');
  const [districts, subdistricts] = await Promise.all([t.orderBy('district').uniqueKeys(), pairs.uniqueKeys()]);
  return { districts: sortedOptions(districts as string[]), subdistricts: sortedOptions((subdistricts as unknown as [string, string][]).map((p) => p[1])) };
}

/** The districts of the target list, sorted, for a plan's scope. */
export async function targetDistricts(db: TariffDb): Promise<string[]> {
  return sortedOptions((await db.entities.orderBy('district').uniqueKeys()) as string[]);
}

/** Every key stored for a list (the importer's and the row editor's duplicate check). */
export async function listKeys(db: TariffDb, kind: ListKind): Promise<Set<string>> {
  const keys = await (kind === 'entities' ? db.entities : db.inspectors).toCollection().primaryKeys();
  return new Set(keys.map(String));
}
