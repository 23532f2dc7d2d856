// 检查对象档案: everything this device holds about one target on one page — its list data, its credit
// grade with the grade history (reason, who, when) and what the rule in force would give it, the draws
// it was drawn in, its cases with their findings and amounts, refund orders and their events, and its
// monthly filings with their flags.
import { Card, Descriptions, Empty, Result, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { evaluateCredit } from '../../src-shared/credit/evaluate';
import type { StoredFiling } from '../../src-shared/filings/stored';
import { formatFen } from '../../src-shared/money';
import { totalsOf, trackingOf } from '../../src-shared/refund/tracking';
import { formatChinaTime } from '../../src-shared/time';
import { GradeHistory } from '../components/credit/GradeHistory';
import { ManualGradeForm } from '../components/credit/ManualGradeForm';
import { creditTag, statusTag } from '../components/listColumns';
import { useChinaToday } from '../components/refund/RefundReminders';
import { useCreditRule, useTargetHistory, type TargetHistory } from '../db/credit';
import { useIdentity } from '../db/identity';
import { CaseOriginTag, OpenTargetedCaseButton } from '../components/targeted';
import type { LocalCase } from '../db/cases';

function ListData({ h }: { h: TargetHistory }) {
  const { t } = useTranslation();
  const e = h.entity!;
  return (
    <Descriptions size="small" column={3} bordered data-testid="target-list-data">
      <Descriptions.Item label={t('field.uscc')}>{e.uscc}</Descriptions.Item>
      <Descriptions.Item label={t('field.kind')}>{t(`kind.${e.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('field.status')}>{statusTag(e.active, t)}</Descriptions.Item>
      <Descriptions.Item label={t('field.district')}>{e.district}</Descriptions.Item>
      <Descriptions.Item label={t('field.subdistrict')}>{e.subdistrict || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.tenantCount')}>{e.tenantCount ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.address')} span={2}>{e.address || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.contact')}>{[e.contact, e.phone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function Grade({ h }: { h: TargetHistory }) {
  const { t } = useTranslation();
  const rule = useCreditRule();
  // Only the office changes grades (the hub refuses anyone else).
  const office = useIdentity()?.role === 'office';
  const e = h.entity!;
  const verdict = rule ? evaluateCredit(h.facts, rule.rule) : null;
  const f = h.facts;
  return (
    <Card size="small" title={t('creditUi.target.history')} data-testid="target-grade">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{t('creditUi.target.grade')}</Typography.Text>
          <span data-testid="target-grade-now">{creditTag(e.credit, t)}</span>
          {verdict && <Typography.Text type="secondary">{t('creditUi.target.proposed')}：{creditTag(verdict.grade, t)}{verdict.reason}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          {t('creditUi.target.facts')}：{t('creditUi.target.factsLine', { draws: f.draws, cases: f.cases, approved: f.approvedCases, findings: f.findings, amount: formatFen(f.confirmedOverchargeFen), overdue: f.overdueTenants, flagged: f.flaggedMonths.length })}
        </Typography.Text>
        <GradeHistory changes={h.changes} />
        {office && <ManualGradeForm fixed={e} />}
      </Space>
    </Card>
  );
}

function Draws({ h }: { h: TargetHistory }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('creditUi.target.draws')}>
      {h.draws.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.target.noDraws')} /> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={h.draws} data-testid="target-draws" columns={[
          { title: t('creditUi.col.at'), width: 170, render: (_, d) => (d.drawnAt ? formatChinaTime(d.drawnAt, false) : '—') },
          { title: t('creditUi.target.plan'), render: (_, d) => <Link to={`/draws/${d.id}`}>{d.name || d.id}</Link> },
          { title: t('creditUi.target.group'), render: (_, d) => d.group ?? '—' },
        ]} />
      )}
    </Card>
  );
}

function caseAmount(h: TargetHistory, c: LocalCase): number {
  return (h.findings.get(c.id) ?? []).reduce((s, f) => s + (typeof f.data.amountFen === 'number' ? f.data.amountFen : 0), 0);
}

function Cases({ h }: { h: TargetHistory }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('creditUi.target.cases')}>
      {h.cases.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.target.noCases')} /> : (
        <Table<LocalCase> size="small" rowKey="id" pagination={false} dataSource={h.cases} data-testid="target-cases" columns={[
          { title: t('creditUi.target.origin'), width: 100, render: (_, c) => <CaseOriginTag kase={c} /> },
          { title: t('cases.status'), width: 90, render: (_, c) => <Link to={`/cases/${c.id}`}>{t(`cases.status.${c.status}`)}</Link> },
          { title: t('creditUi.target.closedOn'), width: 110, render: (_, c) => c.closedOn ?? '—' },
          { title: t('creditUi.target.findings'), render: (_, c) => (h.findings.get(c.id) ?? []).map((f) => String(f.data.title)).join('；') || '—' },
          { title: t('creditUi.target.amount'), width: 120, align: 'right', render: (_, c) => formatFen(caseAmount(h, c)) },
        ]} />
      )}
    </Card>
  );
}

function Refunds({ h, today }: { h: TargetHistory; today: string }) {
  const { t } = useTranslation();
  const rows = h.orders.map((o) => ({ o, totals: totalsOf(trackingOf(o.order, h.events.filter((e) => e.orderId === o.id).map((e) => e.event), today)) }));
  const events = [...h.events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card size="small" title={t('creditUi.target.refunds')}>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.target.noRefunds')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table size="small" rowKey={(r) => r.o.id} pagination={false} dataSource={rows} data-testid="target-refunds" columns={[
            { title: t('creditUi.target.docNo'), render: (_, r) => r.o.order.docNo || '—' },
            { title: t('creditUi.target.deadline'), width: 110, render: (_, r) => r.o.order.deadline },
            { title: t('creditUi.target.ordered'), width: 120, align: 'right', render: (_, r) => formatFen(r.totals.orderedFen) },
            { title: t('creditUi.target.paid'), width: 120, align: 'right', render: (_, r) => formatFen(r.totals.paidFen) },
            { title: t('creditUi.target.overdue'), width: 110, align: 'right', render: (_, r) => (r.totals.overdueTenants > 0 ? <Tag color="red">{r.totals.overdueTenants}</Tag> : 0) },
          ]} />
          {events.length > 0 && (
            <Typography.Text type="secondary">
              {t('creditUi.target.events')}：{events.map((e) => `${e.event.paidOn ?? e.event.reminder?.issuedOn ?? formatChinaTime(e.at, false)} ${e.event.tenant} ${t(`creditUi.target.event.${e.event.kind}`)}${e.event.amountFen > 0 ? ` ${formatFen(e.event.amountFen)}` : ''}`).join('；')}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

function Filings({ h }: { h: TargetHistory }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('creditUi.target.filings')}>
      {h.filings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.target.noFilings')} /> : (
        <Table<StoredFiling> size="small" rowKey="key" pagination={false} dataSource={h.filings} data-testid="target-filings" columns={[
          { title: t('creditUi.target.month'), width: 100, dataIndex: 'month' },
          { title: t('creditUi.target.flags'), render: (_, f) => (f.flags.length === 0 ? '—' : f.flags.map((flag) => <Tag key={flag} color="orange">{t(`creditUi.target.flag.${flag}`)}</Tag>)) },
          { title: t('creditUi.target.excess'), width: 140, align: 'right', render: (_, f) => formatFen(f.estimatedExcessFen) },
        ]} />
      )}
    </Card>
  );
}

export function TargetHistoryPage() {
  const { t } = useTranslation();
  const { uscc = '' } = useParams();
  const today = useChinaToday();
  const h = useTargetHistory(uscc, today);
  if (!h) return null;
  if (!h.entity) return <Result status="404" title={t('creditUi.target.notFound', { uscc })} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Space>{`${t('creditUi.target.title')}：`}<span data-testid="target-name">{h.entity.name}</span>{creditTag(h.entity.credit, t)}</Space>} extra={<span data-testid="target-actions"><OpenTargetedCaseButton uscc={uscc} name={h.entity.name} /></span>}>
        <ListData h={h} />
      </Card>
      <Grade h={h} />
      <Draws h={h} />
      <Cases h={h} />
      <Refunds h={h} today={today} />
      <Filings h={h} />
    </Space>
  );
}
