// The tables derived from others (the statistics' facts, src-shared/statistics/facts.ts), kept by ONE Dexie
// middleware rather than by each path that writes: a mutator, a pull, a case fetched whole, a refusal rolled
// back, a `.tcase` merged. Every write of a source table updates its derived rows in the SAME IndexedDB
// transaction, which the middleware widens to the stores it needs, so a derived row is never stale or half
// written and no new write path can forget it.
import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreRangeType, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { BUCKETS, bucketId, CASE_SHAPE, ENTITY_SHAPE, factsOf, FILING_SHAPE, keysByBucket, RECORD_SHAPE, withChanges, type ColumnBucket, type ColumnShape, type FilingLandlord } from '../../src-shared/statistics/columns';
import { byLandlord, caseFact, entityFact, landlordWith, recordFact, refundFact, type CaseSource, type FactSource, type RefundSource } from '../../src-shared/statistics/facts';
import type { StatEntity, StatFiling, StatRefund } from '../../src-shared/statistics/types';
import type { RefundEvent } from '../../src-shared/refund/tracking';
import { CASE_LIST_SHAPE, caseRowOf, type CaseListSource } from '../state/caseFilter';

/** What a mutation of a source table did: the rows put, and the rows deleted (read before they went). */
interface Written {
  put: readonly unknown[];
  deleted: readonly unknown[];
}

interface Derivation {
  /** The derived table. */
  table: string;
  /** Tables whose writes change it. */
  sources: readonly string[];
  /** Every store the update reads or writes (joined to each readwrite transaction on a source). */
  stores: readonly string[];
  update(core: DBCore, trans: DBCoreTransaction, source: string, written: Written): PromiseLike<unknown>;
}

// No `await` below: Dexie's layers under this one (its cache and live-query observation) read the
// transaction's zone, which Dexie's own promises carry through `.then` and a native await drops.
const done = () => Dexie.Promise.resolve();
const EQUAL = 1 as DBCoreRangeType;
const equal = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key });

function put(core: DBCore, trans: DBCoreTransaction, table: string, values: readonly unknown[]): PromiseLike<unknown> {
  return values.length > 0 ? core.table(table).mutate({ type: 'put', trans, values }) : done();
}

function remove(core: DBCore, trans: DBCoreTransaction, table: string, keys: unknown[]): PromiseLike<unknown> {
  return keys.length > 0 ? core.table(table).mutate({ type: 'delete', trans, keys }) : done();
}

/** Runs `step` for each item, one after the other. */
function each<T>(items: Iterable<T>, step: (item: T) => PromiseLike<unknown>): PromiseLike<unknown> {
  let chain: PromiseLike<unknown> = done();
  for (const item of items) chain = chain.then(() => step(item));
  return chain;
}

/** The rows of `table` whose `index` equals `key`. */
function rowsWhere<T>(core: DBCore, trans: DBCoreTransaction, table: string, index: string, key: unknown): PromiseLike<T[]> {
  const t = core.table(table);
  const found = t.schema.getIndexByKeyPath(index);
  if (!found) throw new Error(`derived tables: ${table} has no index ${index}`);
  return t.query({ trans, values: true, query: { index: found, range: equal(key) } }).then((r) => r.result as T[]);
}

const turns = new WeakMap<DBCoreTransaction, PromiseLike<unknown>>();

/**
 * Runs `step` after the steps queued before it in the transaction: two writes issued together (Promise.all)
 * would otherwise both read a bucket before either wrote it, and the second would drop the first's change.
 */
function inTurn(trans: DBCoreTransaction, step: () => PromiseLike<unknown>): PromiseLike<unknown> {
  const next = (turns.get(trans) ?? done()).then(step);
  turns.set(trans, next);
  return next;
}

/** The keys a write touches in one kind of the column store, and each key's fact given the one kept (null: none). */
interface ColumnChange<T> {
  keys: Iterable<string>;
  next(key: string, kept: T | undefined): T | null;
}

/**
 * A source table → one kind of the column store (src-shared/statistics/columns.ts): only the buckets the
 * write's keys fall in are read and written again.
 */
function columnar<T>(source: string, shape: ColumnShape<T>, changeOf: (written: Written) => ColumnChange<T>): Derivation {
  return {
    table: 'statColumns',
    sources: [source],
    stores: ['statColumns'],
    update(core, trans, _source, written) {
      const change = changeOf(written);
      const byBucket = keysByBucket(shape.kind, change.keys);
      if (byBucket.size === 0) return done();
      const ids = [...byBucket.keys()];
      return inTurn(trans, () => core.table('statColumns').getMany({ trans, keys: ids }).then((kept: (ColumnBucket | undefined)[]) => (
        put(core, trans, 'statColumns', ids.map((id, i) => withChanges(shape, id, kept[i], byBucket.get(id)!, change.next)))
      )));
    },
  };
}

/** One fact per source row: a row put is projected (null: none), a row deleted drops its fact. */
function perRow<S, T>(key: (row: S) => string, project: (row: S) => T | null) {
  return ({ put: rows, deleted }: Written): ColumnChange<T> => {
    const facts = new Map<string, T | null>();
    for (const r of deleted as S[]) facts.set(key(r), null);
    for (const r of rows as S[]) facts.set(key(r), project(r));
    return { keys: facts.keys(), next: (k) => facts.get(k)! };
  };
}

