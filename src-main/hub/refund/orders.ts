// Refund orders on the hub: issued only for an approved case by the office or the case's district lead,
// with the amounts of the ledger kept with the case (never typed), the deadline on the working-day
// calendar, and the next document number of the year in the office's numbering.
import type { Json } from '../../../src-shared/canonicalJson';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { addWorkingDays, CalendarError, chinaToday } from '../../../src-shared/calendar/workdays';
import { defaultOfficeSettings, officeSettingsSchema, OFFICE_SETTINGS_KEY, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { ledgerCheckSchema } from '../../../src-shared/inspection/ledgerCheck';
import { canonicalJson } from '../../../src-shared/canonicalJson';
import { formatDocNo, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import type { DeviceSession } from '../accounts/devices';
import type { Write } from '../store/writeTransaction';
import type { CaseRow } from '../sync/changes';
import { Rejection } from '../sync/mutators';

export async function settingsIn(w: Write): Promise<OfficeSettings> {
  const [row] = await w.tx.query<{ body: unknown }>('SELECT body FROM office_settings WHERE key = $1 ORDER BY id DESC LIMIT 1', [OFFICE_SETTINGS_KEY]);
  const parsed = officeSettingsSchema.safeParse(row?.body);
  return parsed.success ? parsed.data : defaultOfficeSettings();
}

/** What must hold before an order is numbered; each refusal names what differs. */
async function checkOrder(w: Write, c: CaseRow, order: RefundOrder, settings: OfficeSettings): Promise<void> {
  if (c.status !== 'approved') throw new Rejection('invalid', `case ${c.id} is not approved`, { reason: 'not-approved' });
  if (order.party.uscc !== c.uscc) throw new Rejection('invalid', 'the party is not the case\'s target', { reason: 'party' });
  const [ledger] = await w.tx.query<{ data: unknown }>("SELECT data FROM records WHERE id = $1 AND case_id = $2 AND kind = 'ledgerCheck'", [order.ledger.recordId, c.id]);
  const check = ledgerCheckSchema.safeParse(ledger?.data);
  if (!check.success) throw new Rejection('invalid', 'no such ledger kept with the case', { reason: 'ledger' });
  if (check.data.file.sha256 !== order.ledger.sha256) throw new Rejection('invalid', 'the ledger file differs', { reason: 'ledger' });
  if (canonicalJson(refundTenantsOf(check.data) as unknown as Json) !== canonicalJson(order.tenants as unknown as Json)) throw new Rejection('invalid', 'the amounts are not the ledger\'s', { reason: 'amounts' });
  let deadline: string;
  try {
    deadline = addWorkingDays(workdayCalendarOf(settings), order.issuedOn, order.workingDays);
  } catch (e) {
    if (e instanceof CalendarError) throw new Rejection('invalid', e.message, { reason: 'calendar', ...('year' in e.problem ? { year: e.problem.year } : {}) });
    throw e;
  }
  if (deadline !== order.deadline) throw new Rejection('invalid', `the deadline is ${deadline}`, { reason: 'deadline', deadline });
  // Made offline and pushed later is fine; dated after the hub's own day is a wrong clock.
  const today = chinaToday(w.at);
  if (order.issuedOn > today) throw new Rejection('invalid', `issued on ${order.issuedOn}, after ${today}`, { reason: 'future', today });
}

/** Numbers and stores the order; every device of the case's scope pulls it. */
export async function issueOrder(w: Write, session: DeviceSession, c: CaseRow, order: RefundOrder) {
  const { user } = session;
  if (user.role === 'inspector' || (user.role === 'lead' && user.district !== c.district)) throw new Rejection('forbidden', 'only the office or the district lead issues refund orders');
  const [known] = await w.tx.query<{ id: string }>('SELECT id FROM refund_orders WHERE id = $1', [order.id]);
  if (known) throw new Rejection('exists', `refund order ${order.id} exists`);
  const [twice] = await w.tx.query<{ doc_no: string }>("SELECT doc_no FROM refund_orders WHERE case_id = $1 AND body->'ledger'->>'recordId' = $2", [c.id, order.ledger.recordId]);
  if (twice) throw new Rejection('exists', `the ledger was ordered refunded in ${twice.doc_no}`, { reason: 'ledger-ordered', docNo: twice.doc_no });
  const settings = await settingsIn(w);
  await checkOrder(w, c, order, settings);
  const year = Number(order.issuedOn.slice(0, 4));
  const [last] = await w.tx.query<{ n: unknown }>('SELECT coalesce(max(seq), 0) AS n FROM refund_orders WHERE year = $1', [year]);
  const seq = Number(last?.n ?? 0) + 1;
  const numbered: RefundOrder = { ...order, docNo: formatDocNo(settings.refund.docPrefix, year, seq) };
  await w.tx.query('INSERT INTO refund_orders (id, case_id, year, seq, doc_no, body, issued_by, issued_at, version) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)', [
    order.id, c.id, year, seq, numbered.docNo, JSON.stringify(numbered), user.id, w.at.toISOString(), w.version,
  ]);
  const row = { id: order.id, caseId: c.id, order: numbered, issuedBy: user.displayName, issuedAt: w.at.toISOString(), version: w.version };
  w.log('refundOrders', order.id, row as unknown as Json, { caseId: c.id, district: c.district });
  return { subject: `refundOrder:${order.id}`, before: null, after: { docNo: numbered.docNo, caseId: c.id, totalFen: numbered.totalFen, tenants: numbered.tenants.length } as Json, conflicts: 0 };
}
