// The per-case checksums a client compares after a sync (src-shared/sync/checksum.ts).
import { caseChecksum } from '../../../src-shared/sync/checksum';
import type { DeviceSession } from '../accounts/devices';
import type { Sql } from '../store/store';
import { caseFromRow, recordFromRow, type CaseRow, type RecordRow } from './changes';
import { canReadCase } from './scope';

/** Checksums of the named cases this session may read; others are left out. */
export async function checksums(db: Sql, session: DeviceSession, caseIds: readonly string[]): Promise<Record<string, string>> {
  const cases = await db.query<CaseRow>('SELECT * FROM cases WHERE id = ANY($1::uuid[])', [caseIds]);
  // Only the columns the checksum covers: field_meta, the largest, is not read.
  const records = await db.query<Omit<RecordRow, 'field_meta'>>(
    'SELECT id, case_id, kind, data, signature, created_by, created_at, version FROM records WHERE case_id = ANY($1::uuid[])',
    [caseIds],
  );
  const byCase = new Map<string, typeof records>();
  for (const r of records) {
    const list = byCase.get(r.case_id);
    if (list) list.push(r);
    else byCase.set(r.case_id, [r]);
  }
  const out: Record<string, string> = {};
  for (const c of cases) {
    if (!canReadCase(session, c)) continue;
    out[c.id] = caseChecksum(caseFromRow(c), (byCase.get(c.id) ?? []).map(recordFromRow));
  }
  return out;
}
