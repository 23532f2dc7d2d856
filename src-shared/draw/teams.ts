// Per-district bookkeeping for team assignment: who is at which load, as bitsets over the district's
// inspectors in canonical order. Picking the r-th eligible inspector of the lowest eligible load is then
// a few word operations instead of a scan of every inspector for every seat (docs/draw-algorithm.md §9).
import type { DrawStream } from './rng';

/** Bits set in a 32-bit word (Hamming weight). */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Position (0..31) of the r-th set bit of v counting from the least significant, r < popcount(v). */
function nthSetBit(v: number, r: number): number {
  for (let i = 0; i < r; i++) v &= v - 1;
  return 31 - Math.clz32(v & -v);
}

/** The active inspectors of one district; `local` indices are their positions in canonical (certNo) order. */
export class DistrictPool {
  /** Global (list) index of each local inspector, in canonical order. */
  readonly members: number[] = [];
  private words = 0;
  private load = new Int32Array(0);
  /** levels[L] = bitset of inspectors whose current load is L; counts[L] = its size. */
  private readonly levels: Int32Array[] = [];
  private readonly counts: number[] = [];
  private minLevel = 0;
  private readonly subdistrictBits = new Map<string, Int32Array>();
  /** Inspectors the current target may not have (team so far, declared conflicts, last inspectors). */
  private excluded = new Int32Array(0);
  private readonly excludedList: number[] = [];
  private noneBits = new Int32Array(0);
  private eligible = new Int32Array(0);
  private eligibleCounts = new Int32Array(0);

  /** Adds the next inspector in canonical order; returns its local index. */
  add(globalIndex: number): number {
    this.members.push(globalIndex);
    return this.members.length - 1;
  }

  /** Builds the bitsets once every member is added; `subdistrictOf` gives a member's sub-district ('' = none). */
  seal(subdistrictOf: (globalIndex: number) => string): void {
    const n = this.members.length;
    this.words = Math.ceil(n / 32);
    this.load = new Int32Array(n);
    this.excluded = new Int32Array(this.words);
    this.noneBits = new Int32Array(this.words);
    this.eligible = new Int32Array(this.words);
    this.eligibleCounts = new Int32Array(this.words);
    const all = new Int32Array(this.words);
    for (let local = 0; local < n; local++) {
      setBit(all, local);
      const sub = subdistrictOf(this.members[local]!);
      if (sub === '') continue;
      let bits = this.subdistrictBits.get(sub);
      if (!bits) this.subdistrictBits.set(sub, (bits = new Int32Array(this.words)));
      setBit(bits, local);
    }
    this.levels.push(all);
    this.counts.push(n);
  }

  /** Members working in `subdistrict` (recused for a target there), or null when nobody does. */
  subdistrictMask(subdistrict: string): Int32Array | null {
    return subdistrict === '' ? null : (this.subdistrictBits.get(subdistrict) ?? null);
  }

  /** Marks a member as not available for the current target. */
  exclude(local: number): void {
    setBit(this.excluded, local);
    this.excludedList.push(local);
  }

  /** Clears the marks of the current target. */
  clearExcluded(): void {
    for (const local of this.excludedList) this.excluded[local >>> 5] = 0;
    this.excludedList.length = 0;
  }

  loadOf(local: number): number {
    return this.load[local]!;
  }

  /**
   * Draws one seat: the candidates are members not excluded, not in `recused`, with load < maxLoad;
   * the pool is those of least load, in canonical order; returns pool[uniform(pool size)] or -1.
   */
  pick(recused: Int32Array | null, maxLoad: number, stream: DrawStream): number {
    const mask = recused ?? this.noneBits;
    for (let level = this.minLevel; level < this.levels.length && level < maxLoad; level++) {
      if (this.counts[level] === 0) continue;
      const total = this.collectEligible(this.levels[level]!, mask);
      if (total > 0) return this.nth(stream.uniform(total));
    }
    return -1;
  }

  /** Gives the member one more target. */
  assign(local: number): void {
    const level = this.load[local]!;
    clearBit(this.levels[level]!, local);
    this.counts[level]!--;
    if (this.levels.length === level + 1) {
      this.levels.push(new Int32Array(this.words));
      this.counts.push(0);
    }
    setBit(this.levels[level + 1]!, local);
    this.counts[level + 1]!++;
    this.load[local] = level + 1;
    while (this.minLevel < this.levels.length && this.counts[this.minLevel] === 0) this.minLevel++;
  }

  private collectEligible(levelBits: Int32Array, recused: Int32Array): number {
    let total = 0;
    for (let w = 0; w < this.words; w++) {
      const v = levelBits[w]! & ~this.excluded[w]! & ~recused[w]!;
      const c = v === 0 ? 0 : popcount(v);
      this.eligible[w] = v;
      this.eligibleCounts[w] = c;
      total += c;
    }
    return total;
  }

  private nth(r: number): number {
    for (let w = 0; ; w++) {
      const c = this.eligibleCounts[w]!;
      if (r < c) return w * 32 + nthSetBit(this.eligible[w]!, r);
      r -= c;
    }
  }
}

function setBit(bits: Int32Array, i: number): void {
  bits[i >>> 5]! |= 1 << (i & 31);
}

function clearBit(bits: Int32Array, i: number): void {
  bits[i >>> 5]! &= ~(1 << (i & 31));
}
