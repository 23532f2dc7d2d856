// Documents signed by the office's key (电子签章) from this device: the PDF is made here with the key's
// fingerprint and an empty QR box, the hub signs its own summary of the document, and the signature is
// appended (src-shared/seal/pdfSeal.ts). Without the hub (not enrolled, offline, no key yet) the document
// is made unsigned and the caller says so. The office's public keys are kept here for verifying offline.
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import type { SealMark } from '../../src-shared/docs/pdfWriter';
import { sha256Hex } from '../../src-shared/hash/sha256';
import { verifyEnvelope, type SealSummary, type SealedKind } from '../../src-shared/seal/envelope';
import { parsePublicKeys, type OfficePublicKey } from '../../src-shared/seal/officeKey';
import { sealPdf } from '../../src-shared/seal/pdfSeal';
import { summaryDifferences, type SealContext } from '../../src-shared/seal/summaries';
import { readAccount } from '../sync/account';
import { HubClient, SyncError } from '../sync/hubClient';
import { db, type TariffDb } from './db';

const KEYS_SETTING = 'officeKeys';

const storedKeysSchema = z.array(z.object({ fingerprint: z.string(), pem: z.string(), createdAt: z.string(), retiredAt: z.string().nullable() }));
type StoredKeys = z.infer<typeof storedKeysSchema>;

function keysOf(stored: StoredKeys): OfficePublicKey[] {
  return stored.flatMap((k) => parsePublicKeys(k.pem).map((p) => ({ ...p, createdAt: k.createdAt, retiredAt: k.retiredAt })));
}

async function storedKeys(database: TariffDb = db): Promise<StoredKeys> {
  const parsed = storedKeysSchema.safeParse((await database.settings.get(KEYS_SETTING))?.value);
  return parsed.success ? parsed.data : [];
}

/** The office keys this device knows (from the hub, or imported from a .pub file), the one in force first. */
export function useOfficeKeys(): OfficePublicKey[] | undefined {
  return useLiveQuery(async () => keysOf(await storedKeys()), []);
}

/** Keeps the hub's keys, and any imported before that the hub does not list (another office's). */
async function storeKeys(database: TariffDb, fresh: StoredKeys): Promise<void> {
  const known = new Set(fresh.map((k) => k.fingerprint));
  const others = (await storedKeys(database)).filter((k) => !known.has(k.fingerprint));
  await database.settings.put({ key: KEYS_SETTING, value: [...fresh, ...others] });
}

/** Asks the hub for the office's keys (after every sync, and before signing). */
export async function refreshOfficeKeys(client: HubClient, database: TariffDb = db): Promise<OfficePublicKey[]> {
  const { keys } = await client.officeKeys();
  await storeKeys(database, keys);
  return keysOf(keys);
}

/** Adds the keys of a PEM file (`tariffcheck office-key export`); throws KeyFileError for a bad file. */
export async function importOfficeKeys(pem: string): Promise<number> {
  const keys = parsePublicKeys(pem);
  const current = await storedKeys();
  const known = new Set(current.map((k) => k.fingerprint));
  const added = keys.filter((k) => !known.has(k.fingerprint));
  const blocks = [...pem.matchAll(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g)].map((m) => m[0]);
  await db.settings.put({ key: KEYS_SETTING, value: [...current, ...added.map((k) => ({ fingerprint: k.fingerprint, pem: blocks[keys.indexOf(k)] ?? '', createdAt: '', retiredAt: null }))] });
  return added.length;
}

export type UnsealedReason = 'not-enrolled' | 'offline' | 'no-key' | 'unavailable' | 'not-synced' | 'unsigned' | 'not-published';
export type Issued = { bytes: Uint8Array; sealed: true } | { bytes: Uint8Array; sealed: false; reason: UnsealedReason };

/** The hub signed a summary other than the one this device printed: its data is older or newer than the hub's. */
export class SealMismatchError extends Error {
  constructor(readonly fields: string[]) {
    super(`this device's copy differs from the hub's in ${fields.join(', ')}: sync, then make the document again`);
  }
}

/**
 * Makes a document and has it signed: `render` makes the PDF (with the seal box when given a mark),
 * `expected` is this device's summary of it, which must be the hub's.
 */
export async function issueSealed(kind: SealedKind, ref: string, render: (seal?: SealMark) => Promise<Uint8Array>, expected: (c: SealContext) => SealSummary): Promise<Issued> {
  const unsealed = async (reason: UnsealedReason): Promise<Issued> => ({ bytes: await render(), sealed: false, reason });
  const account = await readAccount(db);
  if (!account) return unsealed('not-enrolled');
  const client = new HubClient(account.hubUrl, account.token);
  // What this device wrote last (a reminder just recorded) reaches the hub first, so the hub holds it.
  if ((await db.outbox.count()) > 0) {
    const { syncController } = await import('../sync/controller');
    await syncController.syncNow();
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    let keys: OfficePublicKey[];
    try {
      keys = await refreshOfficeKeys(client);
    } catch (e) {
      if (e instanceof SyncError && e.kind === 'network') return unsealed('offline');
      throw e;
    }
    const key = keys.find((k) => k.retiredAt === null);
    if (!key) return unsealed('no-key');
    const bytes = await render({ fingerprint: key.fingerprint });
    const pdf = sha256Hex(bytes);
    let answer: { summary: unknown; envelope: string };
    try {
      answer = await client.sealDocument({ kind, ref, pdf, key: key.fingerprint });
    } catch (e) {
      if (e instanceof SyncError && e.kind === 'network') return unsealed('offline');
      if (e instanceof SyncError && e.code === 'seal-unavailable') return unsealed('unavailable');
      // The hub does not hold the document yet (made here since the last sync).
      if (e instanceof SyncError && e.code === 'not-found') return unsealed('not-synced');
      // The key changed between the two requests: make the PDF again with the new fingerprint.
      if (e instanceof SyncError && e.reason?.code === 'stale-key' && attempt === 0) continue;
      throw e;
    }
    const check = verifyEnvelope(answer.envelope, keys);
    if (!check.ok) throw new Error(`the hub's signature does not verify (${check.problem.code})`);
    const differs = summaryDifferences(expected({ issuer: check.summary.issuer, key: key.fingerprint, pdf }), check.summary);
    if (differs.length > 0) throw new SealMismatchError(differs);
    return { bytes: sealPdf(bytes, answer.envelope), sealed: true };
  }
  return unsealed('no-key');
}
