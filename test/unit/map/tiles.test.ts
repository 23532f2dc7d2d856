import { describe, expect, it } from 'vitest';
import { boxAround, cachePlan, flipRow, isTile, rangeOf, rangeSize, tileKey, tileOf, tilesIn, tileUrl } from '../../../src-shared/map/tiles';

// 福州市鼓楼区 (the sample lists' default position) and London, whose tiles map sites print.
const FUZHOU = { lng: 119.2965, lat: 26.0745 };

describe('tiles: the tile holding a point', () => {
  it('finds the XYZ tile of a point at several zooms', () => {
    expect(tileOf(FUZHOU.lng, FUZHOU.lat, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(tileOf(FUZHOU.lng, FUZHOU.lat, 1)).toEqual({ z: 1, x: 1, y: 0 });
    expect(tileOf(FUZHOU.lng, FUZHOU.lat, 10)).toEqual({ z: 10, x: 851, y: 435 });
    expect(tileOf(FUZHOU.lng, FUZHOU.lat, 16)).toEqual({ z: 16, x: 54485, y: 27848 });
    expect(tileOf(FUZHOU.lng, FUZHOU.lat, 18)).toEqual({ z: 18, x: 217941, y: 111393 });
    expect(tileOf(-0.1276, 51.5072, 12)).toEqual({ z: 12, x: 2046, y: 1362 });
  });

  it('keeps the world edges (180°E, the poles) inside the last column and rows', () => {
    expect(tileOf(180, 0, 3)).toEqual({ z: 3, x: 7, y: 4 });
    expect(tileOf(-180, 89.9, 3)).toEqual({ z: 3, x: 0, y: 0 });
    expect(tileOf(0, -89.9, 3)).toEqual({ z: 3, x: 4, y: 7 });
  });
});

describe('tiles: the tiles covering an area', () => {
  it('1 km around a point is 0.008983° of latitude and 0.010001° of longitude at 26°N', () => {
    const box = boxAround(FUZHOU.lng, FUZHOU.lat, 1000);
    expect(box.north - FUZHOU.lat).toBeCloseTo(0.008983152841195, 12);
    expect(box.east - FUZHOU.lng).toBeCloseTo(0.010001024226796, 12);
    expect(box.south).toBeCloseTo(26.065516847158804, 12);
    expect(box.west).toBeCloseTo(119.2864989757732, 12);
  });

  it('covers 1 km around the point with 1, 1, 1, 2, 4, 9 and 25 tiles at zooms 10 to 16', () => {
    const box = boxAround(FUZHOU.lng, FUZHOU.lat, 1000);
    expect([10, 11, 12, 13, 14, 15, 16].map((z) => rangeSize(rangeOf(box, z)))).toEqual([1, 1, 1, 2, 4, 9, 25]);
    expect(rangeOf(box, 16)).toEqual({ z: 16, minX: 54483, maxX: 54487, minY: 27846, maxY: 27850 });
    expect(tilesIn(rangeOf(box, 13))).toEqual([{ z: 13, x: 6810, y: 3480 }, { z: 13, x: 6810, y: 3481 }]);
  });
});

describe('tiles: MBTiles rows, keys and URLs', () => {
  it('flips rows between XYZ and TMS both ways', () => {
    expect(flipRow(0, 0)).toBe(0);
    expect(flipRow(0, 3)).toBe(7);
    expect(flipRow(27848, 16)).toBe(37687);
    expect(flipRow(flipRow(27848, 16), 16)).toBe(27848);
  });

  it('accepts only tiles of the world', () => {
    expect(isTile(3, 7, 7)).toBe(true);
    expect(isTile(3, 8, 0)).toBe(false);
    expect(isTile(3, 0, -1)).toBe(false);
    expect(isTile(-1, 0, 0)).toBe(false);
    expect(isTile(2.5, 0, 0)).toBe(false);
    expect(isTile(31, 0, 0)).toBe(false);
  });

  it('keys a stored tile by source and XYZ position', () => {
    expect(tileKey('mbtiles:fuzhou.mbtiles', { z: 16, x: 54485, y: 27848 })).toBe('mbtiles:fuzhou.mbtiles/16/54485/27848');
  });

  it('fills a tile server template, picking the subdomain as Leaflet does', () => {
    const t = { z: 16, x: 54485, y: 27848 };
    expect(tileUrl('https://t{s}.example.cn/{z}/{x}/{y}.png', '01234567', t)).toBe('https://t5.example.cn/16/54485/27848.png');
    expect(tileUrl('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png', 'abc', { z: 1, x: 1, y: 0 })).toBe('https://b.tile.example.org/1/1/0.png');
    expect(tileUrl('http://127.0.0.1:4185/{z}/{x}/{y}.png', '', t)).toBe('http://127.0.0.1:4185/16/54485/27848.png');
  });
});

describe('tiles: what an offline cache takes', () => {
  it('takes 43 tiles for one case at zooms 10 to 16 and shares the tiles of neighbours', () => {
    const one = cachePlan([FUZHOU], { minZoom: 10, maxZoom: 16, radius: 1000, cap: 3000 });
    expect(one.tiles).toHaveLength(43);
    expect(one).toMatchObject({ maxZoom: 16, capped: false });
    // A second case 100 m east falls in the same tiles: none is taken twice.
    const two = cachePlan([FUZHOU, { lng: FUZHOU.lng + 0.001, lat: FUZHOU.lat }], { minZoom: 10, maxZoom: 16, radius: 1000, cap: 3000 });
    expect(new Set(two.tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(two.tiles.length);
    expect(two.tiles.length).toBe(43);
  });

  it('leaves out whole higher zooms to stay within the cap', () => {
    const plan = cachePlan([FUZHOU], { minZoom: 10, maxZoom: 16, radius: 1000, cap: 30 });
    expect(plan).toMatchObject({ maxZoom: 15, capped: true });
    expect(plan.tiles).toHaveLength(18);
    expect(Math.max(...plan.tiles.map((t) => t.z))).toBe(15);
  });

  it('takes nothing when not even the lowest zoom fits, or there is no point', () => {
    expect(cachePlan([FUZHOU], { minZoom: 16, maxZoom: 16, radius: 1000, cap: 24 })).toEqual({ tiles: [], maxZoom: null, capped: true });
    expect(cachePlan([], { minZoom: 10, maxZoom: 16, radius: 1000, cap: 3000 })).toEqual({ tiles: [], maxZoom: null, capped: false });
  });
});
