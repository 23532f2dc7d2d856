// Refund orders on the hub (issue 13): only for an approved case, only the ledger's own amounts, the
// deadline on China's working-day calendar, numbered by the hub in the office's numbering, pulled by the
// case's team; refused with the reason otherwise.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { defaultOfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { REFUND_BASIS, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import type { AddressInfo } from 'node:net';
import 'fake-indexeddb/auto';
import { openDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { recordRefundEvent } from '../../../src-renderer/sync/refundMutators';
import { saveProfile } from '../../../src-renderer/state/profile';
import { STORES } from './stores';
import { openWorld, replica, teamOf, type World } from './syncWorld';

const SHA = 'ab'.repeat(32);
const LEDGER: LedgerCheck = {
  file: { sha256: SHA, name: '2026年租户电费台账.xlsx', size: 20480 }, landlord: '目标1', mapping: { fields: { tenant: '商户', kwh: '电量' }, fees: [] },
  method: 'catalogue', key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' }, gridBills: {}, toleranceFen: 0, tariffTable: '示例',
  schedule: [
    { tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] },
    { tenant: '奶茶店', month: '2026-02', chargedFen: 50000, lawfulFen: 50000, overchargeFen: 0, lines: [4] },
    { tenant: '书店', month: '2026-02', chargedFen: 30000, lawfulFen: 28000, overchargeFen: 2000, lines: [5, 6] },
    { tenant: '奶茶店', month: '2026-03', chargedFen: 40000, lawfulFen: 39000, overchargeFen: 1000, lines: [7] },
  ],
  totalOverchargeFen: 11766, linesComputed: 5, linesLeftOut: 0,
};

