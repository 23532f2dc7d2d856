// Push: a device's outbox mutations, applied in id order, each exactly once (DESIGN.md "Sync protocol" 2).
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from '../../../src-shared/canonicalJson';
import { isMutatorName, mutatorArgs, type Mutation, type MutatorName } from '../../../src-shared/sync/mutators';
import type { PushResult } from '../../../src-shared/sync/protocol';
import type { DeviceSession } from '../accounts/devices';
import { HubError } from '../errors';
import { toNumber, type Sql, type Store } from '../store/store';
import { writeUnit, type UnitOutcome, type Write, type WriteUnit } from '../store/writeTransaction';
import { insertConflict } from './conflicts';
import { RecordBatch, Rejection, SERVER_MUTATORS, type MutationContext } from './mutators';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { scrubText } from '../../../src-shared/text';
import { firstIssue } from '../../../src-shared/zodIssue';

interface Checked {
  mutation: Mutation;
  name: MutatorName;
  args: unknown;
  hash: string;
  /** Arguments that do not match the mutator: the mutation is rejected (the outbox behind it drains). */
  invalid?: Rejection;
}

/** SHA-256 of the canonical {name, args}: what "the same mutation" means on a replay. */
export function payloadHash(name: string, args: unknown): string {
  return createHash('sha256').update(canonicalJson({ name, args: args as Json })).digest('hex');
}

/**
 * Every mutation's name and arguments, before anything is applied. An unknown mutator refuses the whole
 * push (the hub is older than the client); arguments that do not match are that mutation's rejection,
 * kept with the rest of the push, so one bad mutation never blocks the outbox behind it.
 */
function checkAll(mutations: readonly Mutation[]): Checked[] {
  const checked: Checked[] = mutations.map((m, i) => {
    if (!isMutatorName(m.name)) throw new HubError(400, 'unknown-mutator', `mutation ${m.id}: no mutator named '${m.name}'`, [{ path: ['mutations', String(i), 'name'], code: 'unknown-mutator', message: m.name }]);
    const hash = payloadHash(m.name, scrubText(m.args));
    const parsed = mutatorArgs[m.name].safeParse(m.args);
    if (parsed.success) return { mutation: m, name: m.name, args: parsed.data, hash };
    return { mutation: m, name: m.name, args: m.args, hash, invalid: invalidArgs(parsed.error) };
  });
  checked.sort((a, b) => a.mutation.id - b.mutation.id);
  for (let i = 1; i < checked.length; i++) {
    const prev = checked[i - 1]!.mutation.id;
    const id = checked[i]!.mutation.id;
    if (id === prev) throw new HubError(400, 'bad-request', `mutation id ${id} appears twice in the push`);
    if (id !== prev + 1) throw new HubError(409, 'mutation-gap', `mutation ids jump from ${prev} to ${id}; send them without gaps`, undefined, { expected: prev + 1 });
  }
  return checked;
}

/** The first issue of arguments that do not match, as a rejection naming the field and the issue's code. */
function invalidArgs(error: z.ZodError): Rejection {
  const issue = firstIssue(error);
  // The path may hold the very key that was refused: kept storable like the arguments.
  const path = scrubText(issue.path);
  const code = issue.code;
  return new Rejection('invalid', `arguments do not match the mutator at '${path}' (${code})`, { path, issue: code });
}

export interface PushOutcome {
  lastMutationId: number;
  results: PushResult[];
}

/** What a push reads before the change counter: its device's last applied id and the ids of its new records the store holds. */
interface PushStart {
  last: number;
  stored: string[];
}

/** A checked push, ready to be one unit of a write transaction (alone, or with others: pushQueue.ts). */
export interface PushUnit extends WriteUnit<PushStart, PushOutcome> {
  deviceId: string;
  /** Given the device's last applied id: refuses a gap (HubError 409), else names the push's new record ids. */
  newRecordIds(last: number): string[];
}

