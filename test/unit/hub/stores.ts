// The stores every hub test runs against: PGlite in memory always, PostgreSQL when TARIFFCHECK_PG_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../../src-main/hub/migrations/migrate';
import { openPglite } from '../../../src-main/hub/store/pglite';
import { openPostgres } from '../../../src-main/hub/store/postgres';
import type { Store } from '../../../src-main/hub/store/store';

export interface TestStore {
  store: Store;
  /** Closes the store and drops what the test created. */
  dispose(): Promise<void>;
}

export interface StoreFactory {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated store. */
  open(): Promise<TestStore>;
}

const pgUrl = process.env.TARIFFCHECK_PG_URL;

async function freshPostgres(url: string): Promise<TestStore> {
  // A schema of its own per store: tests never see each other's rows.
  const schema = 'test_' + randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await openPostgres(url, { schema, max: 4 });
  await migrate(store);
  return {
    store,
    async dispose() {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export const STORES: StoreFactory[] = [
  {
    name: 'pglite',
    async open() {
      const store = await openPglite();
      await migrate(store);
      return { store, dispose: () => store.close() };
    },
  },
  ...(pgUrl ? [{ name: 'postgres', open: () => freshPostgres(pgUrl) } satisfies StoreFactory] : []),
];
