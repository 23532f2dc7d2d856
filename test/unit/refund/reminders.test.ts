// Refund reminders: an order is due soon when a tenant is still owed and its deadline is at most 3 working
// days away on China's calendar (weekends, 清明, 劳动节 and its make-up Saturday counted as they are), overdue
// the day after the deadline; a reminder names exactly the tenants still owed then and a new deadline in
// working days; the event that records it is checked like the others.
import { describe, expect, it } from 'vitest';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { reminderCounts, reminderFor, remindersOf, urgencyOf, workingDaysLeft } from '../../../src-shared/refund/reminders';
import { refundEventProblem, refundEventSchema, type RefundEvent, type RefundReminder } from '../../../src-shared/refund/tracking';

const CAL = workdayCalendarOf({ calendar: null });
const PROOF = { sha256: 'cd'.repeat(32), name: '回单.pdf', type: 'application/pdf' as const };
const order = (deadline: string) => ({
  issuedOn: '2026-02-02', deadline,
  tenants: [
    { tenant: '奶茶店', months: [{ month: '2026-01', overchargeFen: 9766, lines: [3] }], totalFen: 9766 },
    { tenant: '书店', months: [{ month: '2026-02', overchargeFen: 2000, lines: [5] }], totalFen: 2000 },
  ],
});
let n = 0;
const id = () => `0195d0a0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const paid = (tenant: string, amountFen: number, paidOn: string): RefundEvent => ({ id: id(), orderId: '0195d0a0-0000-7000-8000-00000000aaaa', tenant, kind: 'paid', amountFen, paidOn, proof: PROOF, note: '' });
const reminded = (reminder: RefundReminder): RefundEvent => ({ id: id(), orderId: '0195d0a0-0000-7000-8000-00000000aaaa', tenant: '', kind: 'reminded', amountFen: 0, paidOn: null, proof: null, note: '', reminder });
const BASIS_2026 = '工作日按国务院办公厅公布的节假日安排计算，依据《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）';

describe('refund reminders: due soon and overdue', () => {
  it('counts working days to the deadline across a weekend: due soon from 3 working days before, overdue the day after', () => {
    // Deadline Tuesday 2026-03-10: Friday 6, Monday 9 and Tuesday 10 are the three working days after Thursday 5.
    const o = order('2026-03-10');
    expect(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10'].map((d) => workingDaysLeft(CAL, d, o.deadline))).toEqual([4, 3, 2, 2, 1, 0]);
    expect(['2026-03-04', '2026-03-05', '2026-03-08', '2026-03-10', '2026-03-11'].map((d) => urgencyOf(o, [], d, CAL))).toEqual([null, 'due-soon', 'due-soon', 'due-soon', 'overdue']);
  });

  it('skips 清明 (4–6 April 2026) and counts 劳动节\'s make-up Saturday (9 May 2026)', () => {
    // Deadline Tuesday 2026-04-07: after Wednesday 1 April come 2, 3 and (after the three days off) 7.
    expect(workingDaysLeft(CAL, '2026-04-01', '2026-04-07')).toBe(3);
    expect(workingDaysLeft(CAL, '2026-03-31', '2026-04-07')).toBe(4);
    expect(urgencyOf(order('2026-04-07'), [], '2026-04-01', CAL)).toBe('due-soon');
    expect(urgencyOf(order('2026-04-07'), [], '2026-03-31', CAL)).toBeNull();
    // Deadline Monday 2026-05-11: 1–5 May off, Saturday 9 May a working day, Sunday 10 not.
    expect(['2026-04-30', '2026-05-06', '2026-05-07', '2026-05-08'].map((d) => workingDaysLeft(CAL, d, '2026-05-11'))).toEqual([5, 4, 3, 2]);
    expect(urgencyOf(order('2026-05-11'), [], '2026-05-06', CAL)).toBeNull();
    expect(urgencyOf(order('2026-05-11'), [], '2026-05-07', CAL)).toBe('due-soon');
  });

  it('an order refunded in full, or whose owed tenants cannot be found, needs no reminder', () => {
    const o = order('2026-03-10');
    const all = [paid('奶茶店', 9766, '2026-03-02'), paid('书店', 2000, '2026-03-03')];
    expect(urgencyOf(o, all, '2026-03-09', CAL)).toBeNull();
    expect(urgencyOf(o, all, '2026-03-11', CAL)).toBeNull();
    const unreachable: RefundEvent = { ...paid('书店', 0, '2026-03-03'), kind: 'unreachable', paidOn: null, proof: null };
    expect(urgencyOf(o, [all[0]!, unreachable], '2026-03-11', CAL)).toBeNull();
    expect(urgencyOf(o, [all[0]!], '2026-03-11', CAL)).toBe('overdue');
    expect(reminderCounts(['overdue', null, 'due-soon', 'overdue', null])).toEqual({ overdue: 2, dueSoon: 1 });
  });

  it('a deadline into a year the calendar lacks is counted in calendar days rather than lost', () => {
    expect(workingDaysLeft(CAL, '2023-12-29', '2024-01-02')).toBe(4);
  });
});

describe('the reminder letter and its event', () => {
  const o = order('2026-03-10');
  const events = [paid('奶茶店', 5000, '2026-03-06')];

  it('names the tenants still owed with what is left, and a new deadline of 5 working days across 清明', () => {
    expect(reminderFor(o, events, '2026-03-10', 5, CAL)).toBeNull();
    expect(reminderFor(o, events, '2026-04-01', 5, CAL)).toEqual({
      issuedOn: '2026-04-01', workingDays: 5, deadline: '2026-04-09', calendarBasis: BASIS_2026,
      tenants: [{ tenant: '奶茶店', remainingFen: 4766 }, { tenant: '书店', remainingFen: 2000 }],
    });
  });

  it('is recorded only for an order overdue on its day, dated no later than today, with exactly the amounts owed', () => {
    const letter = reminderFor(o, events, '2026-03-11', 5, CAL)!;
    expect(letter.deadline).toBe('2026-03-18');
    expect(refundEventProblem(o, events, reminded(letter), '2026-03-11')).toBeNull();
    expect(refundEventProblem(o, events, reminded(letter), '2026-03-10')).toEqual({ code: 'reminded-in-future' });
    expect(refundEventProblem(o, events, reminded({ ...letter, issuedOn: '2026-03-10' }), '2026-03-11')).toEqual({ code: 'not-overdue', deadline: '2026-03-10' });
    expect(refundEventProblem(o, events, reminded({ ...letter, tenants: [{ tenant: '奶茶店', remainingFen: 9766 }, { tenant: '书店', remainingFen: 2000 }] }), '2026-03-11')).toEqual({ code: 'amounts' });
    expect(refundEventProblem(o, events, reminded({ ...letter, tenants: [{ tenant: '书店', remainingFen: 2000 }] }), '2026-03-11')).toEqual({ code: 'amounts' });
    // Recorded, it stays with the order's events without changing any tenant's standing; a second one may follow.
    const after = [...events, reminded(letter)];
    expect(remindersOf(after)).toEqual([letter]);
    expect(refundEventProblem(o, after, reminded({ ...letter, issuedOn: '2026-03-19', deadline: '2026-03-26' }), '2026-03-19')).toBeNull();
  });

  it('the event schema: a reminder names no tenant and carries its letter; the other kinds the reverse; old events still read', () => {
    const letter = reminderFor(o, events, '2026-03-11', 5, CAL)!;
    expect(refundEventSchema.safeParse(reminded(letter)).success).toBe(true);
    expect(refundEventSchema.safeParse(events[0]).success).toBe(true);
    const codes = (e: unknown) => { const r = refundEventSchema.safeParse(e); return r.success ? [] : r.error.issues.map((i) => i.path.join('.')); };
    expect(codes({ ...reminded(letter), tenant: '书店' })).toEqual(['tenant']);
    expect(codes({ ...reminded(letter), reminder: undefined })).toEqual(['reminder']);
    expect(codes({ ...reminded(letter), amountFen: 1 })).toEqual(['kind']);
    expect(codes({ ...events[0], reminder: letter })).toEqual(['reminder']);
    expect(codes({ ...events[0], tenant: '' })).toEqual(['tenant']);
    expect(codes({ ...reminded(letter), reminder: { ...letter, extra: 1 } })).toEqual(['reminder']);
  });
});
