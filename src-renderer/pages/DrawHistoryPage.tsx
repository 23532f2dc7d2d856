import { Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatChinaTime } from '../../src-shared/time';
import { useAllDraws, type DrawRow } from '../db/draws';

/** Every draw: made on this device, or on the hub by a lead or the office; newest first. */
export function DrawHistoryPage() {
  const { t } = useTranslation();
  const draws = useAllDraws();
  return (
    <Card title={t('nav.drawHistory')}>
      <Table<DrawRow>
        rowKey="id"
        size="small"
        loading={draws === undefined}
        dataSource={draws ?? []}
        columns={[
          { title: t('draw.planName'), key: 'name', render: (_, d) => <Space><Link to={`/draws/${d.id}`}>{d.name}</Link>{d.onHub && <Tag color="blue">{t('draw.madeOnHub')}</Tag>}</Space> },
          { title: t('draw.drawnAt'), dataIndex: 'drawnAt', width: 180, render: (v: string) => formatChinaTime(v) },
          { title: t('draw.drawnBy'), dataIndex: 'drawnBy', width: 120 },
          { title: t('draw.groupSelected'), dataIndex: 'count', width: 110, align: 'right' },
          { title: t('draw.seed'), key: 'seed', render: (_, d) => <code>{d.seed}</code> },
        ]}
      />
    </Card>
  );
}
