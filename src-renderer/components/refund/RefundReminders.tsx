// The office's reminder of refunds to chase (催告): the count of overdue orders on the 退费跟踪 menu item, and
// once a day (at start, or when more orders fall due) a notice saying how many are overdue and how many are
// due within 3 working days, each linking to 退费跟踪 filtered to them.
import { App, Badge, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import { DUE_SOON_WORKING_DAYS, reminderCounts } from '../../../src-shared/refund/reminders';
import { useRefundStandings } from '../../db/refunds';

const SHOWN_KEY = 'tariffcheck.refundReminder.shown';

/** Today in China, kept current while the app stays open past midnight. */
export function useChinaToday(): string {
  const [today, setToday] = useState(() => chinaToday(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(chinaToday(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

/** The orders to chase today: overdue and due soon, by id. */
function useReminders(today: string) {
  const standings = useRefundStandings(today);
  if (!standings) return undefined;
  const ids = (kind: 'overdue' | 'due-soon') => standings.filter((s) => s.urgency === kind).map((s) => s.orderId);
  return { ...reminderCounts(standings.map((s) => s.urgency)), ids: [...ids('overdue'), ...ids('due-soon')] };
}

/** 退费跟踪 with the count of overdue orders beside it. */
export function RefundsMenuLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const reminders = useReminders(useChinaToday());
  const overdue = reminders?.overdue ?? 0;
  return (
    <Space size={6}>
      {label}
      {overdue > 0 && <Badge count={overdue} size="small" title={t('refunds.reminder.badge', { count: overdue })} data-testid="refunds-badge" />}
    </Space>
  );
}

/** What was announced last: the China date and the orders named, so each is announced once a day. */
function shownBefore(): { day: string; ids: string[] } {
  try {
    const v = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? 'null') as { day?: unknown; ids?: unknown } | null;
    return typeof v?.day === 'string' && Array.isArray(v.ids) ? { day: v.day, ids: v.ids.filter((x): x is string => typeof x === 'string') } : { day: '', ids: [] };
  } catch {
    return { day: '', ids: [] };
  }
}

/** The day's notice for the office and the lead; renders nothing itself. */
export function RefundReminderNotice() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const today = useChinaToday();
  const reminders = useReminders(today);
  const signature = reminders ? `${today}|${reminders.ids.join(',')}` : '';
  useEffect(() => {
    if (!reminders || reminders.ids.length === 0) return;
    const before = shownBefore();
    const known = before.day === today ? new Set(before.ids) : new Set<string>();
    if (reminders.ids.every((id) => known.has(id))) return;
    localStorage.setItem(SHOWN_KEY, JSON.stringify({ day: today, ids: [...new Set([...known, ...reminders.ids])] }));
    const go = (filter: 'overdue' | 'due-soon') => {
      notification.destroy('refund-reminder');
      navigate(`/refunds?filter=${filter}`);
    };
    notification.warning({
      key: 'refund-reminder',
      title: t('refunds.reminder.title'),
      description: <span data-testid="refund-reminder">{t('refunds.reminder.text', { overdue: reminders.overdue, dueSoon: reminders.dueSoon, days: DUE_SOON_WORKING_DAYS })}</span>,
      actions: (
        <Space>
          {reminders.overdue > 0 && <Button size="small" type="primary" onClick={() => go('overdue')}>{t('refunds.reminder.showOverdue')}</Button>}
          {reminders.dueSoon > 0 && <Button size="small" onClick={() => go('due-soon')}>{t('refunds.reminder.showDueSoon')}</Button>}
        </Space>
      ),
      duration: 0,
      placement: 'topRight',
    });
    // The signature holds what matters: the day and the orders to chase.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return null;
}
