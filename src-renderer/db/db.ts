// The local database (IndexedDB through Dexie): the device's source of truth while offline.
import Dexie, { type EntityTable } from 'dexie';
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import type { LedgerMapping } from '../../src-shared/ledger/types';
import type { TariffTable } from '../../src-shared/tariff/types';
import type { Mutation } from '../../src-shared/sync/mutators';
import type { Case, CaseRecord } from '../../src-shared/sync/records';
import type { SavedDraw } from './savedDraw';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { Commitment } from '../../src-shared/draw/commitment';
import type { OfficeSettings } from '../../src-shared/inspection/officeSettings';
import type { RefundOrder } from '../../src-shared/refund/order';
import type { RefundEvent } from '../../src-shared/refund/tracking';
import type { Publication } from '../../src-shared/publication/publication';
import { putColumnChunks, type ChunkTable, type ListChunk, type ListTotal } from './listColumn';
import type { StoredFiling } from '../../src-shared/filings/stored';
import type { StoredCreditChange } from '../../src-shared/credit/change';
import type { PulledCreditRule } from '../../src-shared/credit/pulled';
import type { ColumnBucket } from '../../src-shared/statistics/columns';
import { refundFact, statColumnsOf } from '../../src-shared/statistics/facts';
import type { StatRefund } from '../../src-shared/statistics/types';
import { derivedTables } from './derived';
import { bucketsOf } from '../../src-shared/statistics/columns';
import { CASE_LIST_SHAPE, caseRowOf } from '../state/caseFilter';

/**
 * One write of list rows (an edit, a slice of an import, rows pulled from the hub), kept so nothing recorded
 * silently changes (DOMAIN.md, records). One entry per write, not per row: an import of 3,841 rows is eight
 * entries, where a row each made it wait 0.35 s longer for IndexedDB (db/listHistory.ts reads them by row).
 */
export interface ListHistoryEntry {
  id?: number;
  kind: ListKind;
  /** UTC ISO time of the change. */
  at: string;
  by: string;
  /** `sync`: the rows as another device wrote them, received from the hub. */
  action: 'import' | 'create' | 'edit' | 'deactivate' | 'activate' | 'sync';
  /** The rows written, in order, each as it was before (null: new) and after. */
  rows: ListRowChange[];
}

