// Pull: the changes after a cursor that this session may see, in commit order, in pages.
import type { Change, PullResponse } from '../../../src-shared/sync/protocol';
import type { DeviceSession } from '../accounts/devices';
import { toNumber, type Sql, type Store } from '../store/store';

/** The WHERE clause (from parameter $first on) that limits `changes` to what the session may see. */
export function scopeClause(session: DeviceSession, first: number): { sql: string; params: unknown[] } {
  const { user } = session;
  if (user.role === 'office') return { sql: 'TRUE', params: [] };
  // Reference data for every device (tariffs, ledger mappings) is logged with district '*'.
  if (user.role === 'lead') return { sql: `(district = $${first} OR district = '*' OR device_id = $${first + 1})`, params: [user.district, session.deviceId] };
  // An inspector: the cases whose team holds their certificate number (with their targets, and later
  // edits of those targets: a corrected address or position), the inspectors of their district (the
  // names of their team), reference data, and their own rejections.
  return {
    sql: `(case_id IN (SELECT id FROM cases WHERE inspectors ? $${first}) OR device_id = $${first + 1} OR district = '*' OR (tbl = 'inspectors' AND district = $${first + 2})`
      + ` OR (tbl = 'entities' AND key IN (SELECT uscc FROM cases WHERE inspectors ? $${first})))`,
    params: [user.certNo ?? '', session.deviceId, user.district],
  };
}

export function parseCursor(cursor: string): [number, number] {
  const [v, s] = cursor.split('.');
  return [Number(v), Number(s)];
}

interface ChangeRow {
  seq: unknown;
  version: unknown;
  tbl: Change['table'];
  key: string;
  row: Record<string, unknown>;
}

/** One page; the device's last applied mutation id comes from the same snapshot. */
export async function pull(store: Store, session: DeviceSession, cursor: string, limit: number): Promise<PullResponse> {
  const [version, seq] = parseCursor(cursor);
  // Most pulls fit one page: then one statement gives the page and the device's counter from one
  // snapshot, without a transaction's four extra statements (BEGIN, isolation, counter, COMMIT).
  const alone = scopeClause(session, 4);
  const rows = await store.query<ChangeRow & { last_mutation_id: unknown }>(pageSql(alone, limit, '(SELECT last_mutation_id FROM devices WHERE id = $3) AS last_mutation_id'), [version, seq, session.deviceId, ...alone.params]);
  if (rows.length > 0 && rows.length <= limit) return response(rows, cursor, false, rows.length, rows[0]!.last_mutation_id);
  return store.transaction(async (tx: Sql) => {
    // One snapshot for the page, the count and the device's counter (PostgreSQL; PGlite has one connection).
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const scope = scopeClause(session, 3);
    const rows = await tx.query<ChangeRow>(pageSql(scope, limit), [version, seq, ...scope.params]);
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    // Only a page with more behind it needs counting: on the last page it is the page itself.
    const [count] = more ? await tx.query<{ n: unknown }>(`SELECT count(*) AS n FROM changes WHERE (version, seq) > ($1, $2) AND ${scope.sql}`, [version, seq, ...scope.params]) : [{ n: page.length }];
    const [device] = await tx.query<{ last_mutation_id: unknown }>('SELECT last_mutation_id FROM devices WHERE id = $1', [session.deviceId]);
    return response(page, cursor, more, toNumber(count?.n ?? 0), device?.last_mutation_id);
  });
}

/** The page query: up to limit + 1 changes after the cursor ($1, $2) in `scope`, with `extra` columns. */
function pageSql(scope: { sql: string }, limit: number, extra?: string): string {
  return `SELECT seq, version, tbl, key, row${extra === undefined ? '' : `, ${extra}`} FROM changes WHERE (version, seq) > ($1, $2) AND ${scope.sql} ORDER BY version, seq LIMIT ${limit + 1}`;
}

function response(page: readonly ChangeRow[], cursor: string, more: boolean, remaining: number, lastMutationId: unknown): PullResponse {
  const lastRow = page.at(-1);
  return {
    changes: page.map((r) => ({ version: toNumber(r.version), table: r.tbl, key: r.key, row: r.row })),
    cursor: lastRow ? `${toNumber(lastRow.version)}.${toNumber(lastRow.seq)}` : cursor,
    more,
    lastMutationId: toNumber(lastMutationId ?? 0),
    remaining,
  };
}
