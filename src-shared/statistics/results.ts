// What the cases came to: findings by type, the overcharge found in the ledgers, and the refunds ordered,
// refunded and verified (per district), all in integer fen. The refund figures are those of 退费跟踪
// (refund/tracking.ts, kept per order by statistics/facts.ts), so the two pages never disagree.
import type { Fen } from '../money';
import { inPeriod } from './period';
import type { Scope } from './scope';
import type { StatCase, StatFinding, StatLedger, StatRefund } from './types';

export interface FindingTypeRow {
  /** The office's type code; null for findings recorded without a type. */
  type: string | null;
  findings: number;
  /** Cases with at least one finding of the type. */
  cases: number;
  /** Sum of the findings' amounts concerned (fen). */
  amountFen: Fen;
}

export interface MoneyRow {
  district: string;
  /** Cases whose results count (closed in the period; all cases in all time). */
  cases: number;
  casesWithOvercharge: number;
  overchargeFen: Fen;
  orders: number;
  orderedFen: Fen;
  refundedFen: Fen;
  verifiedFen: Fen;
  /** Tenants not fully refunded (nor unreachable) after the deadline, on `today`. */
  overdueTenants: number;
}

/**
 * The overcharge a case's ledgers found (fen): each ledger file once, at its latest computation (a file
 * computed again replaces its earlier figure; two files of one case — two buildings — add up).
 */
export function overchargeByCase(ledgers: readonly StatLedger[]): Map<string, Fen> {
  const latest = new Map<string, StatLedger>();
  for (const l of ledgers) {
    const key = `${l.caseId}\u0000${l.fileSha256}`;
    const kept = latest.get(key);
    if (!kept || kept.createdAt < l.createdAt) latest.set(key, l);
  }
  const out = new Map<string, Fen>();
  for (const l of latest.values()) out.set(l.caseId, (out.get(l.caseId) ?? 0) + l.totalOverchargeFen);
  return out;
}

/** Findings of the cases in scope by type: most findings first, then by code (untyped last). */
export function findingsByType(findings: readonly StatFinding[], cases: readonly StatCase[]): FindingTypeRow[] {
  const ids = new Set(cases.map((c) => c.id));
  const rows = new Map<string | null, { findings: number; cases: Set<string>; amountFen: Fen }>();
  for (const f of findings) {
    if (!ids.has(f.caseId)) continue;
    const row = rows.get(f.type) ?? { findings: 0, cases: new Set<string>(), amountFen: 0 };
    row.findings += 1;
    row.cases.add(f.caseId);
    row.amountFen += f.amountFen ?? 0;
    rows.set(f.type, row);
  }
  return [...rows.entries()]
    .map(([type, r]) => ({ type, findings: r.findings, cases: r.cases.size, amountFen: r.amountFen }))
    .sort((a, b) => b.findings - a.findings || (a.type === null ? 1 : b.type === null ? -1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

const newMoney = (district: string): MoneyRow => ({ district, cases: 0, casesWithOvercharge: 0, overchargeFen: 0, orders: 0, orderedFen: 0, refundedFen: 0, verifiedFen: 0, overdueTenants: 0 });

export interface MoneyInput {
  cases: readonly StatCase[];
  ledgers: readonly StatLedger[];
  refunds: readonly StatRefund[];
}

/** Per district (Chinese collation) and the total: overcharge found in the cases in scope, and the orders issued in the period. */
export function moneyByDistrict(input: MoneyInput, scope: Scope, period: Parameters<typeof inPeriod>[1], today: string): { rows: MoneyRow[]; total: MoneyRow } {
  const rows = new Map<string, MoneyRow>();
  const rowOf = (d: string) => rows.get(d) ?? (rows.set(d, newMoney(d)), rows.get(d)!);
  const overcharge = overchargeByCase(input.ledgers);
  for (const c of scope.resultCases) {
    const row = rowOf(c.district);
    const fen = overcharge.get(c.id) ?? 0;
    row.cases += 1;
    row.overchargeFen += fen;
    if (fen > 0) row.casesWithOvercharge += 1;
  }
  const caseById = new Map(input.cases.map((c) => [c.id, c]));
  for (const r of input.refunds) {
    const c = caseById.get(r.caseId);
    if (!c || !scope.caseInPlace(c) || !inPeriod(r.issuedOn, period)) continue;
    const row = rowOf(c.district);
    row.orders += 1;
    row.orderedFen += r.orderedFen;
    row.refundedFen += r.paidFen;
    row.verifiedFen += r.verifiedFen;
    // As 退费跟踪 says it (refund/tracking.ts): a tenant still owed is overdue after the deadline.
    if (today > r.deadline) row.overdueTenants += r.owedTenants;
  }
  const sorted = [...rows.values()].sort((a, b) => a.district.localeCompare(b.district, 'zh-CN'));
  const total = sorted.reduce((t, r) => ({
    district: '', cases: t.cases + r.cases, casesWithOvercharge: t.casesWithOvercharge + r.casesWithOvercharge, overchargeFen: t.overchargeFen + r.overchargeFen, orders: t.orders + r.orders,
    orderedFen: t.orderedFen + r.orderedFen, refundedFen: t.refundedFen + r.refundedFen, verifiedFen: t.verifiedFen + r.verifiedFen, overdueTenants: t.overdueTenants + r.overdueTenants,
  }), newMoney(''));
  return { rows: sorted, total };
}
