// The hub's side of each mutator: authorise, check frozen state, apply, log the change. A mutator
// throws Rejection for a permanent refusal; push records it in rejected_mutations.
import { approvalProblems } from '../../../src-shared/review/approval';
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../src-shared/canonicalJson';
import { entitySchema, inspectorSchema, type Entity, type Inspector } from '../../../src-shared/domain';
import { listRowKey, type MutatorArgs, type MutatorName } from '../../../src-shared/sync/mutators';
import type { RejectCode } from '../../../src-shared/sync/protocol';
import { editRefusal, mediaOf, recordDataSchemas } from '../../../src-shared/sync/records';
import type { DeviceSession } from '../accounts/devices';
import type { Write } from '../store/writeTransaction';
import { insertRows, toNumber, type Sql } from '../store/store';
import { logCase, logRecord, loadCase, loadRecord, recordFromRow, type CaseRow, type FieldMeta, type RecordRow } from './changes';
import { conflictFromRow, insertConflict } from './conflicts';
import { putListRows, type ListWrite } from './lists';
import { putMapping, putSettings, putTariff } from './reference';
import { commitDevicePlan, recordDeviceDraw } from './draws';
import { issueOrder } from '../refund/orders';
import { recordEvent } from '../refund/events';
import { publish } from '../publication/publish';
import { putFilings as storeFilings } from '../filings/filings';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import { putCreditRule as storeCreditRule, setCreditGrades as applyCreditGrades } from '../credit/credit';
import { openTargetedCase as openTargeted } from '../targeted/openTargetedCase';

export class Rejection extends Error {
  constructor(
    readonly code: RejectCode,
    message: string,
    /** What the client's translation of `code` may name (a field, an issue code, a count). */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export interface MutationContext {
  w: Write;
  /** Cases this transaction has locked, by id: a push touches one case many times. */
  cases: Map<string, CaseRow>;
  /** New records of this push: ids already stored (read once per push) and rows not yet inserted. */
  records: RecordBatch;
  session: DeviceSession;
  mutationId: number;
  hlc: string;
}

export interface Applied {
  subject: string;
  before: Json | null;
  after: Json | null;
  /** Fields that overwrote another device's newer value. */
  conflicts: number;
}

type Mutator<N extends MutatorName> = (ctx: MutationContext, args: MutatorArgs<N>) => Promise<Applied>;

/** May this session write to this case? Inspectors: their own; leads: their district; office: all. */
export function canWriteCase(session: DeviceSession, c: Pick<CaseRow, 'inspectors' | 'district'>): boolean {
  const { user } = session;
  if (user.role === 'office') return true;
  if (user.role === 'lead') return c.district === user.district;
  return user.certNo !== null && c.inspectors.includes(user.certNo);
}

async function writableCase(ctx: MutationContext, caseId: string): Promise<CaseRow> {
  const c = ctx.cases.get(caseId) ?? (await loadCase(ctx.w.tx, caseId, true));
  if (c) ctx.cases.set(caseId, c);
  if (!c) throw new Rejection('not-found', `no case ${caseId}`);
  if (!canWriteCase(ctx.session, c)) throw new Rejection('forbidden', `case ${caseId} is not assigned to ${ctx.session.user.username}`);
  if (c.status === 'approved') throw new Rejection('frozen', `case ${caseId} is approved and frozen`);
  return c;
}

/**
 * A case the session may record in: only the case's team records and signs (a lead or the office reads
 * and reviews, never signs for anyone), and a submitted case takes nothing new until it is returned.
 */
async function teamCase(ctx: MutationContext, caseId: string): Promise<CaseRow> {
  const c = await writableCase(ctx, caseId);
  const { certNo } = ctx.session.user;
  if (certNo === null || !c.inspectors.includes(certNo)) throw new Rejection('forbidden', `only the team of case ${caseId} records in it`, { role: ctx.session.user.role });
  if (c.status === 'submitted') throw new Rejection('frozen', `case ${caseId} is submitted for review`, { status: 'submitted' });
  return c;
}

async function recordOf(ctx: MutationContext, id: string, caseId: string): Promise<RecordRow> {
  const r = await loadRecord(ctx.w.tx, id, true);
  if (!r || r.case_id !== caseId) throw new Rejection('not-found', `no record ${id} in case ${caseId}`);
  return r;
}

function meta(ctx: MutationContext): FieldMeta {
  return { v: ctx.w.version, d: ctx.session.deviceId, u: ctx.session.user.username, n: ctx.session.user.displayName, at: ctx.hlc };
}

/**
 * After a record named blobs: notes that the case names them (who may download them follows from it)
 * and recomputes the case's missing media, logging the case if it changed.
 */
async function refreshMissingMedia(ctx: MutationContext, c: CaseRow, named: string[]): Promise<void> {
  if (named.length === 0) return;
  await ctx.w.tx.query('INSERT INTO blob_refs (sha256, case_id) SELECT DISTINCT unnest($1::text[]), $2::uuid ON CONFLICT DO NOTHING', [named, c.id]);
  const held = await ctx.w.tx.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [named]);
  const heldSet = new Set(held.map((h) => h.sha256));
  const missing = [...new Set([...c.missing_media, ...named.filter((n) => !heldSet.has(n))])].sort();
  if (missing.length === c.missing_media.length) return;
  const [updated] = await ctx.w.tx.query<CaseRow>('UPDATE cases SET missing_media = $2::jsonb, version = $3 WHERE id = $1 RETURNING *', [c.id, JSON.stringify(missing), ctx.w.version]);
  if (updated) {
    ctx.cases.set(updated.id, updated);
    logCase(ctx.w, updated);
  }
}

/**
 * New records are inserted together: a push of 200 findings is one INSERT, not 200. Ids the store
 * holds are read once per push; anything that reads records (edit, sign, resolve) flushes first.
 */
export class RecordBatch {
  private pending: RecordRow[] = [];
  private readonly taken = new Set<string>();

