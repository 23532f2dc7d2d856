import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlagLimits } from '../../../src-shared/filings/indicators';
import { formatFen } from '../../../src-shared/money';
import { useLandlordMonths } from '../../db/filings';
import { FlagTags } from './FlagTags';
import { LandlordActions } from './LandlordActions';
import type { LandlordRow } from './landlordRows';
import { MonthTable } from './MonthTable';

/** A landlord's months, read as it is opened, screened with the page's limits. */
function LandlordMonths({ uscc, limits }: { uscc: string; limits: FlagLimits }) {
  const months = useLandlordMonths(uscc, limits);
  return months === undefined ? <Spin size="small" /> : <MonthTable filings={months} />;
}

/** The landlords ranked; each row opens on its months. */
export function LandlordTable({ rows, limits, onExportMonths }: { rows: readonly LandlordRow[]; limits: FlagLimits; onExportMonths: (row: LandlordRow) => void }) {
  const { t } = useTranslation();
  return (
    <Table<LandlordRow>
      data-testid="filing-landlords"
      size="small"
      rowKey="uscc"
      // Fixed: an opened landlord's months scroll inside the card instead of widening the ranking past it.
      tableLayout="fixed"
      dataSource={[...rows]}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      expandable={{
        expandedRowRender: (row) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <LandlordMonths uscc={row.uscc} limits={limits} />
            <Button size="small" icon={<DownloadOutlined />} onClick={() => onExportMonths(row)}>{t('filingsUi.export.months')}</Button>
          </Space>
        ),
      }}
      columns={[
        { title: t('filingsUi.col.rank'), dataIndex: 'rank', width: 64 },
        { title: t('filingsUi.col.uscc'), dataIndex: 'uscc', width: 210 },
        {
          title: t('filingsUi.col.name'), key: 'name',
          render: (_, r) => <Space size={4} wrap>{r.name}{!r.listed && <Tag color="volcano" data-testid="unlisted">{t('filingsUi.unlisted')}</Tag>}</Space>,
        },
        { title: t('filingsUi.col.months'), dataIndex: 'months', width: 80, align: 'right' },
        { title: t('filingsUi.col.flaggedMonths'), dataIndex: 'flaggedMonths', width: 100, align: 'right' },
        { title: t('filingsUi.col.excess'), key: 'excess', width: 160, align: 'right', render: (_, r) => formatFen(r.estimatedExcessFen) },
        { title: t('filingsUi.col.flags'), key: 'flags', render: (_, r) => <FlagTags flags={r.flagCounts} /> },
        { title: t('filingsUi.col.actions'), key: 'actions', width: 120, render: (_, r) => <LandlordActions row={r} /> },
      ]}
    />
  );
}
