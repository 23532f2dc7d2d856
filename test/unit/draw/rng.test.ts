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
    const text = `["tariffcheck-draw/3","2025年第一批","${H('a')}","${H('b')}","${H('c')}"]`;
    expect(new TextDecoder().decode(keyMaterial(input))).toBe(text);
    expect(toHex(deriveKey(input))).toBe(sha256(text).toString('hex'));
    expect(DRAW_ALGORITHM).toBe('tariffcheck-draw/3');
  });

  it('normalises the seed to NFC, so a composed and a decomposed é draw alike', () => {
    const hashes = { entitiesHash: H('1'), inspectorsHash: H('2'), planHash: H('3') };
    expect(toHex(deriveKey({ seed: 'caf\u00e9', ...hashes }))).toBe(toHex(deriveKey({ seed: 'cafe\u0301', ...hashes })));
    expect(toHex(deriveKey({ seed: 'cafe', ...hashes }))).not.toBe(toHex(deriveKey({ seed: 'café', ...hashes })));
  });

  it('escapes quotes and control characters in the seed the JSON way', () => {
    const material = new TextDecoder().decode(keyMaterial({ seed: 'a"b\\c\nd\te', entitiesHash: '', inspectorsHash: '', planHash: '' }));
    expect(material).toBe('["tariffcheck-draw/3","a\\"b\\\\c\\nd\\te","","",""]');
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

  it('takes the high half of w × n and rejects a low half below 2^32 mod n (no value favoured)', () => {
    // n = 3: 2^32 mod 3 = 1, so only a word whose low half w × 3 mod 2^32 is 0 is rejected: w = 0.
    const s = new ScriptedStream([0, 0, 0xffffffff]);
    expect(s.uniform(3)).toBe(2);
    expect(s.consumed).toEqual([0, 0, 0xffffffff]);
    // n = 2^31 + 1: 2^32 mod n = 2^31 − 1; w = 1 gives low half 2^31 + 1, kept, high half 0;
    // w = 2 gives low half 2, rejected.
    const t = new ScriptedStream([2, 1, 7]);
    expect(t.uniform(2 ** 31 + 1)).toBe(0);
    expect(t.consumed).toEqual([2, 1]);
    // The largest word lands on the largest value.
    expect(new ScriptedStream([0xffffffff]).uniform(1000)).toBe(999);
  });

  it('draws one word even when n = 1, and takes any word for n = 2^32', () => {
    const s = new ScriptedStream([123, 0xffffffff]);
    expect(s.uniform(1)).toBe(0);
    expect(s.uniform(2 ** 32)).toBe(0xffffffff);
    expect(s.consumed).toEqual([123, 0xffffffff]);
  });

  it('gives for every n, on both paths (w × n exact in a double, or in halves), exactly what 64-bit arithmetic gives', () => {
    /** The specification in BigInt: m = w × n; reject while m mod 2^32 < 2^32 mod n; the result is ⌊m / 2^32⌋. */
    const expected = (n: number, words: number[]) => {
      const threshold = 2n ** 32n % BigInt(n);
      const k = words.findIndex((w) => (BigInt(w) * BigInt(n)) % 2n ** 32n >= threshold);
      return { value: Number((BigInt(words[k]!) * BigInt(n)) >> 32n), used: k + 1 };
    };
    /** Words whose low half lies just below and at the threshold, where a wrong comparison would show. */
    const near = (n: number) => {
      const threshold = 2n ** 32n % BigInt(n);
      const inverse = (low: bigint) => {
        // The smallest w with w × n ≡ low (mod 2^32) exists only for odd n; otherwise boundary words come from the grid.
        if (n % 2 === 0) return null;
        let inv = 1n;
        for (let i = 0; i < 6; i++) inv = (inv * (2n - BigInt(n) * inv)) % 2n ** 32n;
        return Number((((low * inv) % 2n ** 32n) + 2n ** 32n) % 2n ** 32n);
      };
      const edges = [threshold - 1n, threshold, 0n].filter((x) => x >= 0n).map(inverse).filter((w): w is number => w !== null);
      return [0, 1, 2 ** 16, 2 ** 31, 0xffffffff, ...edges];
    };
    const word = fc.integer({ min: 0, max: 0xffffffff });
    const n = fc.oneof(
      fc.integer({ min: 1, max: 2 ** 21 + 2 }),
      fc.integer({ min: 2 ** 21, max: 2 ** 32 }),
      fc.constantFrom(1, 2, 3, 306, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32),
    );
    fc.assert(
      fc.property(n, fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(), (n, words, pick) => {
        // Often one of the boundary words of this n, then 0xffffffff, whose low half is 2^32 − n ≥ 2^32 mod n.
        const edges = near(n);
        const script = [...words.map((w, i) => (i === 0 && pick % 2 === 0 ? edges[pick % edges.length]! : w)), 0xffffffff];
        const s = new ScriptedStream(script.slice());
        const want = expected(n, script);
        expect(s.uniform(n)).toBe(want.value);
        expect(s.consumed).toEqual(script.slice(0, want.used));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses n outside [1, 2^32] at once instead of looking for an acceptable word forever', () => {
    for (const n of [0, -1, 2.5, 2 ** 32 + 1, Number.NaN, Infinity]) {
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