  constructor(stored: Iterable<string>) {
    for (const id of stored) this.taken.add(id);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  add(row: RecordRow): void {
    this.taken.add(row.id);
    this.pending.push(row);
  }

  async flush(tx: Sql): Promise<void> {
    const write = this.drain();
    if (write.rows.length > 0) await insertRows(tx, write.insert, 10, write.rows);
  }

  /** The queued records as one insert, for the transaction's tail (Write.atEnd); the queue is emptied. */
  drain(): { insert: string; rows: unknown[][] } {
    const rows = this.pending.map((r) => [r.id, r.case_id, r.kind, JSON.stringify(r.data), null, r.created_by, r.created_by_name, r.created_at, JSON.stringify(r.field_meta), r.version]);
    this.pending = [];
    return { insert: 'INSERT INTO records (id, case_id, kind, data, signature, created_by, created_by_name, created_at, field_meta, version)', rows };
  }
}

/** Writes a changed record (edit, signature) and logs it. */
async function saveRecord(ctx: MutationContext, r: RecordRow, c: CaseRow): Promise<RecordRow> {
  const params = [r.id, r.case_id, r.kind, JSON.stringify(r.data), r.signature === null ? null : JSON.stringify(r.signature), r.created_by, r.created_at, JSON.stringify(r.field_meta), ctx.w.version];
  const sql = 'UPDATE records SET data = $4::jsonb, signature = $5::jsonb, field_meta = $8::jsonb, version = $9 WHERE id = $1 AND case_id = $2 AND kind = $3 AND created_by = $6 AND created_at = $7 RETURNING *';
  const [saved] = await ctx.w.tx.query<RecordRow>(sql, params);
  if (!saved) throw new Error(`record ${r.id} not saved`);
  logRecord(ctx.w, saved, c.district);
  await refreshMissingMedia(ctx, c, mediaOf(recordFromRow(saved)));
  return saved;
}

/** Whether anyone signed this on-site record (records of this push included). */
async function signedOnSite(ctx: MutationContext, caseId: string, recordId: string): Promise<boolean> {
  await ctx.records.flush(ctx.w.tx);
  const rows = await ctx.w.tx.query<{ id: string }>("SELECT id FROM records WHERE case_id = $1 AND kind = 'onSiteSignature' AND data->>'recordId' = $2 LIMIT 1", [caseId, recordId]);
  return rows.length > 0;
}

/** A signature names an on-site record of the same case. */
async function checkSignedRecord(ctx: MutationContext, caseId: string, recordId: string): Promise<void> {
  await ctx.records.flush(ctx.w.tx);
  const [target] = await ctx.w.tx.query<{ kind: string }>('SELECT kind FROM records WHERE id = $1 AND case_id = $2', [recordId, caseId]);
  if (target?.kind !== 'onSiteRecord') throw new Rejection('invalid', `record ${recordId} is no on-site record of case ${caseId}`, { path: 'data.recordId', issue: 'custom' });
}

const addRecord: Mutator<'addRecord'> = async (ctx, args) => {
  const c = await teamCase(ctx, args.caseId);
  if (ctx.records.has(args.id)) throw new Rejection('exists', `record ${args.id} exists already`);
  if (args.kind === 'onSiteSignature') await checkSignedRecord(ctx, c.id, String((args.data as { recordId?: unknown }).recordId));
  const m = meta(ctx);
  const row: RecordRow = {
    id: args.id, case_id: c.id, kind: args.kind, data: args.data, signature: null, created_by: ctx.session.user.username, created_by_name: ctx.session.user.displayName, created_at: ctx.hlc,
    field_meta: Object.fromEntries(Object.keys(args.data).map((k) => [k, m])), version: ctx.w.version,
  };
  ctx.records.add(row);
  logRecord(ctx.w, row, c.district);
  const media = mediaOf(recordFromRow(row));
  if (media.length > 0) {
    await ctx.records.flush(ctx.w.tx);
    await refreshMissingMedia(ctx, c, media);
  }
  return { subject: `record:${args.id}`, before: null, after: recordFromRow(row) as unknown as Json, conflicts: 0 };
};

const editRecord: Mutator<'editRecord'> = async (ctx, args) => applyEdit(ctx, await teamCase(ctx, args.caseId), args);

/** An edit of a record's fields, by its team or (settling a conflict) by the office or the lead. */
async function applyEdit(ctx: MutationContext, c: CaseRow, args: MutatorArgs<'editRecord'>): Promise<Applied> {
  const r = await recordOf(ctx, args.id, args.caseId);
  if (r.signature !== null) throw new Rejection('frozen', `record ${args.id} is signed and frozen`);
  if (editRefusal(r.kind, r.kind === 'onSiteRecord' && (await signedOnSite(ctx, r.case_id, r.id)))) throw new Rejection('frozen', `record ${args.id} (${r.kind}) is signed on site and frozen`, { kind: r.kind });
  const data = { ...r.data, ...args.changes };
  const valid = recordDataSchemas[r.kind].safeParse(data);
  if (!valid.success) throw new Rejection('invalid', valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const mine = meta(ctx);
  const fieldMeta = { ...r.field_meta };
  let conflicts = 0;
  for (const [field, value] of Object.entries(args.changes)) {
    const theirs = fieldMeta[field];
    // Another device wrote this field after the version this device edited from: keep both.
    if (theirs && theirs.v > args.baseVersion && theirs.d !== mine.d && JSON.stringify(r.data[field]) !== JSON.stringify(value)) {
      conflicts += 1;
      const conflict = {
        id: randomUUID(), kind: 'field' as const, caseId: c.id, recordId: r.id, field, district: c.district,
        theirs: { value: (r.data[field] ?? null) as Json, device: theirs.d, user: theirs.u, ...(theirs.n ? { name: theirs.n } : {}), at: theirs.at, version: theirs.v },
        mine: { value: value as Json, device: mine.d, user: mine.u, ...(mine.n ? { name: mine.n } : {}), at: mine.at, version: mine.v, baseVersion: args.baseVersion },
        resolvedAt: null, resolution: null, createdAt: ctx.w.at.toISOString(),
      };
      await insertConflict(ctx, conflict);
    }
    fieldMeta[field] = mine;
  }
  const saved = await saveRecord(ctx, { ...r, data: valid.data, field_meta: fieldMeta }, c);
  return { subject: `record:${r.id}`, before: r.data as Json, after: saved.data as Json, conflicts };
}

const signRecord: Mutator<'signRecord'> = async (ctx, args) => {
  const c = await teamCase(ctx, args.caseId);
  const r = await recordOf(ctx, args.id, args.caseId);
  if (r.signature !== null) throw new Rejection('frozen', `record ${args.id} is signed already`);
  const saved = await saveRecord(ctx, { ...r, signature: args.signature }, c);
  return { subject: `record:${r.id}`, before: null, after: saved.signature as Json, conflicts: 0 };
};

/** Sets the status; an approval closes the case on the hub's China date of the write (publication counts from it). */
async function setCaseStatus(ctx: MutationContext, c: CaseRow, status: CaseRow['status'], note: string): Promise<Applied> {
  const closedOn = status === 'approved' ? chinaToday(ctx.w.at) : null;
  const [updated] = await ctx.w.tx.query<CaseRow>('UPDATE cases SET status = $2, review_note = $3, closed_on = $5, version = $4 WHERE id = $1 RETURNING *', [c.id, status, note, ctx.w.version, closedOn]);
  if (!updated) throw new Error(`case ${c.id} not updated`);
  ctx.cases.set(updated.id, updated);
  logCase(ctx.w, updated);
  return { subject: `case:${c.id}`, before: { status: c.status, reviewNote: c.review_note }, after: { status, reviewNote: note, ...(closedOn ? { closedOn } : {}) }, conflicts: 0 };
}

const submitCase: Mutator<'submitCase'> = async (ctx, args) => {
  const c = await writableCase(ctx, args.caseId);
  return setCaseStatus(ctx, c, 'submitted', c.review_note);
};

const reviewCase: Mutator<'reviewCase'> = async (ctx, args) => {
  if (ctx.session.user.role === 'inspector') throw new Rejection('forbidden', 'only a lead or the office reviews cases');
  const c = await writableCase(ctx, args.caseId);
  if (args.decision === 'approved') await mayApprove(ctx, c.id);
  return setCaseStatus(ctx, c, args.decision, args.note);
};

/** An approval waits for every conflict about the case settled and every on-site record fully signed. */
async function mayApprove(ctx: MutationContext, caseId: string): Promise<void> {
  const [open] = await ctx.w.tx.query<{ n: unknown }>('SELECT count(*) AS n FROM conflicts WHERE case_id = $1 AND resolved_at IS NULL', [caseId]);
  const records = await ctx.w.tx.query<{ id: string; kind: string; data: Record<string, unknown> }>(
    "SELECT id, kind, data FROM records WHERE case_id = $1 AND kind IN ('onSiteRecord', 'onSiteSignature')", [caseId],
  );
  const [first] = approvalProblems(records, toNumber(open?.n ?? 0));
  if (first) throw new Rejection('invalid', `case ${caseId} cannot be approved: ${first.code}`, { reason: first.code, ...(first.code === 'open-conflicts' ? { count: first.count } : { recordId: first.recordId }) });
}

const resolveConflict: Mutator<'resolveConflict'> = async (ctx, args) => {
  const { user } = ctx.session;
  const [k] = await ctx.w.tx.query<{ id: string; kind: string; case_id: string | null; record_id: string | null; field: string | null; district: string | null; resolved_at: unknown }>(
    'SELECT id, kind, case_id, record_id, field, district, resolved_at FROM conflicts WHERE id = $1 FOR UPDATE',
    [args.conflictId],
  );
  if (!k) throw new Rejection('not-found', `no conflict ${args.conflictId}`);
  if (user.role === 'inspector' || (user.role === 'lead' && k.district !== user.district)) throw new Rejection('forbidden', 'only the office or the district lead resolves conflicts');
  if (k.resolved_at !== null) throw new Rejection('invalid', `conflict ${k.id} is resolved already`);
  let applied: Applied = { subject: `conflict:${k.id}`, before: null, after: args.value as Json, conflicts: 0 };
  if (k.kind === 'field' && k.case_id && k.record_id && k.field) {
    applied = await applyEdit(ctx, await writableCase(ctx, k.case_id), { id: k.record_id, caseId: k.case_id, baseVersion: ctx.w.version, changes: { [k.field]: args.value } });
  }
  if (k.kind === 'list-row' && k.field) applied = await resolveListRow(ctx, k.field, args.value);
  const resolution = { value: args.value as Json, by: user.username, device: ctx.session.deviceId };
  const [row] = await ctx.w.tx.query<Record<string, unknown>>(
    'UPDATE conflicts SET resolved_at = $2, resolution = $3::jsonb, version = $4 WHERE id = $1 RETURNING *',
    [k.id, ctx.w.at.toISOString(), JSON.stringify(resolution), ctx.w.version],
  );
  if (row) ctx.w.log('conflicts', k.id, conflictFromRow(row) as unknown as Json, { district: k.district ?? '' });
  return { ...applied, subject: `conflict:${k.id}` };
};

/** A list-row conflict is settled by the row the office chose (either value, or one it wrote). */
async function resolveListRow(ctx: MutationContext, field: string, value: unknown): Promise<Applied> {
  const kind = field.startsWith('entities:') ? 'entities' : 'inspectors';
  const parsed = (kind === 'entities' ? entitySchema.strict() : inspectorSchema.strict()).safeParse(value);
  if (!parsed.success || `${kind}:${listRowKey(parsed.data)}` !== field) throw new Rejection('invalid', `the value does not settle ${field}: a whole row of that key is expected`, { path: 'value', issue: 'invalid_type' });
  const how: ListWrite = { action: 'edit', deviceId: ctx.session.deviceId, userId: ctx.session.user.id, username: ctx.session.user.username, name: ctx.session.user.displayName, hlc: ctx.hlc };
  return kind === 'entities' ? putListRows(ctx.w, 'entities', [parsed.data as Entity], how) : putListRows(ctx.w, 'inspectors', [parsed.data as Inspector], how);
}


function officeOnly(ctx: MutationContext): void {
  if (ctx.session.user.role !== 'office') throw new Rejection('forbidden', 'only the office changes the lists');
}

function listWrite(ctx: MutationContext, args: MutatorArgs<'putEntities'> | MutatorArgs<'putInspectors'>): ListWrite {
  const { session } = ctx;
  return { action: args.action, baseVersions: args.baseVersions, deviceId: session.deviceId, userId: session.user.id, username: session.user.username, name: session.user.displayName, hlc: ctx.hlc };
}

const putEntities: Mutator<'putEntities'> = async (ctx, args) => {
  officeOnly(ctx);
  return putListRows(ctx.w, 'entities', args.rows, listWrite(ctx, args));
};

const putInspectors: Mutator<'putInspectors'> = async (ctx, args) => {
  officeOnly(ctx);
  return putListRows(ctx.w, 'inspectors', args.rows, listWrite(ctx, args));
};

const putTariffTable: Mutator<'putTariffTable'> = async (ctx, args) => {
  officeOnly(ctx);
  return putTariff(ctx.w, args.table, args.source, ctx.session.user);
};

/** The office alone sets what every inspection chooses from (finding types, bases, periods, tile source). */
const putOfficeSettings: Mutator<'putOfficeSettings'> = async (ctx, args) => {
  officeOnly(ctx);
  return putSettings(ctx.w, args.settings, ctx.session.user);
};

/** Anyone confirms a ledger's columns (an inspector on site, the office at its desk); every device gets it. */
const putLedgerMapping: Mutator<'putLedgerMapping'> = async (ctx, args) => putMapping(ctx.w, args.landlord, args.mapping, ctx.session.user.id);

/** A refund order for an approved case (src-main/hub/refund/orders.ts); an approved case is frozen for records, not for its orders. */
const issueRefundOrder: Mutator<'issueRefundOrder'> = async (ctx, args) => {
  const c = ctx.cases.get(args.order.caseId) ?? (await loadCase(ctx.w.tx, args.order.caseId, true));
  if (!c || !canWriteCase(ctx.session, c)) throw new Rejection('not-found', `no case ${args.order.caseId}`);
  return issueOrder(ctx.w, ctx.session, c, args.order);
};

/** A refund paid, verified, or a tenant unreachable (src-main/hub/refund/events.ts). */
const recordRefundEvent: Mutator<'recordRefundEvent'> = async (ctx, args) => recordEvent(ctx.w, ctx.session, args.event);

/** The office publishes the results of a draw's closed cases (src-main/hub/publication/publish.ts). */
const publishResults: Mutator<'publishResults'> = async (ctx, args) => publish(ctx.w, ctx.session, args.publication);

/** A plan committed before its seed on an office or lead device (src-main/hub/sync/draws.ts). */
const commitPlan: Mutator<'commitPlan'> = async (ctx, args) => commitDevicePlan(ctx.w, ctx.session, args);

/** A draw made on an office or lead device, kept whole (src-main/hub/sync/draws.ts). */
const recordDraw: Mutator<'recordDraw'> = async (ctx, args) => recordDeviceDraw(ctx.w, ctx.session, args);

/** The office opens a complaint or screening case outside the draw, or attaches it to the target's open case (src-main/hub/targeted/). */
const openTargetedCase: Mutator<'openTargetedCase'> = async (ctx, args) => {
  const { row, applied } = await openTargeted(ctx.w, ctx.session, args);
  ctx.cases.set(row.id, row);
  return applied;
};

/** Screened monthly filings from the office (src-main/hub/filings/filings.ts). */
const putFilings: Mutator<'putFilings'> = async (ctx, args) => storeFilings(ctx.w, ctx.session, args);

/** The office's credit rule, a senseless one refused with the reason (src-main/hub/credit/credit.ts). */
const putCreditRule: Mutator<'putCreditRule'> = async (ctx, args) => storeCreditRule(ctx.w, ctx.session, args.rule);

/** Grade changes the office applies: the list rows' credit and the grade history (src-main/hub/credit/credit.ts). */
const setCreditGrades: Mutator<'setCreditGrades'> = async (ctx, args) => applyCreditGrades(ctx.w, ctx.session, args.changes, ctx.hlc);

export const SERVER_MUTATORS: { [N in MutatorName]: Mutator<N> } = {
  addRecord,
  editRecord,
  signRecord,
  submitCase,
  reviewCase,
  resolveConflict,
  putEntities,
  putInspectors,
  putTariffTable,
  putLedgerMapping,
  putOfficeSettings,
  issueRefundOrder,
  recordRefundEvent,
  publishResults,
  commitPlan,
  recordDraw,
  openTargetedCase,
  putFilings,
  putCreditRule,
  setCreditGrades,
};
