// The pull log and the row shapes it carries: every write appends what it changed, once per row.
import type { Json } from '../../../src-shared/canonicalJson';
import type { ChangeTable } from '../../../src-shared/sync/protocol';
import type { Case, CaseRecord } from '../../../src-shared/sync/records';
import { toNumber, type Sql } from '../store/store';

export interface ChangeScope {
  caseId?: string | null;
  district?: string | null;
  /** A change only this device may pull (its own rejected mutations). */
  deviceId?: string | null;
}

export async function logChange(tx: Sql, version: number, table: ChangeTable, key: string, row: Json, scope: ChangeScope): Promise<void> {
  await tx.query('INSERT INTO changes (version, tbl, key, case_id, district, device_id, row) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)', [
    version,
    table,
    key,
    scope.caseId ?? null,
    scope.district ?? null,
    scope.deviceId ?? null,
    JSON.stringify(row),
  ]);
}

export interface CaseRow {
  id: string;
  draw_id: string;
  uscc: string;
  entity_name: string;
  address: string;
  district: string;
  subdistrict: string;
  inspectors: string[];
  status: Case['status'];
  review_note: string;
  missing_media: string[];
  version: unknown;
}

export function caseFromRow(r: CaseRow): Case & { version: number } {
  return {
    id: r.id, drawId: r.draw_id, uscc: r.uscc, entityName: r.entity_name, address: r.address, district: r.district,
    subdistrict: r.subdistrict, inspectors: r.inspectors, status: r.status, reviewNote: r.review_note, missingMedia: r.missing_media,
    version: toNumber(r.version),
  };
}

export interface FieldMeta {
  /** Change counter of the field's last write. */
  v: number;
  /** Device and user that wrote it, and the device clock. */
  d: string;
  u: string;
  at: string;
}

export interface RecordRow {
  id: string;
  case_id: string;
  kind: CaseRecord['kind'];
  data: Record<string, unknown>;
  signature: CaseRecord['signature'];
  created_by: string;
  created_at: string;
  field_meta: Record<string, FieldMeta>;
  version: unknown;
}

export function recordFromRow(r: RecordRow): CaseRecord & { version: number } {
  return {
    id: r.id, caseId: r.case_id, kind: r.kind, data: r.data, signature: r.signature, createdBy: r.created_by, createdAt: r.created_at,
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
export async function logCase(tx: Sql, version: number, c: CaseRow): Promise<void> {
  await logChange(tx, version, 'cases', c.id, { ...caseFromRow(c), version } as unknown as Json, { caseId: c.id, district: c.district });
}

export async function logRecord(tx: Sql, version: number, r: RecordRow, district: string): Promise<void> {
  await logChange(tx, version, 'records', r.id, { ...recordFromRow(r), version } as unknown as Json, { caseId: r.case_id, district });
}
