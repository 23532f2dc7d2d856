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
});
