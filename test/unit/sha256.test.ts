import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSha256, gatherSha256, sha256Backend, sha256Hex, useGatheredSha256, useSha256Backend } from '../../src-shared/hash/sha256';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Feeds `text` to `update` in pieces of `step` characters through one reused buffer, as the draw's list
 * encoder does, wiping the buffer after each piece: a hash that kept a view instead of a copy fails.
 */
function feedThroughReusedBuffer(text: string, step: number, update: (bytes: Uint8Array) => unknown): void {
  const buffer = new Uint8Array(step * 4);
  for (let i = 0; i < text.length; i += step) {
    const { written } = new TextEncoder().encodeInto(text.slice(i, i + step), buffer);
    update(buffer.subarray(0, written));
    buffer.fill(0);
  }
}

describe('sha256: node:crypto under Node, @noble/hashes in the renderer, one digest', () => {
  afterEach(() => useSha256Backend('node:crypto'));

  it('uses node:crypto under Node', () => {
    expect(sha256Backend()).toBe('node:crypto');
  });

  it.each(['node:crypto', '@noble/hashes'] as const)('%s: the FIPS 180-2 vectors, and chunks equal the whole', (backend) => {
    useSha256Backend(backend);
    expect(sha256Hex(utf8('abc'))).toBe(ABC);
    expect(sha256Hex(new Uint8Array(0))).toBe(EMPTY);
    const text = '转供电加价检查 '.repeat(5000);
    const whole = sha256Hex(utf8(text));
    const h = createSha256();
    feedThroughReusedBuffer(text, 300, (bytes) => h.update(bytes));
    expect(h.hex()).toBe(whole);
  });

  it('both give the same digest of a megabyte', () => {
    const data = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 31) & 255);
    useSha256Backend('@noble/hashes');
    const noble = sha256Hex(data);
    useSha256Backend('node:crypto');
    expect(sha256Hex(data)).toBe(noble);
  });
});

describe('gatherSha256: bytes gathered and digested at once (WebCrypto in the renderer)', () => {
  afterEach(() => useGatheredSha256('webcrypto'));

  it.each(['webcrypto', 'sync'] as const)('%s: the FIPS vectors, and chunks from a reused buffer past the first 64 KiB equal the whole', async (choice) => {
    useGatheredSha256(choice);
    expect(await gatherSha256().update(utf8('abc')).hex()).toBe(ABC);
    expect(await gatherSha256().hex()).toBe(EMPTY);
    const text = '转供电加价检查 '.repeat(20000);
    const whole = sha256Hex(utf8(text));
    const h = gatherSha256();
    feedThroughReusedBuffer(text, 1000, (bytes) => h.update(bytes));
    expect(await h.hex()).toBe(whole);
  });

  it('uses WebCrypto where the platform has it, and hashes as it goes where it has not', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      expect(await gatherSha256().update(utf8('abc')).hex()).toBe(ABC);
      expect(digest).toHaveBeenCalledTimes(1);
      useGatheredSha256('sync');
      expect(await gatherSha256().update(utf8('abc')).hex()).toBe(ABC);
      expect(digest).toHaveBeenCalledTimes(1);
    } finally {
      digest.mockRestore();
    }
  });
});
