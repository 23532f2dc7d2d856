// 退费跟踪: every refund order on this device — ordered, refunded, verified, overdue — per order, per
// landlord, per plan and per district, with the overall totals; the overdue ones first to be reminded.
import { Card, Empty, Segmented, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../src-shared/money';
import { sumBy, type TrackingTotals } from '../../src-shared/refund/tracking';
import { useAllDraws } from '../db/draws';
import { useRefundStandings } from '../db/refunds';

type Group = 'order' | 'landlord' | 'plan' | 'district';

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
  const standings = useRefundStandings();
  const draws = useAllDraws();
  const [group, setGroup] = useState<Group>('order');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const planName = useMemo(() => new Map((draws ?? []).map((d) => [d.id, d.name])), [draws]);
  const shown = useMemo(() => (standings ?? []).filter((s) => !overdueOnly || s.totals.overdueTenants > 0).sort((a, b) => b.totals.overdueTenants - a.totals.overdueTenants || a.deadline.localeCompare(b.deadline)), [standings, overdueOnly]);
  const overall = sumBy(shown, () => '')[0]?.totals ?? { orderedFen: 0, paidFen: 0, verifiedFen: 0, overdueTenants: 0 };
  const keyOf: Record<Exclude<Group, 'order'>, (s: (typeof shown)[number]) => string> = {
    landlord: (s) => s.landlord,
    plan: (s) => planName.get(s.drawId) ?? t('refunds.unknownPlan'),
    district: (s) => s.district || '—',
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('refunds.title')} extra={<Space><Typography.Text>{t('refunds.overdueOnly')}</Typography.Text><Switch aria-label={t('refunds.overdueOnly')} checked={overdueOnly} onChange={setOverdueOnly} /></Space>}>
        <Space size="large" wrap data-testid="refunds-overall">
          <Statistic title={t('refunds.orders')} value={shown.length} />
          <Statistic title={t('refund.track.ordered')} value={money(overall.orderedFen)} />
          <Statistic title={t('refund.track.paid')} value={money(overall.paidFen)} />
          <Statistic title={t('refunds.verified')} value={money(overall.verifiedFen)} />
          <Statistic title={t('refunds.overdue')} value={overall.overdueTenants} valueStyle={overall.overdueTenants > 0 ? { color: '#cf1322' } : undefined} />
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
