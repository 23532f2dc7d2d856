// The map's one tile layer: each tile from the device first (map packages, then tiles kept from the
// tile server), else from the server while online (and kept), else a stored tile of a lower zoom
// enlarged; a tile found nowhere stays the map's plain background (no broken image). Tiles are shown
// as blob: URLs, which the CSP's img-src allows, from bytes that never leave the device.
import L from 'leaflet';
import type { TileSource } from '../../src-shared/inspection/officeSettings';
import type { Tile } from '../../src-shared/map/tiles';
import { tileKey } from '../../src-shared/map/tiles';
import { db as appDb, type TariffDb } from '../db/db';
import { fetchTile } from './tileCache';
import { PACKAGE_PREFIX, storedTile, TileWriter } from './tileStore';

/** Where tiles come from: ready packages' sources in order, and the office's server (or none). */
export interface TileSources {
  packages: readonly string[];
  server: TileSource | null;
}

/**
 * Tiles in a row without an answer after which the server is left alone for a while: on a LAN with no
 * way out, every tile would otherwise wait for its timeout before the stored lower zoom is shown.
 */
const UNANSWERED_PAUSE_AFTER = 4;
const PAUSE_MS = 60_000;
/** How far up a stored tile of a lower zoom is looked for and enlarged (4: one pixel becomes 16). */
const ANCESTOR_LEVELS = 4;
const TILE_SIZE = 256;

/** Where a tile shown came from (data-tile on its element: for tests and support). */
type Origin = 'package' | 'cache' | 'server' | 'lower' | 'none';

export class StoredTileLayer extends L.GridLayer {
  private readonly writer: TileWriter;
  private readonly aborts = new WeakMap<HTMLElement, AbortController>();
  private unanswered = 0;
  private pausedUntil = 0;

  constructor(
    private sources: TileSources,
    private readonly online: () => boolean,
    options: L.GridLayerOptions = {},
    private readonly db: TariffDb = appDb,
  ) {
    super({ tileSize: TILE_SIZE, ...options });
    this.writer = new TileWriter(db);
    this.on('tileunload', (e: L.TileEvent) => this.aborts.get(e.tile)?.abort());
  }

  get sourcesNow(): TileSources {
    return this.sources;
  }

  /** New sources (a package loaded or removed, the office's server changed): every tile is drawn again. */
  setSources(sources: TileSources): void {
    this.sources = sources;
    this.redraw();
  }

  /** The network is back: ask the server again, and draw again the tiles that found nothing. */
  resume(): void {
    this.unanswered = 0;
    this.pausedUntil = 0;
    this.redraw();
  }

  private storedSources(): string[] {
    return [...this.sources.packages, ...(this.sources.server ? [this.sources.server.url] : [])];
  }

  override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const tile = document.createElement('div');
    const abort = new AbortController();
    this.aborts.set(tile, abort);
    void this.find({ z: coords.z, x: coords.x, y: coords.y }, abort.signal)
      .catch(() => null)
      .then((found) => {
        if (!found || abort.signal.aborted) return this.finish(tile, 'none', done);
        const img = document.createElement('img');
        img.alt = '';
        img.draggable = false;
        const url = URL.createObjectURL(new Blob([new Uint8Array(found.bytes)], { type: found.type }));
        // Once decoded the image no longer needs its URL; a corrupt one is removed, leaving the background.
        img.onload = () => {
          URL.revokeObjectURL(url);
          this.finish(tile, found.origin, done);
        };
        img.onerror = () => {
          URL.revokeObjectURL(url);
          img.remove();
          this.finish(tile, 'none', done);
        };
        const scale = 2 ** found.up;
        Object.assign(img.style, {
          position: 'absolute', width: `${TILE_SIZE * scale}px`, height: `${TILE_SIZE * scale}px`,
          left: `${-found.offsetX * TILE_SIZE}px`, top: `${-found.offsetY * TILE_SIZE}px`, maxWidth: 'none',
        });
        img.src = url;
        tile.appendChild(img);
      });
    return tile;
  }

  private finish(tile: HTMLElement, origin: Origin, done: L.DoneCallback): void {
    tile.dataset.tile = origin;
    tile.style.overflow = 'hidden';
    done(undefined, tile);
  }

  /** The tile's image: stored, else fetched, else a stored ancestor (`up` levels higher, this tile at `offset` within it). */
  private async find(t: Tile, signal: AbortSignal): Promise<{ bytes: Uint8Array; type: string; origin: Origin; up: number; offsetX: number; offsetY: number } | null> {
    const sources = this.storedSources();
    const stored = await storedTile(this.db, sources, t);
    if (stored) return { bytes: stored.bytes, type: stored.type, origin: stored.source.startsWith(PACKAGE_PREFIX) ? 'package' : 'cache', up: 0, offsetX: 0, offsetY: 0 };
    const server = this.sources.server;
    if (server && this.online() && Date.now() >= this.pausedUntil && t.z >= server.minZoom && t.z <= server.maxZoom && !signal.aborted) {
      const got = await fetchTile(server, t, signal);
      if (got.ok) {
        this.unanswered = 0;
        this.writer.add({ key: tileKey(server.url, t), source: server.url, bytes: got.bytes, type: got.type });
        return { bytes: got.bytes, type: got.type, origin: 'server', up: 0, offsetX: 0, offsetY: 0 };
      }
      // A fetch cut short because the tile left the view says nothing of the server.
      if (got.reason === 'network' && !signal.aborted && ++this.unanswered >= UNANSWERED_PAUSE_AFTER) {
        this.pausedUntil = Date.now() + PAUSE_MS;
        this.unanswered = 0;
      }
    }
    for (let up = 1; up <= Math.min(ANCESTOR_LEVELS, t.z); up++) {
      if (signal.aborted) return null;
      const parent = { z: t.z - up, x: t.x >> up, y: t.y >> up };
      const found = await storedTile(this.db, sources, parent);
      if (found) return { bytes: found.bytes, type: found.type, origin: 'lower', up, offsetX: t.x - (parent.x << up), offsetY: t.y - (parent.y << up) };
    }
    return null;
  }
}
