// 催告 of one order: the reminders issued (已催告 on date, the tenants still owed then, the new deadline) each
// with its letter as PDF; for an overdue order the office or the lead issues one — the tenants and amounts
// are the order's as it stands (never typed), the new deadline N working days on the office's calendar. It is
// recorded as a 'reminded' refund event and the letter is saved at once.
import { Alert, Button, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { CalendarError } from '../../../src-shared/calendar/workdays';
import { defaultOfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { formatFen } from '../../../src-shared/money';
import type { RefundOrder } from '../../../src-shared/refund/order';
import { REMINDER_WORKING_DAYS, reminderFor } from '../../../src-shared/refund/reminders';
import { useSaveDocument } from '../announceSaved';
import type { RefundEvent, RefundReminder } from '../../../src-shared/refund/tracking';
import { saveRefundReminder } from '../../db/documents';
import { useOfficeSettings } from '../../db/reference';
import { write } from '../../db/write';
import { useRun } from '../useRun';

const owedFen = (r: RefundReminder) => r.tenants.reduce((s, t) => s + t.remainingFen, 0);

function RemindDialog({ order, events, today, onClose }: { order: RefundOrder; events: readonly RefundEvent[]; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useRun();
  const saveDocument = useSaveDocument();
  const settings = useOfficeSettings() ?? defaultOfficeSettings();
  const [days, setDays] = useState(REMINDER_WORKING_DAYS);
  let letter: RefundReminder | null = null;
  let problem: string | null = null;
  try {
    letter = reminderFor(order, events, today, days, workdayCalendarOf(settings));
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    problem = e.message;
  }
  async function issue() {
    if (!letter) return;
    const reminder = letter;
    const id = uuidv7();
    const ok = await run(() => write.recordRefundEvent({ id, orderId: order.id, tenant: '', kind: 'reminded', amountFen: 0, paidOn: null, proof: null, note: '', reminder }));
    if (!ok) return;
    // Signed once the hub holds the reminder (issueSealed pushes what is pending first).
    await saveDocument(() => saveRefundReminder(order, { id, reminder }));
    onClose();
  }
  return (
    <Modal open mask={{ closable: false }} title={t('refund.remind.title')} onCancel={onClose} onOk={() => void issue()} okText={t('refund.remind.issue')} okButtonProps={{ disabled: !letter }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Text>{t('refund.remind.days')}</Typography.Text>
          <InputNumber aria-label={t('refund.remind.days')} min={1} max={60} precision={0} value={days} onChange={(v) => setDays(v ?? 1)} />
        </Space>
        {problem && <Alert type="error" showIcon title={problem} />}
        {letter && (
          <Typography.Paragraph data-testid="reminder-preview" style={{ marginBottom: 0 }}>
            {t('refund.remind.preview', { party: order.party.name, tenants: letter.tenants.length, amount: formatFen(owedFen(letter)), days: letter.workingDays, deadline: letter.deadline })}
          </Typography.Paragraph>
        )}
      </Space>
    </Modal>
  );
}

/** The reminders of an order and, for the office or the lead, 催告 when it is overdue. */
export function RefundReminderPanel({ order, events, overdue, today, reviewer }: { order: RefundOrder; events: readonly RefundEvent[]; overdue: boolean; today: string; reviewer: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const saveDocument = useSaveDocument();
  const reminders = events.flatMap((e) => (e.kind === 'reminded' && e.reminder ? [{ id: e.id, reminder: e.reminder }] : []));
  if (!overdue && reminders.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="refund-reminders">
      {overdue && (
        <Alert type="error" showIcon title={t('refund.remind.overdue', { deadline: order.deadline })}
          action={reviewer && <Button size="small" danger onClick={() => setOpen(true)}>{t('refund.remind.button')}</Button>} />
      )}
      {reminders.map(({ id, reminder: r }) => (
        <Space key={id} wrap data-testid="refund-reminded">
          <Typography.Text>{t('refund.reminded.line', { date: r.issuedOn, tenants: r.tenants.length, amount: formatFen(owedFen(r)), deadline: r.deadline, days: r.workingDays })}</Typography.Text>
          <Button size="small" onClick={() => void saveDocument(() => saveRefundReminder(order, { id, reminder: r }))}>{t('refund.remind.pdf')}</Button>
        </Space>
      ))}
      {open && <RemindDialog order={order} events={events} today={today} onClose={() => setOpen(false)} />}
    </Space>
  );
}
