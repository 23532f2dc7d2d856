import { afterEach, describe, expect, it } from 'vitest';
import { createSha256, sha256Backend, sha256Hex, useSha256Backend } from '../../src-shared/hash/sha256';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const utf8 = (s: string) => new TextEncoder().encode(s);

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
    // A reused buffer, as the draw's list encoder passes: the hash must copy what it is given.
    const buffer = new Uint8Array(1000);
    for (let i = 0; i < text.length; i += 300) {
      const { written } = new TextEncoder().encodeInto(text.slice(i, i + 300), buffer);
      h.update(buffer.subarray(0, written));
    }
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
