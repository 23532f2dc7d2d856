// Per-district bookkeeping for team assignment during one draw (docs/draw-algorithm.md §9): the district's
// inspectors in one sequence arranged by load, a segment per load level, so that the least-loaded
// inspectors are one slice and a seat is one random position in it. A seat taken moves its inspector to
// the next segment by one swap. This runs for every seat of every drawn target: flat typed arrays, one
// method per team, no allocation.
import type { DrawStream } from './rng';
import type { DistrictRoster } from './roster';

/** Largest segment whose pairs of positions, size × (size − 1), fit one uniform (≤ 2^32). */
const PAIR_RANGE = 65536;

/**
 * Draws of a position before giving up. At least half the pool is eligible where positions are drawn, so
 * a pair is accepted with probability ≥ 1/6 a try: 2^20 failures mean the eligible count is wrong.
 */
const MAX_TRIES = 1 << 20;

/** A bug, never a refusal: the counts say someone is eligible and nobody is. Better an error than a hang. */
function lostCount(): Error {
  return new Error('draw: the pool has fewer eligible inspectors than its counts say');
}

/** One district's inspectors during one draw: their loads, as segments of one sequence. */
export class DistrictPool {
  /** Local indices by position: load 0 first, then load 1, … (the segments). */
  private readonly order: Int32Array;
  /** Position of each local index in `order`. */
  private readonly position: Int32Array;
  private readonly load: Int32Array;
  /** Segment L is order[start[L], start[L + 1]); start[levels] is the member count. */
  private start: Int32Array;
  /** Per level L and local sub-district code s, at L × subdistricts + s: members of s at load L. */
  private subCounts: Int32Array;
  private readonly subdistricts: number;
  /** Levels in use: one above the highest load. */
  private levels = 1;
  private minLevel = 0;
  /** Members marked for the team being filled (recused or seated): mark[local] === stamp. */
  private readonly mark: Int32Array;
  private stamp = 0;
  /** The marked members of the team being filled, deduplicated. */
  private readonly marked: Int32Array;
  private markedCount = 0;

  constructor(readonly roster: DistrictRoster) {
    const m = roster.members.length;
    this.order = Int32Array.from({ length: m }, (_, i) => i);
    this.position = Int32Array.from(this.order);
    this.load = new Int32Array(m);
    this.start = new Int32Array(9);
    this.start[1] = m;
    this.subdistricts = roster.subdistricts;
    this.subCounts = new Int32Array(8 * this.subdistricts);
    for (const s of roster.subOf) if (s >= 0) this.subCounts[s]!++;
    this.mark = new Int32Array(m);
    this.marked = new Int32Array(m);
  }

  /** Canonical (list) index of each local inspector. */
  get members(): readonly number[] {
    return this.roster.members;
  }

  loadOf(local: number): number {
    return this.load[local]!;
  }

