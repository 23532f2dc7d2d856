// The server store: a `pg` Pool on a PostgreSQL URL.
import pg from 'pg';
import type { Sql, Store } from './store';

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, [...params]);
      // pg types rows as any; the caller names the row shape, as with PGlite.
      const rows: Row[] = result.rows;
      return rows;
    },
    async exec(text: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await client.query(text);
    },
  };
}

export interface PostgresOptions {
  /** A schema to work in (tests use a fresh one each); it must exist. */
  schema?: string;
  max?: number;
}

/** A store on the PostgreSQL server at `url`. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle connection the server ends (restart, failover, pg_terminate_backend) is dropped by the
  // pool and replaced on demand; without a listener its error would crash the hub.
  pool.on('error', () => undefined);
  // Fail at start, not at the first request, when the server is unreachable.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
