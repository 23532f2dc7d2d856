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
