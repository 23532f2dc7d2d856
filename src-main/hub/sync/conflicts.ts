// Conflicts kept for the office: a field (or a whole list row) another device wrote after the version
// an edit started from, and a replayed mutation id with other content. Written with the change that
// caused them, logged for pull in the district's scope.
import type { Json } from '../../../src-shared/canonicalJson';
import type { Write } from '../store/writeTransaction';

export interface ConflictJson {
  id: string;
  kind: 'field' | 'replay-mismatch' | 'list-row';
  caseId: string | null;
  recordId: string | null;
  field: string | null;
  district: string | null;
  theirs: Json;
  mine: Json;
  resolvedAt: string | null;
  resolution: Json;
  createdAt: string;
}

export async function insertConflict(ctx: { w: Write }, k: ConflictJson): Promise<void> {
  await ctx.w.tx.query(
    'INSERT INTO conflicts (id, kind, case_id, record_id, field, district, theirs, mine, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)',
    [k.id, k.kind, k.caseId, k.recordId, k.field, k.district, JSON.stringify(k.theirs), JSON.stringify(k.mine), k.createdAt, ctx.w.version],
  );
  ctx.w.log('conflicts', k.id, { ...k, version: ctx.w.version } as unknown as Json, { district: k.district ?? '' });
}

export function conflictFromRow(r: Record<string, unknown>): ConflictJson & { version: number } {
  const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return {
    id: r.id as string, kind: r.kind as ConflictJson['kind'], caseId: r.case_id as string | null, recordId: r.record_id as string | null,
    field: r.field as string | null, district: r.district as string | null, theirs: r.theirs as Json, mine: r.mine as Json,
    resolvedAt: iso(r.resolved_at), resolution: (r.resolution ?? null) as Json, createdAt: iso(r.created_at) ?? '', version: Number(r.version),
  };
}
