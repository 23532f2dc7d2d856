// The search column of the two lists: every row's key, folded search text and facets (state/listFilter.ts),
// kept in key order in chunks of a few hundred rows. Reading 100,000 rows, or 100,000 small records, from
// IndexedDB takes seconds in Chromium; 250 chunks take ~90 ms. They are read once per window and kept (~20 MB
// at 100,000 rows, and as much again for their texts joined for a search, made on the first); afterwards only
// the chunks a write changed are read again, so a search is an indexOf over strings in memory (9–12 ms).
// Every write of list rows calls putColumnRows in the transaction that stores them: the mutators, the pull;
// the version 13 upgrade, older than the totals, calls putColumnChunks.
import Dexie, { type EntityTable } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { idleMoment } from '../platform/idle';
import { facetsOf, joinTexts, searchText, type JoinedTexts } from '../state/listFilter';

/** Some hundred rows of one list, contiguous in key order. Local only: derived from the rows, never synced. */
export interface ListChunk {
  id: string;
  kind: ListKind;
  /** Its smallest key: chunks sorted by it are the list in key order. */
  first: string;
  /** When it last changed (ms, increasing per list): a window re-reads the chunks newer than it has seen. */
  rev: number;
  keys: string[];
  texts: string[];
  facets: string[];
}

export type ChunkTable = EntityTable<ListChunk, 'id'>;

/**
 * How many rows a list holds, kept with its search column: IndexedDB counts by walking every row (110–200 ms at
 * 100,000 targets in Chromium), and the list page shows the count on every query. Local only, never synced.
 */
export interface ListTotal {
  kind: ListKind;
  rows: number;
}

export type TotalTable = EntityTable<ListTotal, 'kind'>;

/** Where a list's derived search fields live: its chunks, and its total. */
export interface ColumnTables {
  chunks: ChunkTable;
  totals: TotalTable;
}

/** Chunks are split above this many rows; ~40 kB each, below the size Chromium moves out of its database. */
const CHUNK_MAX = 500;
const CHUNK_TARGET = 400;
/** Below this many rows a write looks up each row's chunk; above, it reads the list's chunks in one request. */
const FEW = 64;

interface Entry {
  key: string;
  text: string;
  facets: string;
}

type ListRow = Entity | Inspector;

// As sync/referenceMutators' rowKey, which this module cannot import: the mutators import it.
const keyOf = (kind: ListKind, row: ListRow): string => (kind === 'entities' ? (row as Entity).uscc : (row as Inspector).certNo);

/** The derived search fields of one row: the one place they are made. */
export function columnEntry(kind: ListKind, row: ListRow): Entry {
  return { key: keyOf(kind, row), text: searchText(kind, row), facets: facetsOf(kind, row) };
}

const ofKind = (kind: ListKind) => [[kind, Dexie.minKey], [kind, Dexie.maxKey]] as const;

/**
 * Stores the search fields of these rows (new or changed), and counts the new ones in the list's total. Call
 * inside the transaction that stores the rows.
 */
export async function putColumnRows({ chunks, totals }: ColumnTables, kind: ListKind, rows: readonly ListRow[]): Promise<void> {
  if (rows.length === 0) return;
  const [added, total] = await Promise.all([putColumnChunks(chunks, kind, rows), readTotal(totals, kind)]);
  if (added > 0) await totals.put({ kind, rows: total + added });
}

/**
 * The chunks' part of putColumnRows: stores the rows' search fields; resolves with how many keys were new.
 * Alone only for version 13's upgrade, older than the totals (version 21 counts the rows then).
 */
export async function putColumnChunks(chunks: ChunkTable, kind: ListKind, rows: readonly ListRow[]): Promise<number> {
  const byKey = new Map(rows.map((r) => [keyOf(kind, r), r]));
  const entries = [...byKey.values()].map((r) => columnEntry(kind, r)).sort((a, b) => cmp(a.key, b.key));
  if (entries.length === 0) return 0;
  const [lower, upper] = ofKind(kind);
  const [stored, lastRev] = await Promise.all([
    entries.length < FEW ? chunksFor(chunks, kind, entries) : chunks.where('[kind+first]').between(lower, upper).toArray(),
    chunks.where('[kind+rev]').between(lower, upper).lastKey() as Promise<[ListKind, number] | undefined>,
  ]);
  const rev = Math.max((lastRev?.[1] ?? 0) + 1, Date.now());
  const changed = mergeInto(stored.sort((a, b) => cmp(a.first, b.first)), entries, kind);
  await chunks.bulkPut(changed.flatMap((c) => split(c.chunk)).map((c) => ({ ...c, rev })));
  return changed.reduce((n, c) => n + c.added, 0);
}

