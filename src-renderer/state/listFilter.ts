// Search and filters of the list pages, pure so they are tested without a browser.
import type { CreditGrade, Entity, EntityKind, Inspector } from '../../src-shared/domain';

export interface ListFilter {
  text: string;
  district?: string;
  subdistrict?: string;
  kind?: EntityKind;
  credit?: CreditGrade | 'none';
  status?: 'active' | 'inactive';
}

function fold(s: string): string {
  return s.normalize('NFKC').toUpperCase();
}

function statusOk(active: boolean, status: ListFilter['status']): boolean {
  return !status || (status === 'active') === active;
}

/** Entities matching every set filter; `text` matches name, code, address or contact. */
export function filterEntities(rows: Entity[], f: ListFilter): Entity[] {
  const q = fold(f.text.trim());
  return rows.filter(
    (r) =>
      (!f.district || r.district === f.district) &&
      (!f.subdistrict || r.subdistrict === f.subdistrict) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.credit || (f.credit === 'none' ? r.credit === null : r.credit === f.credit)) &&
      statusOk(r.active, f.status) &&
      (!q || [r.name, r.uscc, r.address, r.contact].some((v) => fold(v).includes(q))),
  );
}

/** Inspectors matching every set filter; `text` matches name, certificate number or unit. */
export function filterInspectors(rows: Inspector[], f: ListFilter): Inspector[] {
  const q = fold(f.text.trim());
  return rows.filter(
    (r) =>
      (!f.district || r.district === f.district) &&
      (!f.subdistrict || r.subdistrict === f.subdistrict) &&
      statusOk(r.active, f.status) &&
      (!q || [r.name, r.certNo, r.unit].some((v) => fold(v).includes(q))),
  );
}

/** The distinct non-empty values of a field, sorted the Chinese way, for filter drop-downs. */
export function distinctValues<T>(rows: T[], pick: (r: T) => string): string[] {
  return [...new Set(rows.map(pick).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
