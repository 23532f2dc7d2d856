// Refund tracking (退费跟踪): per tenant of an order, what was ordered, what the landlord proved paid, what
// the office verified, and whether the deadline passed. Events only add up — a payment is never edited,
// a wrong one is answered by the office refusing to verify it — so the history is the evidence.
import { z } from 'zod';
import { cleanString } from '../text';
import type { Fen } from '../money';
import type { RefundOrder } from './order';

export const REFUND_EVENT_KINDS = ['paid', 'verified', 'unreachable', 'reminded'] as const;

export const refundProofSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: cleanString().min(1).max(260),
  type: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
});

const fen = z.number().int().min(0).max(1e13);

/**
 * What a reminder letter (催告通知书) said: the day issued, the new deadline in working days and as a date
 * (on the office's calendar), and each tenant still owed at the time with what was left (fen) — the letter
 * can be printed again from it, word for word.
 */
export const refundReminderSchema = z.strictObject({
  /** The China date the reminder is issued. */
  issuedOn: z.iso.date(),
  workingDays: z.number().int().min(1).max(60),
  deadline: z.iso.date(),
  /** The holiday notices the new deadline was counted on (printed with it). */
  calendarBasis: cleanString().max(1000),
  tenants: z.array(z.strictObject({ tenant: cleanString().trim().min(1).max(200), remainingFen: fen.min(1) })).min(1).max(20_000),
});
export type RefundReminder = z.infer<typeof refundReminderSchema>;

export const refundEventSchema = z.strictObject({
  id: z.uuid(),
  orderId: z.uuid(),
  /** The tenant concerned; '' for 'reminded' (the letter goes to the landlord about all the overdue tenants). */
  tenant: cleanString().trim().max(200),
  kind: z.enum(REFUND_EVENT_KINDS),
  /** 'paid': the amount refunded in this payment (a part or the rest); 0 for the other kinds. */
  amountFen: z.number().int().min(0).max(1e13),
  /** 'paid': the China date of the payment; null for the other kinds. */
  paidOn: z.iso.date().nullable(),
  /** 'paid': the receipt or bank slip (a photo or a PDF kept as a blob). */
  proof: refundProofSchema.nullable(),
  note: cleanString().max(2000),
  /** 'reminded' only (absent on the other kinds, as on every event recorded before reminders existed). */
  reminder: refundReminderSchema.optional(),
}).superRefine((e, ctx) => {
  const reminded = e.kind === 'reminded';
  if (reminded ? e.tenant !== '' : e.tenant === '') ctx.addIssue({ code: 'custom', path: ['tenant'], params: { code: 'tenant' }, message: 'a tenant names one; a reminder none' });
  if (reminded !== (e.reminder !== undefined)) ctx.addIssue({ code: 'custom', path: ['reminder'], params: { code: 'reminder' }, message: 'a reminder carries its letter; other kinds none' });
  if (reminded && (e.amountFen !== 0 || e.paidOn !== null || e.proof !== null)) ctx.addIssue({ code: 'custom', path: ['kind'], params: { code: 'reminder' }, message: 'a reminder has no amount, date paid or proof' });
});
export type RefundEvent = z.infer<typeof refundEventSchema>;

export type RefundStatus = 'pending' | 'partial' | 'paid' | 'verified' | 'unreachable';

export interface TenantTracking {
  tenant: string;
  orderedFen: Fen;
  paidFen: Fen;
  remainingFen: Fen;
  status: RefundStatus;
  /** Not fully paid (nor unreachable) after the deadline. */
  overdue: boolean;
}

/** What an order's tenants stand at on `today` (a China date), from the events so far. */
export function trackingOf(order: Pick<RefundOrder, 'tenants' | 'deadline'>, events: readonly RefundEvent[], today: string): TenantTracking[] {
  return order.tenants.map((t) => {
    const mine = events.filter((e) => e.tenant === t.tenant);
    const paidFen = mine.filter((e) => e.kind === 'paid').reduce((s, e) => s + e.amountFen, 0);
    const remainingFen = t.totalFen - paidFen;
    const status: RefundStatus = remainingFen === 0
      ? (mine.some((e) => e.kind === 'verified') ? 'verified' : 'paid')
      : mine.some((e) => e.kind === 'unreachable') ? 'unreachable' : paidFen > 0 ? 'partial' : 'pending';
    return { tenant: t.tenant, orderedFen: t.totalFen, paidFen, remainingFen, status, overdue: (status === 'pending' || status === 'partial') && today > order.deadline };
  });
}

export interface TrackingTotals {
  orderedFen: Fen;
  paidFen: Fen;
  verifiedFen: Fen;
  overdueTenants: number;
}

