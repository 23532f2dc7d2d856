// Tiles from the office's tile server kept for offline use: fetched one by one as the map shows them,
// and ahead of a visit over the cases still to inspect (caseAreaPlan, prefetchTiles). Stored in
// db.tiles under the server's URL template, so a changed server never mixes its tiles with the old.
import type { TileSource } from '../../src-shared/inspection/officeSettings';
import { imageTypeOf, type TileImageType } from '../../src-shared/map/mbtiles';
import { cachePlan, tileKey, tileUrl, type CachePlan, type Tile } from '../../src-shared/map/tiles';
import { db as appDb, type TariffDb } from '../db/db';
import { storedKeys, TileWriter } from './tileStore';

/**
 * Zooms cached around each case: 10 shows the district and its roads, 16 the buildings of a block
 * (a tile is about 550 m across at 26°N). 17 and up would take four times the tiles per zoom.
 */
export const CACHE_MIN_ZOOM = 10;
export const CACHE_MAX_ZOOM = 16;
/** Metres around each case (east, west, north and south): the site, its neighbours and the way there. */
export const CACHE_RADIUS_M = 1000;
/** At most so many tiles in one caching (about 40–60 MB of PNG): 43 per case alone, so some 70 cases apart. */
export const CACHE_CAP = 3000;
/** A tile not answered within this is given up (a hanging connection must not hold the map). */
const FETCH_TIMEOUT_MS = 15_000;

/** The tiles to keep around these points (longitude, latitude in degrees) from this server. */
export function caseAreaPlan(points: readonly { lng: number; lat: number }[], source: TileSource): CachePlan {
  return cachePlan(points, {
    minZoom: Math.max(CACHE_MIN_ZOOM, source.minZoom),
    maxZoom: Math.min(CACHE_MAX_ZOOM, source.maxZoom),
    radius: CACHE_RADIUS_M,
    cap: CACHE_CAP,
  });
}

export type FetchedTile = { ok: true; bytes: Uint8Array; type: TileImageType } | { ok: false; reason: 'network' | 'refused' };

/**
 * One tile from the server: `network` when no answer came (offline, timed out, blocked by CORS),
 * `refused` for an error status or an answer that is no PNG, JPEG or WebP image (a login page, a quota notice).
 */
export async function fetchTile(source: TileSource, t: Tile, signal?: AbortSignal): Promise<FetchedTile> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(tileUrl(source.url, source.subdomains, t), {
      mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) return { ok: false, reason: 'refused' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = imageTypeOf(bytes);
    return type ? { ok: true, bytes, type } : { ok: false, reason: 'refused' };
  } catch {
    return { ok: false, reason: 'network' };
  }
}

export interface PrefetchProgress {
  done: number;
  total: number;
  stored: number;
  failed: number;
}

export interface PrefetchResult extends PrefetchProgress {
  /** Why it stopped before the end: cancelled, the network went, or the disk filled (the error). */
  stopped: null | 'cancelled' | 'network' | { error: unknown };
}

/** Of the plan's tiles, those not stored yet for this server. */
export async function missingTiles(db: TariffDb, source: TileSource, tiles: readonly Tile[]): Promise<Tile[]> {
  const have = await storedKeys(db, tiles.map((t) => tileKey(source.url, t)));
  return tiles.filter((t) => !have.has(tileKey(source.url, t)));
}

/** Consecutive tiles without an answer after which the network is taken as gone. */
const NETWORK_GIVE_UP = 8;
const CONCURRENCY = 6;

/**
 * Fetches and stores the tiles, a few at a time, reporting progress. A tile the server refuses is
 * counted and passed over; the run stops when cancelled, when the network is gone (several tiles in a
 * row without an answer) or when the disk is full. What was stored before stays stored.
 */
export async function prefetchTiles(db: TariffDb, source: TileSource, tiles: readonly Tile[], signal: AbortSignal, onProgress: (p: PrefetchProgress) => void): Promise<PrefetchResult> {
  const progress: PrefetchProgress = { done: 0, total: tiles.length, stored: 0, failed: 0 };
  let stopped: PrefetchResult['stopped'] = null;
  const stop = new AbortController();
  const writer = new TileWriter(db, (error) => {
    stopped ??= { error };
    stop.abort();
  });
  const both = AbortSignal.any([signal, stop.signal]);
  let silent = 0;
  let next = 0;
  const work = async () => {
    while (!both.aborted && next < tiles.length) {
      const t = tiles[next++]!;
      const got = await fetchTile(source, t, both);
      if (both.aborted) return;
      progress.done += 1;
      if (got.ok) {
        silent = 0;
        progress.stored += 1;
        writer.add({ key: tileKey(source.url, t), source: source.url, bytes: got.bytes, type: got.type });
      } else {
        progress.failed += 1;
        silent = got.reason === 'network' ? silent + 1 : 0;
        if (silent >= NETWORK_GIVE_UP) {
          stopped ??= 'network';
          stop.abort();
        }
      }
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, work));
  await writer.flush();
  if (signal.aborted) stopped ??= 'cancelled';
  return { ...progress, stopped };
}

/**
 * Fetches and stores, into this device's database, the tiles of the list not stored yet; null when
 * every one is here already.
 */
export async function cacheTiles(source: TileSource, tiles: readonly Tile[], signal: AbortSignal, onProgress: (p: PrefetchProgress) => void): Promise<PrefetchResult | null> {
  const todo = await missingTiles(appDb, source, tiles);
  return todo.length === 0 ? null : prefetchTiles(appDb, source, todo, signal, onProgress);
}
