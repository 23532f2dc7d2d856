// Blobs (photos, signature images): content-addressed by SHA-256, uploaded in chunks that can be
// resumed, verified on completion, kept in the database (bytea) — never as files named by a client.
import { createHash } from 'node:crypto';
import { BLOB_MAX } from '../../../src-shared/sync/protocol';
import { HubError } from '../errors';
import { toNumber, type Sql, type Store } from '../store/store';
import { writeTransaction, type Actor, type Write } from '../store/writeTransaction';
import { logCase, type CaseRow } from './changes';

export type BlobState = 'complete' | 'partial' | 'absent';

export interface BlobStatus {
  state: BlobState;
  /** Bytes the hub holds (the size, once complete). */
  offset: number;
  size: number | null;
}

export async function blobStatus(db: Sql, sha: string): Promise<BlobStatus> {
  const [done] = await db.query<{ size: unknown }>('SELECT size FROM blobs WHERE sha256 = $1', [sha]);
  if (done) return { state: 'complete', offset: toNumber(done.size), size: toNumber(done.size) };
  const [partial] = await db.query<{ size: unknown; held: unknown }>('SELECT size, length(bytes) AS held FROM blob_uploads WHERE sha256 = $1', [sha]);
  if (partial) return { state: 'partial', offset: toNumber(partial.held), size: toNumber(partial.size) };
  return { state: 'absent', offset: 0, size: null };
}

/** The cases that name a blob (blob_refs): a device may download it when it may read one of them. */
export async function casesNaming(db: Sql, sha: string): Promise<CaseRow[]> {
  return db.query<CaseRow>('SELECT c.* FROM blob_refs b JOIN cases c ON c.id = b.case_id WHERE b.sha256 = $1', [sha]);
}

export async function readBlob(db: Sql, sha: string): Promise<Uint8Array | undefined> {
  const [row] = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM blobs WHERE sha256 = $1', [sha]);
  return row?.bytes;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The one way a blob enters `blobs`, for uploads and case files alike: checks the bytes against
 * the name, stores them, drops any partial upload, takes the blob off every case's missing media
 * (logging each case for pull) and writes the audit entry. Inside the caller's write transaction.
 */
export async function storeBlob(w: Write, sha: string, bytes: Uint8Array, via: 'upload' | 'case-file'): Promise<'new' | 'present' | 'mismatch'> {
  const [held] = await w.tx.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha]);
  if (held) return 'present';
  if (createHash('sha256').update(bytes).digest('hex') !== sha) return 'mismatch';
  // ON CONFLICT: another writer may have stored the same blob since the check (PostgreSQL).
  const inserted = await w.tx.query('INSERT INTO blobs (sha256, size, bytes, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING RETURNING sha256', [
    sha,
    bytes.byteLength,
    asBuffer(bytes),
    w.at.toISOString(),
  ]);
  if (inserted.length === 0) return 'present';
  await w.tx.query('DELETE FROM blob_uploads WHERE sha256 = $1', [sha]);
  const cases = await w.tx.query<CaseRow>('UPDATE cases SET missing_media = missing_media - $1::text, version = $2 WHERE missing_media ? $1::text RETURNING *', [sha, w.version]);
  for (const c of cases) logCase(w, c);
  await w.audit({ action: 'blob.store', subject: `blob:${sha}`, after: { size: bytes.byteLength, via, cases: cases.map((c) => c.id).sort() } });
  return 'new';
}

export interface Chunk {
  sha: string;
  /** Where this chunk starts in the blob. */
  offset: number;
  /** The whole blob's size. */
  size: number;
  bytes: Uint8Array;
}

/** Locks (creating when new) the upload row and checks the chunk continues it; returns the bytes held. */
async function continueUpload(tx: Sql, chunk: Chunk, at: Date): Promise<number> {
  await tx.query("INSERT INTO blob_uploads (sha256, size, bytes, updated_at) VALUES ($1, $2, ''::bytea, $3) ON CONFLICT (sha256) DO NOTHING", [chunk.sha, chunk.size, at.toISOString()]);
  const [row] = await tx.query<{ size: unknown; held: unknown }>('SELECT size, length(bytes) AS held FROM blob_uploads WHERE sha256 = $1 FOR UPDATE', [chunk.sha]);
  const size = toNumber(row?.size);
  const held = toNumber(row?.held ?? 0);
  if (size !== chunk.size) throw new HubError(400, 'bad-request', `the upload of this blob was started with size ${size}, not ${chunk.size}`);
  if (chunk.offset !== held) throw new HubError(409, 'blob-offset-mismatch', `the hub holds ${held} bytes of this blob; send from offset ${held}`, undefined, { offset: held });
  return held;
}

/** One chunk of an upload. The last one (offset + length = size) verifies and stores the blob. */
export async function putBlobChunk(store: Store, chunk: Chunk, actor: Actor, at: Date): Promise<BlobStatus> {
  if (chunk.size > BLOB_MAX) throw new HubError(413, 'blob-too-large', `a blob is at most ${BLOB_MAX} bytes`);
  const end = chunk.offset + chunk.bytes.byteLength;
  if (end > chunk.size) throw new HubError(400, 'bad-request', `the chunk ends at ${end}, after the blob's size ${chunk.size}`);
  if (chunk.bytes.byteLength === 0 && chunk.size > 0) throw new HubError(400, 'bad-request', 'an empty chunk');
  const done = await blobStatus(store, chunk.sha);
  if (done.state === 'complete') return done;

  if (end < chunk.size) {
    return store.transaction(async (tx) => {
      if ((await blobStatus(tx, chunk.sha)).state === 'complete') return blobStatus(tx, chunk.sha);
      await continueUpload(tx, chunk, at);
      await tx.query('UPDATE blob_uploads SET bytes = bytes || $2::bytea, updated_at = $3 WHERE sha256 = $1', [chunk.sha, asBuffer(chunk.bytes), at.toISOString()]);
      return { state: 'partial', offset: end, size: chunk.size };
    });
  }

  const outcome = await writeTransaction(store, actor, at, async (w) => {
    const now = await blobStatus(w.tx, chunk.sha);
    if (now.state === 'complete') return now;
    await continueUpload(w.tx, chunk, at);
    const [row] = await w.tx.query<{ bytes: Uint8Array }>('SELECT bytes FROM blob_uploads WHERE sha256 = $1', [chunk.sha]);
    const all = Buffer.concat([asBuffer(row?.bytes ?? new Uint8Array()), asBuffer(chunk.bytes)]);
    const stored = await storeBlob(w, chunk.sha, all, 'upload');
    if (stored === 'mismatch') {
      // Committed: the bad bytes are dropped and the upload starts again from 0.
      await w.tx.query('DELETE FROM blob_uploads WHERE sha256 = $1', [chunk.sha]);
      return 'mismatch' as const;
    }
    return { state: 'complete' as const, offset: chunk.size, size: chunk.size };
  });
  if (outcome === 'mismatch') throw new HubError(422, 'blob-hash-mismatch', 'the bytes received do not have this SHA-256; the upload was dropped, send it again from offset 0');
  return outcome;
}