/** Checks every mutation (throws HubError 400 or 409 for the whole push) and prepares its unit. */
export function preparePush(session: DeviceSession, mutations: readonly Mutation[], at: Date, via: 'push' | 'case-file' = 'push'): PushUnit {
  const checked = checkAll(mutations);
  // Before the change counter: the device's row (one push of a device at a time) and the ids of its new
  // records the store holds already (a replay). Another device's push cannot hold this device's ids.
  const newRecordIds = (last: number): string[] => {
    const firstId = checked[0]?.mutation.id ?? last + 1;
    if (firstId > last + 1) throw new HubError(409, 'mutation-gap', `the hub has applied up to mutation ${last}; send from ${last + 1}`, undefined, { expected: last + 1 });
    return checked.filter((c) => c.name === 'addRecord' && c.mutation.id > last).map((c) => (c.args as { id: string }).id);
  };
  const first = async (tx: Sql): Promise<PushStart> => {
    const [device] = await tx.query<{ last_mutation_id: unknown }>('SELECT last_mutation_id FROM devices WHERE id = $1 FOR NO KEY UPDATE', [session.deviceId]);
    const last = toNumber(device?.last_mutation_id ?? 0);
    const newIds = newRecordIds(last);
    const stored = newIds.length === 0 ? [] : await tx.query<{ id: string }>('SELECT id FROM records WHERE id = ANY($1::uuid[])', [newIds]);
    return { last, stored: stored.map((r) => r.id) };
  };
  const work = async (w: Write, start: PushStart): Promise<PushOutcome> => {
    let last = start.last;
    const results: PushResult[] = [];
    const run: PushRun = { w, session, via, cases: new Map(), records: new RecordBatch(start.stored), taken: [] };
    for (const c of checked) {
      if (c.mutation.id <= last) {
        results.push(await replay(w, session, c));
        continue;
      }
      results.push(await applyOne(run, c));
      last = c.mutation.id;
    }
    // The last new records go in with the tail: nothing reads them after this.
    w.atEnd(run.records.drain());
    w.atEnd({ insert: 'INSERT INTO device_mutations (device_id, mutation_id, name, args, hlc, payload_hash, outcome, applied_at)', rows: run.taken });
    const applied = last;
    w.atEnd({ statement: (param) => `UPDATE devices SET last_mutation_id = ${param(applied)} WHERE id = ${param(session.deviceId)}` });
    return { lastMutationId: last, results };
  };
  return { actor: { userId: session.user.id, deviceId: session.deviceId }, at, first, work, deviceId: session.deviceId, newRecordIds };
}

/**
 * The first step of several pushes in one transaction (a group commit, pushQueue.ts), as each unit's
 * `first` would do it but in two statements for all: their device rows locked in device-id order (the
 * group's order), and one lookup of their new record ids. A push with a gap is refused alone.
 */
export async function firstOfPushes(tx: Sql, units: readonly PushUnit[]): Promise<UnitOutcome<PushStart>[]> {
  const devices = await tx.query<{ id: string; last_mutation_id: unknown }>(
    'SELECT id, last_mutation_id FROM devices WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE',
    [units.map((u) => u.deviceId)],
  );
  const lastOf = new Map(devices.map((d) => [d.id, toNumber(d.last_mutation_id)]));
  const planned = units.map((u) => {
    const last = lastOf.get(u.deviceId) ?? 0;
    try {
      return { last, newIds: u.newRecordIds(last) };
    } catch (e) {
      if (e instanceof HubError) return e;
      throw e;
    }
  });
  const wanted = planned.flatMap((p) => (p instanceof HubError ? [] : p.newIds));
  const held = new Set(wanted.length === 0 ? [] : (await tx.query<{ id: string }>('SELECT id FROM records WHERE id = ANY($1::uuid[])', [wanted])).map((r) => r.id));
  return planned.map((p) => (p instanceof HubError ? { ok: false, error: p } : { ok: true, value: { last: p.last, stored: p.newIds.filter((id) => held.has(id)) } }));
}

/** Applies a push in one transaction of its own: all of it, or none if the hub fails. */
export async function applyPush(store: Store, session: DeviceSession, mutations: readonly Mutation[], at: Date, via: 'push' | 'case-file' = 'push'): Promise<PushOutcome> {
  return applyUnit(store, preparePush(session, mutations, at, via));
}

/** Applies a prepared push in a transaction of its own. */
export function applyUnit(store: Store, unit: PushUnit): Promise<PushOutcome> {
  return writeUnit(store, unit);
}

