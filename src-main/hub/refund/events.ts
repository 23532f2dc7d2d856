// Refund tracking on the hub: a payment with its proof, the office's verification, a tenant who cannot
// be found — each checked against the order and the events so far (src-shared/refund/tracking.ts) on
// the hub's own China date, then kept and sent to the case's scope. Events are never edited. A reminder
// (催告) is taken only for an order overdue on its day, naming exactly the tenants still owed then, its new
// deadline counted on the office's calendar.
import type { Json } from '../../../src-shared/canonicalJson';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { addWorkingDays, CalendarError, chinaToday } from '../../../src-shared/calendar/workdays';
import { refundOrderSchema } from '../../../src-shared/refund/order';
import { refundEventProblem, type RefundEvent } from '../../../src-shared/refund/tracking';
import type { DeviceSession } from '../accounts/devices';
import type { Write } from '../store/writeTransaction';
import { loadCase } from '../sync/changes';
import { canWriteCase, Rejection } from '../sync/mutators';
import { settingsIn } from './orders';

/** The reminder's new deadline must be its working days counted on the office's calendar. */
async function checkReminderDeadline(w: Write, reminder: NonNullable<RefundEvent['reminder']>): Promise<void> {
  let deadline: string;
  try {
    deadline = addWorkingDays(workdayCalendarOf(await settingsIn(w)), reminder.issuedOn, reminder.workingDays);
  } catch (e) {
    if (e instanceof CalendarError) throw new Rejection('invalid', e.message, { reason: 'calendar', ...('year' in e.problem ? { year: e.problem.year } : {}) });
    throw e;
  }
  if (deadline !== reminder.deadline) throw new Rejection('invalid', `the reminder's deadline is ${deadline}`, { reason: 'deadline', deadline });
}

export async function recordEvent(w: Write, session: DeviceSession, event: RefundEvent) {
  const { user } = session;
  if (user.role === 'inspector') throw new Rejection('forbidden', 'only the office or the district lead tracks refunds');
  const [row] = await w.tx.query<{ body: unknown; case_id: string }>('SELECT body, case_id FROM refund_orders WHERE id = $1', [event.orderId]);
  const c = row ? await loadCase(w.tx, row.case_id, true) : undefined;
  if (!row || !c || !canWriteCase(session, c)) throw new Rejection('not-found', `no refund order ${event.orderId}`);
  if ((event.kind === 'verified' || event.kind === 'reminded') && user.role !== 'office' && user.role !== 'lead') throw new Rejection('forbidden', `only the office or the district lead records '${event.kind}'`);
  const [known] = await w.tx.query('SELECT 1 FROM refund_events WHERE id = $1', [event.id]);
  if (known) throw new Rejection('exists', `refund event ${event.id} exists`);
  const order = refundOrderSchema.parse(row.body);
  const before = await w.tx.query<{ body: RefundEvent }>('SELECT body FROM refund_events WHERE order_id = $1 ORDER BY created_at, id', [event.orderId]);
  const problem = refundEventProblem(order, before.map((b) => b.body), event, chinaToday(w.at));
  if (problem) throw new Rejection('invalid', `refund event refused: ${problem.code}`, { reason: problem.code, ...('remainingFen' in problem ? { remainingFen: problem.remainingFen } : {}) });
  if (event.reminder) await checkReminderDeadline(w, event.reminder);
  await w.tx.query('INSERT INTO refund_events (id, order_id, case_id, body, created_by, created_at, version) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)', [
    event.id, event.orderId, c.id, JSON.stringify(event), user.id, w.at.toISOString(), w.version,
  ]);
  // The proof is served to whoever may read the case, like its photos.
  if (event.proof) await w.tx.query('INSERT INTO blob_refs (sha256, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [event.proof.sha256, c.id]);
  const logged = { id: event.id, caseId: c.id, event, by: user.displayName, at: w.at.toISOString(), version: w.version };
  w.log('refundEvents', event.id, logged as unknown as Json, { caseId: c.id, district: c.district });
  return { subject: `refundOrder:${event.orderId}`, before: null, after: { kind: event.kind, tenant: event.tenant, amountFen: event.amountFen, ...(event.reminder ? { deadline: event.reminder.deadline, tenants: event.reminder.tenants.length } : {}) } as Json, conflicts: 0 };
}
