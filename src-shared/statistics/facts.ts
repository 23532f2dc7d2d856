// What the statistics keep of the device's big rows, derived when those rows are written (Dexie tables
// `recordFacts`, `filingLandlords` and `refundFacts`, db/derived.ts): a ledger record as its file and total
// (not its schedule of bill lines), a finding as its type and amount, a landlord's screened filings as one
// row of months, and a refund order as its standing (not its events with their proofs and letters). The
// page then reads a few thousand small rows instead of every ledger whole, every filing and every event.
import type { RefundOrder } from '../refund/order';
import { totalsOf, trackingOf, type RefundEvent } from '../refund/tracking';
import type { StatFiling, StatFinding, StatLedger, StatRefund } from './types';

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

/**
 * A landlord's screened filings, one entry per month in three parallel arrays of plain values: 48,000
 * filings are 4,000 rows that IndexedDB hands over about twice as fast as rows of one object per month.
 */
export interface FilingLandlord {
  uscc: string;
  /** 'YYYY-MM'. */
  months: string[];
  /** The month's flags joined by ',' ('' for none). */
  flags: string[];
  estimatedExcessFen: number[];
}

/** The landlord rows after these filings (each replacing its landlord's month), given the rows kept before (by USCC). */
export function withFilings(before: ReadonlyMap<string, FilingLandlord>, filings: readonly StatFiling[]): FilingLandlord[] {
  const out = new Map<string, FilingLandlord>();
  for (const f of filings) {
    const kept = before.get(f.uscc);
    const row = out.get(f.uscc) ?? { uscc: f.uscc, months: [...(kept?.months ?? [])], flags: [...(kept?.flags ?? [])], estimatedExcessFen: [...(kept?.estimatedExcessFen ?? [])] };
    const at = row.months.indexOf(f.month);
    const i = at === -1 ? row.months.length : at;
    row.months[i] = f.month;
    row.flags[i] = f.flags.join(',');
    row.estimatedExcessFen[i] = f.estimatedExcessFen;
    out.set(f.uscc, row);
  }
  return [...out.values()];
}

/** The filings of these landlords in the months from `range[0]` to `range[1]` (inclusive; every month when null). */
export function filingsOfLandlords(rows: readonly FilingLandlord[], range: readonly [string, string] | null): StatFiling[] {
  const out: StatFiling[] = [];
  for (const r of rows) {
    r.months.forEach((month, i) => {
      if (range && (month < range[0] || month > range[1])) return;
      out.push({ uscc: r.uscc, month, flags: r.flags[i] ? r.flags[i].split(',') : [], estimatedExcessFen: r.estimatedExcessFen[i]! });
    });
  }
  return out;
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
