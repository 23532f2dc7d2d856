// Signing a document (加盖电子签章): the device sends which document (kind and id) and the SHA-256 of the
// PDF it made; the hub builds the summary from its own records (never from the device's words), checks the
// user may issue it, signs with the key in force and keeps it in the register of issued documents.
import { z } from 'zod';
import type { Json } from '../../../src-shared/canonicalJson';
import { drawResultSchema } from '../../../src-shared/draw/draw';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { OFFICE_SETTINGS_KEY, officeSettingsSchema } from '../../../src-shared/inspection/officeSettings';
import { signatureStatus, type OnSiteRecord, type OnSiteSignature } from '../../../src-shared/inspection/onSiteRecord';
import type { RefundOrder } from '../../../src-shared/refund/order';
import type { RefundEvent } from '../../../src-shared/refund/tracking';
import type { Publication } from '../../../src-shared/publication/publication';
import { SEALED_KINDS, envelopeOf, summaryMessage, type SealSummary } from '../../../src-shared/seal/envelope';
import { signBytes } from '../../../src-shared/seal/officeKey';
import { drawSummary, onSiteRecordSummary, publicationSummary, refundOrderSummary, reminderSummary, scheduleSummary, type SealContext } from '../../../src-shared/seal/summaries';
import type { DeviceSession } from '../accounts/devices';
import { HubError } from '../errors';
import type { Sql, Store } from '../store/store';
import { writeTransaction } from '../store/writeTransaction';
import type { CaseRow } from '../sync/changes';
import { canReadCase } from '../sync/scope';
import { activeKey } from './officeKeys';

export const sealRequestSchema = z.strictObject({
  kind: z.enum(SEALED_KINDS),
  /** The document's id: the order, the record, the kept ledger, the draw, the publication. */
  ref: z.uuid(),
  /** SHA-256 of the PDF as the device made it, with the box for the QR code and the key's fingerprint. */
  pdf: z.string().regex(/^[0-9a-f]{64}$/),
  /** The fingerprint the device printed: the key in force, else the device must make the PDF again. */
  key: z.string().regex(/^[0-9a-f]{32}$/),
});
export type SealRequest = z.infer<typeof sealRequestSchema>;

export interface Sealed {
  summary: SealSummary;
  envelope: string;
}

const invalid = (reason: string, message: string, params: Record<string, string> = {}) => new HubError(409, 'seal-refused', message, undefined, { reason, params });
const notFound = (what: string) => new HubError(404, 'not-found', `${what} is not on the hub (sync first)`);
const forbidden = (message: string) => new HubError(403, 'forbidden', message);

async function issuerOf(db: Sql): Promise<string> {
  const [row] = await db.query<{ body: unknown }>('SELECT body FROM office_settings WHERE key = $1 ORDER BY id DESC LIMIT 1', [OFFICE_SETTINGS_KEY]);
  const parsed = officeSettingsSchema.safeParse(row?.body);
  return parsed.success ? parsed.data.refund.officeName : '';
}

async function caseOf(db: Sql, session: DeviceSession, caseId: string): Promise<CaseRow> {
  const [c] = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [caseId]);
  if (!c) throw notFound(`case ${caseId}`);
  if (!canReadCase(session, c)) throw forbidden('the case is not in your scope');
  return c;
}

/** A reviewer's documents: the office, or the lead of the district. */
function mayIssue(session: DeviceSession, district: string | null): void {
  const { role, district: own } = session.user;
  if (role === 'office' || (role === 'lead' && (district === null || own === district))) return;
  throw forbidden('only the office or the district lead issues this document');
}

type Builder = (db: Sql, session: DeviceSession, ref: string, c: SealContext) => Promise<SealSummary>;

