// One sync round: push the outbox in order until the hub has acknowledged all of it, then pull in
// pages while the outbox stays empty, then compare per-case checksums (DESIGN.md "Sync protocol").
import type { Entity, Inspector } from '../../src-shared/domain';
import type { StoredFiling } from '../../src-shared/filings/stored';
import type { StoredCreditChange } from '../../src-shared/credit/change';
import type { PulledCreditRule } from '../../src-shared/credit/pulled';
import { putPulledCreditChange } from './creditMutators';
import { parsePulled, pulledCaseSchema, pulledRecordSchema, type PulledMapping, type PulledOfficeSettings, type PulledPublication, type PulledRefundEvent, type PulledRefundOrder, type PulledTariff, type RefusedRow } from '../../src-shared/sync/pulled';
import { caseChecksum } from '../../src-shared/sync/checksum';
import { BLOB_CHUNK, PULL_PAGE, PUSH_MAX, type Change } from '../../src-shared/sync/protocol';
import type { LocalCase, LocalRecord, TariffDb } from '../db/db';
import { columnOf, putColumnRows } from '../db/listColumn';
import { historyEntries } from '../db/listHistory';
import { readCursor, SYNC_KEYS } from './account';
import { SyncError, type HubClient } from './hubClient';
import { dropLinkedHere, dropRefusedTargeted } from './targetedMutators';

export interface SyncProgress {
  phase: 'upload' | 'push' | 'pull' | 'verify';
  done: number;
  total: number;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  rejected: number;
  /** Fields that overwrote another device's value, and replays the hub kept as conflicts. */
  conflicts: number;
  clockSkewMs: number | null;
  /** Cases whose checksum still differs from the hub's after a re-fetch. */
  mismatched: string[];
  /** Pulled rows that failed their schema: not stored, listed for the user (and kept in settings). */
  refused: RefusedRow[];
}

export interface SyncOptions {
  onProgress?: (p: SyncProgress) => void;
  now?: () => Date;
  pageSize?: number;
}

export async function syncOnce(db: TariffDb, client: HubClient, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, rejected: 0, conflicts: 0, clockSkewMs: null, mismatched: [], refused: [] };
  // Cases whose pulled change was left alone for unpushed work stay to be checked until they match.
  const touched = new Set<string>(await unverified(db));
  // Push, pull, and push again if the inspector wrote something meanwhile: they are never blocked.
  for (let round = 0; round < 5; round++) {
    await uploadBlobs(db, client, options);
    await pushAll(db, client, report, touched, options);
    const done = await pullAll(db, client, report, touched, options);
    if (done) break;
  }
  await verify(db, client, [...touched], report, options);
  return report;
}

/** Photos and signatures first, so the mutations naming them find them; resumed where the hub stopped. */
async function uploadBlobs(db: TariffDb, client: HubClient, options: SyncOptions): Promise<void> {
  // Keys from the index only: the photos' bytes are read one at a time, when uploaded.
  const waiting = await db.blobs.where('pending').equals(1).primaryKeys();
  for (const [i, sha] of waiting.entries()) {
    const blob = await db.blobs.get(sha);
    if (!blob) continue;
    options.onProgress?.({ phase: 'upload', done: i, total: waiting.length });
    let { state, offset } = await client.blobStatus(sha);
    while (state !== 'complete') {
      const chunk = blob.bytes.subarray(offset, offset + BLOB_CHUNK);
      ({ state, offset } = await client.putBlobChunk(sha, offset, blob.bytes.byteLength, chunk));
    }
    await db.blobs.update(sha, { uploaded: true, pending: undefined });
  }
}

/** Bytes of a push body the client aims under (the hub refuses bodies over 1 MiB). */
export const PUSH_BODY_TARGET = 768 * 1024;

/** The longest prefix of the batch whose push body stays under PUSH_BODY_TARGET (at least one mutation). */
export function fitBody<T extends { args: unknown }>(batch: T[]): T[] {
  let bytes = 64;
  for (let i = 0; i < batch.length; i++) {
    bytes += new TextEncoder().encode(JSON.stringify(batch[i]!.args)).length + 160;
    if (bytes > PUSH_BODY_TARGET && i > 0) return batch.slice(0, i);
  }
  return batch;
}

