// The two lists on the hub (targets and inspectors): upserts from the office and reads for the draw.
import type { Json } from '../../../src-shared/canonicalJson';
import type { Entity, Inspector } from '../../../src-shared/domain';
import type { Sql } from '../store/store';
import type { Write } from '../store/writeTransaction';

interface EntityRow {
  uscc: string; name: string; kind: Entity['kind']; district: string; subdistrict: string; address: string;
  lng: number | null; lat: number | null; tenant_count: number | null; contact: string; phone: string;
  credit: Entity['credit']; last_inspectors: string[]; active: boolean;
}

interface InspectorRow {
  cert_no: string; name: string; unit: string; district: string; subdistrict: string; phone: string; conflicts: string[]; active: boolean;
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

const ENTITY_UPSERT = `INSERT INTO entities (uscc, name, kind, district, subdistrict, address, lng, lat, tenant_count, contact, phone, credit, last_inspectors, active, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15)
  ON CONFLICT (uscc) DO UPDATE SET name = $2, kind = $3, district = $4, subdistrict = $5, address = $6, lng = $7, lat = $8, tenant_count = $9,
    contact = $10, phone = $11, credit = $12, last_inspectors = $13::jsonb, active = $14, version = $15`;

const INSPECTOR_UPSERT = `INSERT INTO inspectors (cert_no, name, unit, district, subdistrict, phone, conflicts, active, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
  ON CONFLICT (cert_no) DO UPDATE SET name = $2, unit = $3, district = $4, subdistrict = $5, phone = $6, conflicts = $7::jsonb, active = $8, version = $9`;

type ListRows = { entities: Entity[]; inspectors: Inspector[] };

/** Upserts rows of one list; logs each for pull (scoped by district) and returns the audit content. */
export async function putListRows<K extends keyof ListRows>(w: Write, kind: K, rows: ListRows[K]): Promise<{ subject: string; before: Json; after: Json; conflicts: number }> {
  const keyOf = (r: Entity | Inspector): string => ('uscc' in r ? r.uscc : r.certNo);
  const keys = rows.map(keyOf);
  const before = kind === 'entities'
    ? (await w.tx.query<EntityRow>('SELECT * FROM entities WHERE uscc = ANY($1::text[])', [keys])).map(entityFromRow)
    : (await w.tx.query<InspectorRow>('SELECT * FROM inspectors WHERE cert_no = ANY($1::text[])', [keys])).map(inspectorFromRow);
  for (const r of rows) {
    if ('uscc' in r) {
      await w.tx.query(ENTITY_UPSERT, [r.uscc, r.name, r.kind, r.district, r.subdistrict, r.address, r.lng, r.lat, r.tenantCount, r.contact, r.phone, r.credit, JSON.stringify(r.lastInspectors), r.active, w.version]);
    } else {
      await w.tx.query(INSPECTOR_UPSERT, [r.certNo, r.name, r.unit, r.district, r.subdistrict, r.phone, JSON.stringify(r.conflicts), r.active, w.version]);
    }
    w.log(kind, keyOf(r), r as unknown as Json, { district: r.district });
  }
  return { subject: `${kind}:${rows.length}`, before: before as unknown as Json, after: rows as unknown as Json, conflicts: 0 };
}

/** Both lists, optionally one district's, for a draw. */
export async function readLists(db: Sql, district: string | null): Promise<{ entities: Entity[]; inspectors: Inspector[] }> {
  const where = district === null ? '' : ' WHERE district = $1';
  const params = district === null ? [] : [district];
  const entities = (await db.query<EntityRow>(`SELECT * FROM entities${where}`, params)).map(entityFromRow);
  const inspectors = (await db.query<InspectorRow>(`SELECT * FROM inspectors${where}`, params)).map(inspectorFromRow);
  return { entities, inspectors };
}
