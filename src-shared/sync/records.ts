// What a case holds, on the laptop and on the hub alike: the case itself and its records.
import { z } from 'zod';
import { settingCode } from '../inspection/officeSettings';
import { cleanString } from '../text';
import { meterSchema } from '../inspection/meters';
import { tariffPostingSchema } from '../inspection/postedTariff';
import { ledgerCheckSchema } from '../inspection/ledgerCheck';
import { photoSchema } from '../inspection/evidence';
import { onSiteRecordSchema, onSiteSignatureSchema } from '../inspection/onSiteRecord';
import { CASE_ORIGINS, linkedComplaintSchema, targetedOriginSchema } from '../targeted/origin';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
/** A decimal string with at most 3 decimals (kWh, meter readings); never a binary float. */
const decimalText = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, 'a number with at most 3 decimals');
const shortText = cleanString().trim().min(1).max(200);
const longText = cleanString().max(5000);

export const CASE_STATUSES = ['assigned', 'submitted', 'returned', 'approved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One inspection: a drawn (or, for a targeted case, chosen) target and the inspectors sent to it. */
export const caseSchema = z.object({
  id: z.uuid(),
  /** The draw that made it; null for a targeted case (complaint or screening, src-shared/targeted/origin.ts). */
  drawId: z.uuid().nullable(),
  /** Absent on drawn cases (originOf reads it as 'draw'). */
  origin: z.enum(CASE_ORIGINS).optional(),
  /** What a targeted case was opened on: the complaint, or the screening flags. */
  originDetail: targetedOriginSchema.optional(),
  /** The certificate number of the team's lead, when the office named one. */
  lead: z.string().max(200).optional(),
  /** Complaints about the target that arrived while this case was open: attached here, not a second case. */
  linkedComplaints: z.array(linkedComplaintSchema).max(1000).optional(),
  uscc: z.string().length(18),
  entityName: z.string(),
  address: z.string(),
  district: z.string(),
  subdistrict: z.string(),
  /** Certificate numbers of the drawn team. */
  inspectors: z.array(z.string()),
  status: z.enum(CASE_STATUSES),
  reviewNote: z.string(),
  /** SHA-256 of photos and signatures named by the case's records that the hub does not hold yet. */
  missingMedia: z.array(sha256Hex),
  /** The China date the case closed (was approved); null or absent while open, and on cases approved before it was kept. */
  closedOn: z.iso.date().nullable().optional(),
});
export type Case = z.infer<typeof caseSchema>;

export const SEVERITIES = ['info', 'minor', 'major'] as const;

/** The data of each record kind. Every field is editable unless the record is signed. */
export const recordDataSchemas = {
  meterReading: z.strictObject({ meterNo: shortText, reading: decimalText, note: longText }),
  postedTariff: z.strictObject({ category: shortText, priceText: shortText, photo: sha256Hex.nullable() }),
  /**
   * A finding (违法事实). `type`, `basis` and `amountFen` came with the on-site checklist; `severity` is
   * what older records carry (never defaulted: a new finding has a type instead). `proposal` names the
   * check that proposed it (src-shared/inspection/findings.ts), so it is not proposed again.
   */
  finding: z.strictObject({
    title: shortText,
    detail: longText,
    severity: z.enum(SEVERITIES).optional(),
    /** A code of the office's finding types (src-shared/inspection/officeSettings.ts). */
    type: settingCode.optional(),
    basis: longText.optional(),
    amountFen: z.number().int().nonnegative().max(1e13).nullable().optional(),
    proposal: z.string().max(64).optional(),
    photos: z.array(sha256Hex).max(50),
  }),
  /** A meter of the site, its readings, seal and verification (src-shared/inspection/meters.ts). */
  meter: meterSchema,
  /** The posted tariff: posted or not, where, the prices it shows (src-shared/inspection/postedTariff.ts). */
  tariffPosting: tariffPostingSchema,
  /** 现场检查笔录 or 补充笔录: composed from the checks; frozen once anyone signed it (src-shared/inspection/onSiteRecord.ts). */
  onSiteRecord: onSiteRecordSchema,
  /** One signature on an on-site record (an inspector, the party or a witness), or the party's refusal; never edited. */
  onSiteSignature: onSiteSignatureSchema,
  /** A photo as evidence: its original bytes are a blob named by `sha256`. */
  photo: photoSchema,
  /** The landlord's ledger computed inside the case: the file (a blob) and the overcharge per tenant and month. */
  ledgerCheck: ledgerCheckSchema,
  /** The inspector's decision not to record a finding a check proposed, with the reason (kept as evidence of the choice). */
  proposalDismissed: z.strictObject({ proposal: z.string().min(1).max(64), reason: longText }),
  refundOrder: z.strictObject({ tenant: shortText, amountFen: z.number().int().nonnegative().max(1e13), dueDate: z.iso.date() }),
} as const;
export type RecordKind = keyof typeof recordDataSchemas;
export const RECORD_KINDS = Object.keys(recordDataSchemas) as RecordKind[];
export type RecordData<K extends RecordKind = RecordKind> = z.infer<(typeof recordDataSchemas)[K]>;

export const signatureSchema = z.strictObject({
  signer: shortText,
  /** The PNG of the on-screen signature, as a blob. */
  image: sha256Hex,
  /** Device time of signing (for the record; the hub's own time is in the audit log). */
  signedAt: z.iso.datetime(),
});
export type Signature = z.infer<typeof signatureSchema>;

/** A record of a case as both sides keep it. */
export interface CaseRecord {
  id: string;
  caseId: string;
  kind: RecordKind;
  data: Record<string, unknown>;
  signature: Signature | null;
  /** Who made it (the username) and when, by the device's clock. */
  createdBy: string;
  createdAt: string;
  /** The author's name, for people to read (display only: outside the checksum). */
  createdByName?: string;
}

/** The blobs a record names (photos and the signature image). */
export function mediaOf(record: Pick<CaseRecord, 'kind' | 'data' | 'signature'>): string[] {
  const out: string[] = [];
  const data = record.data;
  if (Array.isArray(data.photos)) out.push(...data.photos.filter((p): p is string => typeof p === 'string'));
  if (typeof data.photo === 'string') out.push(data.photo);
  if (record.kind === 'photo' && typeof data.sha256 === 'string') out.push(data.sha256);
  if (record.kind === 'onSiteSignature' && typeof data.image === 'string') out.push(data.image);
  const file = data.file as { sha256?: unknown } | undefined;
  if (file && typeof file.sha256 === 'string') out.push(file.sha256);
  if (record.signature) out.push(record.signature.image);
  return out;
}

export { sha256Hex as sha256HexSchema };

/**
 * Why a record may not be edited, whatever the edit: a signature is never changed, an on-site record
 * is frozen once anyone has signed it (later changes go into a supplement). null when it may be.
 */
export function editRefusal(kind: RecordKind, signedOnSite: boolean): 'frozen' | null {
  if (kind === 'onSiteSignature') return 'frozen';
  if (kind === 'onSiteRecord' && signedOnSite) return 'frozen';
  return null;
}
