// The hash worker's SHA-256: native WebCrypto where the page has it, else @noble/hashes in chunks with progress.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Bytes hashed between progress reports. */
export const HASH_CHUNK = 4 * 1024 * 1024;

export interface HashProgress {
  done: number;
  total: number;
}

/** WebCrypto exists only in a secure context (Electron, https, localhost), not the web build over LAN http. */
const pageSubtle = (): SubtleCrypto | null => (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle ?? null;

/** Lower-case hex SHA-256 of `bytes`; without WebCrypto reports bytes hashed after every chunk. */
export async function chunkedSha256(bytes: Uint8Array<ArrayBuffer>, progress: (p: HashProgress) => void, subtle = pageSubtle()): Promise<string> {
  if (subtle) return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  const h = sha256.create();
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    h.update(bytes.subarray(at, at + HASH_CHUNK));
    progress({ done: Math.min(at + HASH_CHUNK, bytes.length), total: bytes.length });
  }
  return bytesToHex(h.digest());
}
