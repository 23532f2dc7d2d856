import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { clearServerTiles, countServerTiles, listPackages, removePackage, storedKeys, storedTile, storePackage, TileWriter } from '../../../src-renderer/map/tileStore';
import { MbtilesError, MbtilesReader, type PackageTile } from '../../../src-shared/map/mbtiles';
import { tilesIn } from '../../../src-shared/map/tiles';
import { mbtilesFile, pngTile, sqlJs } from '../../fixtures/mbtiles';

const GREEN = pngTile([200, 230, 200]);
const BLUE = pngTile([200, 215, 240]);
// 1,200 tiles: zoom 14 around 福州市鼓楼区, 40 columns by 30 rows.
const MANY = tilesIn({ z: 14, minX: 13600, maxX: 13639, minY: 6950, maxY: 6979 }).map((t) => ({ ...t, bytes: (t.x + t.y) % 2 ? GREEN : BLUE }));
const META = { name: '鼓楼 z14', format: 'png', attribution: '测绘院' };

let db: TariffDb;
let n = 0;
beforeEach(() => {
  db = openDb(`tiles-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function reader(tiles = MANY): Promise<MbtilesReader> {
  return MbtilesReader.open(await sqlJs(), await mbtilesFile({ tiles, metadata: META }));
}

describe('map packages on the device', () => {
  it('stores every tile of a package in batches and lists it as ready with its tiles and zooms', async () => {
    const r = await reader();
    const progress: number[] = [];
    const pkg = await storePackage(db, 'gulou.mbtiles', r.info, r.batches(500), () => r.skipped, (s) => progress.push(s));
    r.close();
    expect(progress).toEqual([500, 1000, 1200]);
    expect(pkg).toMatchObject({ source: 'mbtiles:gulou.mbtiles', file: 'gulou.mbtiles', name: '鼓楼 z14', tiles: 1200, skipped: 0, minZoom: 14, maxZoom: 14, state: 'ready', attribution: '测绘院' });
    expect(await db.tiles.where('source').equals('mbtiles:gulou.mbtiles').count()).toBe(1200);
    const one = await db.tiles.get('mbtiles:gulou.mbtiles/14/13601/6950');
    expect(one?.type).toBe('image/png');
    expect(Buffer.from(one!.bytes).equals(Buffer.from(GREEN))).toBe(true);
    expect(await listPackages(db)).toEqual([pkg]);
  });

  it('refuses a second package of the same file name and keeps the first whole', async () => {
    const r = await reader();
    await storePackage(db, 'gulou.mbtiles', r.info, r.batches(500), () => 0);
    const again = await reader(MANY.slice(0, 10));
    await expect(storePackage(db, 'gulou.mbtiles', again.info, again.batches(500), () => 0)).rejects.toMatchObject({ problem: 'duplicate' });
    expect(await db.tiles.count()).toBe(1200);
    expect((await listPackages(db)).map((p) => [p.tiles, p.state])).toEqual([[1200, 'ready']]);
    r.close();
    again.close();
  });

  it('keeps nothing of a package whose storing fails half-way (a full disk)', async () => {
    const r = await reader();
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'tiles' && ++puts > 700) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(storePackage(db, 'gulou.mbtiles', r.info, r.batches(500), () => 0)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    } finally {
      IDBObjectStore.prototype.put = put;
      r.close();
    }
    expect(puts).toBeGreaterThan(700);
    expect(await db.tiles.count()).toBe(0);
    expect(await listPackages(db)).toEqual([]);
  });

  it('keeps nothing when the file gives no tile at all', async () => {
    const info = (await reader(MANY.slice(0, 1))).info;
    const none: PackageTile[][] = [];
    await expect(storePackage(db, 'bad.mbtiles', info, none, () => 1)).rejects.toBeInstanceOf(MbtilesError);
    expect(await listPackages(db)).toEqual([]);
  });

  it('removes a package with its tiles and leaves the others', async () => {
    const a = await reader(MANY.slice(0, 10));
    const b = await reader(MANY.slice(10, 15));
    await storePackage(db, 'a.mbtiles', a.info, a.batches(500), () => 0);
    await storePackage(db, 'b.mbtiles', b.info, b.batches(500), () => 0);
    await removePackage(db, 'mbtiles:a.mbtiles');
    expect((await listPackages(db)).map((p) => p.file)).toEqual(['b.mbtiles']);
    expect(await db.tiles.count()).toBe(5);
    a.close();
    b.close();
  });
});

describe('tiles looked up and kept', () => {
  const t = { z: 14, x: 13600, y: 6950 };
  const row = (source: string, bytes: Uint8Array) => ({ key: `${source}/14/13600/6950`, source, bytes, type: 'image/png' });

  it('finds a tile in the first source that has it, and says which keys are stored', async () => {
    await db.tiles.bulkPut([row('mbtiles:a.mbtiles', GREEN), row('https://tiles.example/{z}/{x}/{y}.png', BLUE)]);
    expect((await storedTile(db, ['mbtiles:a.mbtiles', 'https://tiles.example/{z}/{x}/{y}.png'], t))?.source).toBe('mbtiles:a.mbtiles');
    expect((await storedTile(db, ['mbtiles:b.mbtiles', 'https://tiles.example/{z}/{x}/{y}.png'], t))?.source).toBe('https://tiles.example/{z}/{x}/{y}.png');
    expect(await storedTile(db, [], t)).toBeUndefined();
    expect(await storedKeys(db, ['mbtiles:a.mbtiles/14/13600/6950', 'mbtiles:a.mbtiles/14/13600/6951'])).toEqual(new Set(['mbtiles:a.mbtiles/14/13600/6950']));
  });

  it('counts and clears the tile server\'s tiles, never a package\'s', async () => {
    await db.tiles.bulkPut([row('mbtiles:a.mbtiles', GREEN), row('https://one.example/{z}/{x}/{y}.png', BLUE), row('https://two.example/{z}/{x}/{y}.png', BLUE)]);
    expect(await countServerTiles(db)).toBe(2);
    await clearServerTiles(db);
    expect(await countServerTiles(db)).toBe(0);
    expect(await db.tiles.count()).toBe(1);
  });

  it('writes fetched tiles in batches: 120 tiles in 3 transactions of 50, 50 and 20', async () => {
    const sizes: number[] = [];
    const bulkPut = db.tiles.bulkPut.bind(db.tiles);
    db.tiles.bulkPut = ((rows: Parameters<typeof bulkPut>[0]) => {
      sizes.push(rows.length);
      return bulkPut(rows);
    }) as typeof db.tiles.bulkPut;
    const writer = new TileWriter(db);
    for (let i = 0; i < 120; i++) writer.add({ key: `s/16/${i}/0`, source: 's', bytes: GREEN, type: 'image/png' });
    await writer.flush();
    expect(sizes).toEqual([50, 50, 20]);
    expect(await db.tiles.count()).toBe(120);
  });
});
