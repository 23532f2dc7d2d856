// The overcharge schedule kept with the case, per ledger: per tenant the charged, lawful and overcharged
// totals, each row opening onto its months with the rows of the landlord's Excel that each figure sums.
import { Card, Empty, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-shared/money';
import type { LocalRecord } from '../../db/cases';
import { ledgerChecksOf } from '../inspection/LedgerSection';
import { scheduleByTenant, type TenantSchedule } from './reviewData';

const danger = (fen: number) => (fen > 0 ? 'danger' : undefined);

function Months({ tenant }: { tenant: TenantSchedule }) {
  const { t } = useTranslation();
  return (
    <Table size="small" rowKey="month" dataSource={tenant.months} pagination={false} data-testid="review-months"
      columns={[
        { title: t('reviewUi.month'), dataIndex: 'month', width: 90 },
        { title: t('tariffUi.oc.charged'), align: 'right', render: (_, r) => formatFen(r.chargedFen) },
        { title: t('tariffUi.oc.lawful'), align: 'right', render: (_, r) => formatFen(r.lawfulFen) },
        { title: t('tariffUi.oc.overcharge'), align: 'right', render: (_, r) => <Typography.Text type={danger(r.overchargeFen)}>{formatFen(r.overchargeFen)}</Typography.Text> },
        { title: t('reviewUi.rows'), render: (_, r) => t('reviewUi.rowsText', { rows: r.lines.join('、') }) },
      ]} />
  );
}

export function ReviewSchedule({ records }: { records: readonly LocalRecord[] }) {
  const { t } = useTranslation();
  // Summed once per change of the records, not on every render of the review page.
  const checks = useMemo(() => ledgerChecksOf(records).map((c) => ({ ...c, tenants: scheduleByTenant(c.check) })), [records]);
  return (
    <Card size="small" title={t('reviewUi.schedule')} data-testid="review-schedule">
      {checks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewUi.noLedger')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {checks.map(({ id, check, tenants }) => {
          return (
            <div key={id}>
              <Typography.Paragraph style={{ marginBottom: 6 }}>
                {t('reviewUi.ledgerTotal', { file: check.file.name, tenants: tenants.filter((x) => x.overchargeFen > 0).length, lines: check.linesComputed })}
                <Typography.Text strong type={danger(check.totalOverchargeFen)}>{formatFen(check.totalOverchargeFen)}</Typography.Text>
                {t('reviewUi.yuan')}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }} title={check.file.sha256}>SHA-256 {check.file.sha256.slice(0, 12)}…</Typography.Text>
              </Typography.Paragraph>
              <Table size="small" rowKey="tenant" dataSource={tenants} pagination={tenants.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                expandable={{ expandedRowRender: (tenant) => <Months tenant={tenant} />, rowExpandable: (tenant) => tenant.months.length > 0 }}
                columns={[
                  { title: t('tariffUi.oc.tenant'), dataIndex: 'tenant', ellipsis: true },
                  { title: t('tariffUi.oc.charged'), align: 'right', render: (_, r) => formatFen(r.chargedFen) },
                  { title: t('tariffUi.oc.lawful'), align: 'right', render: (_, r) => formatFen(r.lawfulFen) },
                  { title: t('tariffUi.oc.overcharge'), align: 'right', render: (_, r) => <Typography.Text type={danger(r.overchargeFen)}>{formatFen(r.overchargeFen)}</Typography.Text> },
                ]} />
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
