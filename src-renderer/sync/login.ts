// Login of the device's user: checked by the hub when online; offline against a verifier kept on
// this device (scrypt of the password with a device-local salt — never the password itself).
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { TariffDb } from '../db/db';
import type { HubClient } from './hubClient';

const VERIFIER_KEY = 'sync.verifier';
/** 2^15 like the hub: about 0.1–0.3 s on a laptop, per attempt. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;

const verifierSchema = z.object({ salt: z.string(), hash: z.string(), N: z.number(), r: z.number(), p: z.number() });

async function derive(password: string, saltHex: string, N: number, r: number, p: number): Promise<Uint8Array> {
  return scryptAsync(new TextEncoder().encode(password.normalize('NFC')), hexToBytes(saltHex), { N, r, p, dkLen: PARAMS.dkLen });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Checks the password with the hub; on success keeps a fresh verifier for offline logins. */
export async function loginOnline(db: TariffDb, client: HubClient, password: string): Promise<void> {
  await client.login(password);
  const salt = bytesToHex(randomBytes(16));
  const hash = bytesToHex(await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p));
  await db.settings.put({ key: VERIFIER_KEY, value: { salt, hash, N: PARAMS.N, r: PARAMS.r, p: PARAMS.p } });
}

export async function hasVerifier(db: TariffDb): Promise<boolean> {
  return verifierSchema.safeParse((await db.settings.get(VERIFIER_KEY))?.value).success;
}

/** True when the password matches the verifier of the last successful online login. */
export async function loginOffline(db: TariffDb, password: string): Promise<boolean> {
  const parsed = verifierSchema.safeParse((await db.settings.get(VERIFIER_KEY))?.value);
  if (!parsed.success) return false;
  const v = parsed.data;
  return sameBytes(await derive(password, v.salt, v.N, v.r, v.p), hexToBytes(v.hash));
}
