// Reads of refund orders kept on this device.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';

/** A case's refund orders, oldest first. */
export function useRefundOrders(caseId: string) {
  return useLiveQuery(() => db.refundOrders.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);
}
