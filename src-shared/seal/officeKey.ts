// The office's signing key (电子签章密钥): Ed25519 through @noble/curves (audited, no dependencies, the
// same code in the hub, the CLI and the browser, where WebCrypto's Ed25519 is not everywhere yet).
// Its public part travels as standard SPKI PEM, which OpenSSL reads too, and is named by a fingerprint
// printed on every document: the first 16 bytes of the SHA-256 of the raw key.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** An office public key with its fingerprint (32 lower-case hex digits) and, when known, its validity. */
export interface OfficePublicKey {
  fingerprint: string;
  publicKey: Uint8Array;
  /** When the hub made it (UTC ISO); '' when read from a bare PEM. */
  createdAt: string;
  /** When a newer key replaced it (UTC ISO), null while in force. Documents it signed stay verifiable. */
  retiredAt: string | null;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow. */
const SPKI_PREFIX = hexToBytes('302a300506032b6570032100');

export function newSecretKey(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function fingerprintOf(publicKey: Uint8Array): string {
  return bytesToHex(sha256(publicKey).slice(0, 16));
}

/** The fingerprint as printed: eight groups of four, upper case ("3F2A 91C0 …"). */
export function printedFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

export function signBytes(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

export function verifyBytes(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
export const fromBase64Url = (text: string) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));

/** One key as PEM, with comment lines above it naming the key (PEM readers skip text outside the block). */
export function publicKeyPem(key: OfficePublicKey): string {
  const der = new Uint8Array([...SPKI_PREFIX, ...key.publicKey]);
  const body = toBase64(der).replace(/(.{64})(?=.)/g, '$1\n');
  const state = key.retiredAt ? `retired ${key.retiredAt}` : 'in force';
  return [
    `# TariffCheck office key ${printedFingerprint(key.fingerprint)}`,
    `# created ${key.createdAt || 'unknown'}, ${state}`,
    '-----BEGIN PUBLIC KEY-----', body, '-----END PUBLIC KEY-----', '',
  ].join('\n');
}

export class KeyFileError extends Error {}

/** Every Ed25519 public key of a PEM file (one or more blocks, as `office-key export` writes them). */
export function parsePublicKeys(text: string): OfficePublicKey[] {
  const blocks = [...text.matchAll(/-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/g)];
  if (blocks.length === 0) throw new KeyFileError('no PUBLIC KEY block');
  return blocks.map((m, i) => {
    let der: Uint8Array;
    try {
      der = fromBase64((m[1] ?? '').replace(/\s+/g, ''));
    } catch {
      throw new KeyFileError(`block ${i + 1}: not base64`);
    }
    const prefixOk = der.length === SPKI_PREFIX.length + 32 && SPKI_PREFIX.every((b, j) => der[j] === b);
    if (!prefixOk) throw new KeyFileError(`block ${i + 1}: not an Ed25519 public key`);
    const publicKey = der.slice(SPKI_PREFIX.length);
    return { fingerprint: fingerprintOf(publicKey), publicKey, createdAt: '', retiredAt: null };
  });
}
