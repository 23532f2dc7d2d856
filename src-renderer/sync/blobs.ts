// Photos and signatures on this device: the original bytes under their SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { TariffDb } from '../db/db';
import { hashesInWorker, sha256InWorker } from '../workers/hashClient';

export async function storeBlob(db: TariffDb, blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // A large file is hashed in a worker so that the window never waits on it.
  const hash = hashesInWorker(bytes.length) ? await sha256InWorker(bytes) : bytesToHex(sha256(bytes));
  if (!(await db.blobs.get(hash))) await db.blobs.put({ sha256: hash, bytes, type: blob.type || 'application/octet-stream', uploaded: false, pending: 1 });
  return hash;
}
