// Picks the store from what the user gave: a PostgreSQL URL, or a folder for PGlite.
import { migrate } from '../migrations/migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Store } from './store';

export type StoreLocation = { pg: string } | { data: string } | { memory: true };

/** Opens the store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const store = 'pg' in location ? await openPostgres(location.pg) : await openPglite('data' in location ? location.data : undefined);
  try {
    await migrate(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
