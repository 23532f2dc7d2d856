// What the office signs (电子签章): a short canonical summary of a document — its kind and number, the
// issuing office, its date, the parties, the figures that matter (amounts, counts, deadlines) and the
// SHA-256 of the PDF as issued — and the text a QR code carries: `TC1.<signature>.<summary JSON>`.
// The summary is readable as it stands, so a tenant who scans the code sees what was issued; the
// signature (Ed25519 over a domain tag and the canonical JSON) says the office's key issued exactly that.
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { fromBase64Url, signBytes, toBase64Url, verifyBytes, type OfficePublicKey } from './officeKey';

export const SEALED_KINDS = ['refund-order', 'onsite-record', 'overcharge-schedule', 'publication', 'draw-record', 'draw-notice', 'refund-reminder'] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

const short = z.string().min(1).max(120);

export const sealSummarySchema = z.strictObject({
  v: z.literal(1),
  kind: z.enum(SEALED_KINDS),
  /** The document number (文号), or the record's own number where a document has none. */
  no: short,
  title: short,
  /** The issuing office (办案机构). */
  issuer: short,
  /** The document's date, in China. */
  date: z.iso.date(),
  parties: z.array(z.strictObject({ name: short, id: z.string().max(40) })).max(4),
  /** Amounts, counts and dates as printed ("12,345.67 元"). */
  figures: z.array(z.strictObject({ label: short, value: z.string().max(200) })).max(10),
  /** SHA-256 of the PDF before its signature was added (pdfSeal.ts). */
  pdf: z.string().regex(/^[0-9a-f]{64}$/),
  /** Fingerprint of the signing key (officeKey.ts). */
  key: z.string().regex(/^[0-9a-f]{32}$/),
});
export type SealSummary = z.infer<typeof sealSummarySchema>;

const PREFIX = 'TC1.';
const SIGNATURE_CHARS = 86;
const DOMAIN_TAG = 'TariffCheck seal v1\n';

export function canonicalSummary(summary: SealSummary): string {
  return canonicalJson(summary);
}

function message(summaryJson: string): Uint8Array {
  return new TextEncoder().encode(DOMAIN_TAG + summaryJson);
}

/** The QR text of a summary signed with `secretKey`. */
export function signSummary(summary: SealSummary, secretKey: Uint8Array): string {
  const json = canonicalSummary(summary);
  return `${PREFIX}${toBase64Url(signBytes(secretKey, message(json)))}.${json}`;
}

/** The envelope of a summary and a signature made elsewhere (the hub). */
export function envelopeOf(summary: SealSummary, signature: Uint8Array): string {
  return `${PREFIX}${toBase64Url(signature)}.${canonicalSummary(summary)}`;
}

export type EnvelopeProblem =
  | { code: 'not-seal' }
  | { code: 'malformed'; detail: string }
  | { code: 'unknown-key'; key: string }
  | { code: 'bad-signature' };

export interface DecodedEnvelope {
  summary: SealSummary;
  signature: Uint8Array;
  /** The summary's JSON exactly as carried (checked to be canonical). */
  json: string;
}

export type Decoded = { ok: true; envelope: DecodedEnvelope } | { ok: false; problem: EnvelopeProblem };

export function decodeEnvelope(text: string): Decoded {
  const t = text.trim();
  if (!t.startsWith(PREFIX)) return { ok: false, problem: { code: 'not-seal' } };
  const sig = t.slice(PREFIX.length, PREFIX.length + SIGNATURE_CHARS);
  const json = t.slice(PREFIX.length + SIGNATURE_CHARS + 1);
  if (!/^[A-Za-z0-9_-]{86}$/.test(sig) || t[PREFIX.length + SIGNATURE_CHARS] !== '.') return { ok: false, problem: { code: 'malformed', detail: 'signature' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, problem: { code: 'malformed', detail: 'summary is not JSON' } };
  }
  const summary = sealSummarySchema.safeParse(parsed);
  if (!summary.success) return { ok: false, problem: { code: 'malformed', detail: summary.error.issues.map((i) => i.path.join('.') || i.message).join(', ') } };
  // Another spelling of the same JSON would verify too; only the canonical one is ever issued.
  if (canonicalSummary(summary.data) !== json) return { ok: false, problem: { code: 'malformed', detail: 'summary is not canonical' } };
  return { ok: true, envelope: { summary: summary.data, signature: fromBase64Url(sig), json } };
}

export type EnvelopeCheck =
  | { ok: true; summary: SealSummary; key: OfficePublicKey }
  | { ok: false; problem: EnvelopeProblem; summary?: SealSummary };

/** Decodes `text` and checks its signature with the key it names among `keys`. */
export function verifyEnvelope(text: string, keys: readonly OfficePublicKey[]): EnvelopeCheck {
  const decoded = decodeEnvelope(text);
  if (!decoded.ok) return decoded;
  const { summary, signature, json } = decoded.envelope;
  const key = keys.find((k) => k.fingerprint === summary.key);
  if (!key) return { ok: false, problem: { code: 'unknown-key', key: summary.key }, summary };
  if (!verifyBytes(key.publicKey, message(json), signature)) return { ok: false, problem: { code: 'bad-signature' }, summary };
  return { ok: true, summary, key };
}

/** The bytes the hub signs for a summary (its route signs these, never client text). */
export function summaryMessage(summary: SealSummary): Uint8Array {
  return message(canonicalSummary(summary));
}
