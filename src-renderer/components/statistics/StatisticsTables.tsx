// The statistics tables as the Excel export writes them (statistics/sheets.ts), each in a card with its own
// export; the total row in bold.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Cell, StatSheet } from '../../../src-shared/statistics/sheets';

const yuanText = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function display(kind: StatSheet['columns'][number]['kind'], v: Cell): string {
  if (v === null) return '—';
  if (kind === 'yuan' && typeof v === 'number') return yuanText(v);
  return String(v);
}

function SheetTable({ sheet, onExport }: { sheet: StatSheet; onExport: () => void }) {
  const { t } = useTranslation();
  const total = t('statistics.total');
  const columns: ColumnsType<{ key: number; cells: Cell[] }> = sheet.columns.map((c, i) => ({
    title: c.header,
    key: String(i),
    align: c.kind === 'text' ? 'left' : 'right',
    render: (_, r) => display(c.kind, r.cells[i] ?? null),
  }));
  const data = sheet.rows.map((cells, key) => ({ key, cells }));
  return (
    <Card size="small" title={sheet.title} data-testid={`statistics-table-${sheet.id}`} extra={<Button size="small" icon={<DownloadOutlined />} onClick={onExport}>{t('statistics.export.one')}</Button>}>
      {/* Scrolls sideways when narrower than its columns, which never wrap: what scroll.x 'max-content' did, without
          antd measuring every column's width after each render (a forced layout per table). */}
      <div style={{ overflowX: 'auto' }}>
        <Table size="small" columns={columns} dataSource={data} pagination={{ pageSize: 50, hideOnSinglePage: true }} style={{ whiteSpace: 'nowrap' }}
          onRow={(r) => (r.cells[0] === total ? { style: { fontWeight: 600 } } : {})} />
      </div>
    </Card>
  );
}

export function StatisticsTables({ sheets, onExport }: { sheets: readonly StatSheet[]; onExport: (sheet: StatSheet) => void }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sheets.map((s) => <SheetTable key={s.id} sheet={s} onExport={() => onExport(s)} />)}
    </Space>
  );
}
