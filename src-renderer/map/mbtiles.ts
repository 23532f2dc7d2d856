// Loading an MBTiles file the office handed out: checked before anything is stored, then its tiles
// kept on this device under `mbtiles:<file name>` (src-renderer/map/tileStore.ts), whole or not at all.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
// The wasm ships in the bundle (and in the service worker's precache): loading works offline.
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { isSqlite, MbtilesError, MbtilesReader, sizeProblem } from '../../src-shared/map/mbtiles';
import { db } from '../db/db';
import { storePackage, type TilePackage } from './tileStore';

/** Tiles per IndexedDB transaction while a package is stored. */
const BATCH = 500;

let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs({ locateFile: () => sqlWasmUrl }).catch((e: unknown) => {
    sqlJs = undefined;
    throw e;
  });
  return sqlJs;
}

/** Whether the browser's storage estimate leaves room for `bytes` more; true when it gives none. */
async function roomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return true;
  return estimate.usage + bytes <= estimate.quota;
}

/**
 * Reads, checks and stores a package; `onProgress` gets tiles stored of the file's rows. Throws
 * MbtilesError for a file refused (or a package of that name already here), the storage's own error
 * (QuotaExceededError) when the disk fills on the way; nothing of the file stays then.
 */
export async function importMbtiles(file: File, onProgress: (stored: number, total: number) => void = () => undefined): Promise<TilePackage> {
  const early = sizeProblem(file.size);
  if (early) throw new MbtilesError(early, file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isSqlite(bytes)) throw new MbtilesError('not-sqlite', file.name);
  // The tiles take about the file's size again in IndexedDB.
  if (!(await roomFor(bytes.length))) throw new MbtilesError('no-room', file.name);
  const reader = MbtilesReader.open(await loadSqlJs(), bytes);
  try {
    onProgress(0, reader.info.tiles);
    return await storePackage(db, file.name, reader.info, reader.batches(BATCH), () => reader.skipped, (n) => onProgress(n, reader.info.tiles));
  } finally {
    reader.close();
  }
}
