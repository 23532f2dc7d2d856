// What team assignment needs of the two lists, worked out once per pair of lists (prepareLists): each
// district's inspectors with their sub-district codes, and per target the inspectors of its own district
// who may never sit on its team. None of it depends on the plan or the seed, so a re-run (verify, a second
// draw over the same lists) reuses it; the draw itself then touches one packed entry per drawn target.
import type { Inspector } from '../domain';
import { compareCodeUnits, type PreparedEntities, type PreparedList } from './canonical';

/** The active inspectors of one district; `local` indices are their positions in canonical (certNo) order. */
export class DistrictRoster {
  /** Canonical (list) index of each local inspector, in canonical order. */
  readonly members: number[] = [];
  /** `members` as a typed array, for the draw's inner loop. */
  listIndex = new Int32Array(0);
  /** Per member: the local code of its sub-district (0 … subdistricts − 1), or −1 when it has none. */
  subOf = new Int32Array(0);
  /** The number of distinct sub-districts the members work in. */
  subdistricts = 0;
  /** Local code of each sub-district name. */
  readonly subCode = new Map<string, number>();

  constructor(readonly district: string) {}

  /** Adds the next inspector in canonical order; returns its local index. */
  add(listIndex: number): number {
    this.members.push(listIndex);
    return this.members.length - 1;
  }

  /** Codes the members' sub-districts once every member is added. */
  seal(inspectors: readonly Inspector[]): void {
    this.listIndex = Int32Array.from(this.members);
    this.subOf = Int32Array.from(this.members, (i) => {
      const sub = inspectors[i]!.subdistrict;
      if (sub === '') return -1;
      let code = this.subCode.get(sub);
      if (code === undefined) this.subCode.set(sub, (code = this.subCode.size));
      return code;
    });
    this.subdistricts = this.subCode.size;
  }
}

/** Entries per target in `Roster.targets`. */
export const TARGET_STRIDE = 4;

export interface Roster {
  /** The districts' rosters, in order of their first inspector. */
  districts: DistrictRoster[];
  /** Per target district code (`groupCodes.values.district`): its roster, or null when it has no inspector. */
  byDistrictCode: (DistrictRoster | null)[];
  /**
   * Per canonical target index t, at t × TARGET_STRIDE: the local code of its sub-district in its
   * district's roster (−1 when no member works there, or it has none), where its entries start in
   * `recusals`, how many inspectors of its district declared a conflict with it, and how many of its last
   * inspectors are in its district. Packed so that a drawn target costs one cache line, not five.
   */
  targets: Int32Array;
  /** Local indices in the target's district roster: its conflicted inspectors, then its last inspectors. */
  recusals: Int32Array;
}

/** Index of `uscc` in the canonical USCC column, or -1. */
function findTarget(usccs: readonly string[], uscc: string): number {
  let lo = 0;
  let hi = usccs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareCodeUnits(usccs[mid]!, uscc);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The roster of two prepared lists (docs/draw-algorithm.md §9: who may sit on which target's team). */
export function prepareRoster(entities: PreparedEntities, inspectors: PreparedList<Inspector>): Roster {
  const rows = inspectors.rows;
  const { codes, values } = entities.groupCodes;
  const byName = new Map<string, DistrictRoster>();
  const rosterOf: DistrictRoster[] = [];
  const localOf = new Int32Array(rows.length);
  const byCertNo = new Map<string, number>();
  rows.forEach((insp, i) => {
    let roster = byName.get(insp.district);
    if (!roster) byName.set(insp.district, (roster = new DistrictRoster(insp.district)));
    localOf[i] = roster.add(i);
    rosterOf.push(roster);
    byCertNo.set(insp.certNo, i);
  });
  for (const roster of byName.values()) roster.seal(rows);
  const byDistrictCode = values.district.map((d) => byName.get(d) ?? null);
  const districtOf = codes.district;

  // Declared conflicts are few: resolved by binary search, kept only within the target's own district.
  const conflicts = new Map<number, number[]>();
  const hasConflict = new Uint8Array(entities.rows.length);
  rows.forEach((insp, i) => {
    for (const uscc of insp.conflicts) {
      const t = findTarget(entities.columns.uscc, uscc);
      if (t < 0 || byDistrictCode[districtOf[t]!] !== rosterOf[i]) continue;
      const list = conflicts.get(t);
      if (list) list.push(localOf[i]!);
      else conflicts.set(t, [localOf[i]!]);
      hasConflict[t] = 1;
    }
  });

  const { lastStart, lastCodes, lastValues } = entities.columns;
  const lastIndex = Int32Array.from(lastValues, (certNo) => byCertNo.get(certNo) ?? -1);
  const n = entities.rows.length;
  const targets = new Int32Array(n * TARGET_STRIDE);
  const recusals: number[] = [];
  for (let t = 0; t < n; t++) {
    const own = byDistrictCode[districtOf[t]!];
    const at = t * TARGET_STRIDE;
    const sub = values.subdistrict[codes.subdistrict[t]!]!;
    targets[at] = sub === '' ? -1 : (own?.subCode.get(sub) ?? -1);
    targets[at + 1] = recusals.length;
    // A flag first: a Map lookup for each of 100,000 targets would cost more than the rest of the loop.
    const conflicted = hasConflict[t] === 1 ? conflicts.get(t)! : [];
    recusals.push(...conflicted);
    targets[at + 2] = conflicted.length;
    let last = 0;
    for (let k = lastStart[t]!; k < lastStart[t + 1]!; k++) {
      const i = lastIndex[lastCodes[k]!]!;
      // Only inspectors of the target's own district can be candidates, so only they need marking.
      if (i < 0 || rosterOf[i] !== own) continue;
      recusals.push(localOf[i]!);
      last++;
    }
    targets[at + 3] = last;
  }
  return { districts: [...byName.values()], byDistrictCode, targets, recusals: Int32Array.from(recusals) };
}
