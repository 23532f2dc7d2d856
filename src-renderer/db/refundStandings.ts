// The refund orders' standings as the office overview shows them, read in one pass: no hooks here, the refunds
// worker (workers/refunds.worker.ts) runs it on its own connection.
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { remindersOf, urgencyOf } from '../../src-shared/refund/reminders';
import { standingOf, type RefundEvent } from '../../src-shared/refund/tracking';
import { originOf } from '../../src-shared/targeted/origin';
import type { TariffDb } from './db';
import { officeSettings } from './reference';

/**
 * Every order on this device with its standing on `today` (a China date), its case's district and plan, whether
 * it is overdue or due soon on the office's calendar, and the reminders issued (the office's overview).
 */
export async function readRefundStandings(database: TariffDb, today: string) {
  const [orders, events, settings] = await Promise.all([database.refundOrders.toArray(), database.refundEvents.toArray(), officeSettings(database)]);
  // The orders' cases only, by key: every office page shows the reminders, and an office holds thousands of cases.
  const cases = await database.cases.bulkGet([...new Set(orders.map((o) => o.caseId))]);
  const byCase = new Map(cases.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const byOrder = new Map<string, RefundEvent[]>();
  for (const e of events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const list = byOrder.get(e.orderId);
    if (list) list.push(e.event);
    else byOrder.set(e.orderId, [e.event]);
  }
  const calendar = workdayCalendarOf(settings);
  return orders.map((o) => {
    const c = byCase.get(o.caseId);
    const mine = byOrder.get(o.id) ?? [];
    return { ...standingOf(o.order, mine, today), district: c?.district ?? '', drawId: c?.drawId ?? '', origin: originOf(c ?? {}), urgency: urgencyOf(o.order, mine, today, calendar), reminders: remindersOf(mine) };
  });
}

export type RefundStanding = Awaited<ReturnType<typeof readRefundStandings>>[number];
