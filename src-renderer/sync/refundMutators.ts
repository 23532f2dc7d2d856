// The laptop's side of the refund mutators: the order is kept here and queued in ONE transaction; the
// hub numbers it, and the number comes back with the next pull.
import { LocalRefusal } from './mutators';
import type { RefundOrder } from '../../src-shared/refund/order';
import { refundOrderSchema } from '../../src-shared/refund/order';
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
