// The draw's deterministic generator: a SHA-256 counter stream keyed by the seed and the three input
// hashes (docs/draw-algorithm.md §4–§6). Anyone with the published inputs can regenerate every word.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The algorithm version; part of the key, so a changed algorithm can never reproduce an old draw silently. */
export const DRAW_ALGORITHM = 'tariffcheck-draw/3';

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** Largest n for which w × n, w < 2^32, is exact as a double. */
const EXACT_RANGE = 2 ** 21;
const utf8 = new TextEncoder();

/** What the key is derived from: the seed as typed and the hex SHA-256 of each canonical input. */
export interface KeyInput {
  seed: string;
  entitiesHash: string;
  inspectorsHash: string;
  planHash: string;
}

/** The exact bytes hashed into the key: the UTF-8 JSON array [algorithm, NFC seed, entities, inspectors, plan]. */
export function keyMaterial(input: KeyInput): Uint8Array {
  const fields = [DRAW_ALGORITHM, input.seed.normalize('NFC'), input.entitiesHash, input.inspectorsHash, input.planHash];
  return utf8.encode(JSON.stringify(fields));
}

/** The 32-byte key of the stream: SHA-256 of `keyMaterial`. */
export function deriveKey(input: KeyInput): Uint8Array {
  return sha256(keyMaterial(input));
}

/** Lower-case hex of a key or hash. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/**
 * Block i = SHA-256(key ‖ uint64be(i)), i = 0, 1, 2, …; each block gives eight big-endian 32-bit words,
 * used in order. One object is reused for every block: the key is hashed once into `keyed` and its
 * state copied per block, which halves the cost per block against hashing 40 fresh bytes.
 */
export class DrawStream {
  private readonly keyed = sha256.create();
  private readonly work = sha256.create();
  private readonly counter = new Uint8Array(8);
  private readonly counterView = new DataView(this.counter.buffer);
  private readonly block = new Uint8Array(32);
  private readonly words = new Uint32Array(8);
  private next = 8;
  private blockIndex = 0;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError('draw key must be 32 bytes');
    this.keyed.update(key);
  }

  /** Number of whole 32-byte blocks generated so far. */
  get blocksUsed(): number {
    return this.blockIndex;
  }

  /** The next 32-bit word of the stream, an integer in [0, 2^32). */
  nextWord(): number {
    if (this.next === 8) this.refill();
    return this.words[this.next++]!;
  }

  /**
   * A uniform integer in [0, n) for an integer n in [1, 2^32], by Lemire's multiply-and-reject (§6): the high
   * 32 bits of w × n, rejecting the few words whose low 32 bits fall below 2^32 mod n, so that every
   * result has exactly ⌊2^32 / n⌋ accepted words. A multiplication per call where `w mod n` needs a division.
   */
  uniform(n: number): number {
    // Outside [1, 2^32] no word would ever be accepted and the loop below would never end; a fraction
    // would favour some values.
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) throw new RangeError(`uniform(n) needs an integer 1 ≤ n ≤ 2^32, got ${n}`);
    for (;;) {
      const w = this.nextWord();
      let high: number;
      let low: number;
      if (n <= EXACT_RANGE) {
        // w × n < 2^53: exact as a double.
        const product = w * n;
        high = Math.floor(product * TWO_POW_MINUS_32);
        low = product - high * TWO_POW_32;
      } else {
        // In 16-bit halves of w, each partial product below 2^48.
        const a = (w >>> 16) * n;
        const s = (a % 65536) * 65536 + (w & 0xffff) * n;
        high = Math.floor(a / 65536) + Math.floor(s * TWO_POW_MINUS_32);
        low = s % TWO_POW_32;
      }
      // 2^32 mod n < n: only a low part below n can be rejected, so the remainder is rarely computed.
      if (low >= n || low >= TWO_POW_32 % n) return high;
    }
  }

  private refill(): void {
    const i = this.blockIndex++;
    this.counterView.setUint32(0, Math.floor(i / TWO_POW_32));
    this.counterView.setUint32(4, i >>> 0);
    this.keyed._cloneInto(this.work);
    this.work.update(this.counter).digestInto(this.block);
    const b = this.block;
    for (let w = 0; w < 8; w++) {
      const o = w * 4;
      this.words[w] = ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
    }
    this.next = 0;
  }
}