export function totalsOf(rows: readonly TenantTracking[]): TrackingTotals {
  return {
    orderedFen: rows.reduce((s, r) => s + r.orderedFen, 0),
    paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    verifiedFen: rows.reduce((s, r) => s + (r.status === 'verified' ? r.paidFen : 0), 0),
    overdueTenants: rows.filter((r) => r.overdue).length,
  };
}

export type RefundEventProblem =
  | { code: 'unknown-tenant' }
  | { code: 'no-proof' }
  | { code: 'zero' }
  | { code: 'over-ordered'; remainingFen: Fen }
  | { code: 'paid-before-order'; issuedOn: string }
  | { code: 'paid-in-future' }
  | { code: 'not-fully-paid'; remainingFen: Fen }
  | { code: 'verified-already' }
  | { code: 'paid-already' }
  | { code: 'not-overdue'; deadline: string }
  | { code: 'reminded-in-future' }
  | { code: 'amounts' };

/** The tenants a reminder issued on `on` names: those overdue then, with what each still owed (fen). */
export function overdueTenantsOn(order: Pick<RefundOrder, 'tenants' | 'deadline'>, events: readonly RefundEvent[], on: string): { tenant: string; remainingFen: Fen }[] {
  return trackingOf(order, events, on).filter((r) => r.overdue).map((r) => ({ tenant: r.tenant, remainingFen: r.remainingFen }));
}

/** Why a reminder cannot be recorded: dated after today, the order not overdue on its day, other tenants or amounts than owed then. */
function reminderProblem(order: Pick<RefundOrder, 'tenants' | 'deadline'>, events: readonly RefundEvent[], reminder: RefundReminder, today: string): RefundEventProblem | null {
  if (reminder.issuedOn > today) return { code: 'reminded-in-future' };
  const owed = overdueTenantsOn(order, events, reminder.issuedOn);
  if (owed.length === 0) return { code: 'not-overdue', deadline: order.deadline };
  const same = owed.length === reminder.tenants.length && owed.every((o, i) => o.tenant === reminder.tenants[i]?.tenant && o.remainingFen === reminder.tenants[i]?.remainingFen);
  return same ? null : { code: 'amounts' };
}

/** Why an event cannot be recorded against the order as it stands; null when it can. */
export function refundEventProblem(order: Pick<RefundOrder, 'tenants' | 'deadline' | 'issuedOn'>, events: readonly RefundEvent[], event: RefundEvent, today: string): RefundEventProblem | null {
  if (event.kind === 'reminded') return event.reminder ? reminderProblem(order, events, event.reminder, today) : { code: 'amounts' };
  const row = trackingOf(order, events, today).find((r) => r.tenant === event.tenant);
  if (!row) return { code: 'unknown-tenant' };
  if (row.status === 'verified') return { code: 'verified-already' };
  if (event.kind === 'paid') {
    if (!event.proof) return { code: 'no-proof' };
    if (event.amountFen <= 0) return { code: 'zero' };
    if (event.amountFen > row.remainingFen) return { code: 'over-ordered', remainingFen: row.remainingFen };
    if (!event.paidOn || event.paidOn < order.issuedOn) return { code: 'paid-before-order', issuedOn: order.issuedOn };
    if (event.paidOn > today) return { code: 'paid-in-future' };
    return null;
  }
  if (event.kind === 'verified') return row.remainingFen > 0 ? { code: 'not-fully-paid', remainingFen: row.remainingFen } : null;
  return row.status === 'paid' ? { code: 'paid-already' } : null;
}

/** One order's standing, for the office's overview. */
export interface OrderStanding {
  orderId: string;
  caseId: string;
  docNo: string;
  landlord: string;
  deadline: string;
  totals: TrackingTotals;
}

export function standingOf(order: RefundOrder, events: readonly RefundEvent[], today: string): OrderStanding {
  return { orderId: order.id, caseId: order.caseId, docNo: order.docNo, landlord: order.party.name, deadline: order.deadline, totals: totalsOf(trackingOf(order, events, today)) };
}

/** The standings summed per key (a landlord, a plan, a district), in first-seen order. */
export function sumBy<S extends OrderStanding>(standings: readonly S[], keyOf: (s: S) => string): { key: string; orders: number; totals: TrackingTotals }[] {
  const out = new Map<string, { key: string; orders: number; totals: TrackingTotals }>();
  for (const s of standings) {
    const key = keyOf(s);
    const row = out.get(key) ?? { key, orders: 0, totals: { orderedFen: 0, paidFen: 0, verifiedFen: 0, overdueTenants: 0 } };
    row.orders += 1;
    row.totals = { orderedFen: row.totals.orderedFen + s.totals.orderedFen, paidFen: row.totals.paidFen + s.totals.paidFen, verifiedFen: row.totals.verifiedFen + s.totals.verifiedFen, overdueTenants: row.totals.overdueTenants + s.totals.overdueTenants };
    out.set(key, row);
  }
  return [...out.values()];
}
