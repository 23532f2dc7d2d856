// 租户账单: the landlord's ledgers computed inside the case, each with its file hash and the overcharge
// per tenant (the Excel rows each figure is made of), and the way to compute another.
import { Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { tenantTotals, type LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { formatFen } from '../../../src-shared/money';
import type { LocalRecord } from '../../db/cases';
import { saveSchedulePdf } from '../../db/documents';
import { useSaveDocument } from '../announceSaved';

/** The ledgers kept with a case, oldest first. */
export function ledgerChecksOf(records: readonly LocalRecord[]): { id: string; check: LedgerCheck; createdAt: string }[] {
  return records.filter((r) => r.kind === 'ledgerCheck').map((r) => ({ id: r.id, check: r.data as unknown as LedgerCheck, createdAt: r.createdAt.split('~')[0] ?? '' }));
}

export function LedgerSection({ caseId, party, records, canRecord }: { caseId: string; party: { name: string; uscc: string }; records: readonly LocalRecord[]; canRecord: boolean }) {
  const { t } = useTranslation();
  const saveDocument = useSaveDocument();
  const save = (id: string, check: LedgerCheck, createdAt: string) =>
    saveDocument(() => saveSchedulePdf(id, check, party, createdAt));
  const navigate = useNavigate();
  // Summed once per change of the records, not on every render of the case page (a ledger may hold 20,000 lines).
  const checks = useMemo(() => ledgerChecksOf(records).map((c) => ({ ...c, tenants: tenantTotals(c.check) })), [records]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canRecord && <Button type="primary" onClick={() => navigate(`/cases/${caseId}/ledger`)}>{t('insp.ledger.compute')}</Button>}
      {checks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.ledger.none')} />}
      {checks.map(({ id, check, createdAt, tenants }) => (
        <Card key={id} size="small" data-testid="ledger-check" title={check.file.name}
          extra={<Button size="small" onClick={() => void save(id, check, createdAt)}>{t('insp.ledger.pdf')}</Button>}>
          <Descriptions size="small" column={2} items={[
            { key: 'total', label: t('tariffUi.oc.total'), children: <Typography.Text strong type={check.totalOverchargeFen > 0 ? 'danger' : undefined}>{formatFen(check.totalOverchargeFen)}</Typography.Text> },
            { key: 'method', label: t('tariffUi.oc.method'), children: t(`overcharge.method.${check.method}`) },
            { key: 'lines', label: t('insp.ledger.lines'), children: t('insp.ledger.linesText', { computed: check.linesComputed, leftOut: check.linesLeftOut }) },
            { key: 'sha', label: t('insp.ledger.sha256'), children: <Typography.Text code copyable={{ text: check.file.sha256 }}>{check.file.sha256.slice(0, 16)}…</Typography.Text> },
          ]} />
          <Table
            size="small" rowKey="tenant" dataSource={tenants} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('tariffUi.oc.tenant'), dataIndex: 'tenant', ellipsis: true },
              { title: t('tariffUi.oc.months'), render: (_, r) => r.months.join('、') || '—' },
              { title: t('tariffUi.oc.charged'), align: 'right', render: (_, r) => formatFen(r.chargedFen) },
              { title: t('tariffUi.oc.lawful'), align: 'right', render: (_, r) => formatFen(r.lawfulFen) },
              { title: t('tariffUi.oc.overcharge'), align: 'right', render: (_, r) => <Typography.Text type={r.overchargeFen > 0 ? 'danger' : undefined}>{formatFen(r.overchargeFen)}</Typography.Text> },
              { title: t('insp.ledger.rows'), render: (_, r) => <Typography.Text type="secondary" ellipsis={{ tooltip: r.lines.join('、') }} style={{ maxWidth: 160 }}>{r.lines.join('、')}</Typography.Text> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
