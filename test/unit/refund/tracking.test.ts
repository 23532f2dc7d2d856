// Refund tracking: partial payments add up, proof is required, nothing beyond what was ordered, the
// office verifies only what is fully paid, overdue after the deadline, totals exact to the fen.
import { describe, expect, it } from 'vitest';
import { refundEventProblem, totalsOf, trackingOf, type RefundEvent } from '../../../src-shared/refund/tracking';

const ORDER = {
  issuedOn: '2026-09-25', deadline: '2026-10-22',
  tenants: [
    { tenant: '奶茶店', months: [{ month: '2026-01', overchargeFen: 9766, lines: [3] }], totalFen: 9766 },
    { tenant: '书店', months: [{ month: '2026-02', overchargeFen: 2000, lines: [5] }], totalFen: 2000 },
    { tenant: '花店', months: [{ month: '2026-02', overchargeFen: 150, lines: [6] }], totalFen: 150 },
  ],
};
const PROOF = { sha256: 'cd'.repeat(32), name: '转账凭证.pdf', type: 'application/pdf' as const };
let n = 0;
const event = (tenant: string, kind: RefundEvent['kind'], amountFen = 0, paidOn: string | null = null, proof: RefundEvent['proof'] = kind === 'paid' ? PROOF : null): RefundEvent => ({
  id: `0195d0a0-0000-7000-8000-${String(++n).padStart(12, '0')}`, orderId: '0195d0a0-0000-7000-8000-00000000aaaa', tenant, kind, amountFen, paidOn, proof, note: '',
});

describe('refund tracking', () => {
  it('adds partial payments, verifies what is fully paid, marks the unreachable, and flags what is late', () => {
    const events = [event('奶茶店', 'paid', 5000, '2026-10-08'), event('奶茶店', 'paid', 4766, '2026-10-20'), event('奶茶店', 'verified'), event('书店', 'paid', 1500, '2026-10-09'), event('花店', 'unreachable')];
    expect(trackingOf(ORDER, events, '2026-10-22')).toEqual([
      { tenant: '奶茶店', orderedFen: 9766, paidFen: 9766, remainingFen: 0, status: 'verified', overdue: false },
      { tenant: '书店', orderedFen: 2000, paidFen: 1500, remainingFen: 500, status: 'partial', overdue: false },
      { tenant: '花店', orderedFen: 150, paidFen: 0, remainingFen: 150, status: 'unreachable', overdue: false },
    ]);
    // The day after the deadline the partial one is overdue; the unreachable one (to be refunded by notice) is not.
    const late = trackingOf(ORDER, events, '2026-10-23');
    expect(late.map((r) => [r.tenant, r.overdue])).toEqual([['奶茶店', false], ['书店', true], ['花店', false]]);
    expect(totalsOf(late)).toEqual({ orderedFen: 11916, paidFen: 11266, verifiedFen: 9766, overdueTenants: 1 });
  });

  it('refuses a payment without proof, of nothing, beyond what is left, before the order or in the future; a verification of what is not fully paid', () => {
    const paid = [event('书店', 'paid', 1500, '2026-10-09')];
    const problem = (e: RefundEvent, today = '2026-10-15') => refundEventProblem(ORDER, paid, e, today);
    expect(problem(event('书店', 'paid', 500, '2026-10-10', null))).toEqual({ code: 'no-proof' });
    expect(problem(event('书店', 'paid', 0, '2026-10-10'))).toEqual({ code: 'zero' });
    expect(problem(event('书店', 'paid', 501, '2026-10-10'))).toEqual({ code: 'over-ordered', remainingFen: 500 });
    expect(problem(event('书店', 'paid', 500, '2026-09-24'))).toEqual({ code: 'paid-before-order', issuedOn: '2026-09-25' });
    expect(problem(event('书店', 'paid', 500, '2026-10-16'))).toEqual({ code: 'paid-in-future' });
    expect(problem(event('书店', 'verified'))).toEqual({ code: 'not-fully-paid', remainingFen: 500 });
    expect(problem(event('洗衣店', 'paid', 1, '2026-10-10'))).toEqual({ code: 'unknown-tenant' });
    expect(problem(event('书店', 'paid', 500, '2026-10-10'))).toBeNull();
    const settled = [...paid, event('书店', 'paid', 500, '2026-10-10')];
    expect(refundEventProblem(ORDER, settled, event('书店', 'unreachable'), '2026-10-15')).toEqual({ code: 'paid-already' });
    expect(refundEventProblem(ORDER, settled, event('书店', 'verified'), '2026-10-15')).toBeNull();
    expect(refundEventProblem(ORDER, [...settled, event('书店', 'verified')], event('书店', 'paid', 1, '2026-10-11'), '2026-10-15')).toEqual({ code: 'verified-already' });
  });
});

describe('the office overview of refunds', () => {
  it('sums orders per landlord and per district exactly, overdue tenants counted', async () => {
    const { standingOf, sumBy } = await import('../../../src-shared/refund/tracking');
    const order = (id: string, landlord: string, caseId: string) => ({
      ...ORDER, id, caseId, docNo: `鼓市监价退〔2026〕${id.slice(-1)}号`, workingDays: 15, office: '局', party: { name: landlord, uscc: '91350100M000100Y43', address: '' }, basis: ['x'],
      ledger: { recordId: id, sha256: 'ab'.repeat(32), name: 'a.xlsx' }, totalFen: 11916, calendarBasis: '',
    });
    const a = order('0195d0a0-0000-7000-8000-00000000000a', '万象城', '0195d0a0-0000-7000-8000-0000000000c1');
    const b = order('0195d0a0-0000-7000-8000-00000000000b', '万象城', '0195d0a0-0000-7000-8000-0000000000c2');
    const c = order('0195d0a0-0000-7000-8000-00000000000c', '金鹰', '0195d0a0-0000-7000-8000-0000000000c3');
    const paid = { ...event('奶茶店', 'paid', 9766, '2026-10-08'), orderId: a.id };
    const standings = [standingOf(a, [paid], '2026-10-23'), standingOf(b, [], '2026-10-23'), standingOf(c, [], '2026-10-01')];
    expect(standings.map((s) => s.totals)).toEqual([
      { orderedFen: 11916, paidFen: 9766, verifiedFen: 0, overdueTenants: 2 },
      { orderedFen: 11916, paidFen: 0, verifiedFen: 0, overdueTenants: 3 },
      { orderedFen: 11916, paidFen: 0, verifiedFen: 0, overdueTenants: 0 },
    ]);
    expect(sumBy(standings, (s) => s.landlord)).toEqual([
      { key: '万象城', orders: 2, totals: { orderedFen: 23832, paidFen: 9766, verifiedFen: 0, overdueTenants: 5 } },
      { key: '金鹰', orders: 1, totals: { orderedFen: 11916, paidFen: 0, verifiedFen: 0, overdueTenants: 0 } },
    ]);
  });
});