const BUILDERS: Record<SealRequest['kind'], Builder | null> = {
  'refund-order': async (db, session, ref, c) => {
    const [row] = await db.query<{ body: RefundOrder; district: string }>('SELECT o.body, c.district FROM refund_orders o JOIN cases c ON c.id = o.case_id WHERE o.id = $1', [ref]);
    if (!row) throw notFound(`refund order ${ref}`);
    mayIssue(session, row.district);
    return refundOrderSummary(row.body, c);
  },
  'onsite-record': async (db, session, ref, c) => {
    const [r] = await db.query<{ case_id: string; data: OnSiteRecord }>("SELECT case_id, data FROM records WHERE id = $1 AND kind = 'onSiteRecord'", [ref]);
    if (!r) throw notFound(`on-site record ${ref}`);
    await caseOf(db, session, r.case_id);
    const signatures = (await db.query<{ data: OnSiteSignature }>("SELECT data FROM records WHERE case_id = $1 AND kind = 'onSiteSignature' AND data->>'recordId' = $2", [r.case_id, ref])).map((s) => s.data);
    if (!signatureStatus(r.data, signatures).complete) throw invalid('unsigned-record', `on-site record ${ref} is not fully signed`);
    return onSiteRecordSummary({ id: ref, record: r.data, signatures }, c);
  },
  'overcharge-schedule': async (db, session, ref, c) => {
    const [r] = await db.query<{ case_id: string; data: LedgerCheck; created_at: string }>("SELECT case_id, data, created_at FROM records WHERE id = $1 AND kind = 'ledgerCheck'", [ref]);
    if (!r) throw notFound(`kept ledger ${ref}`);
    const kase = await caseOf(db, session, r.case_id);
    return scheduleSummary({ id: ref, check: r.data, party: { name: kase.entity_name, uscc: kase.uscc }, createdAt: r.created_at.split('~')[0] ?? '' }, c);
  },
  'draw-record': (db, session, ref, c) => drawBuilder(db, session, 'draw-record', ref, c),
  'draw-notice': (db, session, ref, c) => drawBuilder(db, session, 'draw-notice', ref, c),
  publication: async (db, session, ref, c) => {
    const [row] = await db.query<{ body: Publication; plan: string | null }>("SELECT p.body, d.record->'plan'->>'name' AS plan FROM publications p JOIN draws d ON d.id = p.draw_id WHERE p.id = $1", [ref]);
    if (!row) throw notFound(`publication ${ref}`);
    mayIssue(session, null);
    const usccs = new Map((await db.query<{ id: string; uscc: string }>('SELECT id, uscc FROM cases WHERE id = ANY($1::uuid[])', [row.body.entries.map((e) => e.caseId)])).map((r) => [r.id, r.uscc]));
    const entries = row.body.entries.map((e) => ({ uscc: usccs.get(e.caseId) ?? '', category: e.category }));
    return publicationSummary({ id: ref, planName: row.plan ?? '', publishedOn: row.body.publishedOn, channel: row.body.channel, entries }, c);
  },
  'refund-reminder': async (db, session, ref, c) => {
    const [row] = await db.query<{ event: RefundEvent; order: RefundOrder; district: string }>(
      "SELECT e.body AS event, o.body AS order, c.district FROM refund_events e JOIN refund_orders o ON o.id = e.order_id JOIN cases c ON c.id = e.case_id WHERE e.id = $1 AND e.body->>'kind' = 'reminded'", [ref],
    );
    if (!row?.event.reminder) throw notFound(`reminder ${ref}`);
    mayIssue(session, row.district);
    return reminderSummary(row.order, row.event.reminder, c);
  },
};

async function drawBuilder(db: Sql, session: DeviceSession, kind: 'draw-record' | 'draw-notice', ref: string, c: SealContext): Promise<SealSummary> {
  const [row] = await db.query<{ record: unknown; district: string | null }>('SELECT record, district FROM draws WHERE id = $1', [ref]);
  if (!row) throw notFound(`draw ${ref}`);
  mayIssue(session, row.district);
  const record = drawResultSchema.shape.record.parse(row.record);
  return drawSummary(kind, record, c);
}

/** Builds, signs and registers the summary of the document the device made. */
export async function sealDocument(store: Store, sealKey: Uint8Array, session: DeviceSession, request: SealRequest, at: Date): Promise<Sealed> {
  const actor = { userId: session.user.id, deviceId: session.deviceId };
  const key = await activeKey(store, sealKey, actor, at);
  if (request.key !== key.fingerprint) throw invalid('stale-key', `the office key in force is ${key.fingerprint}`, { key: key.fingerprint });
  const context: SealContext = { issuer: await issuerOf(store), key: key.fingerprint, pdf: request.pdf };
  const builder = BUILDERS[request.kind];
  if (!builder) throw invalid('unsupported-kind', `${request.kind} is not signed by this hub`);
  const summary = await builder(store, session, request.ref, context);
  const envelope = envelopeOf(summary, signBytes(key.secretKey, summaryMessage(summary)));
  await writeTransaction(store, actor, at, async (w) => {
    const inserted = await w.tx.query<{ pdf_sha256: string }>(
      'INSERT INTO issued_documents (pdf_sha256, kind, ref, summary, key, issued_by, issued_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) ON CONFLICT (pdf_sha256) DO NOTHING RETURNING pdf_sha256',
      [request.pdf, request.kind, request.ref, JSON.stringify(summary), key.fingerprint, session.user.id, at.toISOString()],
    );
    // The same file signed again gives the same signature (Ed25519 is deterministic): registered once.
    if (inserted.length > 0) await w.audit({ action: 'document.seal', subject: `document:${request.pdf}`, after: summary as unknown as Json });
  });
  return { summary, envelope };
}
