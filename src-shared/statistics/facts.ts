// What the statistics keep of the device's rows, derived when those rows are written (db/derived.ts): a
// target, a case, a ledger record as its file and total (not its schedule of bill lines), a finding as its
// type and amount, a filing as its month, flags and excess — kept column by column (statistics/columns.ts)
// — and a refund order as its standing (table `refundFacts`, not its events with their proofs and letters).
import type { RefundOrder } from '../refund/order';
import { totalsOf, trackingOf, type RefundEvent } from '../refund/tracking';
import { bucketsOf, CASE_SHAPE, ENTITY_SHAPE, FILING_SHAPE, RECORD_SHAPE, type ColumnBucket, type FilingLandlord } from './columns';
import type { StatCase, StatEntity, StatFiling, StatFinding, StatLedger, StatRefund } from './types';

/** A case as the device keeps it, as far as the statistics go. */
export type CaseSource = Pick<StatCase, 'id' | 'uscc' | 'entityName' | 'district' | 'status' | 'closedOn' | 'origin'> & {
  drawId?: string | null;
  originDetail?: { kind: string; receivedOn?: string } | null;
};

/** A record as the device keeps it, as far as its facts go. */
export interface FactSource {
  id: string;
  caseId: string;
  kind: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export type RecordFact = { id: string } & (({ kind: 'ledgerCheck' } & StatLedger) | ({ kind: 'finding' } & StatFinding));

/** The facts of a ledger check or a finding; null for a record of any other kind (the statistics count none). */
export function recordFact(r: FactSource): RecordFact | null {
  if (r.kind === 'ledgerCheck') {
    const check = r.data as { file: { sha256: string }; totalOverchargeFen: number };
    return { id: r.id, kind: 'ledgerCheck', caseId: r.caseId, fileSha256: check.file.sha256, createdAt: r.createdAt, totalOverchargeFen: check.totalOverchargeFen };
  }
  if (r.kind === 'finding') {
    const { type, amountFen } = r.data;
    return { id: r.id, kind: 'finding', caseId: r.caseId, type: typeof type === 'string' ? type : null, amountFen: typeof amountFen === 'number' ? amountFen : null };
  }
  return null;
}

/** A landlord's filings after these are stored (each replacing its month) and the months in `gone` deleted; null when none is left. */
export function landlordWith(uscc: string, before: FilingLandlord | undefined, stored: readonly StatFiling[], gone: readonly string[]): FilingLandlord | null {
  const byMonth = new Map<string, [string, number]>();
  before?.months.forEach((m, i) => byMonth.set(m, [before.flags[i]!, before.estimatedExcessFen[i]!]));
  for (const m of gone) byMonth.delete(m);
  for (const f of stored) byMonth.set(f.month, [f.flags.join(','), f.estimatedExcessFen]);
  if (byMonth.size === 0) return null;
  const months = [...byMonth.keys()].sort();
  return { uscc, months, flags: months.map((m) => byMonth.get(m)![0]), estimatedExcessFen: months.map((m) => byMonth.get(m)![1]) };
}

/** The landlords' filings as the statistics take them, of these landlords (all when null) in the months from `range[0]` to `range[1]` (inclusive; every month when null). */
export function filingsOf(rows: readonly FilingLandlord[], usccs: ReadonlySet<string> | null, range: readonly [string, string] | null): StatFiling[] {
  const out: StatFiling[] = [];
  // A few combinations of flags among 48,000 filings: each split once and shared (the filings are read-only).
  const split = new Map<string, readonly string[]>();
  const flagsOf = (joined: string) => split.get(joined) ?? split.set(joined, joined ? joined.split(',') : []).get(joined)!;
  for (const r of rows) {
    if (usccs && !usccs.has(r.uscc)) continue;
    r.months.forEach((month, i) => {
      if (range && (month < range[0] || month > range[1])) return;
      out.push({ uscc: r.uscc, month, flags: flagsOf(r.flags[i]!), estimatedExcessFen: r.estimatedExcessFen[i]! });
    });
  }
  return out;
}

/** These filings grouped by landlord (USCC), each landlord's in their order. */
export function byLandlord(filings: readonly StatFiling[]): Map<string, StatFiling[]> {
  const out = new Map<string, StatFiling[]>();
  for (const f of filings) {
    const list = out.get(f.uscc);
    if (list) list.push(f);
    else out.set(f.uscc, [f]);
  }
  return out;
}

/** The landlords of these filings, as if stored one after the other. */
export function landlordsOf(filings: readonly StatFiling[]): FilingLandlord[] {
  return [...byLandlord(filings)].flatMap(([uscc, list]) => landlordWith(uscc, undefined, list, []) ?? []);
}

/** A case as the statistics count it. */
export function caseFact(c: CaseSource): StatCase {
  return {
    id: c.id, drawId: c.drawId ?? null, uscc: c.uscc, entityName: c.entityName, district: c.district, status: c.status, closedOn: c.closedOn ?? null,
    origin: c.origin ?? 'draw', receivedOn: c.originDetail?.kind === 'complaint' ? c.originDetail.receivedOn : null,
  };
}

/** A list row as the statistics count it. */
export function entityFact(e: StatEntity): StatEntity {
  return { uscc: e.uscc, name: e.name, district: e.district, credit: e.credit ?? null, lng: e.lng ?? null, lat: e.lat ?? null, active: e.active };
}

/** A record's fact as it was kept before the columns: the fields of its kind only. */
export function recordFactOf(fact: RecordFact): RecordFact {
  const f = fact as RecordFact & StatLedger & StatFinding;
  return f.kind === 'ledgerCheck'
    ? { id: f.id, kind: f.kind, caseId: f.caseId, fileSha256: f.fileSha256, createdAt: f.createdAt, totalOverchargeFen: f.totalOverchargeFen }
    : { id: f.id, kind: f.kind, caseId: f.caseId, type: f.type, amountFen: f.amountFen };
}

/** A refund order as kept on a device, as far as its standing goes. */
export interface RefundSource {
  id: string;
  caseId: string;
  order: Pick<RefundOrder, 'tenants' | 'deadline' | 'issuedOn'>;
}

/** The order's standing after these events (any order: payments add up per tenant), as 退费跟踪 computes it. */
export function refundFact(o: RefundSource, events: readonly RefundEvent[]): StatRefund {
  // On a day before any deadline no tenant is overdue; who is still owed is the status, not the day.
  const rows = trackingOf(o.order, events, '');
  const totals = totalsOf(rows);
  return {
    orderId: o.id, caseId: o.caseId, issuedOn: o.order.issuedOn, deadline: o.order.deadline,
    orderedFen: totals.orderedFen, paidFen: totals.paidFen, verifiedFen: totals.verifiedFen,
    owedTenants: rows.filter((r) => r.status === 'pending' || r.status === 'partial').length,
  };
}

/** Every bucket of the column store for these rows, as the writes would have made them (an upgrade; a test filling a device directly). */
export function statColumnsOf(rows: { entities: readonly StatEntity[]; cases: readonly CaseSource[]; records: readonly FactSource[]; filings: readonly StatFiling[] }): ColumnBucket[] {
  return [
    ...bucketsOf(ENTITY_SHAPE, rows.entities.map(entityFact)), ...bucketsOf(CASE_SHAPE, rows.cases.map(caseFact)),
    ...bucketsOf(RECORD_SHAPE, rows.records.flatMap((r) => recordFact(r) ?? [])), ...bucketsOf(FILING_SHAPE, landlordsOf(rows.filings)),
  ];
}
