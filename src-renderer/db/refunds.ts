// Reads of refund orders kept on this device.
import { useLiveQuery } from 'dexie-react-hooks';
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { remindersOf, urgencyOf } from '../../src-shared/refund/reminders';
import { standingOf, type RefundEvent } from '../../src-shared/refund/tracking';
import { db } from './db';
import { officeSettings } from './reference';
import { originOf } from '../../src-shared/targeted/origin';

/** A case's refund orders, oldest first. */
export function useRefundOrders(caseId: string) {
  return useLiveQuery(() => db.refundOrders.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);
}

/** The refund events of an order, in the order recorded. */
export function useRefundEvents(orderId: string) {
  return useLiveQuery(() => db.refundEvents.where('orderId').equals(orderId).sortBy('at'), [orderId]);
}

/**
 * Every order on this device with its standing on `today` (a China date), its case's district and plan, whether
 * it is overdue or due soon on the office's calendar, and the reminders issued (the office's overview).
 */
export function useRefundStandings(today = chinaToday(new Date())) {
  return useLiveQuery(async () => {
    const [orders, events, settings] = await Promise.all([db.refundOrders.toArray(), db.refundEvents.toArray(), officeSettings()]);
    // The orders' cases only, by key: every office page shows the reminders, and an office holds thousands of cases.
    const cases = await db.cases.bulkGet([...new Set(orders.map((o) => o.caseId))]);
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
  }, [today]);
}
