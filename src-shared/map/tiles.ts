// Web Mercator tile arithmetic (the XYZ scheme of tile servers and Leaflet; MBTiles stores TMS rows):
// which tile holds a point, which tiles cover an area, and how many tiles an offline cache may take.

/** Web Mercator's latitude limit (degrees): beyond it the square world of tiles ends. */
export const MAX_LATITUDE = 85.0511287798066;
/** The sphere Web Mercator projects (metres, WGS-84's equatorial radius). */
const EARTH_RADIUS_M = 6_378_137;

/** One tile: zoom, column from the west, row from the north (XYZ). */
export interface Tile {
  z: number;
  x: number;
  y: number;
}

/** An area in WGS-84 degrees. */
export interface LngLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The tiles of one zoom from column minX to maxX and row minY to maxY (inclusive). */
export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The XYZ tile holding a point (longitude, latitude in degrees) at zoom z; latitudes past ±85.05° fall in the edge rows. */
export function tileOf(lng: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const rad = (clamp(lat, -MAX_LATITUDE, MAX_LATITUDE) * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x: clamp(x, 0, n - 1), y: clamp(y, 0, n - 1) };
}

/** The area (degrees) within `metres` east, west, north and south of a point (longitude, latitude in degrees). */
export function boxAround(lng: number, lat: number, metres: number): LngLatBox {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.cos((clamp(lat, -MAX_LATITUDE, MAX_LATITUDE) * Math.PI) / 180);
  return { west: clamp(lng - dLng, -180, 180), south: clamp(lat - dLat, -90, 90), east: clamp(lng + dLng, -180, 180), north: clamp(lat + dLat, -90, 90) };
}

/** The tiles of zoom z covering an area (degrees). */
export function rangeOf(box: LngLatBox, z: number): TileRange {
  const nw = tileOf(box.west, box.north, z);
  const se = tileOf(box.east, box.south, z);
  return { z, minX: nw.x, maxX: se.x, minY: nw.y, maxY: se.y };
}

/** How many tiles a range holds. */
export function rangeSize(r: TileRange): number {
  return (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);
}

/** Every tile of a range, row by row. */
export function tilesIn(r: TileRange): Tile[] {
  const out: Tile[] = [];
  for (let y = r.minY; y <= r.maxY; y++) for (let x = r.minX; x <= r.maxX; x++) out.push({ z: r.z, x, y });
  return out;
}

/** Converts a row between XYZ (from the north) and TMS (from the south, as MBTiles stores it); its own inverse. */
export function flipRow(y: number, z: number): number {
  return 2 ** z - 1 - y;
}

/** Whether zoom, column and row name a tile of the world (zoom 0 to 30). */
export function isTile(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y) || z < 0 || z > 30) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

/** The key of a stored tile: `${source}/${z}/${x}/${y}` (XYZ rows). */
export function tileKey(source: string, t: Tile): string {
  return `${source}/${t.z}/${t.x}/${t.y}`;
}

/** A tile server's URL for a tile: `{z}`, `{x}`, `{y}` filled in, `{s}` one of the subdomains (as Leaflet picks it), `{r}` empty. */
export function tileUrl(template: string, subdomains: string, t: Tile): string {
  const s = subdomains.length > 0 ? subdomains[Math.abs(t.x + t.y) % subdomains.length]! : '';
  return template.replaceAll('{s}', s).replaceAll('{z}', String(t.z)).replaceAll('{x}', String(t.x)).replaceAll('{y}', String(t.y)).replaceAll('{r}', '');
}

/** The tiles to keep around a set of points, zoom by zoom, within a cap. */
export interface CachePlan {
  tiles: Tile[];
  /** The highest zoom taken whole, or null when not even the lowest fits the cap (or no point was given). */
  maxZoom: number | null;
  /** Whether higher zooms were left out for the cap. */
  capped: boolean;
}

export interface CachePlanOptions {
  minZoom: number;
  maxZoom: number;
  /** Metres around each point (east, west, north and south). */
  radius: number;
  /** At most this many tiles. */
  cap: number;
}

/**
 * The tiles covering `radius` metres around each point (longitude, latitude in degrees) at every zoom
 * from minZoom up, each tile once. Zooms are taken whole, lowest first, while the total stays within
 * the cap: an inspector gets the whole area at fewer zooms rather than some cases at every zoom.
 */
export function cachePlan(points: readonly { lng: number; lat: number }[], o: CachePlanOptions): CachePlan {
  const tiles: Tile[] = [];
  let maxZoom: number | null = null;
  if (points.length === 0) return { tiles, maxZoom, capped: false };
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const level = new Map<string, Tile>();
    for (const p of points) {
      for (const t of tilesIn(rangeOf(boxAround(p.lng, p.lat, o.radius), z))) level.set(`${t.x}/${t.y}`, t);
    }
    if (tiles.length + level.size > o.cap) return { tiles, maxZoom, capped: true };
    tiles.push(...level.values());
    maxZoom = z;
  }
  return { tiles, maxZoom, capped: false };
}