  /**
   * Fills one target's team (§9). `recusals[from, to)` are local indices of members the target may not
   * have (declared conflicts, last inspectors); `subdistrict` is the local code of the target's
   * sub-district when its members are recused, or −1. The pool is the least-loaded segment with an
   * eligible member (not recused, not on the team, load below maxLoad). Where at least half the pool is
   * eligible, positions are drawn until eligible: two seats from one word while two are left (a uniform
   * pair of positions), else one; where fewer are, the seat is the r-th eligible member for r uniform.
   * Writes each seat's canonical inspector index to `out[at + seat]` and returns the seats filled:
   * `teamSize`, or fewer when nobody is eligible.
   */
  fillTeam(recusals: Int32Array, from: number, to: number, subdistrict: number, teamSize: number, maxLoad: number, stream: DrawStream, out: Int32Array, at: number): number {
    const { mark, order } = this;
    // `mark` holds 32-bit stamps: start over before one would wrap (2^31 teams in one district).
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let count = 0;
    for (let k = from; k < to; k++) {
      const local = recusals[k]!;
      if (mark[local] !== stamp) {
        mark[local] = stamp;
        this.marked[count++] = local;
      }
    }
    this.markedCount = count;
    let level = this.minLevel;
    let seat = 0;
    while (seat < teamSize) {
      // A seat taken leaves its segment, so lower segments, which had nobody eligible, still have nobody.
      const top = this.top(maxLoad);
      let eligible = 0;
      while (level < top && (eligible = this.eligibleAt(level, subdistrict)) === 0) level++;
      if (level >= top) return seat;
      const first = this.start[level]!;
      const size = this.start[level + 1]! - first;
      // Drawing a position again while it is ineligible is fast only where most of the pool is eligible.
      const dense = 2 * eligible >= size;
      if (dense && eligible >= 2 && teamSize - seat >= 2 && size <= PAIR_RANGE) {
        // After the first of the pair leaves, the segment's last member stands in its place.
        const last = first + size - 1;
        let a: number;
        let b: number;
        for (let tries = 0; ; tries++) {
          if (tries === MAX_TRIES) throw lostCount();
          const r = stream.uniform(size * (size - 1));
          const i = Math.floor(r / (size - 1));
          const j = r - i * (size - 1);
          a = order[first + i]!;
          if (!this.eligible(a, stamp, subdistrict)) continue;
          b = j === i ? order[last]! : order[first + j]!;
          if (this.eligible(b, stamp, subdistrict)) break;
        }
        this.seat(a, stamp, out, at + seat++);
        this.seat(b, stamp, out, at + seat++);
      } else if (dense) {
        let local: number;
        let tries = 0;
        do {
          if (tries++ === MAX_TRIES) throw lostCount();
          local = order[first + stream.uniform(size)]!;
        } while (!this.eligible(local, stamp, subdistrict));
        this.seat(local, stamp, out, at + seat++);
      } else {
        // The r-th eligible member in sequence order.
        let r = stream.uniform(eligible);
        let p = first;
        for (; ; p++) {
          if (p === first + size) throw lostCount();
          if (this.eligible(order[p]!, stamp, subdistrict) && r-- === 0) break;
        }
        this.seat(order[p]!, stamp, out, at + seat++);
      }
    }
    return teamSize;
  }

  private eligible(local: number, stamp: number, subdistrict: number): boolean {
    return this.mark[local] !== stamp && !(this.roster.subOf[local] === subdistrict && subdistrict >= 0);
  }

  private seat(local: number, stamp: number, out: Int32Array, at: number): void {
    this.mark[local] = stamp;
    this.marked[this.markedCount++] = local;
    this.raise(local);
    out[at] = this.roster.listIndex[local]!;
  }

  /** Levels a seat may be drawn from: below the levels in use and below maxLoad. */
  private top(maxLoad: number): number {
    return Math.min(this.levels, maxLoad);
  }

  /** Members of segment `level` neither marked nor of the recused sub-district. */
  private eligibleAt(level: number, subdistrict: number): number {
    const size = this.start[level + 1]! - this.start[level]!;
    if (size === 0) return 0;
    let ineligible = subdistrict >= 0 ? this.subCounts[level * this.subdistricts + subdistrict]! : 0;
    const { load, marked, markedCount } = this;
    const subOf = this.roster.subOf;
    for (let k = 0; k < markedCount; k++) {
      const local = marked[k]!;
      if (load[local] === level && !(subOf[local] === subdistrict && subdistrict >= 0)) ineligible++;
    }
    return size - ineligible;
  }

  /** Gives the member one more target: swapped to the end of its segment, which then becomes the next one's first place. */
  private raise(local: number): void {
    const level = this.load[local]!;
    if (level + 1 === this.levels) this.addLevel();
    const { order, position, start } = this;
    const last = start[level + 1]! - 1;
    const p = position[local]!;
    const other = order[last]!;
    order[p] = other;
    position[other] = p;
    order[last] = local;
    position[local] = last;
    start[level + 1] = last;
    this.load[local] = level + 1;
    const s = this.roster.subOf[local]!;
    if (s >= 0) {
      this.subCounts[level * this.subdistricts + s]!--;
      this.subCounts[(level + 1) * this.subdistricts + s]!++;
    }
    while (start[this.minLevel] === start[this.minLevel + 1]) this.minLevel++;
  }

  private addLevel(): void {
    if (this.levels + 2 > this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
      // Room for a count per sub-district at every level `start` can bound.
      const subCounts = new Int32Array((start.length - 1) * this.subdistricts);
      subCounts.set(this.subCounts);
      this.subCounts = subCounts;
    }
    this.levels++;
    this.start[this.levels] = this.order.length;
  }
}
