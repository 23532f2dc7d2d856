// A case of a sync world carried to a refund order: its team keeps a ledger, the office approves the case
// and issues the order (numbered by the hub). Shared by the hub tests of reminders and sealed documents.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { REFUND_BASIS, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import { teamOf, type World } from './syncWorld';

export const LEDGER_SHA = 'ab'.repeat(32);

/** A ledger check of 目标1 over the given schedule (catalogue method, no tolerance). */
export function ledgerOf(schedule: LedgerCheck['schedule'], linesComputed: number): LedgerCheck {
  return {
    file: { sha256: LEDGER_SHA, name: '2026年租户电费台账.xlsx', size: 20480 }, landlord: '目标1', mapping: { fields: { tenant: '商户', kwh: '电量' }, fees: [] },
    method: 'catalogue', key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' }, gridBills: {}, toleranceFen: 0, tariffTable: '示例',
    schedule, totalOverchargeFen: schedule.reduce((sum, s) => sum + s.overchargeFen, 0), linesComputed, linesLeftOut: 0,
  };
}

/**
 * The world's first case approved with `ledger` kept, and the order issued on 2026-09-28 (15 working days:
 * deadline 2026-10-23, a Friday, across 国庆), pushed at 2026-09-30 10:00 China time. Returned as sent
 * (`docNo` empty: the hub numbers it).
 */
export async function issuedOrderOf(world: World, ledger: LedgerCheck): Promise<RefundOrder> {
  world.hub.clock.now = new Date('2026-09-30T02:00:00.000Z');
  const c = world.cases[0]!;
  const { member } = teamOf(world, c);
  const ledgerId = randomUUID();
  await member.pushOk([member.mutation('addRecord', { id: ledgerId, caseId: c.id, kind: 'ledgerCheck', data: ledger })]);
  await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
  const order: RefundOrder = {
    id: randomUUID(), caseId: c.id, docNo: '', issuedOn: '2026-09-28', workingDays: 15, deadline: '2026-10-23', office: '某市市场监督管理局',
    party: { name: '目标1', uscc: c.uscc, address: '地址1' }, basis: [REFUND_BASIS], ledger: { recordId: ledgerId, sha256: LEDGER_SHA, name: ledger.file.name },
    tenants: refundTenantsOf(ledger), totalFen: ledger.totalOverchargeFen, calendarBasis: '',
  };
  const pushed = await world.office.pushOk([world.office.mutation('issueRefundOrder', { order })]);
  expect(pushed.results[0]?.outcome).toBe('applied');
  return order;
}
