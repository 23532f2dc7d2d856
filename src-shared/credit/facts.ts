// A target's credit facts (信用事实): what its cases, the approved findings and their amounts, the refund
// orders with their deadlines and the monthly filings say about it on one day. The credit rule reads
// these and nothing else, so a proposed grade can always be explained from them.
import type { FilingFlag } from '../filings/types';
import type { Fen } from '../money';
import type { RefundOrder } from '../refund/order';
import { trackingOf, type RefundEvent } from '../refund/tracking';
import type { Case, CaseRecord } from '../sync/records';

export interface CreditFacts {
  uscc: string;
  /** The China date the facts stand on (overdue days and the filings window count from it). */
  asOf: string;
  /** Draws it was drawn in (distinct draw ids of its cases; a targeted case has none). */
  draws: number;
  cases: number;
  approvedCases: number;
  /** Finding records in its approved cases. */
  findings: number;
  /** The amounts (fen) its approved findings concern, summed: the overcharge confirmed by review. */
  confirmedOverchargeFen: Fen;
  /** Approved cases with a confirmed amount above 0. */
  overchargeCases: number;
  /** Tenants of its refund orders still owed (not paid in full, nor unreachable) after the deadline. */
  overdueTenants: number;
  /** The most calendar days after a deadline a tenant is still owed (0: none overdue). */
  maxOverdueDays: number;
  /** Months ('YYYY-MM', ascending) of its monthly filings with at least one flag. */
  flaggedMonths: string[];
  /** The China date its newest approved case closed, and whether that case has no finding; null if none. */
  lastApproved: { on: string; clean: boolean } | null;
}

/** A filing as far as credit cares: the landlord, the month and its flags (src-shared/filings/stored.ts). */
export interface CreditFiling {
  uscc: string;
  month: string;
  flags: readonly FilingFlag[];
}

export interface CreditWorld {
  cases: readonly Pick<Case, 'id' | 'drawId' | 'uscc' | 'status' | 'closedOn'>[];
  /** Records of those cases; only findings are read. */
  records: readonly Pick<CaseRecord, 'caseId' | 'kind' | 'data'>[];
  orders: readonly Pick<RefundOrder, 'id' | 'caseId' | 'tenants' | 'deadline' | 'party'>[];
  events: readonly RefundEvent[];
  filings: readonly CreditFiling[];
}

/** The facts of a target with nothing recorded about it. */
export function noFacts(uscc: string, asOf: string): CreditFacts {
  return { uscc, asOf, draws: 0, cases: 0, approvedCases: 0, findings: 0, confirmedOverchargeFen: 0, overchargeCases: 0, overdueTenants: 0, maxOverdueDays: 0, flaggedMonths: [], lastApproved: null };
}

const DAY_MS = 86_400_000;

/** Calendar days from one China date to a later one (0 when `to` is not after `from`). */
export function daysAfter(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
}

function amountOf(data: Record<string, unknown>): Fen {
  return typeof data.amountFen === 'number' && Number.isSafeInteger(data.amountFen) ? data.amountFen : 0;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** What the cases say: draws, approvals, findings and their amounts, the newest approval. */
function caseFacts(cases: CreditWorld['cases'], findingsByCase: Map<string, CreditWorld['records'][number][]>) {
  const approved = cases.filter((c) => c.status === 'approved');
  let findings = 0;
  let confirmedOverchargeFen = 0;
  let overchargeCases = 0;
  let lastApproved: CreditFacts['lastApproved'] = null;
  for (const c of approved) {
    const mine = findingsByCase.get(c.id) ?? [];
    const amount = mine.reduce((s, f) => s + amountOf(f.data), 0);
    findings += mine.length;
    confirmedOverchargeFen += amount;
    if (amount > 0) overchargeCases += 1;
    // Cases approved before their closing date was kept sort first ('').
    const on = c.closedOn ?? '';
    if (lastApproved === null || on > lastApproved.on) lastApproved = { on, clean: mine.length === 0 };
  }
  return { draws: new Set(cases.flatMap((c) => (c.drawId ? [c.drawId] : []))).size, cases: cases.length, approvedCases: approved.length, findings, confirmedOverchargeFen, overchargeCases, lastApproved };
}

/** Tenants still owed after their order's deadline on `asOf`, and the longest delay in days. */
function refundFacts(orders: CreditWorld['orders'], eventsByOrder: Map<string, RefundEvent[]>, asOf: string) {
  let overdueTenants = 0;
  let maxOverdueDays = 0;
  for (const o of orders) {
    const late = trackingOf(o, eventsByOrder.get(o.id) ?? [], asOf).filter((t) => t.overdue);
    overdueTenants += late.length;
    if (late.length > 0) maxOverdueDays = Math.max(maxOverdueDays, daysAfter(o.deadline, asOf));
  }
  return { overdueTenants, maxOverdueDays };
}

/**
 * The facts of every target named in `usccs`, on the China date `asOf`: the world is read once and split
 * by target (a 4,000-target list is one pass, not 4,000). A case belongs to its `uscc`; an order to its
 * case's target (or its party's, for an order whose case is not held here).
 */
export function creditFactsOf(usccs: readonly string[], world: CreditWorld, asOf: string): Map<string, CreditFacts> {
  const caseTarget = new Map(world.cases.map((c) => [c.id, c.uscc]));
  const casesBy = groupBy(world.cases, (c) => c.uscc);
  const findingsByCase = groupBy(world.records.filter((r) => r.kind === 'finding'), (r) => r.caseId);
  const ordersBy = groupBy(world.orders, (o) => caseTarget.get(o.caseId) ?? o.party.uscc);
  const eventsByOrder = groupBy(world.events, (e) => e.orderId);
  const flaggedBy = groupBy(world.filings.filter((f) => f.flags.length > 0), (f) => f.uscc);
  const out = new Map<string, CreditFacts>();
  for (const uscc of usccs) {
    const flaggedMonths = [...new Set((flaggedBy.get(uscc) ?? []).map((f) => f.month))].sort();
    out.set(uscc, {
      ...noFacts(uscc, asOf),
      ...caseFacts(casesBy.get(uscc) ?? [], findingsByCase),
      ...refundFacts(ordersBy.get(uscc) ?? [], eventsByOrder, asOf),
      flaggedMonths,
    });
  }
  return out;
}

/** The month `n` months before the month of a China date: ('2026-10-15', 11) → '2025-11'. */
export function monthsBefore(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The flagged months within the last `within` months up to and including the month of `asOf`. */
export function flaggedWithin(facts: Pick<CreditFacts, 'flaggedMonths' | 'asOf'>, within: number): string[] {
  const first = monthsBefore(facts.asOf, within - 1);
  const last = facts.asOf.slice(0, 7);
  return facts.flaggedMonths.filter((m) => m >= first && m <= last);
}