async function pushAll(db: TariffDb, client: HubClient, report: SyncReport, touched: Set<string>, options: SyncOptions): Promise<void> {
  const total = await db.outbox.count();
  let done = 0;
  for (;;) {
    const batch = fitBody(await db.outbox.orderBy('id').limit(PUSH_MAX).toArray());
    if (batch.length === 0) return;
    options.onProgress?.({ phase: 'push', done, total: Math.max(total, done + batch.length) });
    const mutations = batch.map(({ id, name, args, hlc }) => ({ id, name, args, hlc }));
    let response;
    try {
      response = await client.push(mutations, (options.now?.() ?? new Date()).toISOString());
    } catch (e) {
      // The hub wants earlier ids than the outbox holds: they were lost here; nothing can resend them.
      if (e instanceof SyncError && e.kind === 'gap') throw new SyncError('gap', `the hub expects mutation ${e.expected ?? '?'} but this device's outbox starts at ${batch[0]?.id ?? '?'}`);
      throw e;
    }
    report.clockSkewMs = response.clockSkewMs;
    await db.transaction('rw', [db.outbox, db.hubRejected], async () => {
      for (const r of response.results) {
        const row = batch.find((m) => m.id === r.id);
        if (row?.caseId) touched.add(row.caseId);
        if (r.outcome === 'applied' || r.outcome === 'duplicate') report.pushed += 1;
        if (r.outcome === 'rejected' && row) {
          report.rejected += 1;
          // Kept until the hub's copy arrives by pull: the user sees what was refused and why.
          await db.hubRejected.put({ key: `local:${row.id}`, version: 0, row: { mutationId: row.id, name: row.name, args: row.args, code: r.code, message: r.message, params: r.params ?? {} } });
        }
        if (r.outcome === 'replay-mismatch') report.conflicts += 1;
        report.conflicts += r.conflicts ?? 0;
      }
      await db.outbox.where('id').belowOrEqual(response.lastMutationId).delete();
    });
    done += batch.length;
  }
}

/** Pulls every page; false when the outbox filled meanwhile (push first, then pull on). */
async function pullAll(db: TariffDb, client: HubClient, report: SyncReport, touched: Set<string>, options: SyncOptions): Promise<boolean> {
  let total: number | null = null;
  let done = 0;
  for (;;) {
    if ((await db.outbox.count()) > 0) return false;
    const cursor = await readCursor(db);
    const page = await client.pull(cursor, options.pageSize ?? PULL_PAGE);
    total ??= page.remaining;
    const applied = await applyPage(db, page.changes, page.cursor, touched);
    if (applied === null) return false;
    report.refused.push(...applied);
    report.pulled += page.changes.length;
    done += page.changes.length;
    options.onProgress?.({ phase: 'pull', done, total: Math.max(total, done) });
    if (!page.more) return true;
  }
}

/**
 * Applies one page and its cursor in one transaction; rows with unpushed local work are left alone.
 * Every row is parsed with the shared schemas first: one that fails is not stored but returned (and
 * kept under {@link REFUSED_KEY} for the sync page), so a bad row never blocks the pages behind it.
 * Null when the page was left for after the next push (reference data written meanwhile).
 */
export async function applyPage(db: TariffDb, changes: readonly Change[], cursor: string, touched: Set<string> = new Set()): Promise<RefusedRow[] | null> {
  const refused: RefusedRow[] = [];
  let kept = false;
  const tables = [db.cases, db.records, db.entities, db.inspectors, db.listChunks, db.listTotals, db.listHistory, db.rowVersions, db.tariffs, db.ledgerMappings, db.officeSettings, db.refundOrders, db.refundEvents, db.publications, db.filings, db.creditRules, db.creditChanges, db.hubConflicts, db.hubRejected, db.hubDraws, db.outbox, db.settings];
  await db.transaction('rw', tables, async () => {
    const pending = await db.outbox.toArray();
    // Reference data written here since the push (a list row, the tariff table) must reach the hub
    // before the hub's older copy may land: the page is left for after the next push (cursor kept).
    if (pending.some((m) => REFERENCE_MUTATORS.has(m.name)) && changes.some((c) => REFERENCE_TABLES.has(c.table))) {
      kept = true;
      return;
    }
    const busyCases = new Set(pending.map((m) => m.caseId));
    const busyRecords = new Set(pending.map((m) => m.recordId));
    const skipped = new Set<string>();
    const listRows: Change[] = [];
    for (const change of changes) {
      const parsed = parsePulled(change);
      if (!parsed.ok) refused.push(parsed.refused);
      // List rows go in together at the end (a 3,841-row list is a few requests, not four per row).
      else if (change.table === 'entities' || change.table === 'inspectors') listRows.push({ ...change, row: parsed.row as Change['row'] });
      else await applyChange(db, { ...change, row: parsed.row as Change['row'] }, busyCases, busyRecords, touched, skipped);
    }
    await putPulledListRows(db, 'entities', listRows.filter((c) => c.table === 'entities'));
    await putPulledListRows(db, 'inspectors', listRows.filter((c) => c.table === 'inspectors'));
    // The cursor moves past what was skipped: remember those cases until a checksum confirms them.
    if (skipped.size > 0) await db.settings.put({ key: UNVERIFIED, value: [...new Set([...(await unverified(db)), ...skipped])] });
    if (refused.length > 0) await db.settings.put({ key: REFUSED_KEY, value: [...(await refusedRows(db)), ...refused].slice(-200) });
    await db.settings.put({ key: SYNC_KEYS.cursor, value: cursor });
  });
  return kept ? null : refused;
}

