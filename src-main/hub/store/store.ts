// The hub's one SQL surface: PostgreSQL's dialect, parameterised, over PGlite or a `pg` Pool.

/** Something that runs SQL: the store itself or an open transaction. */
export interface Sql {
  /** Rows of one parameterised statement ($1, $2, …). */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (migrations only). */
  exec(text: string): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly kind: StoreKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A bigint column as a JS number. `pg` hands int8 back as a string, PGlite as a number; counters and
 * ids stay far below 2^53.
 */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value));
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

/** Multi-row INSERT in slices: one statement per slice instead of one per row. */
export async function insertRows(tx: Sql, head: string, columns: number, rows: readonly unknown[][], tail = ''): Promise<void> {
  const SLICE = 500;
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE);
    const values = slice.map((_, r) => '(' + Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ') + ')').join(', ');
    await tx.query(`${head} VALUES ${values}${tail}`, slice.flat());
  }
}

/**
 * One write of a transaction's tail: a multi-row INSERT (`insert` is `INSERT INTO t (c1, c2, …)`),
 * or a statement built with `param`, which numbers each value it is given.
 */
export type TailWrite = { insert: string; rows: readonly unknown[][] } | { statement: (param: (value: unknown) => string) => string };

/** Most values the combined tail statement takes; PostgreSQL allows 65,535 per statement. */
const TAIL_PARAMS = 20_000;

function tailSql(write: TailWrite, param: (value: unknown) => string): string {
  if ('statement' in write) return write.statement(param);
  return `${write.insert} VALUES ${write.rows.map((row) => '(' + row.map(param).join(', ') + ')').join(', ')}`;
}

/**
 * Inserts into the same table and columns as one, in the place of the first: the pushes of a group
 * commit each queue their own records and mutations, and one insert of 640 rows costs markedly less
 * than 32 of 20. Moving rows earlier is sound because tail writes never read each other's rows.
 */
function mergeInserts(writes: readonly TailWrite[]): TailWrite[] {
  const merged: TailWrite[] = [];
  const byHead = new Map<string, unknown[][]>();
  for (const write of writes) {
    if ('statement' in write) {
      merged.push(write);
      continue;
    }
    const rows = byHead.get(write.insert);
    if (rows) {
      for (const row of write.rows) rows.push(row);
      continue;
    }
    const own = [...write.rows];
    byHead.set(write.insert, own);
    merged.push({ insert: write.insert, rows: own });
  }
  return merged;
}

/**
 * Runs the writes as one statement (all but the last as data-modifying WITH parts): one round trip
 * instead of one per write, which shortens the time a writer holds the change counter's lock. The
 * writes must not read each other's rows (parts of one statement share a snapshot). Inserts of many
 * rows (a draw's cases) run one after another, in slices, as insertRows does.
 */
export async function writeTail(tx: Sql, writes: readonly TailWrite[]): Promise<void> {
  const live = mergeInserts(writes.filter((w) => !('rows' in w) || w.rows.length > 0));
  const values = live.reduce((n, w) => n + ('rows' in w ? w.rows.reduce((m, row) => m + row.length, 0) : 0), 0);
  if (values > TAIL_PARAMS) {
    for (const write of live) {
      if ('rows' in write) {
        await insertRows(tx, write.insert, write.rows[0]!.length, write.rows);
      } else {
        const params: unknown[] = [];
        await tx.query(write.statement((v) => `$${params.push(v)}`), params);
      }
    }
    return;
  }
  if (live.length === 0) return;
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const parts = live.map((write) => tailSql(write, param));
  const last = parts.pop()!;
  await tx.query(parts.length === 0 ? last : `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${last}`, params);
}
