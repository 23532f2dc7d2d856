// 退费通知书 on an approved case: the orders made from it (numbered by the hub, then saved as PDF and as an
// Excel ledger), and for the office or the district lead the form to issue one from the ledger kept with
// the case — the amounts are the ledger's, the deadline is counted in working days on China's calendar.
import { Alert, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { v7 as uuidv7 } from 'uuid';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { addWorkingDays, calendarSources, CalendarError, chinaToday } from '../../../src-shared/calendar/workdays';
import { calendarBasisText } from '../../../src-shared/i18n/calendar';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { refundBases, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { formatFen } from '../../../src-shared/money';
import { REFUND_BASIS, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import type { Case } from '../../../src-shared/sync/records';
import type { LocalRecord } from '../../db/cases';
import { useRefundOrders } from '../../db/refunds';
import { saveRefundOrder } from '../../db/documents';
import { useSaveDocument } from '../announceSaved';
import { write } from '../../db/write';
import { useRun } from '../useRun';
import { RefundTracking } from './RefundTracking';

function OrderList({ caseId, reviewer }: { caseId: string; reviewer: boolean }) {
  const { t } = useTranslation();
  const orders = useRefundOrders(caseId);
  const saveDocument = useSaveDocument();
  if (!orders || orders.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('refund.none')} />;
  return (
    <Table size="small" rowKey="id" pagination={false} dataSource={orders} data-testid="refund-orders"
      expandable={{ rowExpandable: (o) => o.order.docNo !== '', expandedRowRender: (o) => <RefundTracking order={o.order} reviewer={reviewer} />, defaultExpandAllRows: true }}
      columns={[
        { title: t('refund.docNo'), render: (_, o) => (o.order.docNo ? o.order.docNo : <Tag color="gold">{t('refund.awaitingNo')}</Tag>) },
        { title: t('refund.issuedOn'), render: (_, o) => o.order.issuedOn },
        { title: t('refund.deadline'), render: (_, o) => t('refund.deadlineText', { days: o.order.workingDays, date: o.order.deadline }) },
        { title: t('refund.tenants'), align: 'right', render: (_, o) => o.order.tenants.length },
        { title: t('refund.total'), align: 'right', render: (_, o) => formatFen(o.order.totalFen) },
        {
          title: '', width: 220, render: (_, o) => o.order.docNo && (
            <Space>
              <Button size="small" onClick={() => void saveDocument(() => saveRefundOrder(o.order, 'pdf'))}>{t('refund.pdf')}</Button>
              <Button size="small" onClick={() => void saveDocument(() => saveRefundOrder(o.order, 'xlsx'))}>{t('refund.xlsx')}</Button>
            </Space>
          ),
        },
      ]} />
  );
}

/** The order as it would be issued today, or why it cannot be. */
function draftOrder(kase: Case, ledger: { id: string; check: LedgerCheck }, settings: OfficeSettings, workingDays: number, today: string): { order: RefundOrder } | { problem: string } {
  const tenants = refundTenantsOf(ledger.check);
  if (tenants.length === 0) return { problem: 'refund.noOvercharge' };
  const calendar = workdayCalendarOf(settings);
  try {
    const deadline = addWorkingDays(calendar, today, workingDays);
    return {
      order: {
        id: uuidv7(), caseId: kase.id, docNo: '', issuedOn: today, workingDays, deadline, office: settings.refund.officeName,
        party: { name: kase.entityName, uscc: kase.uscc, address: kase.address }, basis: refundBases(settings, REFUND_BASIS),
        ledger: { recordId: ledger.id, sha256: ledger.check.file.sha256, name: ledger.check.file.name },
        tenants, totalFen: tenants.reduce((s, x) => s + x.totalFen, 0), calendarBasis: calendarBasisText(calendarSources(calendar, today, deadline)),
      },
    };
  } catch (e) {
    if (e instanceof CalendarError) return { problem: e.message };
    throw e;
  }
}

function IssueForm({ kase, records, settings }: { kase: Case; records: readonly LocalRecord[]; settings: OfficeSettings }) {
  const { t } = useTranslation();
  const run = useRun();
  const ledgers = records.filter((r) => r.kind === 'ledgerCheck').map((r) => ({ id: r.id, check: r.data as unknown as LedgerCheck }));
  const [ledgerId, setLedgerId] = useState<string | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const orders = useRefundOrders(kase.id);
  const ledger = ledgers.find((l) => l.id === ledgerId) ?? ledgers.at(-1);
  if (!ledger) return <Alert type="info" showIcon title={t('refund.noLedger')} />;
  // One order per ledger: a second would order the same money refunded twice.
  const done = orders?.find((o) => o.order.ledger.recordId === ledger.id);
  if (done) return <Alert type="success" showIcon data-testid="refund-done" title={t('refund.done', { file: ledger.check.file.name, docNo: done.order.docNo || t('refund.awaitingNo') })} />;
  if (!settings.refund.officeName) return <Alert type="warning" showIcon title={<>{t('refund.noOffice')} <Link to="/settings/inspection">{t('settings.nav')}</Link></>} />;
  const workingDays = days ?? settings.refund.workingDays;
  const draft = draftOrder(kase, ledger, settings, workingDays, chinaToday(new Date()));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('refund.ledger')}</Typography.Text>
        <Select style={{ width: 320 }} aria-label={t('refund.ledger')} value={ledger.id} onChange={setLedgerId} options={ledgers.map((l) => ({ value: l.id, label: `${l.check.file.name}（${formatFen(l.check.totalOverchargeFen)} 元）` }))} />
        <Typography.Text>{t('settings.refund.days')}</Typography.Text>
        <InputNumber aria-label={t('settings.refund.days')} min={1} max={120} precision={0} value={workingDays} onChange={(v) => setDays(v ?? 1)} />
      </Space>
      {'problem' in draft ? <Alert type="error" showIcon data-testid="refund-problem" title={draft.problem.startsWith('refund.') ? t(draft.problem) : draft.problem} /> : (
        <>
          <Typography.Paragraph data-testid="refund-preview" style={{ marginBottom: 0 }}>
            {t('refund.preview', { office: draft.order.office, tenants: draft.order.tenants.length, total: formatFen(draft.order.totalFen), days: workingDays, deadline: draft.order.deadline })}
          </Typography.Paragraph>
          <Table size="small" rowKey="tenant" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={draft.order.tenants}
            columns={[
              { title: t('refund.tenant'), dataIndex: 'tenant' },
              { title: t('refund.months'), render: (_, x) => x.months.map((m) => m.month).join('、') },
              { title: t('refund.amount'), align: 'right', render: (_, x) => formatFen(x.totalFen) },
            ]} />
          <Button type="primary" onClick={() => void run(() => write.issueRefundOrder(draft.order))}>{t('refund.issue')}</Button>
        </>
      )}
    </Space>
  );
}

export function RefundOrderSection({ kase, records, settings, reviewer }: { kase: Case; records: readonly LocalRecord[]; settings: OfficeSettings; reviewer: boolean }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('refund.orders')}><OrderList caseId={kase.id} reviewer={reviewer} /></Card>
      {reviewer && (
        <Card size="small" title={t('refund.new')}>
          {kase.status === 'approved' ? <IssueForm kase={kase} records={records} settings={settings} /> : <Alert type="info" showIcon title={t('refund.notApproved')} />}
        </Card>
      )}
    </Space>
  );
}
