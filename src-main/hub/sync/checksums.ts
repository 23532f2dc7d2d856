// The per-case checksums a client compares after a sync (src-shared/sync/checksum.ts).
import { caseChecksum } from '../../../src-shared/sync/checksum';
import type { DeviceSession } from '../accounts/devices';
import type { Sql } from '../store/store';
import { caseFromRow, recordFromRow, type CaseRow, type RecordRow } from './changes';
import { canReadCase } from './scope';

/** Checksums of the named cases this session may read; others are left out. */
export async function checksums(db: Sql, session: DeviceSession, caseIds: readonly string[]): Promise<Record<string, string>> {
  const cases = await db.query<CaseRow>('SELECT * FROM cases WHERE id = ANY($1::uuid[])', [caseIds]);
  const records = await db.query<RecordRow>('SELECT * FROM records WHERE case_id = ANY($1::uuid[])', [caseIds]);
  const out: Record<string, string> = {};
  for (const c of cases) {
    if (!canReadCase(session, c)) continue;
    const mine = records.filter((r) => r.case_id === c.id).map(recordFromRow);
    out[c.id] = caseChecksum(caseFromRow(c), mine);
  }
  return out;
}
