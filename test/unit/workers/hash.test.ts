import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chunkedSha256, HASH_CHUNK, type HashProgress } from '../../../src-renderer/workers/chunkedSha256';
import { HASH_IN_WORKER_BYTES, hashesInWorker } from '../../../src-renderer/workers/hashClient';

const MB = 1024 * 1024;

describe('hashing large files', () => {
  it('without WebCrypto hashes in 4 MB chunks and reports the bytes done after each', async () => {
    const bytes = new Uint8Array(10 * MB).fill(7);
    const seen: HashProgress[] = [];
    const hex = await chunkedSha256(bytes, (p) => seen.push(p), null);
    expect(seen).toEqual([{ done: 4 * MB, total: 10 * MB }, { done: 8 * MB, total: 10 * MB }, { done: 10 * MB, total: 10 * MB }]);
    expect(hex).toBe(await chunkedSha256(bytes, () => undefined, webcrypto.subtle as SubtleCrypto));
    expect(HASH_CHUNK).toBe(4 * MB);
  });

  it('gives the standard digest either way (FIPS 180-2 "abc")', async () => {
    const abc = new TextEncoder().encode('abc') as Uint8Array<ArrayBuffer>;
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await chunkedSha256(abc, () => undefined, null)).toBe(expected);
    expect(await chunkedSha256(abc, () => undefined, webcrypto.subtle as SubtleCrypto)).toBe(expected);
  });

  it('goes to a worker from 8 MB, and never where there are no workers', () => {
    expect(HASH_IN_WORKER_BYTES).toBe(8 * MB);
    expect(hashesInWorker(8 * MB - 1, true)).toBe(false);
    expect(hashesInWorker(8 * MB, true)).toBe(true);
    expect(hashesInWorker(200 * MB, false)).toBe(false);
  });
});