export interface ListRowChange {
  key: string;
  before: Entity | Inspector | null;
  after: Entity | Inspector;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** The office's tariff table as one document (all-or-nothing import); the page uses the one stored. */
export interface StoredTariffTable {
  id: string;
  table: TariffTable;
  /** UTC ISO time it was stored, and by whom. */
  storedAt: string;
  by: string;
  /** Where it came from: the Excel file's name, or the sample. */
  source: string;
}

/** A confirmed ledger column mapping, remembered per landlord (USCC or name as typed). */
export interface LedgerMappingRow {
  landlord: string;
  mapping: LedgerMapping;
  savedAt: string;
}

/** A case as pulled from the hub, with the change counter of its last write there. */
export type LocalCase = Case & { version: number };
/** A record: `version` is the hub's (0 until pulled back), the base of the next edit. */
export type LocalRecord = CaseRecord & { version: number };

/** A mutation waiting to be pushed; it leaves the outbox only when the hub has acknowledged it. */
export type OutboxRow = Mutation & {
  /** The case it concerns (for export of one case), or null. */
  caseId: string | null;
  /** The record it concerns, so a pull does not overwrite local work still unpushed. */
  recordId: string | null;
};

/** A photo or signature, kept as its original bytes under its SHA-256. */
export interface LocalBlob {
  sha256: string;
  bytes: Uint8Array;
  type: string;
  /** False until the hub has it. */
  uploaded: boolean;
  /**
   * 1 while not uploaded, absent after: the index a sync reads to find what to upload. A boolean is no
   * IndexedDB key, so `uploaded` itself cannot be indexed, and filtering would read every photo's bytes.
   */
  pending?: 1;
}

/** A row the hub sent of a table that is shown as is (conflicts, rejected mutations, draws). */
export interface HubRow {
  key: string;
  version: number;
  row: Record<string, unknown>;
}

/** The hub's version of a list row (`entities:USCC`, `inspectors:CERT`), the base of the next edit. */
export interface RowVersion {
  id: string;
  version: number;
}

export type TariffDb = Dexie & {
  rowVersions: EntityTable<RowVersion, 'id'>;
  cases: EntityTable<LocalCase, 'id'>;
  records: EntityTable<LocalRecord, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  blobs: EntityTable<LocalBlob, 'sha256'>;
  hubConflicts: EntityTable<HubRow, 'key'>;
  hubRejected: EntityTable<HubRow, 'key'>;
  hubDraws: EntityTable<HubRow, 'key'>;
  entities: EntityTable<Entity, 'uscc'>;
  inspectors: EntityTable<Inspector, 'certNo'>;
  listHistory: EntityTable<ListHistoryEntry, 'id'>;
  draws: EntityTable<SavedDraw, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  tariffs: EntityTable<StoredTariffTable, 'id'>;
  ledgerMappings: EntityTable<LedgerMappingRow, 'landlord'>;
  thumbs: EntityTable<Thumb, 'sha256'>;
  plans: EntityTable<CommittedPlan, 'id'>;
  officeSettings: EntityTable<StoredOfficeSettings, 'key'>;
  drafts: EntityTable<Draft, 'key'>;
  tiles: EntityTable<MapTile, 'key'>;
  refundOrders: EntityTable<StoredRefundOrder, 'id'>;
  refundEvents: EntityTable<StoredRefundEvent, 'id'>;
  publications: EntityTable<StoredPublication, 'id'>;
  listChunks: EntityTable<ListChunk, 'id'>;
  /** How many rows each list holds, kept with its search column (db/listColumn.ts). */
  listTotals: EntityTable<ListTotal, 'kind'>;
  filings: EntityTable<StoredFiling, 'key'>;
  /** The credit rule in force ('current'; version 0 while only saved here) and the grade changes (version 0: not yet on the hub). */
  creditRules: EntityTable<PulledCreditRule, 'id'>;
  creditChanges: EntityTable<StoredCreditChange, 'id'>;
  /** Derived (db/derived.ts): the statistics' facts of ledger checks and findings, each landlord's filings by month, each refund order's standing. */
  statColumns: EntityTable<ColumnBucket, 'id'>;
  refundFacts: EntityTable<StatRefund, 'orderId'>;
};

/** A publication of a draw's results (一公开): as published here (version 0 until the hub's copy arrives) or as pulled. */
export interface StoredPublication {
  id: string;
  drawId: string;
  publication: Publication;
  by: string;
  /** UTC ISO time it was recorded (here, or by the hub). */
  at: string;
  /** The hub's change counter of it; 0 while only this device holds it. */
  version: number;
}

/** A refund paid, verified or a tenant unreachable, as recorded here or pulled. */
export interface StoredRefundEvent {
  id: string;
  orderId: string;
  caseId: string;
  event: RefundEvent;
  by: string;
  at: string;
}

/** A refund order: as issued here (docNo '' until the hub numbers it) or as pulled. */
export interface StoredRefundOrder {
  id: string;
  caseId: string;
  order: RefundOrder;
  issuedBy: string;
  issuedAt: string;
}

/** The office's inspection settings as pulled (or saved here), with who saved them and when. */
export interface StoredOfficeSettings {
  key: string;
  settings: OfficeSettings;
  savedAt: string;
  by: string;
}

/**
 * A form being typed and not yet saved (saving as you type): the fields as they stand, kept on every
 * change so a reload or a crash loses nothing. Local only, never synced; removed when the form is saved.
 */
export interface Draft {
  /** `${caseId}:${form}` (form: 'meter:new', 'meter:<recordId>', 'posting', 'finding:new', …). */
  key: string;
  caseId: string;
  values: unknown;
  savedAt: string;
}

/**
 * A map tile kept on this device: from an MBTiles file the office handed out, or fetched from the tile
 * server while online over the assigned cases' areas. `key` is `${source}/${z}/${x}/${y}` (XYZ rows).
 */
export interface MapTile {
  key: string;
  /** 'mbtiles:<file name>' or the tile server's URL template. */
  source: string;
  bytes: Uint8Array;
  type: string;
}

/** A plan committed on this device before its seed (抽查承诺). */
export interface CommittedPlan {
  id: string;
  plan: DrawPlan;
  commitment: Commitment;
}

/** A photo's thumbnail, made once on this device (a local cache: never synced, remade if lost). */
export interface Thumb {
  sha256: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Opens (or creates) the database; `strict` durability so a crash right after a write loses nothing. */
export function openDb(name = 'tariffcheck'): TariffDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as TariffDb;
  // Reference lists are keyed by their natural keys (USCC, certificate number): the office owns
  // them and a second row for the same code must be a duplicate, never a new record.
  db.version(1).stores({
    entities: '&uscc, name, district, subdistrict, kind, credit, active',
    inspectors: '&certNo, name, district, active',
    listHistory: '++id, [kind+key], at',
    draws: '&id, drawnAt',
    settings: '&key',
  });
  // Issue 4: the catalogue tariff table and the ledger mappings remembered per landlord.
  db.version(2).stores({
    tariffs: '&id, storedAt',
    ledgerMappings: '&landlord',
  });
  // Issue 3: cases from the hub, their records, the outbox of mutations, blobs, and what the hub reports.
  db.version(3).stores({
    cases: '&id, status, district',
    records: '&id, caseId, kind',
    outbox: '&id, caseId, recordId',
    blobs: '&sha256, uploaded',
    hubConflicts: '&key',
    hubRejected: '&key',
    hubDraws: '&key',
  });
  // Blobs waiting for upload get an index of their own (see LocalBlob.pending).
  db.version(4)
    .stores({ blobs: '&sha256, pending' })
    .upgrade((tx) => tx.table<LocalBlob>('blobs').toCollection().modify((b) => {
      if (!b.uploaded) b.pending = 1;
    }));
  // Issue 11: lists travel through the outbox; the hub's version of each row is kept for conflicts.
  db.version(5).stores({ rowVersions: '&id' });
  // The lists are filtered in memory (state/listFilter.ts); their five secondary indexes only slowed
  // every write (a 3,841-row import kept 19,000 index entries up to date for no reader).
  db.version(6).stores({ entities: '&uscc', inspectors: '&certNo' });
  db.version(7).stores({ thumbs: '&sha256' });
  db.version(8).stores({ plans: '&id' });
  // Issue 12: the office's inspection settings, forms saved as typed, map tiles kept for offline use.
  db.version(9).stores({ officeSettings: '&key', drafts: '&key, caseId', tiles: '&key, source' });
  // Issue 13: refund orders, by case.
  db.version(10).stores({ refundOrders: '&id, caseId' });
  db.version(11).stores({ refundEvents: '&id, orderId, caseId' });
  // Issue 13: publications of results (一公开), by draw.
  db.version(12).stores({ publications: '&id, drawId' });
  // Issue 14: lists of 100,000 rows. The drop-downs and the common filters read indexes; a search reads the
  // search column (db/listColumn.ts), filled here for the rows already stored. A stored target costs four
  // index entries (version 6 dropped five that no query read; these are read).
  db.version(13)
    .stores({
      entities: '&uscc, district, [district+subdistrict], kind, credit',
      inspectors: '&certNo, district, [district+subdistrict]',
      listChunks: '&id, [kind+first], [kind+rev]',
    })
    .upgrade(async (tx) => {
      // The totals are counted by version 21.
      const chunks = tx.table('listChunks') as ChunkTable;
      await putColumnChunks(chunks, 'entities', await tx.table<Entity, string>('entities').toArray());
      await putColumnChunks(chunks, 'inspectors', await tx.table<Inspector, string>('inspectors').toArray());
    });
  // Issue 15: the landlords' monthly filings as screened (office devices), one per landlord and month.
  db.version(14).stores({ filings: '&key, uscc, month' });
  // Issue 15: the credit rule in force and every target's grade history.
  db.version(15).stores({ creditRules: '&id', creditChanges: '&id, uscc' });
  // Issue 15: what the statistics count of each ledger, finding and filing, once one small row each (version 20
  // replaced them by columns).
  db.version(17).stores({ recordFacts: '&id, caseId', filingLandlords: '&uscc' });
  // Issue 15: each refund order's standing, so the statistics read one small row per order, not its events.
  db.version(18)
    .stores({ refundFacts: '&orderId, caseId' })
    .upgrade(async (tx) => {
      const events = new Map<string, RefundEvent[]>();
      for (const e of await tx.table<StoredRefundEvent, string>('refundEvents').toArray()) events.set(e.orderId, [...(events.get(e.orderId) ?? []), e.event]);
      const orders = await tx.table<StoredRefundOrder, string>('refundOrders').toArray();
      await tx.table('refundFacts').bulkPut(orders.map((o) => refundFact(o, events.get(o.id) ?? [])));
    });
  // Issue 14: cases by their team, target and draw — an inspector's tasks, a target's cases and a draw's
  // publication read the index, not every case (an office's year is thousands).
  db.version(19).stores({ cases: '&id, status, district, *inspectors, uscc, drawId' });
  // Issue 15: what the statistics count of each target, case, ledger, finding and filing, kept as they are
  // written (db/derived.ts) column by column in a few buckets (src-shared/statistics/columns.ts): the page
  // reads some hundred rows, not one per fact, and never a ledger's bill lines.
  db.version(20)
    .stores({ statColumns: '&id', recordFacts: null, filingLandlords: null })
    .upgrade(async (tx) => {
      const [entities, cases, records, filings] = await Promise.all([
        tx.table<Entity, string>('entities').toArray(), tx.table<LocalCase, string>('cases').toArray(),
        tx.table<LocalRecord, string>('records').where('kind').anyOf('ledgerCheck', 'finding').toArray(), tx.table<StoredFiling, string>('filings').toArray(),
      ]);
      await tx.table('statColumns').bulkPut(statColumnsOf({ entities, cases, records, filings }));
    });
  // Issue 14: each list's row count, kept with its search column, so the list page does not count 100,000 rows
  // on every query.
  db.version(21)
    .stores({ listTotals: '&kind' })
    .upgrade(async (tx) => {
      const [entities, inspectors] = await Promise.all([tx.table('entities').count(), tx.table('inspectors').count()]);
      await tx.table('listTotals').bulkPut([{ kind: 'entities', rows: entities }, { kind: 'inspectors', rows: inspectors }]);
    });
  // Issue 14: the list history keeps one entry per write, not per row (an import stored one per row), and is
  // read by time only (listsAsOf): its [kind+key] index goes. An entry kept before holds its one row.
  db.version(22)
    .stores({ listHistory: '++id, at' })
    .upgrade((tx) =>
      tx.table('listHistory').toCollection().modify((h: Record<string, unknown>) => {
        h.rows = [{ key: h.key, before: h.before, after: h.after }];
        delete h.key;
        delete h.before;
        delete h.after;
      }),
    );
  // Issue 14: the cases page's filter column (state/caseFilter.ts), kept from now on by db/derived.ts, filled
  // here for the cases already stored: the page reads some dozen rows, not every case.
  db.version(23)
    .stores({})
    .upgrade(async (tx) => {
      const cases = await tx.table<LocalCase, string>('cases').toArray();
      await tx.table('statColumns').bulkPut(bucketsOf(CASE_LIST_SHAPE, cases.map(caseRowOf)));
    });
  // Every write of a source table keeps the tables derived from it, in its own transaction.
  db.use(derivedTables);
  return db;
}

export const db = openDb();

/** Asks the browser not to evict our data under storage pressure; the answer is only informative. */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
