// The embedded store: PGlite (PostgreSQL in WASM) in a folder, or in memory for tests.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockFolder } from './folderLock';
import type { Sql, Store } from './store';
import { Turns } from './turns';

function wrap(db: PGlite | Transaction): Sql {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

/** Opens (creating when new) the PGlite database in `dataDir`; without a dir, an in-memory one. */
export async function openPglite(dataDir?: string): Promise<Store> {
  const release = dataDir === undefined ? () => undefined : lockFolder(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (e) {
    release();
    throw e;
  }
  // Every use of the one connection takes a turn (turns.ts); statements inside a transaction run in its turn.
  const turns = new Turns();
  const direct = wrap(db);
  return {
    kind: 'pglite',
    query: (text, params) => turns.run(() => direct.query(text, params)),
    exec: (text) => turns.run(() => direct.exec(text)),
    transaction: (work) => turns.run(() => db.transaction((tx) => work(wrap(tx)))),
    async close() {
      await db.close();
      release();
    },
  };
}
