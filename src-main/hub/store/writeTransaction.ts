// Every change to the hub goes through here: one transaction that advances the change counter once,
// makes the change and appends its audit entries and pull-log rows, so none exists without the others.
// Audit entries and pull-log rows are buffered and written at the end, with the caller's own end
// writes (Write.atEnd), as one statement: a push of 200 mutations costs one statement more than its own
// rows, not 4 more per mutation.
import type { Json } from '../../../src-shared/canonicalJson';
import type { ChangeTable } from '../../../src-shared/sync/protocol';
import { auditWrites } from '../audit/auditLog';
import type { AuditContent } from '../audit/chain';
import { GENESIS_HASH } from '../audit/chain';
import { toNumber, writeTail, type Sql, type Store, type TailWrite } from './store';

/** Who made the change: a device (and its user), an office user at the CLI, or neither (setup). */
export interface Actor {
  userId: string | null;
  deviceId: string | null;
}

export interface AuditRecord {
  action: string;
  subject: string;
  before?: Json | null;
  after?: Json | null;
  /** Who to name when only the work itself finds out (enrollment learns the user from the code). */
  actor?: Actor;
}

export interface ChangeScope {
  caseId?: string | null;
  district?: string | null;
  /** A change only this device may pull (its own rejected mutations). */
  deviceId?: string | null;
}

export interface Write {
  tx: Sql;
  /** The change counter's value for this transaction. */
  version: number;
  at: Date;
  /** Queues an audit entry, appended in order when the work is done. */
  audit(record: AuditRecord): Promise<void>;
  /** Queues a row of the pull log (`changes`), written in order when the work is done. */
  log(table: ChangeTable, key: string, row: Json, scope: ChangeScope): void;
  /** Queues a write to run with the audit and pull-log rows at the end, in one statement (see writeTail). */
  atEnd(write: TailWrite): void;
  /** How many entries are queued (to drop what a refused step queued). */
  mark(): { audit: number; changes: number };
  rollbackTo(mark: { audit: number; changes: number }): void;
}

interface CounterRow {
  value: unknown;
  audit_head_id: unknown;
  audit_head_hash: string | null;
}

export function writeTransaction<T>(store: Store, actor: Actor, at: Date, work: (w: Write) => Promise<T>): Promise<T> {
  return lockFirstThenWrite(store, actor, at, async () => undefined, (w) => work(w));
}

/**
 * A write transaction whose `first` step runs before the change counter is taken, its result handed to
 * `work`: row locks and reads that need not wait for other writers (a device's own row) then take no
 * time under the counter's lock. A row locked there must be locked there in every transaction that
 * locks it (one lock order, no deadlock), FOR NO KEY UPDATE, so that other writers' foreign keys to the
 * row do not wait for it.
 */
export async function lockFirstThenWrite<F, T>(store: Store, actor: Actor, at: Date, first: (tx: Sql) => Promise<F>, work: (w: Write, first: F) => Promise<T>): Promise<T> {
  const [outcome] = await lockFirstThenWriteMany(store, [{ actor, at, first, work }], () => false);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.value;
}

/** One writer's part of a shared write transaction (see lockFirstThenWriteMany). */
export interface WriteUnit<F, T> {
  actor: Actor;
  at: Date;
  first: (tx: Sql) => Promise<F>;
  work: (w: Write, first: F) => Promise<T>;
}

/** A unit in a write transaction of its own. */
export function writeUnit<F, T>(store: Store, unit: WriteUnit<F, T>): Promise<T> {
  return lockFirstThenWrite(store, unit.actor, unit.at, unit.first, unit.work);
}

