// Case files (.tcase) from the laptop: the unsynced work, or what one case needs, for a laptop that
// never sees the network. The office merges them through the same apply path as a push.
import { chinaFileStamp } from '../../src-shared/time';
import { writeCaseFile } from '../../src-shared/sync/tcase';
import type { OutboxRow, TariffDb } from '../db/db';
import { readAccount } from './account';
import { LocalRefusal } from './mutators';
import type { CaseFileReport } from './hubClient';

/** Every SHA-256 named in the arguments (photos, signature images) — the blobs to carry along. */
function namedBlobs(rows: readonly OutboxRow[]): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) found.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  rows.forEach((r) => walk(r.args));
  return found;
}

/**
 * The outbox as a case file. With `caseId`, the mutations up to that case's last one: ids must
 * reach the hub without gaps, so earlier unsynced work of other cases comes along (harmless).
 */
export async function exportCaseFile(db: TariffDb, caseId?: string, now = new Date()): Promise<{ name: string; bytes: Uint8Array; count: number }> {
  const account = await readAccount(db);
  if (!account) throw new LocalRefusal('not-enrolled', 'this device is not enrolled at a hub');
  let rows = await db.outbox.orderBy('id').toArray();
  if (caseId !== undefined) {
    const last = rows.filter((r) => r.caseId === caseId).at(-1)?.id ?? 0;
    rows = rows.filter((r) => r.id <= last);
  }
  const blobs = new Map<string, Uint8Array>();
  for (const sha of namedBlobs(rows)) {
    const blob = await db.blobs.get(sha);
    if (blob) blobs.set(sha, blob.bytes);
  }
  const bytes = writeCaseFile({
    deviceId: account.deviceId,
    username: account.user.username,
    token: account.token,
    mutations: rows.map(({ id, name, args, hlc }) => ({ id, name, args, hlc })),
    blobs,
    createdAt: now,
    ...(account.hubUrl ? { hub: account.hubUrl } : {}),
  });
  const stamp = chinaFileStamp(now, true);
  return { name: `${account.user.username}-${caseId ? caseId.slice(0, 8) : 'all'}-${stamp}.tcase`, bytes, count: rows.length };
}

/** Several files' reports summed (a file refused for a gap adds nothing). */
export function combinedReport(reports: readonly CaseFileReport[]): { new: number; alreadyPresent: number; conflicting: number; rejected: number; blobsNew: number; refused: number } {
  const sum = { new: 0, alreadyPresent: 0, conflicting: 0, rejected: 0, blobsNew: 0, refused: 0 };
  for (const r of reports) {
    if (r.gap) sum.refused += 1;
    else {
      sum.new += r.new;
      sum.alreadyPresent += r.alreadyPresent;
      sum.conflicting += r.conflicting;
      sum.rejected += r.rejected;
      sum.blobsNew += r.blobs.new;
    }
  }
  return sum;
}
