import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Pagination, Select, Space, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDIT_GRADES, ENTITY_KINDS, type ListKind } from '../../src-shared/domain';
import { chinaDate } from '../../src-shared/inspection/meters';
import { listTemplate } from '../../src-shared/lists/template';
import { useExport } from '../components/ExportProgress';
import { ImportDialog } from '../components/ImportDialog';
import { LeanTable, type LeanColumn } from '../components/LeanTable';
import { entityColumns, inspectorColumns } from '../components/listColumns';
import { RowEditor } from '../components/RowEditor';
import { rowKey, useFilterOptions, useListPage, warmSearch, type ListRow } from '../db/lists';
import { write } from '../db/write';
import { platform } from '../platform';
import type { ListFilter } from '../state/listFilter';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];
const PAGE_SIZES = [50, 100, 200, 500];

/**
 * The filter and one page of the rows matching it. useLiveQuery keeps the page shown until the next one is
 * read, so typing and paging do not flash an empty table.
 */
function usePagedRows(kind: ListKind) {
  const [filter, setFilter] = useState<ListFilter>({ text: '' });
  const [paging, setPaging] = useState({ current: 1, pageSize: 100 });
  const page = useListPage(kind, filter, (paging.current - 1) * paging.pageSize, paging.pageSize);
  // A row leaving the filter (deactivated, edited) can empty the last page: show the one before.
  const lastPage = Math.max(1, Math.ceil((page?.shown ?? 0) / paging.pageSize));
  useEffect(() => {
    if (page && paging.current > lastPage) setPaging({ ...paging, current: lastPage });
  }, [page, paging, lastPage]);
  // The search column is read once the first page shows, so it does not slow the opening.
  const opened = page !== undefined;
  useEffect(() => {
    if (opened) void warmSearch(kind);
  }, [kind, opened]);
  // Stable, so the filter bar and the pager render only when what they show changes, not at every key typed.
  const filterBy = useCallback((patch: Partial<ListFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => (p.current === 1 ? p : { ...p, current: 1 }));
  }, []);
  const turnTo = useCallback((current: number, pageSize: number) => setPaging((p) => ({ current: pageSize === p.pageSize ? current : 1, pageSize })), []);
  return { filter, filterBy, page, paging, turnTo };
}

