// Appending to, reading and verifying the append-only audit log.
import type { Sql, Store } from '../store/store';
import { toNumber, type TailWrite } from '../store/store';
import type { Json } from '../../../src-shared/canonicalJson';
import { entryHash, GENESIS_HASH, type AuditContent } from './chain';

export interface AuditEntry extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: unknown;
  at: Date | string;
  actor_user: string | null;
  actor_device: string | null;
  action: string;
  subject: string;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

interface HeadRow {
  audit_head_id: unknown;
  audit_head_hash: string | null;
}

/** `at` as hashed: both drivers read timestamptz as Date, written with millisecond precision. */
function isoInstant(at: Date | string): string {
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    id: toNumber(row.id),
    at: isoInstant(row.at),
    actorUser: row.actor_user,
    actorDevice: row.actor_device,
    action: row.action,
    subject: row.subject,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function jsonParam(value: Json | null): string | null {
  // Always text + ::jsonb: pg would turn a JS array into a PostgreSQL array, not JSON.
  return value === null ? null : JSON.stringify(value);
}

/**
 * The writes that append entries in order after the head `(headId, headHash)` read by the
 * transaction's counter update (whose row lock keeps two writers from chaining to the same head),
 * and move the head once; for writeTail.
 */
export function auditWrites(head: { id: number; hash: string }, contents: readonly AuditContent[]): TailWrite[] {
  if (contents.length === 0) return [];
  let prevHash = head.hash;
  const rows = contents.map((content, i) => {
    const hash = entryHash(prevHash, content);
    const row = [head.id + i + 1, content.at, content.actorUser, content.actorDevice, content.action, content.subject, jsonParam(content.before), jsonParam(content.after), prevHash, hash];
    prevHash = hash;
    return row;
  });
  const headId = head.id + contents.length;
  const headHash = prevHash;
  return [
    { insert: 'INSERT INTO audit_log (id, at, actor_user, actor_device, action, subject, before, after, prev_hash, hash)', rows },
    { statement: (param) => `UPDATE change_counter SET audit_head_id = ${param(headId)}, audit_head_hash = ${param(headHash)}` },
  ];
}

/** Up to `limit` entries with id > `after`, oldest first. */
export async function listAudit(db: Sql, after: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [after, limit]);
  return rows.map(fromRow);
}

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; badEntryId: number; reason: 'hash-mismatch' | 'chain-broken' | 'missing-tail' };

const VERIFY_PAGE = 1000;

/** Walks the whole chain: an edited entry fails its own hash, a removed one breaks the next link or the head. */
export async function verifyAudit(store: Store): Promise<AuditVerdict> {
  // One snapshot, so entries committed while we read cannot look like a broken tail.
  return store.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    let prev = GENESIS_HASH;
    let lastId = 0;
    let entries = 0;
    for (;;) {
      const page = await listAudit(tx, lastId, VERIFY_PAGE);
      for (const entry of page) {
        if (entry.prevHash !== prev) return { ok: false, entries, badEntryId: entry.id, reason: 'chain-broken' };
        const { id: _id, prevHash: _p, hash: _h, ...content } = entry;
        if (entryHash(prev, content) !== entry.hash) return { ok: false, entries, badEntryId: entry.id, reason: 'hash-mismatch' };
        prev = entry.hash;
        lastId = entry.id;
        entries++;
      }
      if (page.length < VERIFY_PAGE) break;
    }
    const [head] = await tx.query<HeadRow>('SELECT audit_head_id, audit_head_hash FROM change_counter');
    const headId = head?.audit_head_id == null ? 0 : toNumber(head.audit_head_id);
    if (headId !== lastId || (head?.audit_head_hash ?? GENESIS_HASH) !== prev) {
      return { ok: false, entries, badEntryId: headId, reason: 'missing-tail' };
    }
    return { ok: true, entries };
  });
}
