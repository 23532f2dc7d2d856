import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredFiling } from '../../../src-shared/filings/stored';
import { formatFen } from '../../../src-shared/money';
import { FlagTags } from './FlagTags';

/** A landlord's months with their figures, indicators and flags. */
export function MonthTable({ filings }: { filings: readonly StoredFiling[] }) {
  const { t } = useTranslation();
  const right = { align: 'right' as const };
  return (
    <Table<StoredFiling>
      data-testid="filing-months"
      size="small"
      rowKey="key"
      dataSource={[...filings]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('filingsUi.col.month'), dataIndex: 'month', width: 90 },
        { title: t('filings.column.purchaseKwh'), dataIndex: 'purchaseKwh', ...right },
        { title: t('filings.column.purchaseYuan'), key: 'purchase', ...right, render: (_, f) => formatFen(f.purchaseFen) },
        { title: t('filings.column.resoldKwh'), dataIndex: 'transferKwh', ...right },
        { title: t('filings.column.chargedYuan'), key: 'charged', ...right, render: (_, f) => formatFen(f.chargedFen) },
        { title: t('filingsUi.col.purchaseAvgPrice'), dataIndex: 'purchaseAvgPrice', ...right },
        { title: t('filingsUi.col.chargedAvgPrice'), dataIndex: 'chargedAvgPrice', ...right },
        { title: t('filingsUi.col.markupPerKwh'), dataIndex: 'markupPerKwh', ...right },
        { title: t('filingsUi.col.lossRate'), dataIndex: 'lossRate', ...right },
        { title: t('filingsUi.col.catalogueReference'), dataIndex: 'catalogueReference', ...right },
        { title: t('filingsUi.col.excess'), key: 'excess', ...right, render: (_, f) => formatFen(f.estimatedExcessFen) },
        { title: t('filingsUi.col.flags'), key: 'flags', render: (_, f) => <FlagTags flags={f.flags} /> },
      ]}
    />
  );
}
