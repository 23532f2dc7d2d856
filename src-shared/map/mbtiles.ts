// An MBTiles file (the SQLite map package field-map users hand around, spec 1.3): checked, described and
// read out tile by tile in XYZ rows. sql.js is handed in, so the same reader runs in the browser (wasm
// from the bundle) and in Node's tests.
import type { Database, SqlJsStatic } from 'sql.js';
import { looksLike, PHOTO_TYPES } from '../inspection/evidence';
import { flipRow, isTile, type LngLatBox } from './tiles';

/**
 * Largest package read (bytes). sql.js holds the whole file in WebAssembly memory beside the file's own
 * bytes; past this a laptop's tab risks running out of memory. A package of one city's area to zoom 16
 * is well under it; a larger one should be cut to the inspected area.
 */
export const MBTILES_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Why a package is refused: the file (empty, too large, not SQLite, no tiles or metadata table, no
 * tile, vector tiles, an unknown format), or the device (a package of that name is loaded already, no
 * room left in the browser's storage).
 */
export type MbtilesProblem = 'empty-file' | 'too-large' | 'not-sqlite' | 'no-tiles-table' | 'no-metadata' | 'no-tiles' | 'vector' | 'format' | 'duplicate' | 'no-room';

/** A file refused as a map package, with the reason's code (words are made by the UI). */
export class MbtilesError extends Error {
  constructor(readonly problem: MbtilesProblem, readonly detail = '') {
    super(`mbtiles: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

export type TileImageType = (typeof PHOTO_TYPES)[number];

/** What a package says of itself, and what its tiles table holds. */
export interface MbtilesInfo {
  /** The metadata's `name` (may be empty). */
  name: string;
  /** The metadata's `format`, or the first tile's when the metadata names none. */
  format: 'png' | 'jpg' | 'webp';
  attribution: string;
  /** The metadata's `bounds` (degrees), null when absent or unreadable. */
  bounds: LngLatBox | null;
  /** Rows of the tiles table, and the lowest and highest zoom among them. */
  tiles: number;
  minZoom: number;
  maxZoom: number;
}

/** One tile read out of a package, in XYZ rows. */
export interface PackageTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
  type: TileImageType;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether bytes begin as every SQLite database file does. */
export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && [...SQLITE_HEADER].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/** The raster image type the bytes are (PNG, JPEG, WebP), or null. */
export function imageTypeOf(bytes: Uint8Array): TileImageType | null {
  return PHOTO_TYPES.find((t) => looksLike(t, bytes)) ?? null;
}

/** The problem of a file's size before it is read, or null. */
export function sizeProblem(size: number): MbtilesProblem | null {
  if (size === 0) return 'empty-file';
  return size > MBTILES_MAX_BYTES ? 'too-large' : null;
}

const FORMATS: Record<string, MbtilesInfo['format'] | 'vector'> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', pbf: 'vector', mvt: 'vector' };
const FORMAT_OF_TYPE: Record<TileImageType, MbtilesInfo['format']> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

function parseBounds(text: string | undefined): LngLatBox | null {
  const n = (text ?? '').split(',').map((s) => Number(s.trim()));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  const [west, south, east, north] = n as [number, number, number, number];
  return west < east && south < north ? { west, south, east, north } : null;
}

/** An opened package; close it when done (its memory lives in WebAssembly). */
export class MbtilesReader {
  /** Rows passed over by {@link batches} so far. */
  skipped = 0;

  private constructor(private readonly db: Database, readonly info: MbtilesInfo) {}

  /** Opens and checks a package; throws MbtilesError naming what is wrong with it. */
  static open(SQL: SqlJsStatic, bytes: Uint8Array): MbtilesReader {
    const problem = sizeProblem(bytes.length);
    if (problem) throw new MbtilesError(problem);
    if (!isSqlite(bytes)) throw new MbtilesError('not-sqlite');
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      db.exec('SELECT 1 FROM sqlite_master LIMIT 1');
    } catch (e) {
      throw new MbtilesError('not-sqlite', e instanceof Error ? e.message : String(e));
    }
    try {
      return new MbtilesReader(db, describe(db));
    } catch (e) {
      db.close();
      if (e instanceof MbtilesError) throw e;
      // A damaged file opens and then fails on its first real read.
      throw new MbtilesError('not-sqlite', e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * The tiles in batches of `size` (XYZ rows, the image type read from each tile's bytes). A row that
   * names no tile of the world or holds no raster image is passed over and counted in `skipped`.
   */
  *batches(size: number): Generator<PackageTile[], void> {
    const stmt = this.db.prepare('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles');
    try {
      let batch: PackageTile[] = [];
      while (stmt.step()) {
        const tile = toTile(stmt.get());
        if (!tile) {
          this.skipped += 1;
          continue;
        }
        batch.push(tile);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      stmt.free();
    }
  }

  close(): void {
    this.db.close();
  }
}

function toTile(row: unknown[]): PackageTile | null {
  const [z, x, tmsY, data] = row;
  if (typeof z !== 'number' || typeof x !== 'number' || typeof tmsY !== 'number' || !(data instanceof Uint8Array)) return null;
  if (!isTile(z, x, tmsY)) return null;
  const type = imageTypeOf(data);
  return type ? { z, x, y: flipRow(tmsY, z), bytes: data, type } : null;
}

function describe(db: Database): MbtilesInfo {
  const objects = new Map(db.exec("SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata')")[0]?.values.map(([n, t]) => [String(n), String(t)]) ?? []);
  if (!['table', 'view'].includes(objects.get('tiles') ?? '')) throw new MbtilesError('no-tiles-table');
  if (!['table', 'view'].includes(objects.get('metadata') ?? '')) throw new MbtilesError('no-metadata');
  const meta = new Map<string, string>();
  for (const [name, value] of db.exec('SELECT name, value FROM metadata')[0]?.values ?? []) meta.set(String(name).toLowerCase(), String(value ?? ''));
  const [count, minZoom, maxZoom] = db.exec('SELECT count(*), min(zoom_level), max(zoom_level) FROM tiles')[0]?.values[0] ?? [0, null, null];
  if (typeof count !== 'number' || count === 0 || typeof minZoom !== 'number' || typeof maxZoom !== 'number') throw new MbtilesError('no-tiles');
  return {
    name: meta.get('name') ?? '',
    format: formatOf(db, meta.get('format')),
    attribution: meta.get('attribution') ?? '',
    bounds: parseBounds(meta.get('bounds')),
    tiles: count,
    minZoom,
    maxZoom,
  };
}

/** The metadata's format, else the first tile's; vector tiles and unknown formats are refused. */
function formatOf(db: Database, declared: string | undefined): MbtilesInfo['format'] {
  if (declared) {
    const known = FORMATS[declared.trim().toLowerCase()];
    if (known === 'vector') throw new MbtilesError('vector');
    if (!known) throw new MbtilesError('format', declared);
    return known;
  }
  const first = db.exec('SELECT tile_data FROM tiles LIMIT 1')[0]?.values[0]?.[0];
  const type = first instanceof Uint8Array ? imageTypeOf(first) : null;
  if (type) return FORMAT_OF_TYPE[type];
  // Gzip: how vector tiles (pbf) are stored.
  if (first instanceof Uint8Array && first[0] === 0x1f && first[1] === 0x8b) throw new MbtilesError('vector');
  throw new MbtilesError('format');
}
