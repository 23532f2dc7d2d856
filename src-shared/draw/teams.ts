// Per-district bookkeeping for team assignment during one draw: who is at which load, as bitsets over the
// district's inspectors in canonical order (their DistrictRoster). Picking the r-th eligible inspector of
// the lowest eligible load is then a few word operations instead of a scan of every inspector for every
// seat (docs/draw-algorithm.md §9). Flat typed arrays and one method per team: this runs for every seat
// of every drawn target, and the draw's time is mostly here and in its generator.
import type { DrawStream } from './rng';
import type { DistrictRoster } from './roster';

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

/** One district's inspectors during one draw: their loads, as one bitset per load level. */
export class DistrictPool {
  private readonly words: number;
  private readonly load: Int32Array;
  /** Level L's bitset (members whose load is L) is bits[L × words, (L + 1) × words); counts[L] its size. */
  private bits: Int32Array;
  private counts: Int32Array;
  /** Levels in use: one above the highest load. */
  private levels = 1;
  private minLevel = 0;
  /** Per word: members the current seat may still have (not recused, not excluded, not on the team). */
  private readonly open: Int32Array;
  /** Per word: eligible members at the level being drawn from. */
  private readonly eligibleCounts: Int32Array;

  constructor(readonly roster: DistrictRoster) {
    this.words = roster.words;
    this.load = new Int32Array(roster.members.length);
    this.bits = new Int32Array(this.words * 8);
    this.bits.set(roster.all);
    this.counts = new Int32Array(8);
    this.counts[0] = roster.members.length;
    this.open = new Int32Array(this.words);
    this.eligibleCounts = new Int32Array(this.words);
  }

  /** Canonical (list) index of each local inspector. */
  get members(): readonly number[] {
    return this.roster.members;
  }

  loadOf(local: number): number {
    return this.load[local]!;
  }

  /**
   * Fills one target's team (docs/draw-algorithm.md §9). `recusals[from, to)` are local indices of
   * members the target may not have (declared conflicts, last inspectors); `recused` the members of its
   * sub-district, or null. Seat by seat: the candidates are members not recused, not yet on the team, with
   * load < maxLoad; the pool is those of least load in canonical order; the seat is pool[uniform(size)].
   * Writes each seat's canonical inspector index to `out[at + seat]` and returns the number of seats
   * filled: `teamSize`, or fewer when no candidate was left.
   */
  fillTeam(recusals: Int32Array, from: number, to: number, recused: Int32Array | null, teamSize: number, maxLoad: number, stream: DrawStream, out: Int32Array, at: number): number {
    const { open, words } = this;
    // Loops, not fill(): for ten-odd words the builtin's call costs more than the stores.
    if (recused === null) for (let w = 0; w < words; w++) open[w] = -1;
    else for (let w = 0; w < words; w++) open[w] = ~recused[w]!;
    for (let k = from; k < to; k++) {
      const local = recusals[k]!;
      open[local >>> 5]! &= ~(1 << (local & 31));
    }
    const members = this.roster.listIndex;
    const counts = this.eligibleCounts;
    // The level drawn from and its number of eligible members. A seat taken leaves that level and the open
    // set, so the next seat's pool is the same level less that one member: levels below it had nobody
    // eligible and still have nobody. Only when the level runs out is the next one above counted.
    let level = this.minLevel;
    let total = this.countEligible(level, maxLoad);
    for (let seat = 0; seat < teamSize; seat++) {
      while (total === 0 && level < this.top(maxLoad)) total = this.countEligible(++level, maxLoad);
      if (total === 0) return seat;
      let r = stream.uniform(total);
      let w = 0;
      while (r >= counts[w]!) r -= counts[w++]!;
      const local = w * 32 + nthSetBit(this.bits[level * words + w]! & open[w]!, r);
      this.assign(local);
      open[w]! &= ~(1 << (local & 31));
      counts[w]!--;
      total--;
      out[at + seat] = members[local]!;
    }
    return teamSize;
  }

  /** Levels a seat may be drawn from: below the levels in use and below maxLoad. */
  private top(maxLoad: number): number {
    return Math.min(this.levels, maxLoad);
  }

  /** Fills eligibleCounts with the open members at `level`, per word; returns their number (0 at or above top). */
  private countEligible(level: number, maxLoad: number): number {
    if (level >= this.top(maxLoad) || this.counts[level] === 0) return 0;
    const { bits, open, eligibleCounts, words } = this;
    const base = level * words;
    let total = 0;
    for (let w = 0; w < words; w++) {
      const c = popcount(bits[base + w]! & open[w]!);
      eligibleCounts[w] = c;
      total += c;
    }
    return total;
  }

  /** Gives the member one more target: it moves up one level. */
  private assign(local: number): void {
    const level = this.load[local]!;
    if (level + 1 === this.levels) this.addLevel();
    const { bits, counts, words } = this;
    const word = local >>> 5;
    const bit = 1 << (local & 31);
    bits[level * words + word]! &= ~bit;
    bits[(level + 1) * words + word]! |= bit;
    counts[level]!--;
    counts[level + 1]!++;
    this.load[local] = level + 1;
    while (this.minLevel < this.levels && counts[this.minLevel] === 0) this.minLevel++;
  }

  private addLevel(): void {
    if ((this.levels + 1) * this.words > this.bits.length) {
      const bits = new Int32Array(this.bits.length * 2);
      bits.set(this.bits);
      this.bits = bits;
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.levels++;
  }
}
