// DistrictPool on its own: what the draw tests cannot reach in reasonable time.
import { describe, expect, it } from 'vitest';
import type { Inspector } from '../../../src-shared/domain';
import { DrawStream } from '../../../src-shared/draw/rng';
import { DistrictRoster } from '../../../src-shared/draw/roster';
import { DistrictPool } from '../../../src-shared/draw/teams';

function roster(subdistricts: string[]): DistrictRoster {
  const r = new DistrictRoster('鼓楼区');
  subdistricts.forEach((_, i) => r.add(i));
  r.seal(subdistricts.map((subdistrict) => ({ subdistrict }) as Inspector));
  return r;
}

/** 200 teams of 2 from three inspectors, the first recused from every target. */
function teams(pool: DistrictPool): number[][] {
  const stream = new DrawStream(new Uint8Array(32));
  const out = new Int32Array(2);
  return Array.from({ length: 200 }, () => {
    expect(pool.fillTeam(Int32Array.of(0), 0, 1, -1, 2, Infinity, stream, out, 0)).toBe(2);
    return Array.from(out);
  });
}

describe('district pool', () => {
  it('fills the same teams after 2^31 − 1 teams as from the start: the 32-bit team marks start over instead of wrapping', () => {
    const r = roster(['', '', '']);
    const fresh = teams(new DistrictPool(r));
    const worn = new DistrictPool(r);
    // As if 2^31 − 1 teams had been filled from this pool (the only way to get there in a test).
    Object.assign(worn, { stamp: 2 ** 31 - 1 });
    expect(teams(worn)).toEqual(fresh);
    expect(fresh.every(([a, b]) => a !== 0 && b !== 0 && a !== b)).toBe(true);
  });

  it('throws, instead of drawing forever, when its counts of the eligible are wrong', () => {
    // Three inspectors of 东街街道 and a target there: nobody is eligible. Damaged counts say all three are.
    const pool = new DistrictPool(roster(['东街街道', '东街街道', '东街街道']));
    Object.assign(pool, { subCounts: new Int32Array(64) });
    const stream = new DrawStream(new Uint8Array(32));
    expect(() => pool.fillTeam(new Int32Array(0), 0, 0, 0, 1, Infinity, stream, new Int32Array(1), 0)).toThrow('draw: the pool has fewer eligible inspectors than its counts say');
    expect(() => pool.fillTeam(new Int32Array(0), 0, 0, 0, 2, Infinity, stream, new Int32Array(2), 0)).toThrow('draw: the pool has fewer eligible inspectors than its counts say');
    // Counts that say one of four is eligible: the r-th eligible is looked for, and not found.
    const sparse = new DistrictPool(roster(['东街街道', '东街街道', '东街街道', '东街街道']));
    Object.assign(sparse, { subCounts: Int32Array.of(3, ...new Array<number>(63).fill(0)) });
    expect(() => sparse.fillTeam(new Int32Array(0), 0, 0, 0, 1, Infinity, stream, new Int32Array(1), 0)).toThrow('draw: the pool has fewer eligible inspectors than its counts say');
  });
});