/** One fact per landlord: the months written replace theirs, the months deleted leave. */
function perLandlord({ put: rows, deleted }: Written): ColumnChange<FilingLandlord> {
  const stored = byLandlord(rows as StatFiling[]);
  const gone = byLandlord(deleted as StatFiling[]);
  return {
    keys: new Set([...stored.keys(), ...gone.keys()]),
    next: (uscc, kept) => landlordWith(uscc, kept, stored.get(uscc) ?? [], (gone.get(uscc) ?? []).map((f) => f.month)),
  };
}

/** Refund orders and their events → each order's standing (an order gone: its standing too). */
const refundFacts: Derivation = {
  table: 'refundFacts',
  sources: ['refundOrders', 'refundEvents'],
  stores: ['refundOrders', 'refundEvents', 'refundFacts'],
  update(core, trans, source, { put: rows, deleted }) {
    const orderIdOf = (r: unknown) => (source === 'refundOrders' ? (r as RefundSource).id : (r as { orderId: string }).orderId);
    const ids = [...new Set([...rows, ...deleted].map(orderIdOf))];
    if (ids.length === 0) return done();
    return core.table('refundOrders').getMany({ trans, keys: ids }).then((orders: (RefundSource | undefined)[]) => {
      const facts: StatRefund[] = [];
      const gathered = each(orders, (o) => (!o ? done() : rowsWhere<{ event: RefundEvent }>(core, trans, 'refundEvents', 'orderId', o.id).then((events) => {
        facts.push(refundFact(o, events.map((e) => e.event)));
      })));
      return gathered.then(() => put(core, trans, 'refundFacts', facts)).then(() => remove(core, trans, 'refundFacts', ids.filter((_, i) => !orders[i])));
    });
  },
};

export const DERIVATIONS: readonly Derivation[] = [
  columnar('entities', ENTITY_SHAPE, perRow((e: StatEntity) => e.uscc, entityFact)),
  columnar('cases', CASE_SHAPE, perRow((c: CaseSource) => c.id, caseFact)),
  // The cases page's filter column (state/caseFilter.ts), beside the statistics' facts in the same store.
  columnar('cases', CASE_LIST_SHAPE, perRow((c: CaseListSource) => c.id, caseRowOf)),
  columnar('records', RECORD_SHAPE, perRow((r: FactSource) => r.id, recordFact)),
  columnar('filings', FILING_SHAPE, perLandlord),
  refundFacts,
];

/** The rows a delete request will remove, read before it runs (a range: every row in it). */
function doomed(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<unknown[]> {
  if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys }).then((rows: unknown[]) => rows.filter((r) => r !== undefined));
  if (req.type === 'deleteRange') return table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
  return Dexie.Promise.resolve([]);
}

/** The rows a put or add request stored (an add that failed on a row stored nothing of it). */
function stored(req: DBCoreMutateRequest, failures: Record<number, Error>): readonly unknown[] {
  if (req.type !== 'put' && req.type !== 'add') return [];
  return req.values.filter((_, i) => !(i in failures));
}

export const derivedTables: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derivedTables',
  create(down) {
    const present = new Set(down.schema.tables.map((t) => t.name));
    const active = DERIVATIONS.filter((d) => d.stores.every((s) => present.has(s)));
    const bySource = (name: string) => active.filter((d) => d.sources.includes(name));
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const wider = new Set(stores);
        for (const s of stores) for (const d of bySource(s)) for (const x of d.stores) wider.add(x);
        return down.transaction([...wider], mode, options);
      },
      table(name) {
        const table = down.table(name);
        const derivations = bySource(name);
        if (derivations.length === 0) return table;
        return {
          ...table,
          mutate(req) {
            return doomed(table, req).then((deleted) => table.mutate(req).then((res) => {
              const written = { put: stored(req, res.failures), deleted };
              return each(derivations, (d) => d.update(down, req.trans, name, written)).then(() => res);
            })) as Promise<DBCoreMutateResponse>;
          },
        };
      },
    };
  },
};

/** The column store the middleware keeps, as its readers see it. */
interface ColumnStore {
  statColumns: { bulkGet(ids: string[]): PromiseLike<(ColumnBucket | undefined)[]> };
}

/**
 * A kind's buckets of the column store, by their ids (in key order: the ids are zero-padded): a read by keys,
 * which Dexie's live-query cache does not keep, so the buckets are not deep-cloned for it (21 ms at 50,000 cases).
 */
export async function readBuckets(source: ColumnStore, kind: string): Promise<ColumnBucket[]> {
  const found = await source.statColumns.bulkGet(Array.from({ length: BUCKETS }, (_, n) => bucketId(kind, n)));
  return found.filter((b): b is ColumnBucket => b !== undefined);
}

/** Every fact of one kind of the column store, in key order. */
export async function readFacts<T>(source: ColumnStore, shape: ColumnShape<T>): Promise<T[]> {
  return factsOf(shape, await readBuckets(source, shape.kind));
}