const REFERENCE_MUTATORS = new Set(['putEntities', 'putInspectors', 'putTariffTable', 'putLedgerMapping', 'putOfficeSettings', 'putFilings', 'putCreditRule', 'setCreditGrades']);
const REFERENCE_TABLES = new Set<Change['table']>(['entities', 'inspectors', 'tariffs', 'ledgerMappings', 'officeSettings', 'filings', 'creditRules', 'creditChanges']);

/** Where the last 200 refused pulled rows are kept for the sync page. */
export const REFUSED_KEY = 'sync.refusedRows';

export async function refusedRows(db: TariffDb): Promise<RefusedRow[]> {
  const value = (await db.settings.get(REFUSED_KEY))?.value;
  return Array.isArray(value) ? (value as RefusedRow[]) : [];
}

const UNVERIFIED = 'sync.unverified';

async function unverified(db: TariffDb): Promise<string[]> {
  const value = (await db.settings.get(UNVERIFIED))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

async function markVerified(db: TariffDb, caseId: string): Promise<void> {
  const left = (await unverified(db)).filter((id) => id !== caseId);
  await db.settings.put({ key: UNVERIFIED, value: left });
}

/**
 * List rows from the hub, each with its version (the base of this device's next edit of it). A row that
 * differs from the one here gets a history entry naming the hub as its source, so the laptop's list
 * history shows edits from other devices too; the same row coming back only updates its version.
 */
async function putPulledListRows(db: TariffDb, kind: 'entities' | 'inspectors', changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const latest = new Map<string, Change>();
  for (const c of changes) latest.set(c.key, c);
  const keys = [...latest.keys()];
  const table = (kind === 'entities' ? db.entities : db.inspectors) as unknown as TariffDb['entities'];
  const before = await table.bulkGet(keys);
  const at = new Date().toISOString();
  const changed = keys.flatMap((key, i) => {
    const row = latest.get(key)!.row as unknown as Entity & Inspector;
    return JSON.stringify(before[i]) === JSON.stringify(row) ? [] : [{ key, row, before: before[i] ?? null }];
  });
  if (changed.length > 0) {
    await db.listHistory.bulkAdd(historyEntries({ kind, at, by: 'hub', action: 'sync' }, changed.map((c) => ({ key: c.key, before: c.before, after: c.row }))));
    await table.bulkPut(changed.map((c) => c.row));
    await putColumnRows(columnOf(db), kind, changed.map((c) => c.row));
  }
  await db.rowVersions.bulkPut(keys.map((key) => ({ id: `${kind}:${key}`, version: latest.get(key)!.version })));
}

/** Applies one change whose row has passed its schema (parsePulled). */
async function applyChange(db: TariffDb, change: Change, busyCases: Set<string | null>, busyRecords: Set<string | null>, touched: Set<string>, skipped: Set<string>): Promise<void> {
  const row = change.row;
  const hubRow = { key: change.key, version: change.version, row };
  switch (change.table) {
    case 'cases':
      touched.add(change.key);
      if (busyCases.has(change.key)) skipped.add(change.key);
      else await db.cases.put(row as unknown as LocalCase);
      await dropLinkedHere(db, row as unknown as LocalCase);
      return;
    case 'records':
      if (typeof row.caseId === 'string') touched.add(row.caseId);
      if (!busyRecords.has(change.key)) {
        await db.records.put(row as unknown as LocalRecord);
      } else if (typeof row.caseId === 'string') skipped.add(row.caseId);
      return;
    case 'entities':
    case 'inspectors':
      await putPulledListRows(db, change.table, [change]);
      return;
    case 'tariffs': {
      const t = row as unknown as PulledTariff;
      await db.tariffs.clear();
      await db.tariffs.put({ id: t.id, table: t.table, storedAt: t.storedAt, by: t.by, source: t.source });
      return;
    }
    case 'ledgerMappings': {
      const m = row as unknown as PulledMapping;
      await db.ledgerMappings.put({ landlord: m.landlord, mapping: m.mapping, savedAt: m.savedAt });
      return;
    }
    case 'officeSettings': {
      const o = row as unknown as PulledOfficeSettings;
      await db.officeSettings.put({ key: o.key, settings: o.settings, savedAt: o.savedAt, by: o.by });
      return;
    }
    case 'refundOrders': {
      const o = row as unknown as PulledRefundOrder;
      await db.refundOrders.put({ id: o.id, caseId: o.caseId, order: o.order, issuedBy: o.issuedBy, issuedAt: o.issuedAt });
      return;
    }
    case 'refundEvents': {
      const e = row as unknown as PulledRefundEvent;
      await db.refundEvents.put({ id: e.id, orderId: e.event.orderId, caseId: e.caseId, event: e.event, by: e.by, at: e.at });
      return;
    }
    case 'publications': {
      const p = row as unknown as PulledPublication;
      await db.publications.put({ id: p.id, drawId: p.drawId, publication: p.publication, by: p.by, at: p.at, version: p.version });
      return;
    }
    case 'filings':
      await db.filings.put(row as unknown as StoredFiling);
      return;
    case 'creditRules':
      await db.creditRules.put(row as unknown as PulledCreditRule);
      return;
    case 'creditChanges':
      await putPulledCreditChange(db, row as unknown as StoredCreditChange);
      return;
    case 'conflicts':
      await db.hubConflicts.put(hubRow);
      return;
    case 'rejected':
      await db.hubRejected.put(hubRow);
      if (typeof row.mutationId === 'number') await db.hubRejected.delete(`local:${row.mutationId}`);
      await dropRefused(db, row);
      await dropRefusedTargeted(db, row);
      return;
    case 'draws':
      await db.hubDraws.put(hubRow);
      return;
  }
}

/**
 * A refund order or event the hub refused leaves this device's tables (a refused record is fetched back
 * by its case's checksum; orders and events have none): the refusal stays listed on 同步 with its reason,
 * and an order refused frees its ledger for a corrected one.
 */
async function dropRefused(db: TariffDb, row: Record<string, unknown>): Promise<void> {
  const args = (row.args ?? {}) as { order?: { id?: unknown }; event?: { id?: unknown } };
  if (row.name === 'issueRefundOrder' && typeof args.order?.id === 'string') {
    const kept = await db.refundOrders.get(args.order.id);
    if (kept && kept.order.docNo === '') await db.refundOrders.delete(args.order.id);
  }
  if (row.name === 'recordRefundEvent' && typeof args.event?.id === 'string') await db.refundEvents.delete(args.event.id);
  // A publication refused leaves the cases it listed to publish again (the hub's own copy is never dropped).
  const publication = (row.args as { publication?: { id?: unknown } } | undefined)?.publication;
  if (row.name === 'publishResults' && typeof publication?.id === 'string' && (await db.publications.get(publication.id))?.version === 0) await db.publications.delete(publication.id);
}

export async function localChecksum(db: TariffDb, caseId: string): Promise<string | null> {
  const c = await db.cases.get(caseId);
  if (!c) return null;
  return caseChecksum(c, await db.records.where('caseId').equals(caseId).toArray());
}

/** Compares the touched cases with the hub; a case that differs (after a rejection, say) is fetched whole. */
async function verify(db: TariffDb, client: HubClient, caseIds: string[], report: SyncReport, options: SyncOptions): Promise<void> {
  if ((await db.outbox.count()) > 0) return;
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    options.onProgress?.({ phase: 'verify', done: i, total: caseIds.length });
    const theirs = await client.checksums(chunk);
    for (const id of chunk) {
      if (theirs[id] === undefined) {
        await markVerified(db, id);
        continue;
      }
      if ((await localChecksum(db, id)) === theirs[id]) {
        await markVerified(db, id);
        continue;
      }
      const whole = await client.fetchCase(id);
      const parsedCase = pulledCaseSchema.safeParse(whole.case);
      const parsedRecords = whole.records.map((r) => pulledRecordSchema.safeParse(r));
      if (!parsedCase.success || parsedRecords.some((r) => !r.success)) {
        report.mismatched.push(id);
        continue;
      }
      await db.transaction('rw', [db.cases, db.records, db.outbox], async () => {
        if ((await db.outbox.where('caseId').equals(id).count()) > 0) return;
        await db.records.where('caseId').equals(id).delete();
        await db.cases.put(parsedCase.data);
        const records = parsedRecords.flatMap((r) => (r.success ? [r.data as LocalRecord] : []));
        await db.records.bulkPut(records);
      });
      if ((await localChecksum(db, id)) !== theirs[id]) report.mismatched.push(id);
      else await markVerified(db, id);
    }
  }
}
