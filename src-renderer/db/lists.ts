// Reads of the two lists for the pages; writes go through the mutators (db/write.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ListKind } from '../../src-shared/domain';
import type { ListFilter } from '../state/listFilter';
import { rowKey, type ListRow } from '../sync/referenceMutators';
import { db as defaultDb, type TariffDb } from './db';
import { joinedTexts, readColumn } from './listColumn';
import { filterOptions, listKeys, queryList, targetDistricts, type FilterOptions, type ListPage } from './listQuery';

export { rowKey, type ListRow, type ListPage, type FilterOptions };

/** Every key stored for a list, for the duplicate check of a row added by hand. */
export const storedKeys = (kind: ListKind, db: TariffDb = defaultDb): Promise<Set<string>> => listKeys(db, kind);

/** One page of the rows matching a filter, with the counts, kept up to date; undefined while loading. */
export function useListPage(kind: ListKind, filter: ListFilter, offset: number, limit: number): ListPage | undefined {
  return useLiveQuery(() => queryList(defaultDb, kind, filter, offset, limit), [kind, filter, offset, limit]);
}

/** Reads the search column and joins its texts ahead of the first search, so typing does not wait for it (kept per window). */
export async function warmSearch(kind: ListKind): Promise<void> {
  for (const c of await readColumn(defaultDb.listChunks, kind)) joinedTexts(c);
}

/** The values of the district and sub-district drop-downs; undefined while loading. */
export function useFilterOptions(kind: ListKind, district: string | undefined): FilterOptions | undefined {
  return useLiveQuery(() => filterOptions(defaultDb, kind, district), [kind, district]);
}

/** The districts of the target list, sorted, for a plan's scope; undefined while loading. */
export function useDistricts(): string[] | undefined {
  return useLiveQuery(() => targetDistricts(defaultDb), []);
}
