import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, DrawStream, deriveKey, keyMaterial, toHex } from '../../../src-shared/draw/rng';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const H = (c: string) => c.repeat(64);

/** A stream that returns the given words, for checking rejection sampling word by word. */
class ScriptedStream extends DrawStream {
  readonly consumed: number[] = [];
  constructor(private readonly script: number[]) {
    super(new Uint8Array(32));
  }
  override nextWord(): number {
    const w = this.script.shift();
    if (w === undefined) throw new Error('script exhausted');
    this.consumed.push(w);
    return w;
  }
}

describe('draw generator', () => {
  it('derives the key from the UTF-8 JSON array [algorithm, NFC seed, three hashes]', () => {
    const input = { seed: '2025年第一批', entitiesHash: H('a'), inspectorsHash: H('b'), planHash: H('c') };
    const text = `["tariffcheck-draw/2","2025年第一批","${H('a')}","${H('b')}","${H('c')}"]`;
    expect(new TextDecoder().decode(keyMaterial(input))).toBe(text);
    expect(toHex(deriveKey(input))).toBe(sha256(text).toString('hex'));
    expect(DRAW_ALGORITHM).toBe('tariffcheck-draw/2');
  });

  it('normalises the seed to NFC, so a composed and a decomposed é draw alike', () => {
    const hashes = { entitiesHash: H('1'), inspectorsHash: H('2'), planHash: H('3') };
    expect(toHex(deriveKey({ seed: 'caf\u00e9', ...hashes }))).toBe(toHex(deriveKey({ seed: 'cafe\u0301', ...hashes })));
    expect(toHex(deriveKey({ seed: 'cafe', ...hashes }))).not.toBe(toHex(deriveKey({ seed: 'café', ...hashes })));
  });

  it('escapes quotes and control characters in the seed the JSON way', () => {
    const material = new TextDecoder().decode(keyMaterial({ seed: 'a"b\\c\nd\te', entitiesHash: '', inspectorsHash: '', planHash: '' }));
    expect(material).toBe('["tariffcheck-draw/2","a\\"b\\\\c\\nd\\te","","",""]');
  });

  it('gives block i = SHA-256(key ‖ uint64be(i)) as eight big-endian words', () => {
    const key = sha256('test key');
    const stream = new DrawStream(new Uint8Array(key));
    const words: number[] = [];
    for (let i = 0; i < 24; i++) words.push(stream.nextWord());
    const expected: number[] = [];
    for (let block = 0; block < 3; block++) {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(BigInt(block));
      const digest = sha256(Buffer.concat([key, counter]));
      for (let w = 0; w < 8; w++) expected.push(digest.readUInt32BE(w * 4));
    }
    expect(words).toEqual(expected);
    expect(stream.blocksUsed).toBe(3);
  });

  it('writes the counter as 64 bits, high word first', () => {
    const key = sha256('k');
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(2n ** 32n + 5n);
    const digest = sha256(Buffer.concat([key, counter]));
    const stream = new DrawStream(new Uint8Array(key));
    // Skip to block 2^32 + 5 through the private index: the only way to reach it in a test.
    Object.assign(stream, { blockIndex: 2 ** 32 + 5 });
    expect(stream.nextWord()).toBe(digest.readUInt32BE(0));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new DrawStream(new Uint8Array(16))).toThrow(RangeError);
  });

  it('rejects the words at and above the largest multiple of n (no modulo bias)', () => {
    // n = 3: 2^32 mod 3 = 1, so only 0xFFFFFFFF is rejected; 0xFFFFFFFE mod 3 = 2 is kept.
    const s = new ScriptedStream([0xffffffff, 0xffffffff, 0xfffffffe]);
    expect(s.uniform(3)).toBe(2);
    expect(s.consumed).toEqual([0xffffffff, 0xffffffff, 0xfffffffe]);
    // n = 2^31 + 1: limit = 2^31 + 1, so 2^31 + 1 and above are rejected.
    const t = new ScriptedStream([2 ** 31 + 1, 2 ** 31, 7]);
    expect(t.uniform(2 ** 31 + 1)).toBe(2 ** 31);
    expect(t.consumed).toEqual([2 ** 31 + 1, 2 ** 31]);
  });

  it('draws one word even when n = 1, and takes any word for n = 2^32', () => {
    const s = new ScriptedStream([123, 0xffffffff]);
    expect(s.uniform(1)).toBe(0);
    expect(s.uniform(2 ** 32)).toBe(0xffffffff);
    expect(s.consumed).toEqual([123, 0xffffffff]);
  });

  it('gives on the integer path for small n (up to 2^15) exactly what exact arithmetic gives, word for word', () => {
    /** The specification in BigInt: reject words at or above 2^32 − (2^32 mod n), then w mod n. */
    const expected = (n: number, words: number[]) => {
      const limit = 2n ** 32n - (2n ** 32n % BigInt(n));
      const k = words.findIndex((w) => BigInt(w) < limit);
      return { value: Number(BigInt(words[k]!) % BigInt(n)), used: k + 1 };
    };
    const near = (n: number) => {
      const limit = 2 ** 32 - (2 ** 32 % n);
      return [0, 1, n - 1, n, 2 ** 16 - 1, 2 ** 16, 2 ** 31 - 1, 2 ** 31, limit - 1, limit, 0xffffffff].filter((w) => w >= 0 && w <= 0xffffffff);
    };
    const word = fc.integer({ min: 0, max: 0xffffffff });
    const n = fc.oneof(fc.integer({ min: 1, max: 2 ** 15 + 2 }), fc.constantFrom(1, 2, 3, 306, 2 ** 15 - 1, 2 ** 15, 2 ** 15 + 1));
    fc.assert(
      fc.property(n, fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(), (n, words, pick) => {
        // Often one of the boundary words of this n, then a word below every limit so the draw ends.
        const edges = near(n);
        const script = [...words.map((w, i) => (i === 0 && pick % 2 === 0 ? edges[pick % edges.length]! : w)), 0];
        const s = new ScriptedStream(script.slice());
        const want = expected(n, script);
        expect(s.uniform(n)).toBe(want.value);
        expect(s.consumed).toEqual(script.slice(0, want.used));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses n outside [1, 2^32] at once instead of looking for an acceptable word forever', () => {
    for (const n of [0, -1, 2 ** 32 + 1, Number.NaN, Infinity]) {
      const s = new ScriptedStream([1, 2, 3]);
      expect(() => s.uniform(n)).toThrow(RangeError);
      expect(s.consumed).toEqual([]);
    }
  });

  it('spreads uniform(7) evenly over 70,000 draws (chi-square, 6 degrees of freedom)', () => {
    const stream = new DrawStream(new Uint8Array(sha256('uniform-7')));
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[stream.uniform(7)]!++;
    const chi2 = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    // 22.46 is the 0.001 critical value; the stream is deterministic, so this cannot flake.
    expect(chi2).toBeLessThan(22.46);
  });
});
