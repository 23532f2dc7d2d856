import { describe, expect, it } from 'vitest';
import { imageTypeOf, isSqlite, MBTILES_MAX_BYTES, MbtilesError, MbtilesReader, sizeProblem, type PackageTile } from '../../../src-shared/map/mbtiles';
import { mbtilesFile, pngTile, sqlJs } from '../../fixtures/mbtiles';

const GREEN = pngTile([200, 230, 200]);
const BLUE = pngTile([200, 215, 240]);
// A JPEG's first bytes are all the reader looks at.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const META = { name: '福州鼓楼', format: 'png', bounds: '119.25,26.03,119.35,26.12', attribution: '<a href="https://example.org">测绘院</a>', minzoom: '10', maxzoom: '11' };
// Zoom 10 and 11 around 福州市鼓楼区 (XYZ rows).
const TILES = [
  { z: 10, x: 851, y: 435, bytes: GREEN },
  { z: 11, x: 1702, y: 870, bytes: BLUE },
  { z: 11, x: 1703, y: 870, bytes: GREEN },
];

async function open(bytes: Uint8Array): Promise<MbtilesReader> {
  return MbtilesReader.open(await sqlJs(), bytes);
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    (await open(bytes)).close();
    return 'accepted';
  } catch (e) {
    if (e instanceof MbtilesError) return e.problem;
    throw e;
  }
}

const readAll = (r: MbtilesReader, size: number): PackageTile[][] => [...r.batches(size)];

describe('mbtiles: a package as map tools write it', () => {
  it('describes it from its metadata and its tiles table', async () => {
    const r = await open(await mbtilesFile({ tiles: TILES, metadata: META }));
    expect(r.info).toEqual({
      name: '福州鼓楼', format: 'png', attribution: '<a href="https://example.org">测绘院</a>',
      bounds: { west: 119.25, south: 26.03, east: 119.35, north: 26.12 }, tiles: 3, minZoom: 10, maxZoom: 11,
    });
    r.close();
  });

  it('reads every tile once, in batches, with XYZ rows and its own bytes', async () => {
    const r = await open(await mbtilesFile({ tiles: TILES, metadata: META }));
    const batches = readAll(r, 2);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    const tiles = batches.flat();
    expect(tiles.map(({ z, x, y, type }) => ({ z, x, y, type }))).toEqual(TILES.map(({ z, x, y }) => ({ z, x, y, type: 'image/png' })));
    expect(tiles.map((t) => Buffer.from(t.bytes).equals(Buffer.from(TILES.find((s) => s.z === t.z && s.x === t.x)!.bytes)))).toEqual([true, true, true]);
    expect(tiles[0]!.bytes.length).toBe(GREEN.length);
    expect(r.skipped).toBe(0);
    r.close();
  });

  it('reads the deduplicated layout (tiles a view over map and images) the same', async () => {
    const r = await open(await mbtilesFile({ tiles: TILES, metadata: META, schema: 'deduplicated' }));
    expect(r.info.tiles).toBe(3);
    expect(readAll(r, 500).flat().map(({ z, x, y }) => `${z}/${x}/${y}`)).toEqual(['10/851/435', '11/1702/870', '11/1703/870']);
    r.close();
  });

  it('stores rows as TMS: row 0 of zoom 1 is the southern row, XYZ row 1', async () => {
    const r = await open(await mbtilesFile({ tiles: [{ z: 1, x: 0, y: 1, bytes: GREEN }], metadata: { format: 'png' } }));
    expect(readAll(r, 10).flat().map(({ z, x, y }) => ({ z, x, y }))).toEqual([{ z: 1, x: 0, y: 1 }]);
    r.close();
  });

  it('passes over rows that are no tile of the world or no image, and counts them', async () => {
    const r = await open(await mbtilesFile({
      tiles: [...TILES, { z: 2, x: 5, y: 0, bytes: GREEN }, { z: 11, x: 1702, y: 871, bytes: new TextEncoder().encode('<html>quota exceeded</html>') }],
      metadata: META,
    }));
    expect(r.info.tiles).toBe(5);
    expect(readAll(r, 500).flat()).toHaveLength(3);
    expect(r.skipped).toBe(2);
    r.close();
  });

  it('takes the format from the first tile when the metadata names none', async () => {
    const r = await open(await mbtilesFile({ tiles: [{ z: 3, x: 6, y: 3, bytes: JPEG }], metadata: { name: 'x' } }));
    expect(r.info).toMatchObject({ format: 'jpg', name: 'x', bounds: null, attribution: '' });
    expect(readAll(r, 10).flat()[0]!.type).toBe('image/jpeg');
    r.close();
  });
});

describe('mbtiles: files refused, with the reason', () => {
  it('refuses an empty file, one above the size limit, and anything not SQLite', async () => {
    expect(sizeProblem(0)).toBe('empty-file');
    expect(sizeProblem(MBTILES_MAX_BYTES)).toBeNull();
    expect(sizeProblem(MBTILES_MAX_BYTES + 1)).toBe('too-large');
    expect(await refusal(new Uint8Array())).toBe('empty-file');
    expect(await refusal(GREEN)).toBe('not-sqlite');
    expect(await refusal(new TextEncoder().encode('SQLite format 3\0'.padEnd(200, 'x')))).toBe('not-sqlite');
    expect(isSqlite(await mbtilesFile({ tiles: TILES, metadata: META }))).toBe(true);
    expect(isSqlite(GREEN)).toBe(false);
  });

  it('refuses a damaged package: the first 4 KB of a real one', async () => {
    const whole = await mbtilesFile({ tiles: TILES, metadata: META });
    expect(await refusal(whole.slice(0, 4096))).toBe('not-sqlite');
  });

  it('refuses SQLite without a tiles table, without metadata, or with no tile', async () => {
    const sql = await sqlJs();
    const other = new sql.Database();
    other.run('CREATE TABLE notes (text TEXT)');
    expect(await refusal(other.export())).toBe('no-tiles-table');
    other.close();
    expect(await refusal(await mbtilesFile({ tiles: TILES, metadata: null }))).toBe('no-metadata');
    expect(await refusal(await mbtilesFile({ tiles: [], metadata: META }))).toBe('no-tiles');
  });

  it('refuses vector tiles and formats it cannot show', async () => {
    expect(await refusal(await mbtilesFile({ tiles: TILES, metadata: { ...META, format: 'pbf' } }))).toBe('vector');
    const gzip = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    expect(await refusal(await mbtilesFile({ tiles: [{ z: 0, x: 0, y: 0, bytes: gzip }], metadata: {} }))).toBe('vector');
    expect(await refusal(await mbtilesFile({ tiles: TILES, metadata: { ...META, format: 'tiff' } }))).toBe('format');
  });

  it('knows PNG, JPEG and WebP by their first bytes', () => {
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect([imageTypeOf(GREEN), imageTypeOf(JPEG), imageTypeOf(webp), imageTypeOf(new Uint8Array([1, 2, 3]))]).toEqual(['image/png', 'image/jpeg', 'image/webp', null]);
  });
});