/** A database's column tables. */
export const columnOf = (db: { listChunks: ChunkTable; listTotals: TotalTable }): ColumnTables => ({ chunks: db.listChunks, totals: db.listTotals });

/** How many rows the list holds (one small read). */
export async function readTotal(totals: TotalTable, kind: ListKind): Promise<number> {
  return (await totals.get(kind))?.rows ?? 0;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The chunk each key belongs in (the last whose first key is not above it, else the first chunk), deduplicated. */
async function chunksFor(chunks: ChunkTable, kind: ListKind, entries: readonly Entry[]): Promise<ListChunk[]> {
  const [lower, upper] = ofKind(kind);
  const found = await Promise.all(
    entries.map(async (e) => (await chunks.where('[kind+first]').between(lower, [kind, e.key], true, true).last()) ?? chunks.where('[kind+first]').between(lower, upper).first()),
  );
  return [...new Map(found.flatMap((c) => (c ? [[c.id, c] as const] : []))).values()];
}

/** A chunk with entries put in, and how many of them were new keys. */
interface Merged {
  chunk: ListChunk;
  added: number;
}

/** Puts sorted entries into the sorted chunks they fall in (a new chunk when there is none); returns the chunks changed. */
function mergeInto(sorted: ListChunk[], entries: readonly Entry[], kind: ListKind): Merged[] {
  if (sorted.length === 0) sorted.push({ id: uuidv7(), kind, first: entries[0]!.key, rev: 0, keys: [], texts: [], facets: [] });
  const groups = new Map<ListChunk, Entry[]>();
  let c = 0;
  for (const e of entries) {
    while (c + 1 < sorted.length && sorted[c + 1]!.first <= e.key) c++;
    const chunk = sorted[c]!;
    const group = groups.get(chunk);
    if (group) group.push(e);
    else groups.set(chunk, [e]);
  }
  return [...groups].map(([chunk, added]) => merged(chunk, added));
}

/** A chunk with the entries put in their places (replacing those with the same key), still in key order. */
function merged(chunk: ListChunk, added: readonly Entry[]): Merged {
  const out: ListChunk = { ...chunk, keys: [], texts: [], facets: [] };
  let replaced = 0;
  const push = (key: string, text: string, facets: string) => {
    out.keys.push(key);
    out.texts.push(text);
    out.facets.push(facets);
  };
  let i = 0;
  let j = 0;
  while (i < chunk.keys.length || j < added.length) {
    const old = chunk.keys[i];
    const add = added[j];
    if (add && (old === undefined || add.key <= old)) {
      push(add.key, add.text, add.facets);
      if (add.key === old) {
        i++;
        replaced++;
      }
      j++;
    } else {
      push(old!, chunk.texts[i]!, chunk.facets[i]!);
      i++;
    }
  }
  out.first = out.keys[0]!;
  return { chunk: out, added: added.length - replaced };
}

/** A chunk grown past CHUNK_MAX as even pieces; the first keeps its id. */
function split(chunk: ListChunk): ListChunk[] {
  if (chunk.keys.length <= CHUNK_MAX) return [chunk];
  const n = Math.ceil(chunk.keys.length / CHUNK_TARGET);
  const size = Math.ceil(chunk.keys.length / n);
  return Array.from({ length: n }, (_, p) => {
    const [from, to] = [p * size, (p + 1) * size];
    const keys = chunk.keys.slice(from, to);
    return { ...chunk, id: p === 0 ? chunk.id : uuidv7(), first: keys[0]!, keys, texts: chunk.texts.slice(from, to), facets: chunk.facets.slice(from, to) };
  });
}

interface Kept {
  chunks: Map<string, ListChunk>;
  /** The highest rev read. */
  seen: number;
  ordered: ListChunk[] | null;
  /** The read under way: a second caller waits for it rather than reading the same chunks again. */
  reading: Promise<void> | null;
}

const kept = new WeakMap<ChunkTable, Map<ListKind, Kept>>();

function keptFor(chunks: ChunkTable, kind: ListKind): Kept {
  const perTable = kept.get(chunks) ?? new Map<ListKind, Kept>();
  kept.set(chunks, perTable);
  const k = perTable.get(kind) ?? { chunks: new Map(), seen: 0, ordered: null, reading: null };
  perTable.set(kind, k);
  return k;
}

/**
 * The list's chunks in key order, as they stand: read whole the first time, then only those changed since
 * (a write gives every chunk it touches a higher rev). The count and the highest rev are read first, in the
 * caller's own query, so a live query re-runs on any write to the column even when it then waits for another
 * caller's read. A count that disagrees with what is kept (the table was cleared) reads all again.
 */
export async function readColumn(chunks: ChunkTable, kind: ListKind, pace: Pace = 'now'): Promise<readonly ListChunk[]> {
  const [lower, upper] = ofKind(kind);
  const [count, last] = await Promise.all([
    chunks.where('[kind+rev]').between(lower, upper).count(),
    chunks.where('[kind+rev]').between(lower, upper).lastKey() as Promise<[ListKind, number] | undefined>,
  ]);
  const rev = last?.[1] ?? 0;
  const k = keptFor(chunks, kind);
  while (k.reading) await k.reading;
  if (k.seen < rev || k.chunks.size !== count) {
    if (k.chunks.size > count || k.seen > rev) forget(k);
    await readChanged(chunks, kind, k, pace);
    // Chunks kept that the table no longer has (it was cleared and filled again): read it all once more.
    if (k.chunks.size > count) {
      forget(k);
      await readChanged(chunks, kind, k, pace);
    }
  }
  return (k.ordered ??= [...k.chunks.values()].sort((a, b) => cmp(a.first, b.first)));
}

const joined = new WeakMap<ListChunk, JoinedTexts>();

/** A chunk's search texts joined for one indexOf (state/listFilter.ts), made once per chunk as read. */
export function joinedTexts(chunk: ListChunk): JoinedTexts {
  let j = joined.get(chunk);
  if (!j) joined.set(chunk, (j = joinTexts(chunk.texts)));
  return j;
}

function forget(k: Kept): void {
  k.chunks.clear();
  k.seen = 0;
  k.ordered = null;
}

async function readChanged(chunks: ChunkTable, kind: ListKind, k: Kept, pace: Pace): Promise<void> {
  const reading = readFresh(chunks, kind, k, pace).finally(() => (k.reading = null));
  k.reading = reading;
  await reading;
}

/**
 * Chunks per request when the whole column is read. IndexedDB hands a request's rows to the window in one task
 * (at 100,000 targets the column is ~20 MB: 300–500 ms in one piece); 25 chunks, some 10,000 rows, keep each
 * task short, so a click or a frame gets in between.
 */
const READ_PAGE = 25;

/** A read for a query ('now'), or one ahead of need ('idle'), which lets the window's other work go first between pages. */
export type Pace = 'now' | 'idle';


async function readFresh(chunks: ChunkTable, kind: ListKind, k: Kept, pace: Pace): Promise<void> {
  const [lower, upper] = ofKind(kind);
  if (k.seen > 0) {
    keep(k, await chunks.where('[kind+rev]').between([kind, k.seen], upper, true, true).toArray());
    return;
  }
  // The whole column, page by page in key order. A write between two pages gives every chunk it touches a rev
  // above the one read first, so the next read takes them again.
  const first = (await chunks.where('[kind+rev]').between(lower, upper).lastKey()) as [ListKind, number] | undefined;
  let after: readonly [ListKind, unknown] = lower;
  for (;;) {
    const page = await chunks.where('[kind+first]').between(after, upper, false, true).limit(READ_PAGE).toArray();
    keep(k, page);
    if (page.length < READ_PAGE) break;
    if (pace === 'idle') await idleMoment(200);
    after = [kind, page.at(-1)!.first];
  }
  k.seen = first?.[1] ?? 0;
}

function keep(k: Kept, fresh: readonly ListChunk[]): void {
  for (const c of fresh) {
    if ((k.chunks.get(c.id)?.rev ?? -1) < c.rev) {
      k.chunks.set(c.id, c);
      k.ordered = null;
    }
    k.seen = Math.max(k.seen, c.rev);
  }
}
