// The office's signing keys on the hub: made here, kept sealed (AES-256-GCM under the seal key, which
// lives outside the database: a dump of the database alone signs nothing), one in force at a time; a
// rotation retires the old key, whose public part stays for verifying what it signed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fingerprintOf, newSecretKey, publicKeyOf, type OfficePublicKey } from '../../../src-shared/seal/officeKey';
import type { Sql, Store } from '../store/store';
import { writeTransaction, type Actor } from '../store/writeTransaction';

interface KeyRow {
  fingerprint: string;
  public_key: string;
  sealed_secret: string;
  created_at: unknown;
  retired_at: unknown;
}

export interface ActiveKey {
  fingerprint: string;
  secretKey: Uint8Array;
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

function seal(sealKey: Uint8Array, secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(sealKey: Uint8Array, sealed: string): Uint8Array {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
  } catch {
    throw new Error('the office key cannot be unsealed with this seal key (another hub folder\'s key, or a changed file)');
  }
}

function publicOf(row: KeyRow): OfficePublicKey {
  return { fingerprint: row.fingerprint, publicKey: new Uint8Array(Buffer.from(row.public_key, 'base64')), createdAt: iso(row.created_at), retiredAt: row.retired_at == null ? null : iso(row.retired_at) };
}

/** Every office key, the one in force first, then the retired ones newest first. */
export async function listOfficeKeys(db: Sql): Promise<OfficePublicKey[]> {
  const rows = await db.query<KeyRow>('SELECT * FROM office_keys ORDER BY retired_at IS NOT NULL, created_at DESC');
  return rows.map(publicOf);
}

async function makeKey(db: Sql, sealKey: Uint8Array, at: Date): Promise<string> {
  const secret = newSecretKey();
  const pub = publicKeyOf(secret);
  const fingerprint = fingerprintOf(pub);
  await db.query('INSERT INTO office_keys (fingerprint, public_key, sealed_secret, created_at) VALUES ($1, $2, $3, $4)', [fingerprint, Buffer.from(pub).toString('base64'), seal(sealKey, secret), at.toISOString()]);
  return fingerprint;
}

/** The key in force, made (and audited) the first time one is needed. */
export async function activeKey(store: Store, sealKey: Uint8Array, actor: Actor, at: Date): Promise<ActiveKey> {
  const [row] = await store.query<KeyRow>('SELECT * FROM office_keys WHERE retired_at IS NULL');
  if (row) return { fingerprint: row.fingerprint, secretKey: unseal(sealKey, row.sealed_secret) };
  await writeTransaction(store, actor, at, async (w) => {
    const [again] = await w.tx.query<KeyRow>('SELECT * FROM office_keys WHERE retired_at IS NULL FOR UPDATE');
    if (again) return;
    const fingerprint = await makeKey(w.tx, sealKey, at);
    await w.audit({ action: 'office-key.create', subject: `office-key:${fingerprint}`, after: { fingerprint } });
  });
  return activeKey(store, sealKey, actor, at);
}

/** Retires the key in force and makes a new one; returns the new key's fingerprint. */
export async function rotateOfficeKey(store: Store, sealKey: Uint8Array, actor: Actor, at: Date): Promise<string> {
  return writeTransaction(store, actor, at, async (w) => {
    const [old] = await w.tx.query<KeyRow>('SELECT * FROM office_keys WHERE retired_at IS NULL FOR UPDATE');
    if (old) {
      unseal(sealKey, old.sealed_secret); // a wrong seal key refuses before anything changes
      await w.tx.query('UPDATE office_keys SET retired_at = $2 WHERE fingerprint = $1', [old.fingerprint, at.toISOString()]);
    }
    const fingerprint = await makeKey(w.tx, sealKey, at);
    await w.audit({ action: 'office-key.rotate', subject: `office-key:${fingerprint}`, before: old ? { fingerprint: old.fingerprint } : null, after: { fingerprint } });
    return fingerprint;
  });
}

export const SEAL_KEY_ENV = 'TARIFFCHECK_SEAL_KEY';
/** The seal key's file beside an embedded store's data when no other is named. */
export const SEAL_KEY_FILE = 'office-seal.key';

/**
 * The seal key: from TARIFFCHECK_SEAL_KEY (base64 of 32 bytes), else from `file`, made there (mode 0600)
 * the first time. An office keeps the file off the hub's data folder when it can (`--seal-key`).
 */
export function loadSealKey(file: string | null, env: NodeJS.ProcessEnv = process.env): Uint8Array | null {
  const fromEnv = env[SEAL_KEY_ENV];
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error(`${SEAL_KEY_ENV} must be 32 bytes in base64`);
    return new Uint8Array(key);
  }
  if (file === null) return null;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} must hold 32 bytes in base64`);
  return new Uint8Array(key);
}
