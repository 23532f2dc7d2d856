// 退费跟踪: every refund order on this device — ordered, refunded, verified, overdue — per order, per
// landlord, per plan and per district, with the overall totals; the overdue ones first to be reminded, and a
// filter (kept in the address: ?filter=overdue or due-soon, where the day's reminder links) to them or to
// those due within 3 working days.
import { Card, Empty, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../src-shared/money';
import { sumBy, type TrackingTotals } from '../../src-shared/refund/tracking';
import { useAllDraws } from '../db/draws';
import { useRefundStandings } from '../db/refunds';
import { useChinaToday } from '../components/refund/RefundReminders';
import { DUE_SOON_WORKING_DAYS } from '../../src-shared/refund/reminders';

type Group = 'order' | 'landlord' | 'plan' | 'district';
const FILTERS = ['all', 'overdue', 'due-soon'] as const;
type Filter = (typeof FILTERS)[number];

const money = (fen: number) => formatFen(fen);

function totalsColumns(t: (k: string) => string) {
  return [
    { title: t('refund.track.ordered'), align: 'right' as const, render: (_: unknown, r: { totals: TrackingTotals }) => money(r.totals.orderedFen) },
    { title: t('refund.track.paid'), align: 'right' as const, render: (_: unknown, r: { totals: TrackingTotals }) => money(r.totals.paidFen) },
    { title: t('refunds.verified'), align: 'right' as const, render: (_: unknown, r: { totals: TrackingTotals }) => money(r.totals.verifiedFen) },
    { title: t('refunds.overdue'), align: 'right' as const, render: (_: unknown, r: { totals: TrackingTotals }) => (r.totals.overdueTenants > 0 ? <Tag color="red">{r.totals.overdueTenants}</Tag> : 0) },
  ];
}

export function RefundsPage() {
  const { t } = useTranslation();
  const standings = useRefundStandings(useChinaToday());
  const draws = useAllDraws();
  const [group, setGroup] = useState<Group>('order');
  const [params, setParams] = useSearchParams();
  const filter: Filter = FILTERS.find((f) => f === params.get('filter')) ?? 'all';
  const setFilter = (f: Filter) => setParams(f === 'all' ? {} : { filter: f }, { replace: true });
  const planName = useMemo(() => new Map((draws ?? []).map((d) => [d.id, d.name])), [draws]);
  const shown = useMemo(() => (standings ?? []).filter((s) => filter === 'all' || s.urgency === filter).sort((a, b) => b.totals.overdueTenants - a.totals.overdueTenants || a.deadline.localeCompare(b.deadline)), [standings, filter]);
  const overall = sumBy(shown, () => '')[0]?.totals ?? { orderedFen: 0, paidFen: 0, verifiedFen: 0, overdueTenants: 0 };
  const keyOf: Record<Exclude<Group, 'order'>, (s: (typeof shown)[number]) => string> = {
    landlord: (s) => s.landlord,
    // A targeted case is in no plan: its orders are grouped under its origin (投诉举报, 定向检查).
    plan: (s) => (s.drawId ? (planName.get(s.drawId) ?? t('refunds.unknownPlan')) : t(`origin.${s.origin}`)),
    district: (s) => s.district || '—',
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('refunds.title')} extra={<Segmented aria-label={t('refunds.filter')} data-testid="refunds-filter" value={filter} onChange={(v) => setFilter(v as Filter)} options={FILTERS.map((f) => ({ value: f, label: t(`refunds.filter.${f}`, { days: DUE_SOON_WORKING_DAYS }) }))} />}>
        <Space size="large" wrap data-testid="refunds-overall">
          <Statistic title={t('refunds.orders')} value={shown.length} />
          <Statistic title={t('refund.track.ordered')} value={money(overall.orderedFen)} />
          <Statistic title={t('refund.track.paid')} value={money(overall.paidFen)} />
          <Statistic title={t('refunds.verified')} value={money(overall.verifiedFen)} />
          <Statistic title={t('refunds.overdue')} value={overall.overdueTenants} styles={overall.overdueTenants > 0 ? { content: { color: '#cf1322' } } : undefined} />
        </Space>
      </Card>
      <Card size="small" extra={<Segmented aria-label={t('refunds.groupBy')} value={group} onChange={(v) => setGroup(v as Group)} options={(['order', 'landlord', 'plan', 'district'] as const).map((g) => ({ value: g, label: t(`refunds.by.${g}`) }))} />}>
        {standings && standings.length === 0 ? <Empty description={t('refund.none')} /> : group === 'order' ? (
          <Table size="small" rowKey="orderId" dataSource={shown} data-testid="refunds-table" pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('refund.docNo'), render: (_, s) => <Link to={`/cases/${s.caseId}`}>{s.docNo || t('refund.awaitingNo')}</Link> },
              { title: t('refunds.landlord'), render: (_, s) => <Typography.Text ellipsis={{ tooltip: s.landlord }} style={{ maxWidth: 220 }}>{s.landlord}</Typography.Text> },
              { title: t('field.district'), dataIndex: 'district', width: 90 },
              { title: t('refund.deadline'), dataIndex: 'deadline', width: 110 },
              { title: t('refunds.reminder.column'), width: 190, render: (_, s) => {
                const last = s.reminders.at(-1);
                return (
                  <Space size={4} wrap>
                    {s.urgency && <Tag color={s.urgency === 'overdue' ? 'red' : 'orange'}>{t(`refunds.filter.${s.urgency}`, { days: DUE_SOON_WORKING_DAYS })}</Tag>}
                    {last && <Typography.Text type="secondary">{t('refund.reminded.on', { date: last.issuedOn })}</Typography.Text>}
                  </Space>
                );
              } },
              ...totalsColumns(t),
            ]} />
        ) : (
          <Table size="small" rowKey="key" dataSource={sumBy(shown, keyOf[group])} data-testid="refunds-table" pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[{ title: t(`refunds.by.${group}`), dataIndex: 'key' }, { title: t('refunds.orders'), dataIndex: 'orders', align: 'right' }, ...totalsColumns(t)]} />
        )}
      </Card>
    </Space>
  );
}