/** One of the two lists: search, filter, import, export, add, edit, deactivate. */
export function ListPage({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { filter, filterBy, page, paging, turnTo } = usePagedRows(kind);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<ListRow | 'new' | null>(null);
  const shown = page?.shown ?? 0;
  const { run: startExport, busy: exportBusy, view: exportView } = useExport();

  const save = useCallback(
    async (name: string, bytes: Promise<Uint8Array>) => {
      const ok = await platform.saveFile({ title: t('list.export'), suggestedName: name, filters: XLSX, data: await bytes });
      if (ok) message.success(t('common.saved'));
    },
    [message, t],
  );

  // Columns and the table are kept between renders: typing in the search box re-renders the page, and the
  // table only when its rows change.
  const columns = useMemo(() => {
    const actions: LeanColumn<ListRow> = {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      fixed: 'right',
      // Plain buttons drawn as antd's small link buttons (styles.css): each antd Button runs its theme, wave and
      // style hooks as it renders, two a row.
      render: (row) => (
        <>
          <button type="button" className="lean-link" onClick={() => setEditing(row)}>{t('common.edit')}</button>
          <button type="button" className={`lean-link${row.active ? ' lean-link-danger' : ''}`} onClick={() => void write.setActive(kind, row, !row.active)}>
            {row.active ? t('list.deactivate') : t('list.activate')}
          </button>
        </>
      ),
    };
    return [...((kind === 'entities' ? entityColumns(t) : inspectorColumns(t)) as LeanColumn<ListRow>[]), actions];
  }, [kind, t]);
  const title = t(kind === 'entities' ? 'nav.entities' : 'nav.inspectors');
  const table = useMemo(
    () => <LeanTable<ListRow> label={title} rowKey={(r) => rowKey(kind, r)} columns={columns} rows={page?.rows ?? []} loading={page === undefined} height={560} />,
    [kind, title, columns, page],
  );
  // The export reads the filter when clicked: the buttons need not render again at every key typed.
  const filterNow = useRef(filter);
  useEffect(() => {
    filterNow.current = filter;
  }, [filter]);
  const some = shown > 0;
  const actions = useMemo(
    () => (
      <Space wrap>
        <Button icon={<UploadOutlined />} type="primary" onClick={() => setImporting(true)}>{t('list.import')}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void save(t(`list.templateName.${kind}`) + '.xlsx', listTemplate(kind))}>
          {t('list.template')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={!some}
          loading={exportBusy}
          onClick={() => startExport({ type: 'list', kind, filter: filterNow.current }, { title: t('list.export'), suggestedName: `${t(`list.fileName.${kind}`)}-${chinaDate(new Date())}.xlsx` })}
        >
          {t('list.export')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('list.add')}</Button>
      </Space>
    ),
    [kind, t, some, save, startExport, exportBusy],
  );
  const pager = useMemo(
    () => (
      <Pagination style={{ marginTop: 12, justifyContent: 'flex-end' }} size="small" {...paging} total={shown} showSizeChanger pageSizeOptions={PAGE_SIZES} showQuickJumper onChange={turnTo} />
    ),
    [paging, shown, turnTo],
  );

  return (
    <Card title={title} extra={actions}>
      <FilterBar kind={kind} filter={filter} onChange={filterBy} />
      <Typography.Paragraph type="secondary" data-testid="list-count">
        {t('list.count', { shown, total: page?.total ?? 0 })}
      </Typography.Paragraph>
      {table}
      {pager}
      {exportView}
      {importing && <ImportDialog kind={kind} onClose={() => setImporting(false)} />}
      {editing && <RowEditor kind={kind} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface FilterBarProps {
  kind: ListKind;
  filter: ListFilter;
  onChange: (patch: Partial<ListFilter>) => void;
}

const FACETS = ['district', 'subdistrict', 'kind', 'credit', 'status'] as const;

/**
 * The search box (uncontrolled: it keeps what is typed) and the drop-downs, rendered again only when a
 * drop-down's value changes. A prop added here must be added to the comparison below.
 */
const FilterBar = memo(function FilterBar({ kind, filter, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const { districts = [], subdistricts = [] } = useFilterOptions(kind, filter.district) ?? {};
  const opts = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((v) => ({ value: v, label: label(v) }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search allowClear aria-label={t(`list.search.${kind}`)} placeholder={t(`list.search.${kind}`)} style={{ width: 260 }} onChange={(e) => onChange({ text: e.target.value })} />
      <Select allowClear aria-label={t('field.district')} placeholder={t('field.district')} style={{ width: 130 }} options={opts(districts)} value={filter.district} onChange={(v) => onChange({ district: v, subdistrict: undefined })} />
      <Select allowClear aria-label={t('field.subdistrict')} placeholder={t('field.subdistrict')} style={{ width: 140 }} options={opts(subdistricts)} value={filter.subdistrict} onChange={(v) => onChange({ subdistrict: v })} />
      {kind === 'entities' && (
        <>
          <Select allowClear aria-label={t('field.kind')} placeholder={t('field.kind')} style={{ width: 130 }} options={opts(ENTITY_KINDS, (v) => t(`kind.${v}`))} value={filter.kind} onChange={(v) => onChange({ kind: v })} />
          <Select allowClear aria-label={t('field.credit')} placeholder={t('field.credit')} style={{ width: 120 }} options={[...opts(CREDIT_GRADES, (v) => t(`credit.${v}`)), { value: 'none', label: t('credit.none') }]} value={filter.credit} onChange={(v) => onChange({ credit: v })} />
        </>
      )}
      <Select allowClear aria-label={t('field.status')} placeholder={t('field.status')} style={{ width: 110 }} options={[{ value: 'active', label: t('list.active') }, { value: 'inactive', label: t('list.inactive') }]} value={filter.status} onChange={(v) => onChange({ status: v })} />
    </Space>
  );
}, (a, b) => a.kind === b.kind && a.onChange === b.onChange && FACETS.every((f) => a.filter[f] === b.filter[f]));
