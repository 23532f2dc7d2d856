// The laptop's side of each mutator: change the local tables and queue the mutation, in ONE
// transaction. Refusals the hub would make for frozen records are made here first, with the reason.
import { approvalProblems, type ApprovalProblem } from '../../src-shared/review/approval';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { v7 as uuidv7 } from 'uuid';
import { editRefusal, recordDataSchemas, type RecordKind, type Signature } from '../../src-shared/sync/records';
import type { LocalRecord, TariffDb } from '../db/db';
import { readAccount } from './account';
import { appendMutation, nextHlc } from './outbox';

export class LocalRefusal extends Error {
  override readonly name = 'LocalRefusal';
  constructor(
    readonly code: 'not-enrolled' | 'not-found' | 'frozen' | 'submitted' | 'not-team' | 'not-approvable' | 'not-approved' | 'not-publishable' | 'draw-not-here',
    message: string,
    /** Why an approval is refused (code 'not-approvable'). */
    readonly problems: readonly ApprovalProblem[] = [],
  ) {
    super(message);
  }
}

function tables(db: TariffDb) {
  return [db.cases, db.records, db.outbox, db.settings, db.hubConflicts];
}

async function username(db: TariffDb): Promise<string> {
  const account = await readAccount(db);
  if (!account) throw new LocalRefusal('not-enrolled', 'this device is not enrolled at a hub');
  return account.user.username;
}

async function openCase(db: TariffDb, caseId: string) {
  const c = await db.cases.get(caseId);
  if (!c) throw new LocalRefusal('not-found', `no case ${caseId}`);
  if (c.status === 'approved') throw new LocalRefusal('frozen', 'the case is approved and frozen');
  return c;
}

/**
 * A case this device's user may record in, as the hub rules (src-main/hub/sync/mutators.ts teamCase):
 * only the team records and signs, and a submitted case takes nothing new until it is returned.
 */
async function teamCase(db: TariffDb, caseId: string) {
  const c = await openCase(db, caseId);
  const certNo = (await readAccount(db))?.user.certNo ?? null;
  if (certNo === null || !c.inspectors.includes(certNo)) throw new LocalRefusal('not-team', `only the team of case ${caseId} records in it`);
  if (c.status === 'submitted') throw new LocalRefusal('submitted', 'the case is submitted for review');
  return c;
}

/** Whether anyone signed this on-site record on this device (or the hub's copy pulled here). */
async function signedOnSite(db: TariffDb, caseId: string, recordId: string): Promise<boolean> {
  const records = await db.records.where('caseId').equals(caseId).toArray();
  return records.some((x) => x.kind === 'onSiteSignature' && x.data.recordId === recordId);
}

async function unsignedRecord(db: TariffDb, id: string): Promise<LocalRecord> {
  const r = await db.records.get(id);
  if (!r) throw new LocalRefusal('not-found', `no record ${id}`);
  if (r.signature) throw new LocalRefusal('frozen', 'the record is signed and frozen');
  return r;
}

export async function addRecord<K extends RecordKind>(db: TariffDb, caseId: string, kind: K, data: unknown, id = uuidv7()): Promise<string> {
  const checked = recordDataSchemas[kind].parse(data) as Record<string, unknown>;
  const by = await username(db);
  await db.transaction('rw', tables(db), async () => {
    await teamCase(db, caseId);
    if (kind === 'onSiteSignature') {
      const target = await db.records.get(String(checked.recordId));
      if (target?.kind !== 'onSiteRecord' || target.caseId !== caseId) throw new LocalRefusal('not-found', `no on-site record ${String(checked.recordId)} in case ${caseId}`);
    }
    const hlc = await nextHlc(db);
    await appendMutation(db, 'addRecord', { id, caseId, kind, data: checked }, hlc, { caseId, recordId: id });
    const record = { id, caseId, kind, data: checked, signature: null, createdBy: by, createdByName: (await readAccount(db))?.user.displayName ?? by, createdAt: hlc, version: 0 };
    await db.records.add(record);
  });
  return id;
}

export async function editRecord(db: TariffDb, id: string, changes: Record<string, unknown>): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const r = await unsignedRecord(db, id);
    await teamCase(db, r.caseId);
    if (editRefusal(r.kind, r.kind === 'onSiteRecord' && (await signedOnSite(db, r.caseId, r.id)))) throw new LocalRefusal('frozen', `record ${id} is signed on site`);
    const data = recordDataSchemas[r.kind].parse({ ...r.data, ...changes }) as Record<string, unknown>;
    const hlc = await nextHlc(db);
    await appendMutation(db, 'editRecord', { id, caseId: r.caseId, baseVersion: r.version, changes }, hlc, { caseId: r.caseId, recordId: id });
    await db.records.update(id, { data });
  });
}

export async function signRecord(db: TariffDb, id: string, signature: Signature): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const r = await unsignedRecord(db, id);
    await teamCase(db, r.caseId);
    await appendMutation(db, 'signRecord', { id, caseId: r.caseId, signature }, await nextHlc(db), { caseId: r.caseId, recordId: id });
    await db.records.update(id, { signature });
  });
}

export async function submitCase(db: TariffDb, caseId: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await openCase(db, caseId);
    await appendMutation(db, 'submitCase', { caseId }, await nextHlc(db), { caseId });
    await db.cases.update(caseId, { status: 'submitted' });
  });
}

/**
 * Approves (frozen from then on) or returns the case to its team. An approval is refused here, with the
 * reasons, while a conflict about the case is open or an on-site record is not fully signed.
 */
export async function reviewCase(db: TariffDb, caseId: string, decision: 'approved' | 'returned', note: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await openCase(db, caseId);
    if (decision === 'approved') {
      const open = await db.hubConflicts.filter((k) => k.row.caseId === caseId && !k.row.resolvedAt && !k.row.resolution).count();
      const problems = approvalProblems(await db.records.where('caseId').equals(caseId).toArray(), open);
      if (problems.length > 0) throw new LocalRefusal('not-approvable', `case ${caseId} cannot be approved`, problems);
    }
    await appendMutation(db, 'reviewCase', { caseId, decision, note }, await nextHlc(db), { caseId });
    // An approval closes the case today (China date); the hub's own date of the write comes back by pull.
    await db.cases.update(caseId, { status: decision, reviewNote: note, closedOn: decision === 'approved' ? chinaToday(new Date()) : null });
  });
}

export async function resolveConflict(db: TariffDb, conflictId: string, value: unknown): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const k = await db.hubConflicts.get(conflictId);
    if (!k) throw new LocalRefusal('not-found', `no conflict ${conflictId}`);
    const recordId = typeof k.row.recordId === 'string' ? k.row.recordId : null;
    await appendMutation(db, 'resolveConflict', { conflictId, value }, await nextHlc(db), { caseId: typeof k.row.caseId === 'string' ? k.row.caseId : null, recordId });
    await db.hubConflicts.update(conflictId, { row: { ...k.row, resolution: { value, pending: true } } });
  });
}