/** A mutation id the hub has seen: the same payload is acknowledged; another one is kept as a conflict. */
async function replay(w: Write, session: DeviceSession, c: Checked): Promise<PushResult> {
  const [seen] = await w.tx.query<{ payload_hash: string; name: string; args: Json; hlc: string }>(
    'SELECT payload_hash, name, args, hlc FROM device_mutations WHERE device_id = $1 AND mutation_id = $2',
    [session.deviceId, c.mutation.id],
  );
  if (!seen || seen.payload_hash === c.hash) return { id: c.mutation.id, outcome: 'duplicate' };
  const known = await w.tx.query('SELECT 1 FROM conflicts WHERE kind = $1 AND mine @> $2::jsonb', ['replay-mismatch', JSON.stringify({ device: session.deviceId, mutationId: c.mutation.id, hash: c.hash })]);
  if (known.length === 0) {
    await insertConflict({ w }, {
      id: randomUUID(), kind: 'replay-mismatch', caseId: null, recordId: null, field: null, district: session.user.district,
      theirs: { device: session.deviceId, mutationId: c.mutation.id, name: seen.name, args: seen.args, hlc: seen.hlc, hash: seen.payload_hash },
      mine: { device: session.deviceId, mutationId: c.mutation.id, name: c.name, args: scrubText(c.mutation.args) as Json, hlc: c.mutation.hlc, hash: c.hash },
      resolvedAt: null, resolution: null, createdAt: w.at.toISOString(),
    });
    await w.audit({ action: 'mutation.replay-mismatch', subject: `device:${session.deviceId}:${c.mutation.id}`, before: seen.args, after: scrubText(c.mutation.args) as Json });
  }
  return { id: c.mutation.id, outcome: 'replay-mismatch', message: `mutation ${c.mutation.id} was sent before with other content; both are kept for the office` };
}

interface PushRun {
  w: Write;
  session: DeviceSession;
  via: 'push' | 'case-file';
  /** Cases locked by this push (see MutationContext.cases). */
  cases: MutationContext['cases'];
  records: RecordBatch;
  /** device_mutations rows, written in one statement at the end. */
  taken: unknown[][];
}

/**
 * The SQL a mutator runs, counted: mutators check everything before they write, so a refusal never
 * needs undoing (no savepoint per mutation). A mutator that breaks that rule fails the whole push
 * (rolled back) rather than leave half a mutation behind.
 */
function countingWrites(tx: Sql): { tx: Sql; writes: () => number } {
  let writes = 0;
  return {
    tx: {
      async query<Row>(text: string, params?: readonly unknown[]) {
        const rows = await tx.query<Row>(text, params);
        if (!/^\s*SELECT\b/i.test(text) && (!/\bRETURNING\b/i.test(text) || rows.length > 0)) writes += 1;
        return rows;
      },
      exec: (text: string) => tx.exec(text),
    },
    writes: () => writes,
  };
}

async function applyOne(run: PushRun, c: Checked): Promise<PushResult> {
  const { w, session, via } = run;
  // Everything but a new record may read records: the ones queued so far go in first.
  if (c.name !== 'addRecord') await run.records.flush(w.tx);
  const counted = countingWrites(w.tx);
  const ctx: MutationContext = { w: { ...w, tx: counted.tx }, session, mutationId: c.mutation.id, hlc: c.mutation.hlc, cases: run.cases, records: run.records };
  // Refused arguments may hold text no store keeps (NUL, lone surrogates): they are kept scrubbed.
  const args = scrubText(c.mutation.args) as Json;
  const take = (outcome: string): void => {
    run.taken.push([session.deviceId, c.mutation.id, c.name, JSON.stringify(args), c.mutation.hlc, c.hash, outcome, w.at.toISOString()]);
  };
  const mark = w.mark();
  try {
    if (c.invalid) throw c.invalid;
    const applied = await (SERVER_MUTATORS[c.name] as (ctx: MutationContext, args: unknown) => ReturnType<(typeof SERVER_MUTATORS)['addRecord']>)(ctx, c.args);
    take('applied');
    await w.audit({ action: `mutation.${c.name}`, subject: applied.subject, before: applied.before, after: { ...(applied.after === null ? {} : { value: applied.after }), mutationId: c.mutation.id, hlc: c.mutation.hlc, via } });
    return { id: c.mutation.id, outcome: 'applied', ...(applied.conflicts > 0 ? { conflicts: applied.conflicts } : {}) };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    if (counted.writes() > 0) throw new Error(`mutator ${c.name} refused after writing: ${e.message}`, { cause: e });
    w.rollbackTo(mark);
    take('rejected');
    await w.tx.query(
      'INSERT INTO rejected_mutations (device_id, mutation_id, user_id, name, args, code, message, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)',
      [session.deviceId, c.mutation.id, session.user.id, c.name, JSON.stringify(args), e.code, e.message, w.at.toISOString()],
    );
    const row = { deviceId: session.deviceId, mutationId: c.mutation.id, user: session.user.username, name: c.name, args, code: e.code, message: e.message, params: e.params, at: w.at.toISOString() };
    w.log('rejected', `${session.deviceId}:${c.mutation.id}`, row, { deviceId: session.deviceId, district: session.user.district });
    await w.audit({ action: 'mutation.rejected', subject: `device:${session.deviceId}:${c.mutation.id}`, after: { name: c.name, code: e.code, message: e.message, via } });
    return { id: c.mutation.id, outcome: 'rejected', code: e.code, message: e.message, params: e.params };
  }
}