describe.each(STORES)('refund orders on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  /** An approved case with its ledger kept and its on-site record unrecorded (nothing to sign). */
  async function approvedCase() {
    // The hub's day: after the orders below are dated (an order dated after the hub's today is refused).
    world.hub.clock.now = new Date('2026-09-30T02:00:00.000Z');
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const ledgerId = randomUUID();
    await member.pushOk([member.mutation('addRecord', { id: ledgerId, caseId: c.id, kind: 'ledgerCheck', data: LEDGER })]);
    return { c, member, ledgerId };
  }

  const order = (caseId: string, uscc: string, ledgerId: string, patch: Partial<RefundOrder> = {}): RefundOrder => ({
    id: randomUUID(), caseId, docNo: '', issuedOn: '2026-09-28', workingDays: 15, deadline: '2026-10-23', office: '某市市场监督管理局',
    party: { name: '目标1', uscc, address: '地址1' }, basis: [REFUND_BASIS], ledger: { recordId: ledgerId, sha256: SHA, name: LEDGER.file.name },
    tenants: refundTenantsOf(LEDGER), totalFen: 11766, calendarBasis: '', ...patch,
  });

  it("numbers the orders of a year in the office's rule, and the team pulls them", async () => {
    const { c, member, ledgerId } = await approvedCase();
    expect(refundTenantsOf(LEDGER)).toEqual([
      { tenant: '奶茶店', months: [{ month: '2026-01', overchargeFen: 8766, lines: [3] }, { month: '2026-03', overchargeFen: 1000, lines: [7] }], totalFen: 9766 },
      { tenant: '书店', months: [{ month: '2026-02', overchargeFen: 2000, lines: [5, 6] }], totalFen: 2000 },
    ]);
    // Not yet approved: refused.
    const early = await world.office.pushOk([world.office.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId) })]);
    expect(early.results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid', params: { reason: 'not-approved' } });
    await world.office.pushOk([world.office.mutation('putOfficeSettings', { settings: { ...defaultOfficeSettings(), refund: { officeName: '某市市场监督管理局', docPrefix: '某市监价退', workingDays: 15, bases: [] } } })]);
    expect((await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })])).results[0]?.outcome).toBe('applied');
    // 15 working days after 2026-09-28 across 国庆 (10-01…10-07 off, 10-10 a make-up Saturday): 2026-10-23.
    const first = order(c.id, c.uscc, ledgerId);
    const second = order(c.id, c.uscc, ledgerId, { issuedOn: '2026-09-29', deadline: '2026-10-26' });
    expect((await world.office.pushOk([world.office.mutation('issueRefundOrder', { order: first })])).results[0]?.outcome).toBe('applied');
    // A second order from the same ledger would order the same money twice: refused, naming the first.
    expect((await world.lead.pushOk([world.lead.mutation('issueRefundOrder', { order: second })])).results[0]).toMatchObject({ outcome: 'rejected', code: 'exists', params: { reason: 'ledger-ordered', docNo: '某市监价退〔2026〕1号' } });
    // Another case's order gets the year's next number.
    const other = world.cases[1]!;
    const otherLedger = randomUUID();
    const otherMember = teamOf(world, other).member;
    await otherMember.pushOk([otherMember.mutation('addRecord', { id: otherLedger, caseId: other.id, kind: 'ledgerCheck', data: LEDGER })]);
    await world.office.pushOk([world.office.mutation('reviewCase', { caseId: other.id, decision: 'approved', note: '' })]);
    const third = order(other.id, other.uscc, otherLedger, { issuedOn: '2026-09-29', deadline: '2026-10-26' });
    expect((await world.lead.pushOk([world.lead.mutation('issueRefundOrder', { order: third })])).results[0]?.outcome).toBe('applied');
    const [numbers] = await world.hub.store.query<{ nos: string[] }>('SELECT array_agg(doc_no ORDER BY seq) AS nos FROM refund_orders');
    expect(numbers?.nos).toEqual(['某市监价退〔2026〕1号', '某市监价退〔2026〕2号']);
    const orders = [...(replica(await member.pullAll()).get('refundOrders')?.values() ?? [])] as { id: string; order: RefundOrder; issuedBy: string }[];
    expect(orders.map((o) => [o.id, o.order.docNo, o.order.totalFen])).toEqual([[first.id, '某市监价退〔2026〕1号', 11766]]);
    const audited = await world.hub.store.query<{ action: string }>("SELECT action FROM audit_log WHERE subject LIKE 'refundOrder:%' ORDER BY id");
    // Both orders issued are audited under their subjects.
    expect(audited.map((a) => a.action)).toEqual(['mutation.issueRefundOrder', 'mutation.issueRefundOrder']);
  });

  it("refuses amounts not the ledger's, a wrong deadline, a year the calendar does not hold, an inspector, another party, a date after the hub's today", async () => {
    const { c, member, ledgerId } = await approvedCase();
    await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    const tampered = refundTenantsOf(LEDGER).map((t, i) => (i === 0 ? { ...t, months: [{ ...t.months[0]!, overchargeFen: 9766 }], totalFen: 9766 } : t));
    const refused = await world.office.pushOk([
      world.office.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId, { tenants: tampered }) }),
      world.office.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId, { deadline: '2026-10-22' }) }),
      world.office.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId, { issuedOn: '2028-03-01', deadline: '2028-03-22' }) }),
      world.office.mutation('issueRefundOrder', { order: order(c.id, '91350100M000100Y43', ledgerId) }),
      world.office.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId, { issuedOn: '2026-10-08', deadline: '2026-10-28' }) }),
    ]);
    expect(refused.results.map((r) => [r.outcome, r.code, r.params])).toEqual([
      ['rejected', 'invalid', { reason: 'amounts' }],
      ['rejected', 'invalid', { reason: 'deadline', deadline: '2026-10-23' }],
      ['rejected', 'invalid', { reason: 'calendar', year: 2028 }],
      ['rejected', 'invalid', { reason: 'party' }],
      ['rejected', 'invalid', { reason: 'future', today: '2026-09-30' }],
    ]);
    const byInspector = await member.pushOk([member.mutation('issueRefundOrder', { order: order(c.id, c.uscc, ledgerId) })]);
    expect(byInspector.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const [n] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM refund_orders');
    expect(Number(n?.n)).toBe(0);
  });

  it('tracks the refunds: payments with proof add up, nothing beyond the order, verified once paid in full; the team pulls them', async () => {
    const { c, member, ledgerId } = await approvedCase();
    await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    const issued = order(c.id, c.uscc, ledgerId);
    await world.office.pushOk([world.office.mutation('issueRefundOrder', { order: issued })]);
    // The hub's clock: the day after the payments below (a payment dated after the hub's today is refused).
    world.hub.clock.now = new Date('2026-10-09T02:00:00.000Z');
    const proof = { sha256: 'cd'.repeat(32), name: '回单.pdf', type: 'application/pdf' };
    const event = (tenant: string, kind: string, amountFen = 0, extra: Record<string, unknown> = {}) => ({
      event: { id: randomUUID(), orderId: issued.id, tenant, kind, amountFen, paidOn: kind === 'paid' ? '2026-10-08' : null, proof: kind === 'paid' ? proof : null, note: '', ...extra },
    });
    const pushed = await world.office.pushOk([
      world.office.mutation('recordRefundEvent', event('奶茶店', 'paid', 5000)),
      world.office.mutation('recordRefundEvent', event('奶茶店', 'verified')),
      world.office.mutation('recordRefundEvent', event('奶茶店', 'paid', 4767)),
      world.office.mutation('recordRefundEvent', event('奶茶店', 'paid', 4766, { proof: null })),
      world.office.mutation('recordRefundEvent', event('奶茶店', 'paid', 4766)),
      world.office.mutation('recordRefundEvent', event('奶茶店', 'verified')),
      world.office.mutation('recordRefundEvent', event('书店', 'unreachable', 0, { note: '电话停机，门店已搬离' })),
    ]);
    expect(pushed.results.map((r) => [r.outcome, r.params?.reason ?? null, r.params?.remainingFen ?? null])).toEqual([
      ['applied', null, null],
      ['rejected', 'not-fully-paid', 4766],
      ['rejected', 'over-ordered', 4766],
      ['rejected', 'no-proof', null],
      ['applied', null, null],
      ['applied', null, null],
      ['applied', null, null],
    ]);
    const byInspector = await member.pushOk([member.mutation('recordRefundEvent', event('书店', 'paid', 100))]);
    expect(byInspector.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const pulled = [...(replica(await member.pullAll()).get('refundEvents')?.values() ?? [])] as { event: { tenant: string; kind: string; amountFen: number } }[];
    expect(pulled.map((e) => [e.event.tenant, e.event.kind, e.event.amountFen])).toEqual([['奶茶店', 'paid', 5000], ['奶茶店', 'paid', 4766], ['奶茶店', 'verified', 0], ['书店', 'unreachable', 0]]);
    // The proof is served to whoever may read the case.
    const [ref] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM blob_refs WHERE sha256 = $1 AND case_id = $2', [proof.sha256, c.id]);
    expect(Number(ref?.n)).toBe(1);
  });

  it("a refund the laptop allowed but the hub refuses leaves the laptop's tracking, the refusal listed with its reason", async () => {
    const { c, ledgerId } = await approvedCase();
    await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    const issued = order(c.id, c.uscc, ledgerId);
    await world.office.pushOk([world.office.mutation('issueRefundOrder', { order: issued })]);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    const device = await world.hub.enrolled('office', 'office-desk');
    const client = new HubClient(`http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`, device.token);
    const desk = openDb(`refund-laptop-${Math.random()}`);
    await saveProfile({ name: '陈科长', role: 'office', district: '海淀区', certNo: '' }, desk);
    await saveAccount(desk, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: 'office-desk', displayName: '陈科长', role: 'office', district: '海淀区', certNo: null } });
    await syncOnce(desk, client);
    expect((await desk.refundOrders.get(issued.id))?.order.docNo).toBe('市监价退〔2026〕1号'); // the default prefix
    // Paid on 2026-10-08 by this laptop's clock; the hub's day is still 2026-09-30: refused there.
    const event = { id: randomUUID(), orderId: issued.id, tenant: '书店', kind: 'paid' as const, amountFen: 2000, paidOn: '2026-10-08', proof: { sha256: 'cd'.repeat(32), name: '回单.jpg', type: 'image/jpeg' as const }, note: '' };
    await recordRefundEvent(desk, event);
    expect(await desk.refundEvents.count()).toBe(1);
    expect(await syncOnce(desk, client)).toMatchObject({ rejected: 1 });
    expect(await desk.refundEvents.count()).toBe(0);
    const refusals = (await desk.hubRejected.toArray()).map((r) => r.row as { name: string; params: { reason: string } });
    expect(refusals.map((r) => [r.name, r.params.reason])).toEqual([['recordRefundEvent', 'paid-in-future']]);
  });
});
