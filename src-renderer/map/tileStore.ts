// Map tiles kept on this device (db.tiles): packages loaded from MBTiles files, and tiles fetched from
// the office's tile server. A local cache, never synced. A package is listed (db.settings, under
// `map.package:<source>`) before its first tile is stored and marked ready after its last: a package
// not ready is one whose import or removal was cut off, shown as such and removable.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PackageTile, MbtilesInfo } from '../../src-shared/map/mbtiles';
import { MbtilesError } from '../../src-shared/map/mbtiles';
import { tileKey, type Tile } from '../../src-shared/map/tiles';
import { db as appDb, type MapTile, type TariffDb } from '../db/db';

/** Sources of packages begin so; any other source is a tile server's URL template. */
export const PACKAGE_PREFIX = 'mbtiles:';
const RECORD_PREFIX = 'map.package:';

/** A map package on this device. */
export interface TilePackage extends Omit<MbtilesInfo, 'tiles'> {
  /** `mbtiles:<file name>`: the source its tiles are stored under. */
  source: string;
  /** The file's name. */
  file: string;
  /** Tiles stored (rows of the file that hold no tile of the world or no image are not). */
  tiles: number;
  /** Rows of the file passed over. */
  skipped: number;
  /** UTC ISO time the import began. */
  storedAt: string;
  state: 'importing' | 'ready' | 'removing';
}

const recordKey = (source: string) => `${RECORD_PREFIX}${source}`;

/** The packages on this device, in the order they were loaded. */
export async function listPackages(db: TariffDb): Promise<TilePackage[]> {
  const rows = await db.settings.where('key').startsWith(RECORD_PREFIX).toArray();
  return rows.map((r) => r.value as TilePackage).sort((a, b) => a.storedAt.localeCompare(b.storedAt));
}

export function usePackages(): TilePackage[] | undefined {
  return useLiveQuery(() => listPackages(appDb), []);
}

/** Removes a package from this device's database. */
export function removeMapPackage(source: string): Promise<void> {
  return removePackage(appDb, source);
}

/** How many of these tile keys are stored here; undefined while counting. Pass a stable array. */
export function useStoredCount(keys: readonly string[]): number | undefined {
  return useLiveQuery(async () => (await storedKeys(appDb, keys)).size, [keys]);
}

/** Tiles kept from tile servers on this device; undefined while counting. */
export function useServerTileCount(): number | undefined {
  return useLiveQuery(() => countServerTiles(appDb), []);
}

export function clearKeptServerTiles(): Promise<void> {
  return clearServerTiles(appDb);
}

/**
 * Stores a package's tiles batch by batch (one transaction each, so memory stays flat) and lists it as
 * ready after the last. Anything failing on the way (a full disk, a bad file) removes what was stored:
 * a package is on the device whole or not at all. Throws MbtilesError('duplicate') when a package of
 * that file name is here already, and MbtilesError('no-tiles') when no row held a tile.
 */
export async function storePackage(
  db: TariffDb,
  file: string,
  info: MbtilesInfo,
  batches: Iterable<readonly PackageTile[]>,
  skipped: () => number,
  onProgress: (stored: number) => void = () => undefined,
): Promise<TilePackage> {
  const source = `${PACKAGE_PREFIX}${file}`;
  const { tiles: _rows, ...described } = info;
  const pkg: TilePackage = { ...described, source, file, tiles: 0, skipped: 0, storedAt: new Date().toISOString(), state: 'importing' };
  const claimed = await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(recordKey(source))) return false;
    await db.settings.put({ key: recordKey(source), value: pkg });
    return true;
  });
  if (!claimed) throw new MbtilesError('duplicate', file);
  try {
    for (const batch of batches) {
      const rows: MapTile[] = batch.map((t) => ({ key: tileKey(source, t), source, bytes: t.bytes, type: t.type }));
      await db.transaction('rw', db.tiles, () => db.tiles.bulkPut(rows));
      pkg.tiles += rows.length;
      onProgress(pkg.tiles);
    }
    if (pkg.tiles === 0) throw new MbtilesError('no-tiles');
    const ready: TilePackage = { ...pkg, skipped: skipped(), state: 'ready' };
    await db.settings.put({ key: recordKey(source), value: ready });
    return ready;
  } catch (e) {
    await removePackage(db, source);
    throw e;
  }
}

/** Removes a package and its tiles; marked as being removed first, so a cut-off removal stays visible. */
export async function removePackage(db: TariffDb, source: string): Promise<void> {
  const key = recordKey(source);
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(key);
    if (row) await db.settings.put({ key, value: { ...(row.value as TilePackage), state: 'removing' } });
  });
  await db.tiles.where('source').equals(source).delete();
  await db.settings.delete(key);
}

/** The first stored tile among the sources, in their order. */
export async function storedTile(db: TariffDb, sources: readonly string[], t: Tile): Promise<MapTile | undefined> {
  if (sources.length === 0) return undefined;
  const found = await db.tiles.bulkGet(sources.map((s) => tileKey(s, t)));
  return found.find((x): x is MapTile => x !== undefined);
}

/** Which of these keys are stored (keys only: no tile's bytes are read). */
export async function storedKeys(db: TariffDb, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  return new Set((await db.tiles.where(':id').anyOf([...keys]).primaryKeys()) as string[]);
}

/** Tiles fetched from tile servers (not from packages), and removes them: the office may change its server. */
export async function countServerTiles(db: TariffDb): Promise<number> {
  return (await db.tiles.count()) - (await db.tiles.where('source').startsWith(PACKAGE_PREFIX).count());
}

export async function clearServerTiles(db: TariffDb): Promise<void> {
  const sources = (await db.tiles.orderBy('source').uniqueKeys()) as string[];
  for (const s of sources.filter((x) => !x.startsWith(PACKAGE_PREFIX))) await db.tiles.where('source').equals(s).delete();
}

/**
 * Writes fetched tiles in batches: each IndexedDB transaction of this database is flushed to disk
 * (strict durability), so a tile per transaction would cost a disk flush per tile. A failed write
 * (a full disk) goes to `onError`; the tiles are only a cache.
 */
export class TileWriter {
  private rows: MapTile[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: TariffDb,
    private readonly onError: (e: unknown) => void = (e) => console.warn('map tiles not kept', e),
    private readonly batch = 50,
    private readonly delayMs = 300,
  ) {}

  add(row: MapTile): void {
    this.rows.push(row);
    if (this.rows.length >= this.batch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is waiting; resolves when all added so far is written or has failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.rows;
    this.rows = [];
    if (rows.length > 0) {
      this.writing = this.writing.then(() => this.db.tiles.bulkPut(rows)).then(() => undefined, this.onError);
    }
    return this.writing;
  }
}
