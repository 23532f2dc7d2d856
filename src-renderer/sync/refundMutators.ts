// The laptop's side of the refund mutators: the order is kept here and queued in ONE transaction; the
// hub numbers it, and the number comes back with the next pull.
import { LocalRefusal } from './mutators';
import type { RefundOrder } from '../../src-shared/refund/order';
import { refundOrderSchema } from '../../src-shared/refund/order';
import { refundEventProblem, refundEventSchema, type RefundEvent, type RefundEventProblem } from '../../src-shared/refund/tracking';
import { chinaToday } from '../../src-shared/calendar/workdays';
import type { TariffDb } from '../db/db';
import { readIdentity } from '../db/identity';
import { appendMutation, nextHlc } from './outbox';

/** Issues a refund order for an approved case (the office, or the case's district lead). */
export async function issueRefundOrder(db: TariffDb, order: RefundOrder): Promise<void> {
  const parsed = refundOrderSchema.parse({ ...order, docNo: '' });
  await db.transaction('rw', [db.cases, db.refundOrders, db.outbox, db.settings], async () => {
    const c = await db.cases.get(parsed.caseId);
    if (!c) throw new LocalRefusal('not-found', `no case ${parsed.caseId}`);
    if (c.status !== 'approved') throw new LocalRefusal('not-approved', `case ${parsed.caseId} is not approved`);
    await appendMutation(db, 'issueRefundOrder', { order: parsed }, await nextHlc(db), { caseId: parsed.caseId });
    await db.refundOrders.put({ id: parsed.id, caseId: parsed.caseId, order: parsed, issuedBy: (await readIdentity(db))?.name ?? '', issuedAt: new Date().toISOString() });
  });
}

/** A refund event the order, as it stands here, does not allow (the reason in `problem`). */
export class RefundRefusal extends Error {
  constructor(readonly problem: RefundEventProblem) {
    super(`refund event refused: ${problem.code}`);
  }
}

/**
 * Records a payment (its proof already stored as a blob), the office's verification, or a tenant who
 * cannot be found; checked here first against the order and the events this device holds.
 */
export async function recordRefundEvent(db: TariffDb, event: RefundEvent): Promise<void> {
  const parsed = refundEventSchema.parse(event);
  await db.transaction('rw', [db.refundOrders, db.refundEvents, db.outbox, db.settings], async () => {
    const order = await db.refundOrders.get(parsed.orderId);
    if (!order) throw new LocalRefusal('not-found', `no refund order ${parsed.orderId}`);
    const before = (await db.refundEvents.where('orderId').equals(parsed.orderId).sortBy('at')).map((e) => e.event);
    const problem = refundEventProblem(order.order, before, parsed, chinaToday(new Date()));
    if (problem) throw new RefundRefusal(problem);
    await appendMutation(db, 'recordRefundEvent', { event: parsed }, await nextHlc(db), { caseId: order.caseId });
    await db.refundEvents.put({ id: parsed.id, orderId: parsed.orderId, caseId: order.caseId, event: parsed, by: (await readIdentity(db))?.name ?? '', at: new Date().toISOString() });
  });
}
