// Device tokens and pairing codes: random, shown once, stored only as SHA-256.
import { createHash, randomBytes } from 'node:crypto';

/** 32 letters and digits without 0/O, 1/I: easy to read aloud and type; 32 so a byte maps without bias. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
/** How long a pairing code can be used (ms). */
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A bearer token: 32 random bytes, base64url. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 8 characters of PAIRING_ALPHABET (40 bits). */
export function newPairingCode(): string {
  return [...randomBytes(PAIRING_CODE_LENGTH)].map((b) => PAIRING_ALPHABET[b % 32]).join('');
}

/** The code as typed → as stored: upper case, spaces and dashes dropped ("abcd-efgh" = "ABCDEFGH"). */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