export type UnitOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Several writers in one transaction (group commit): each unit's `first` step, in the given order, then
 * the change counter once, then each unit's `work`, and one tail for all. A `first` that throws an error
 * `refusesUnit` accepts (a push's gap: nothing written yet, the transaction still sound) leaves that unit
 * out; any other error fails the whole transaction, and the caller decides what to retry. Units share
 * the counter's version and the audit chain, in their order. A unit's work sees what earlier units
 * wrote straight away; its tail writes (Write.atEnd) go in with everyone's at the end, so units must
 * not read each other's tail rows (one unit per device; see pushQueue.ts).
 */
export async function lockFirstThenWriteMany<T>(
  store: Store,
  units: readonly WriteUnit<any, T>[], // eslint-disable-line @typescript-eslint/no-explicit-any -- each unit pairs its own first and work
  refusesUnit: (error: unknown) => boolean,
  /** All units' first steps at once, in fewer statements (refusals as outcomes); instead of each unit's own. */
  firsts?: (tx: Sql) => Promise<UnitOutcome<unknown>[]>,
): Promise<UnitOutcome<T>[]> {
  return store.transaction(async (tx) => {
    const outcomes: (UnitOutcome<T> | undefined)[] = [];
    const before: unknown[] = [];
    const started = await (firsts ?? ((t: Sql) => eachFirst(t, units, refusesUnit)))(tx);
    started.forEach((f, i) => (f.ok ? (before[i] = f.value) : (outcomes[i] = f)));
    // First statement after the units' own locks: takes the counter's row lock, which orders this
    // transaction after the previous writer (so the audit chain and the pull log follow commit order),
    // and reads the audit head.
    const [row] = await tx.query<CounterRow>('UPDATE change_counter SET value = value + 1 RETURNING value, audit_head_id, audit_head_hash');
    const version = toNumber(row?.value);
    const head = { id: row?.audit_head_id === null || row?.audit_head_id === undefined ? 0 : toNumber(row.audit_head_id), hash: row?.audit_head_hash ?? GENESIS_HASH };
    const entries: AuditContent[] = [];
    const changes: unknown[][] = [];
    const tail: TailWrite[] = [];
    for (const [i, unit] of units.entries()) {
      if (outcomes[i]) continue;
      const w = unitWrite(tx, version, unit.actor, unit.at, entries, changes, tail);
      outcomes[i] = { ok: true, value: await unit.work(w, before[i]) };
    }
    await writeTail(tx, [...tail, { insert: 'INSERT INTO changes (version, tbl, key, case_id, district, device_id, row)', rows: changes }, ...auditWrites(head, entries)]);
    return outcomes as UnitOutcome<T>[];
  });
}

/** Each unit's own first step, in order; an error `refusesUnit` accepts refuses that unit only. */
async function eachFirst(tx: Sql, units: readonly WriteUnit<unknown, unknown>[], refusesUnit: (error: unknown) => boolean): Promise<UnitOutcome<unknown>[]> {
  const started: UnitOutcome<unknown>[] = [];
  for (const unit of units) {
    try {
      started.push({ ok: true, value: await unit.first(tx) });
    } catch (e) {
      if (!refusesUnit(e)) throw e;
      started.push({ ok: false, error: e });
    }
  }
  return started;
}

/** The Write one unit sees: its own actor and time, the transaction's shared queues. */
function unitWrite(tx: Sql, version: number, actor: Actor, at: Date, entries: AuditContent[], changes: unknown[][], tail: TailWrite[]): Write {
  return {
    tx,
    version,
    at,
    audit: async (r) => {
      entries.push({
        at: at.toISOString(),
        actorUser: (r.actor ?? actor).userId,
        actorDevice: (r.actor ?? actor).deviceId,
        action: r.action,
        subject: r.subject,
        before: r.before ?? null,
        after: r.after ?? null,
      });
    },
    log: (table, key, value, scope) => {
      changes.push([version, table, key, scope.caseId ?? null, scope.district ?? null, scope.deviceId ?? null, JSON.stringify(value)]);
    },
    atEnd: (write) => {
      tail.push(write);
    },
    mark: () => ({ audit: entries.length, changes: changes.length }),
    rollbackTo: (m) => {
      entries.length = m.audit;
      changes.length = m.changes;
    },
  };
}

/** The change counter now (for tests and pull cursors). */
export async function changeCounter(db: Sql): Promise<number> {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM change_counter');
  return toNumber(row?.value);
}
