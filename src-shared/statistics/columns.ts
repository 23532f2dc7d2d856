// The statistics' facts kept column by column in a few buckets per kind (Dexie table `statColumns`,
// db/derived.ts), not one small row per fact. Chromium's IndexedDB pays per row it hands over: 4,000 rows
// of a target took ~90 ms where the same values as the columns of one row took ~12 ms. A fact's bucket is
// a hash of its key, so a write of one row rewrites one bucket of a few dozen entries.
import type { RecordFact } from './facts';
import type { StatCase, StatEntity } from './types';

/** One bucket of one kind: its entries' keys in order, and each field's values in the same order. */
export interface ColumnBucket {
  /** `${kind}/${bucket}`. */
  id: string;
  keys: string[];
  /** cols[j][i]: field j (the shape's `fields`) of entry i. */
  cols: unknown[][];
}

/** What one kind keeps: its key field and the other fields, in column order. */
export interface ColumnShape<T> {
  kind: string;
  key: keyof T & string;
  fields: readonly (keyof T & string)[];
}

/**
 * A landlord's screened filings, one entry per month in three parallel arrays of plain values (a month's flags
 * joined by ',', '' for none): 48,000 filings as 4,000 entries, a third of the bytes of one entry per filing.
 */
export interface FilingLandlord {
  uscc: string;
  /** 'YYYY-MM'. */
  months: string[];
  flags: string[];
  estimatedExcessFen: number[];
}

export const BUCKETS = 64;

export const ENTITY_SHAPE: ColumnShape<StatEntity> = { kind: 'entities', key: 'uscc', fields: ['name', 'district', 'credit', 'lng', 'lat', 'active'] };
export const CASE_SHAPE: ColumnShape<StatCase> = { kind: 'cases', key: 'id', fields: ['drawId', 'uscc', 'entityName', 'district', 'status', 'closedOn', 'origin', 'receivedOn'] };
export const RECORD_SHAPE: ColumnShape<RecordFact> = { kind: 'records', key: 'id', fields: ['kind', 'caseId', 'fileSha256', 'createdAt', 'totalOverchargeFen', 'type', 'amountFen'] as never };
export const FILING_SHAPE: ColumnShape<FilingLandlord> = { kind: 'filings', key: 'uscc', fields: ['months', 'flags', 'estimatedExcessFen'] };

/** FNV-1a of the key, modulo BUCKETS: the same key always lands in the same bucket. */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export const bucketId = (kind: string, n: number): string => `${kind}/${String(n).padStart(2, '0')}`;

/** A bucket after each of `keys` is given the fact `next` makes of the one kept (null drops it), entries kept in key order. */
export function withChanges<T>(shape: ColumnShape<T>, id: string, before: ColumnBucket | undefined, keys: Iterable<string>, next: (key: string, kept: T | undefined) => T | null): ColumnBucket {
  const entries = new Map<string, unknown[]>();
  before?.keys.forEach((k, i) => entries.set(k, before.cols.map((c) => c[i])));
  for (const key of keys) {
    const values = entries.get(key);
    const kept = values && ({ [shape.key]: key, ...Object.fromEntries(shape.fields.map((f, j) => [f, values[j]])) } as T);
    const fact = next(key, kept);
    if (fact === null || fact === undefined) entries.delete(key);
    else entries.set(key, shape.fields.map((f) => fact[f] ?? null));
  }
  const sorted = [...entries.keys()].sort();
  return { id, keys: sorted, cols: shape.fields.map((_, j) => sorted.map((k) => entries.get(k)![j])) };
}

/** The keys grouped by the id of the bucket they fall in. */
export function keysByBucket(kind: string, keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const id = bucketId(kind, bucketOf(key));
    out.set(id, [...(out.get(id) ?? []), key]);
  }
  return out;
}

/** Every fact of the buckets, in key order (absent optional fields come back as null). */
export function factsOf<T>(shape: ColumnShape<T>, buckets: readonly ColumnBucket[]): T[] {
  const { key, fields } = shape;
  const out: Record<string, unknown>[] = [];
  for (const b of buckets) {
    for (let i = 0; i < b.keys.length; i++) {
      const fact: Record<string, unknown> = { [key]: b.keys[i] };
      for (let j = 0; j < fields.length; j++) fact[fields[j]!] = b.cols[j]![i];
      out.push(fact);
    }
  }
  return out.sort((a, b) => (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : 0)) as T[];
}

/** Every bucket of a kind at once, as the buckets of `facts` (for an upgrade, or a bench filling a device). */
export function bucketsOf<T>(shape: ColumnShape<T>, facts: readonly T[]): ColumnBucket[] {
  const byKey = new Map(facts.map((f) => [String(f[shape.key]), f]));
  return [...keysByBucket(shape.kind, byKey.keys())].map(([id, keys]) => withChanges(shape, id, undefined, keys, (k) => byKey.get(k)!));
}
