import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDIT_GRADES, ENTITY_KINDS, type Entity, type Inspector, type ListKind } from '../../src-shared/domain';
import { chinaDate } from '../../src-shared/inspection/meters';
import { exportList } from '../../src-shared/lists/exportList';
import { listTemplate } from '../../src-shared/lists/template';
import { ImportDialog } from '../components/ImportDialog';
import { columnsWidth, entityColumns, inspectorColumns } from '../components/listColumns';
import { RowEditor } from '../components/RowEditor';
import { rowKey, useListRows, type ListRow } from '../db/lists';
import { write } from '../db/write';
import { platform } from '../platform';
import { distinctValues, filterEntities, filterInspectors, type ListFilter } from '../state/listFilter';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

/** One of the two lists: search, filter, import, export, add, edit, deactivate. */
export function ListPage({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useListRows(kind);
  const [filter, setFilter] = useState<ListFilter>({ text: '' });
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<ListRow | 'new' | null>(null);
  const all = useMemo(() => rows ?? [], [rows]);
  const shown = useMemo(
    () => (kind === 'entities' ? filterEntities(all as Entity[], filter) : filterInspectors(all as Inspector[], filter)),
    [all, filter, kind],
  );

  async function save(name: string, bytes: Promise<Uint8Array>) {
    const ok = await platform.saveFile({ title: t('list.export'), suggestedName: name, filters: XLSX, data: await bytes });
    if (ok) message.success(t('common.saved'));
  }

  const actions: ColumnsType<ListRow>[number] = {
    title: t('common.actions'),
    key: 'actions',
    width: 130,
    fixed: 'right',
    render: (_, row) => (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => setEditing(row)}>{t('common.edit')}</Button>
        <Button size="small" type="link" danger={row.active} onClick={() => void write.setActive(kind, row, !row.active)}>
          {row.active ? t('list.deactivate') : t('list.activate')}
        </Button>
      </Space>
    ),
  };
  const columns = [...((kind === 'entities' ? entityColumns(t) : inspectorColumns(t)) as ColumnsType<ListRow>), actions];
  const today = chinaDate(new Date());

  return (
    <Card
      title={t(kind === 'entities' ? 'nav.entities' : 'nav.inspectors')}
      extra={
        <Space wrap>
          <Button icon={<UploadOutlined />} type="primary" onClick={() => setImporting(true)}>{t('list.import')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void save(t(`list.templateName.${kind}`) + '.xlsx', listTemplate(kind))}>
            {t('list.template')}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!shown.length} onClick={() => void save(`${t(`list.fileName.${kind}`)}-${today}.xlsx`, exportList(kind, shown as Entity[] & Inspector[]))}>
            {t('list.export')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('list.add')}</Button>
        </Space>
      }
    >
      <FilterBar kind={kind} rows={all} filter={filter} onChange={setFilter} />
      <Typography.Paragraph type="secondary" data-testid="list-count">
        {t('list.count', { shown: shown.length, total: all.length })}
      </Typography.Paragraph>
      <Table<ListRow>
        rowKey={(r) => rowKey(kind, r)}
        columns={columns}
        dataSource={shown}
        loading={rows === undefined}
        size="small"
        virtual
        scroll={{ x: columnsWidth(columns), y: 560 }}
        pagination={false}
      />
      {importing && <ImportDialog kind={kind} onClose={() => setImporting(false)} />}
      {editing && <RowEditor kind={kind} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function FilterBar({ kind, rows, filter, onChange }: { kind: ListKind; rows: ListRow[]; filter: ListFilter; onChange: (f: ListFilter) => void }) {
  const { t } = useTranslation();
  const districts = useMemo(() => distinctValues(rows, (r) => r.district), [rows]);
  const subdistricts = useMemo(
    () => distinctValues(rows.filter((r) => !filter.district || r.district === filter.district), (r) => r.subdistrict),
    [rows, filter.district],
  );
  const set = (patch: Partial<ListFilter>) => onChange({ ...filter, ...patch });
  const opts = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((v) => ({ value: v, label: label(v) }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search allowClear aria-label={t(`list.search.${kind}`)} placeholder={t(`list.search.${kind}`)} style={{ width: 260 }} onChange={(e) => set({ text: e.target.value })} />
      <Select allowClear aria-label={t('field.district')} placeholder={t('field.district')} style={{ width: 130 }} options={opts(districts)} value={filter.district} onChange={(v) => set({ district: v, subdistrict: undefined })} />
      <Select allowClear aria-label={t('field.subdistrict')} placeholder={t('field.subdistrict')} style={{ width: 140 }} options={opts(subdistricts)} value={filter.subdistrict} onChange={(v) => set({ subdistrict: v })} />
      {kind === 'entities' && (
        <>
          <Select allowClear aria-label={t('field.kind')} placeholder={t('field.kind')} style={{ width: 130 }} options={opts(ENTITY_KINDS, (v) => t(`kind.${v}`))} value={filter.kind} onChange={(v) => set({ kind: v })} />
          <Select allowClear aria-label={t('field.credit')} placeholder={t('field.credit')} style={{ width: 120 }} options={[...opts(CREDIT_GRADES, (v) => t(`credit.${v}`)), { value: 'none', label: t('credit.none') }]} value={filter.credit} onChange={(v) => set({ credit: v })} />
        </>
      )}
      <Select allowClear aria-label={t('field.status')} placeholder={t('field.status')} style={{ width: 110 }} options={[{ value: 'active', label: t('list.active') }, { value: 'inactive', label: t('list.inactive') }]} value={filter.status} onChange={(v) => set({ status: v })} />
    </Space>
  );
}
