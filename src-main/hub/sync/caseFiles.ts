// Importing a `.tcase` case file: a device's outbox brought by hand, merged through the same apply
// path as a network push, so a mutation already pushed is acknowledged and nothing applies twice.
import { timingSafeEqual } from 'node:crypto';
import type { Json } from '../../../src-shared/canonicalJson';
import { isMutatorName, mutatorArgs, type Mutation } from '../../../src-shared/sync/mutators';
import { PUSH_MAX } from '../../../src-shared/sync/protocol';
import { caseFileMac, CaseFileError, readCaseFile, type CaseFile } from '../../../src-shared/sync/tcase';
import { caseFileText, type CaseFileCode } from '../../../src-shared/i18n/caseFile';
import { issueCode } from '../../../src-shared/zodIssue';
import type { DeviceSession } from '../accounts/devices';
import { userFromRow } from '../accounts/users';
import { HubError } from '../errors';
import { toNumber, type Store } from '../store/store';
import { writeTransaction, type Actor } from '../store/writeTransaction';
import { storeBlob } from './blobs';
import { applyPush } from './push';

export interface CaseFileReport {
  deviceId: string;
  username: string;
  /** Mutations applied now (including those the mutator rejected: see `rejected`). */
  new: number;
  /** Mutations the hub had applied before (by network or an earlier file). */
  alreadyPresent: number;
  /** Mutations kept as conflicts: applied over another device's newer value, or ids the hub had seen with other content. */
  conflicting: number;
  /** Mutations the hub refused (forbidden, frozen …), stored in rejected_mutations. */
  rejected: number;
  blobs: { new: number; alreadyPresent: number };
  /** The file starts after a mutation the hub has not seen: nothing of it was applied. */
  gap?: { expected: number };
}

/** A refused case file: the English message for the log, `reason` and `params` for the words at the edge. */
function invalid(reason: CaseFileCode, params: Record<string, string | number> = {}): HubError {
  return new HubError(400, 'case-file-invalid', caseFileText(reason, params, 'en'), undefined, { reason, params });
}

type DeviceRow = Parameters<typeof userFromRow>[0] & { device_id: string; device_name: string; token_hash: string; last_mutation_id: unknown };

/**
 * The session of the file's device, found by id (the file carries no token). A revoked device's
 * file is accepted all the same: revocation stops the device talking to the hub, but the work it
 * did in the field before that must not be lost — the mac still proves the file is its own.
 */
async function deviceOf(store: Store, deviceId: string): Promise<{ session: DeviceSession; tokenHash: string }> {
  const [row] = await store.query<DeviceRow>(
    `SELECT d.id AS device_id, d.name AS device_name, d.token_hash, d.last_mutation_id::text AS last_mutation_id,
            u.id, u.username, u.display_name, u.role, u.district, u.cert_no
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.id = $1`,
    [deviceId],
  );
  if (!row) throw invalid('device-unknown', { deviceId });
  return {
    session: { deviceId: row.device_id, deviceName: row.device_name, lastMutationId: toNumber(row.last_mutation_id), user: userFromRow(row) },
    tokenHash: row.token_hash,
  };
}

function checkMac(file: CaseFile, tokenHash: string): void {
  const expected = Buffer.from(caseFileMac(Buffer.from(tokenHash, 'hex'), file.manifest.mutationsSha256), 'hex');
  const given = Buffer.from(file.manifest.mac, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid('mac-mismatch');
  }
}

/** Every mutation names a mutator and matches its arguments, before anything applies. */
function checkMutators(mutations: readonly Mutation[]): void {
  for (const [i, m] of mutations.entries()) {
    if (!isMutatorName(m.name)) throw invalid('unknown-mutator', { line: i + 1, name: m.name });
    const parsed = mutatorArgs[m.name].safeParse(m.args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid('args-mismatch', { line: i + 1, name: m.name, path: issue ? issue.path.join('.') : '', issue: issue ? issueCode(issue) : 'invalid' });
    }
  }
}

function parse(bytes: Uint8Array): CaseFile {
  try {
    return readCaseFile(bytes);
  } catch (e) {
    if (e instanceof CaseFileError) throw invalid(e.code, e.params);
    throw e;
  }
}

/** Reads, checks and merges one case file; a HubError case-file-invalid (400) says why a file is refused. */
export async function importCaseFile(store: Store, bytes: Uint8Array, actor: Actor, at: Date): Promise<CaseFileReport> {
  const file = parse(bytes);
  const { manifest } = file;
  const { session, tokenHash } = await deviceOf(store, manifest.deviceId);
  checkMac(file, tokenHash);
  checkMutators(file.mutations);
  const report: CaseFileReport = {
    deviceId: session.deviceId, username: session.user.username, new: 0, alreadyPresent: 0, conflicting: 0, rejected: 0, blobs: { new: 0, alreadyPresent: 0 },
  };

  // A file that starts after the next expected id: an earlier file (or push) is missing.
  if (manifest.mutations.count > 0 && manifest.mutations.firstId > session.lastMutationId + 1) {
    report.gap = { expected: session.lastMutationId + 1 };
  } else {
    if (file.blobs.size > 0) {
      // Blobs first, so the records that name them arrive with their media in place.
      await writeTransaction(store, actor, at, async (w) => {
        for (const [sha, data] of file.blobs) {
          const stored = await storeBlob(w, sha, data, 'case-file');
          if (stored === 'mismatch') throw invalid('blob-bytes', { sha });
          if (stored === 'new') report.blobs.new += 1;
          else report.blobs.alreadyPresent += 1;
        }
      });
    }
    for (let i = 0; i < file.mutations.length; i += PUSH_MAX) {
      try {
        const outcome = await applyPush(store, session, file.mutations.slice(i, i + PUSH_MAX), at, 'case-file');
        for (const r of outcome.results) {
          // Applied over another device's newer value: kept as a conflict for 冲突处理, so counted there.
          if (r.outcome === 'applied' && (r.conflicts ?? 0) > 0) report.conflicting += 1;
          else if (r.outcome === 'applied') report.new += 1;
          else if (r.outcome === 'duplicate') report.alreadyPresent += 1;
          else if (r.outcome === 'replay-mismatch') report.conflicting += 1;
          else report.rejected += 1;
        }
      } catch (e) {
        // Only if another import or push of the same device raced this one.
        if (e instanceof HubError && e.code === 'mutation-gap') {
          report.gap = { expected: Number(e.extra?.expected) };
          break;
        }
        throw e;
      }
    }
  }

  await writeTransaction(store, actor, at, (w) =>
    w.audit({
      action: 'case-file.import',
      subject: `device:${session.deviceId}`,
      after: {
        deviceId: session.deviceId,
        file: { username: manifest.username, createdAt: manifest.createdAt, mutations: manifest.mutations, blobs: manifest.blobs.length, mutationsSha256: manifest.mutationsSha256 },
        counts: report as unknown as Json,
      },
    }),
  );
  return report;
}
