// The row shapes the pull log carries (every write logs what it changed, once per row, through Write.log).
import type { Json } from '../../../src-shared/canonicalJson';
import type { Case, CaseRecord } from '../../../src-shared/sync/records';
import type { CaseOrigin, LinkedComplaint, TargetedOrigin } from '../../../src-shared/targeted/origin';
import { toNumber, type Sql } from '../store/store';
import type { Write } from '../store/writeTransaction';

export interface CaseRow {
  id: string;
  /** Null for a targeted case (origin complaint or screening). */
  draw_id: string | null;
  uscc: string;
  entity_name: string;
  address: string;
  district: string;
  subdistrict: string;
  inspectors: string[];
  status: Case['status'];
  review_note: string;
  missing_media: string[];
  /** The China date of its approval (null while open, or approved before it was kept). */
  closed_on: string | null;
  origin: CaseOrigin;
  origin_detail: TargetedOrigin | null;
  lead: string | null;
  linked_complaints: LinkedComplaint[];
  version: unknown;
}

export function caseFromRow(r: CaseRow): Case & { version: number } {
  return {
    id: r.id, drawId: r.draw_id, uscc: r.uscc, entityName: r.entity_name, address: r.address, district: r.district,
    subdistrict: r.subdistrict, inspectors: r.inspectors, status: r.status, reviewNote: r.review_note, missingMedia: r.missing_media,
    ...(r.closed_on ? { closedOn: r.closed_on } : {}),
    // Only where there is something to say: a drawn case's row is what it was before origins were kept.
    ...(r.origin !== 'draw' ? { origin: r.origin, ...(r.origin_detail ? { originDetail: r.origin_detail } : {}) } : {}),
    ...(r.lead ? { lead: r.lead } : {}),
    ...(r.linked_complaints.length > 0 ? { linkedComplaints: r.linked_complaints } : {}),
    version: toNumber(r.version),
  };
}

export interface FieldMeta {
  /** Change counter of the field's last write. */
  v: number;
  /** Device and user that wrote it, and the device clock. */
  d: string;
  u: string;
  /** The writer's name, for people (absent on fields written before it was kept). */
  n?: string;
  at: string;
}

export interface RecordRow {
  id: string;
  case_id: string;
  kind: CaseRecord['kind'];
  data: Record<string, unknown>;
  signature: CaseRecord['signature'];
  created_by: string;
  /** The author's display name when the record was made ('' for records made before it was kept). */
  created_by_name: string;
  created_at: string;
  field_meta: Record<string, FieldMeta>;
  version: unknown;
}

export function recordFromRow(r: Omit<RecordRow, 'field_meta'>): CaseRecord & { version: number } {
  return {
    id: r.id, caseId: r.case_id, kind: r.kind, data: r.data, signature: r.signature, createdBy: r.created_by, createdAt: r.created_at,
    ...(r.created_by_name ? { createdByName: r.created_by_name } : {}),
    version: toNumber(r.version),
  };
}

export async function loadCase(tx: Sql, id: string, lock = false): Promise<CaseRow | undefined> {
  const [row] = await tx.query<CaseRow>(`SELECT * FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

export async function loadRecord(tx: Sql, id: string, lock = false): Promise<RecordRow | undefined> {
  const [row] = await tx.query<RecordRow>(`SELECT * FROM records WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

/** Logs the case as it now is (after a change to it or to its missing media). */
export function logCase(w: Write, c: CaseRow): void {
  w.log('cases', c.id, { ...caseFromRow(c), version: w.version } as unknown as Json, { caseId: c.id, district: c.district });
}

export function logRecord(w: Write, r: RecordRow, district: string): void {
  w.log('records', r.id, { ...recordFromRow(r), version: w.version } as unknown as Json, { caseId: r.case_id, district });
}
