// Reads of refund orders kept on this device.
import { useLiveQuery } from 'dexie-react-hooks';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { standingOf } from '../../src-shared/refund/tracking';
import { db } from './db';

/** A case's refund orders, oldest first. */
export function useRefundOrders(caseId: string) {
  return useLiveQuery(() => db.refundOrders.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);
}

/** The refund events of an order, in the order recorded. */
export function useRefundEvents(orderId: string) {
  return useLiveQuery(() => db.refundEvents.where('orderId').equals(orderId).sortBy('at'), [orderId]);
}

/** Every order on this device with its standing today, its case's district and plan (the office's overview). */
export function useRefundStandings() {
  return useLiveQuery(async () => {
    const [orders, events, cases] = await Promise.all([db.refundOrders.toArray(), db.refundEvents.toArray(), db.cases.toArray()]);
    const byCase = new Map(cases.map((c) => [c.id, c]));
    const today = chinaToday(new Date());
    return orders.map((o) => {
      const c = byCase.get(o.caseId);
      return { ...standingOf(o.order, events.filter((e) => e.orderId === o.id).map((e) => e.event), today), district: c?.district ?? '', drawId: c?.drawId ?? '' };
    });
  }, []);
}
