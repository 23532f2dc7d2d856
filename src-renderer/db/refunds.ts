// Reads of refund orders kept on this device.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';

/** A case's refund orders, oldest first. */
export function useRefundOrders(caseId: string) {
  return useLiveQuery(() => db.refundOrders.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);
}

/** The refund events of an order, in the order recorded. */
export function useRefundEvents(orderId: string) {
  return useLiveQuery(() => db.refundEvents.where('orderId').equals(orderId).sortBy('at'), [orderId]);
}
