// The two lists on the hub (targets and inspectors): upserts from the office with a version per row
// and the row's history, conflicts when two devices edit one row, and reads for the draw.
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../src-shared/canonicalJson';
import type { Entity, Inspector, ListKind } from '../../../src-shared/domain';
import type { ListAction } from '../../../src-shared/sync/mutators';
import { insertRows, toNumber, type Sql } from '../store/store';
import type { Write } from '../store/writeTransaction';
import { insertConflict } from './conflicts';

interface EntityRow {
  uscc: string; name: string; kind: Entity['kind']; district: string; subdistrict: string; address: string;
  lng: number | null; lat: number | null; tenant_count: number | null; contact: string; phone: string;
  credit: Entity['credit']; last_inspectors: string[]; active: boolean; version?: unknown; written_by?: string | null;
}

interface InspectorRow {
  cert_no: string; name: string; unit: string; district: string; subdistrict: string; phone: string; conflicts: string[]; active: boolean;
  version?: unknown; written_by?: string | null;
}

export function entityFromRow(r: EntityRow): Entity {
  return {
    uscc: r.uscc, name: r.name, kind: r.kind, district: r.district, subdistrict: r.subdistrict, address: r.address,
    lng: r.lng, lat: r.lat, tenantCount: r.tenant_count, contact: r.contact, phone: r.phone, credit: r.credit,
    lastInspectors: r.last_inspectors, active: r.active,
  };
}

export function inspectorFromRow(r: InspectorRow): Inspector {
  return { certNo: r.cert_no, name: r.name, unit: r.unit, district: r.district, subdistrict: r.subdistrict, phone: r.phone, conflicts: r.conflicts, active: r.active };
}

type ListRows = { entities: Entity[]; inspectors: Inspector[] };

/** Each list's table, key column and the columns of one upsert, in the order rowValues gives them. */
const TABLES = {
  entities: {
    key: 'uscc',
    columns: ['uscc', 'name', 'kind', 'district', 'subdistrict', 'address', 'lng', 'lat', 'tenant_count', 'contact', 'phone', 'credit', 'last_inspectors', 'active', 'version', 'written_by'],
  },
  inspectors: {
    key: 'cert_no',
    columns: ['cert_no', 'name', 'unit', 'district', 'subdistrict', 'phone', 'conflicts', 'active', 'version', 'written_by'],
  },
} as const;

function rowValues(r: Entity | Inspector, version: number, deviceId: string | null): unknown[] {
  if ('uscc' in r) {
    return [r.uscc, r.name, r.kind, r.district, r.subdistrict, r.address, r.lng, r.lat, r.tenantCount, r.contact, r.phone, r.credit, JSON.stringify(r.lastInspectors), r.active, version, deviceId];
  }
  return [r.certNo, r.name, r.unit, r.district, r.subdistrict, r.phone, JSON.stringify(r.conflicts), r.active, version, deviceId];
}

const keyOf = (r: Entity | Inspector): string => ('uscc' in r ? r.uscc : r.certNo);

export interface ListWrite {
  action: ListAction;
  /** Hub version of each row the device edited from (0: new or never pulled); absent: no conflict check. */
  baseVersions?: readonly number[];
  deviceId: string | null;
  userId: string | null;
  /** The writer's username and name for a conflict's record. */
  username: string;
  name?: string;
  hlc: string;
}

/**
 * Upserts rows of one list in one statement, appends their history, logs each for pull (scoped by
 * district) and returns the audit content. A row another device wrote after the version this device
 * edited from is applied all the same (arrival order) and both values are kept as a conflict.
 */
export async function putListRows<K extends ListKind>(w: Write, kind: K, rows: ListRows[K], how: ListWrite): Promise<{ subject: string; before: Json; after: Json; conflicts: number }> {
  const table = TABLES[kind];
  const keys = rows.map(keyOf);
  const stored = await w.tx.query<EntityRow & InspectorRow>(`SELECT * FROM ${kind} WHERE ${table.key} = ANY($1::text[])`, [keys]);
  const before = new Map(stored.map((r) => [kind === 'entities' ? r.uscc : r.cert_no, r]));
  let conflicts = 0;
  for (const [i, row] of rows.entries()) {
    const theirs = before.get(keyOf(row));
    const base = how.baseVersions?.[i];
    if (!theirs || base === undefined || toNumber(theirs.version) <= base || theirs.written_by === how.deviceId) continue;
    const old = kind === 'entities' ? entityFromRow(theirs) : inspectorFromRow(theirs);
    if (JSON.stringify(old) === JSON.stringify(row)) continue;
    conflicts += 1;
    await insertListConflict(w, kind, row, old, toNumber(theirs.version), base, how);
  }
  const update = table.columns.filter((c) => c !== table.key).map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  // A plain multi-row INSERT: each value takes its column's type (jsonb from the JSON text too).
  await insertRows(w.tx, `INSERT INTO ${kind} (${table.columns.join(', ')})`, table.columns.length,
    rows.map((r) => rowValues(r, w.version, how.deviceId)), ` ON CONFLICT (${table.key}) DO UPDATE SET ${update}`);
  await insertRows(w.tx, 'INSERT INTO list_history (kind, key, version, action, row, user_id, device_id, at)', 8,
    rows.map((r) => [kind, keyOf(r), w.version, how.action, JSON.stringify(r), how.userId, how.deviceId, w.at.toISOString()]));
  for (const r of rows) w.log(kind, keyOf(r), r as unknown as Json, { district: r.district });
  const previous = stored.map((r) => (kind === 'entities' ? entityFromRow(r) : inspectorFromRow(r)));
  return { subject: `${kind}:${rows.length}`, before: previous as unknown as Json, after: { action: how.action, rows } as unknown as Json, conflicts };
}

async function insertListConflict(w: Write, kind: ListKind, mine: Entity | Inspector, theirs: Entity | Inspector, theirVersion: number, base: number, how: ListWrite): Promise<void> {
  await insertConflict({ w }, {
    id: randomUUID(), kind: 'list-row', caseId: null, recordId: null, field: `${kind}:${keyOf(mine)}`, district: mine.district,
    theirs: { value: theirs as unknown as Json, version: theirVersion },
    mine: { value: mine as unknown as Json, device: how.deviceId, user: how.username, ...(how.name ? { name: how.name } : {}), at: how.hlc, version: w.version, baseVersion: base },
    resolvedAt: null, resolution: null, createdAt: w.at.toISOString(),
  });
}

/** Both lists, optionally one district's, for a draw. */
export async function readLists(db: Sql, district: string | null): Promise<{ entities: Entity[]; inspectors: Inspector[] }> {
  const where = district === null ? '' : ' WHERE district = $1';
  const params = district === null ? [] : [district];
  const entities = (await db.query<EntityRow>(`SELECT * FROM entities${where}`, params)).map(entityFromRow);
  const inspectors = (await db.query<InspectorRow>(`SELECT * FROM inspectors${where}`, params)).map(inspectorFromRow);
  return { entities, inspectors };
}
