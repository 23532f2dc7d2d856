// Reads of the two lists for the pages; writes go through the mutators (db/write.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ListKind } from '../../src-shared/domain';
import { rowKey, type ListRow } from '../sync/referenceMutators';
import { db as defaultDb, type TariffDb } from './db';

export { rowKey, type ListRow };

function table(db: TariffDb, kind: ListKind) {
  return kind === 'entities' ? db.entities : db.inspectors;
}

/** Every key stored for a list, for the importer's duplicate check. */
export async function storedKeys(kind: ListKind, db: TariffDb = defaultDb): Promise<Set<string>> {
  const keys = await table(db, kind).toCollection().primaryKeys();
  return new Set(keys.map(String));
}

/** Every row of a list; undefined while loading. */
export function useListRows(kind: ListKind): ListRow[] | undefined {
  return useLiveQuery<ListRow[]>(() => table(defaultDb, kind).toArray(), [kind]);
}

/** The districts of the target list, sorted, for a plan's scope; undefined while loading. */
export function useDistricts(): string[] | undefined {
  return useLiveQuery(async () => {
    const districts = new Set<string>();
    await defaultDb.entities.each((e) => void districts.add(e.district));
    return [...districts].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, []);
}
