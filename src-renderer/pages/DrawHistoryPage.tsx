import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatChinaTime } from '../../src-shared/time';
import { useDraws, type SavedDraw } from '../db/draws';

/** Every draw made on this device, newest first. */
export function DrawHistoryPage() {
  const { t } = useTranslation();
  const draws = useDraws();
  return (
    <Card title={t('nav.drawHistory')}>
      <Table<SavedDraw>
        rowKey="id"
        size="small"
        loading={draws === undefined}
        dataSource={draws ?? []}
        columns={[
          { title: t('draw.planName'), key: 'name', render: (_, d) => <Link to={`/draws/${d.id}`}>{d.result.record.plan.name}</Link> },
          { title: t('draw.drawnAt'), dataIndex: 'drawnAt', width: 180, render: (v: string) => formatChinaTime(v) },
          { title: t('draw.drawnBy'), dataIndex: 'drawnBy', width: 120 },
          { title: t('draw.groupSelected'), key: 'count', width: 110, align: 'right', render: (_, d) => d.result.selected.length },
          { title: t('draw.seed'), key: 'seed', render: (_, d) => <code>{d.result.record.seed}</code> },
        ]}
      />
    </Card>
  );
}
