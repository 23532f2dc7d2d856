// Refund reminders (催告) on the hub: a 'reminded' refund event is taken from the office or the district
// lead only, only for an order overdue on the reminder's day (else `invalid`, reason 'not-overdue'), naming
// exactly the tenants still owed and what is left, its new deadline counted on the office's calendar; the
// case's team pulls it, and the tenants' standing does not change.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefundReminder } from '../../../src-shared/refund/tracking';
import { issuedOrderOf, ledgerOf } from './refundWorld';
import { STORES } from './stores';
import { openWorld, replica, teamOf, type World } from './syncWorld';

const LEDGER = ledgerOf([
  { tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] },
  { tenant: '书店', month: '2026-02', chargedFen: 30000, lawfulFen: 28000, overchargeFen: 2000, lines: [5, 6] },
  { tenant: '奶茶店', month: '2026-03', chargedFen: 40000, lawfulFen: 39000, overchargeFen: 1000, lines: [7] },
], 4);
const BASIS = '工作日按国务院办公厅公布的节假日安排计算，依据《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）';

describe.each(STORES)('refund reminders on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it("takes a reminder for an overdue order only, from the office or the lead, with the amounts owed and the calendar's deadline", async () => {
    // Issued 2026-09-28, 15 working days across 国庆: deadline 2026-10-23 (a Friday).
    const issued = await issuedOrderOf(world, LEDGER);
    const { member } = teamOf(world, world.cases[0]!);
    expect(issued.totalFen).toBe(11766);
    const event = (kind: string, extra: Record<string, unknown>) => ({ event: { id: randomUUID(), orderId: issued.id, tenant: '', kind, amountFen: 0, paidOn: null, proof: null, note: '', ...extra } });
    // 奶茶店 pays part before the deadline.
    world.hub.clock.now = new Date('2026-10-20T02:00:00.000Z');
    await world.office.pushOk([world.office.mutation('recordRefundEvent', event('paid', { tenant: '奶茶店', amountFen: 5000, paidOn: '2026-10-20', proof: { sha256: 'cd'.repeat(32), name: '回单.pdf', type: 'application/pdf' } }))]);
    // The Monday after the deadline: 4,766 fen still owed to 奶茶店, 2,000 to 书店. Five working days: 10-27 … 11-02.
    world.hub.clock.now = new Date('2026-10-26T02:00:00.000Z');
    const letter: RefundReminder = { issuedOn: '2026-10-26', workingDays: 5, deadline: '2026-11-02', calendarBasis: BASIS, tenants: [{ tenant: '奶茶店', remainingFen: 4766 }, { tenant: '书店', remainingFen: 2000 }] };
    const byInspector = await member.pushOk([member.mutation('recordRefundEvent', event('reminded', { reminder: letter }))]);
    expect(byInspector.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const pushed = await world.office.pushOk([
      world.office.mutation('recordRefundEvent', event('reminded', { reminder: { ...letter, issuedOn: '2026-10-23', deadline: '2026-10-30' } })),
      world.office.mutation('recordRefundEvent', event('reminded', { reminder: { ...letter, issuedOn: '2026-10-27', deadline: '2026-11-03' } })),
      world.office.mutation('recordRefundEvent', event('reminded', { reminder: { ...letter, tenants: [{ tenant: '奶茶店', remainingFen: 9766 }, { tenant: '书店', remainingFen: 2000 }] } })),
      world.office.mutation('recordRefundEvent', event('reminded', { reminder: { ...letter, deadline: '2026-11-03' } })),
      world.office.mutation('recordRefundEvent', event('reminded', { reminder: letter })),
    ]);
    expect(pushed.results.map((r) => [r.outcome, r.code ?? null, r.params ?? null])).toEqual([
      ['rejected', 'invalid', { reason: 'not-overdue' }],
      ['rejected', 'invalid', { reason: 'reminded-in-future' }],
      ['rejected', 'invalid', { reason: 'amounts' }],
      ['rejected', 'invalid', { reason: 'deadline', deadline: '2026-11-02' }],
      ['applied', null, null],
    ]);
    // The district lead reminds again after the new deadline passed (书店 paid meanwhile: only 奶茶店 named).
    world.hub.clock.now = new Date('2026-11-04T02:00:00.000Z');
    await world.office.pushOk([world.office.mutation('recordRefundEvent', event('paid', { tenant: '书店', amountFen: 2000, paidOn: '2026-11-03', proof: { sha256: 'ce'.repeat(32), name: '回单2.pdf', type: 'application/pdf' } }))]);
    const again: RefundReminder = { issuedOn: '2026-11-04', workingDays: 3, deadline: '2026-11-09', calendarBasis: BASIS, tenants: [{ tenant: '奶茶店', remainingFen: 4766 }] };
    expect((await world.lead.pushOk([world.lead.mutation('recordRefundEvent', event('reminded', { reminder: again }))])).results[0]?.outcome).toBe('applied');
    const pulled = [...(replica(await member.pullAll()).get('refundEvents')?.values() ?? [])] as { event: { kind: string; tenant: string; reminder?: RefundReminder } }[];
    expect(pulled.map((e) => [e.event.kind, e.event.tenant, e.event.reminder?.deadline ?? null])).toEqual([
      ['paid', '奶茶店', null], ['reminded', '', '2026-11-02'], ['paid', '书店', null], ['reminded', '', '2026-11-09'],
    ]);
    expect(pulled[1]?.event.reminder).toEqual(letter);
    const audited = await world.hub.store.query<{ after: unknown }>("SELECT after FROM audit_log WHERE subject = $1 AND action = 'mutation.recordRefundEvent' ORDER BY id", [`refundOrder:${issued.id}`]);
    expect(audited.map((a) => (a.after as { value: unknown }).value)).toContainEqual({ kind: 'reminded', tenant: '', amountFen: 0, deadline: '2026-11-02', tenants: 2 });
  });
});
