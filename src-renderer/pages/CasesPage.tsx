// The cases on this device: an inspector's own, a lead's district, the office's all.
import { Card, Empty, Input, Segmented, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CASE_STATUSES } from '../../src-shared/sync/records';
import { personLabel, useCaseResults, useCaseRows, useCasesInOrder, useCaseSyncStates, useNamesOf, type CaseSyncState, type LocalCase } from '../db/cases';
import { caseOptions, filterCases, namesHolding, type CaseFilter } from '../state/caseFilter';
import { useAllDraws } from '../db/draws';
import { CASE_ORIGINS } from '../../src-shared/targeted/origin';
import { CaseOriginTag, OpenTargetedCaseButton } from '../components/targeted';
import { leanTag } from '../components/listColumns';
import { TipOnHover } from '../components/HoverTip';

/** A case's standing with the hub: waiting, refused or in conflict (each with its count), else synced. */
function syncTags(state: CaseSyncState | undefined, t: TFunction) {
  if (!state || state.pending + state.rejected + state.conflicts === 0) return leanTag(t('cases.sync.synced'), 'green');
  return (
    <>
      {state.pending > 0 && leanTag(t('cases.sync.pending', { count: state.pending }), 'gold')}
      {state.rejected > 0 && leanTag(t('cases.sync.rejected', { count: state.rejected }), 'red')}
      {state.conflicts > 0 && leanTag(t('cases.sync.conflicts', { count: state.conflicts }), 'volcano')}
    </>
  );
}

/** Preset colours (antd's names, also keys of its theme tokens: the map's markers take the same). */
export const STATUS_COLOR = { assigned: 'blue', submitted: 'gold', returned: 'volcano', approved: 'green' } as const satisfies Record<LocalCase['status'], string>;

// Leaflet and the map's code load only when the map is chosen.
const CaseMapPanel = lazy(() => import('../components/map/CaseMapPanel'));

const PAGE_SIZES = [20, 50, 100];

export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The filter column, not the cases: each case of the page is read when shown (state/caseFilter.ts).
  const rows = useCaseRows();
  const syncStates = useCaseSyncStates();
  const draws = useAllDraws();
  const [filter, setFilter] = useState<CaseFilter>({ text: '' });
  const [paging, setPaging] = useState({ page: 1, size: PAGE_SIZES[0]! });
  const change = (patch: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const results = useCaseResults(Boolean(filter.result));
  // Until what the cases came to is read, the list stands unfiltered by it (loading), not empty.
  const resultsLoading = Boolean(filter.result) && results === undefined;
  const applied = useMemo(() => (resultsLoading ? { ...filter, result: null } : filter), [filter, resultsLoading]);
  // In the address (#/cases?view=map), so coming back from a case opened on the map shows the map again.
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const drawNames = useMemo(() => new Map((draws ?? []).map((d) => [d.id, d.name])), [draws]);
  // Targeted cases have no draw: they are found by their origin instead.
  // The drop-downs' choices in a render of their own after the first screen of cases, which needs none.
  const optionRows = useDeferredValue(rows);
  const { districts, drawIds, members } = useMemo(() => caseOptions(optionRows ?? []), [optionRows]);
  // The names of the people on some case only (the team drop-down, the search by name, the team column), not the
  // whole inspector list.
  const names = useNamesOf(members);
  const matchingNames = useMemo(() => namesHolding(names, filter.text), [names, filter.text]);
  // Every filter but the status makes the counts per status; the list is of those with the status.
  const { shown, perStatus } = useMemo(() => filterCases(rows ?? [], applied, matchingNames, results), [rows, applied, matchingNames, results]);
  const page = Math.min(paging.page, Math.max(1, Math.ceil(shown.length / paging.size)));
  const pageIds = useMemo(() => shown.slice((page - 1) * paging.size, page * paging.size), [shown, page, paging.size]);
  const loaded = useCasesInOrder(view === 'map' ? shown : pageIds, view === 'list');
  const pageCases = loaded?.cases;
  const counts = loaded?.counts;
  const { status } = filter;
  // Made again only when what the cells show changes (names, a page's record counts, sync states), not at every key typed.
  const columns = useMemo<TableColumnsType<LocalCase>>(() => [
    {
      // Name over address: both readable at laptop width, the long ones ellipsised with a tooltip.
      title: `${t('field.name')} / ${t('case.address')}`, key: 'name',
      render: (_, c) => (
        <>
          <TipOnHover className="lean-cut lean-strong" text={c.entityName} />
          <TipOnHover className="lean-cut lean-secondary" text={c.address || '—'} />
        </>
      ),
    },
    { title: t('origin.label'), key: 'origin', width: 96, render: (_, c) => <CaseOriginTag kase={c} /> },
    { title: t('field.uscc'), dataIndex: 'uscc', width: 200 },
    { title: t('field.district'), dataIndex: 'district', width: 76 },
    { title: t('case.team'), dataIndex: 'inspectors', width: 150, render: (c: string[]) => c.map((x) => leanTag(personLabel(names, x), null, undefined, x)) },
    { title: t('cases.records'), width: 76, align: 'right', render: (_, c) => counts?.get(c.id) ?? 0 },
    {
      title: t('cases.status'), width: 100,
      render: (_, c) => (
        <>
          {leanTag(t(`cases.status.${c.status}`), STATUS_COLOR[c.status])}
          {c.missingMedia.length > 0 && leanTag(t('cases.missingMedia', { count: c.missingMedia.length }), 'red')}
        </>
      ),
    },
    {
      title: t('cases.syncState'), width: 100,
      render: (_, c) => (
        <span data-testid="case-sync">{syncTags(syncStates?.get(c.id), t)}</span>
      ),
    },
    { title: '', width: 72, render: (_, c) => <button type="button" className="lean-link" onClick={() => navigate(`/cases/${c.id}`)}>{t('cases.open')}</button> },
  ], [t, names, counts, syncStates, navigate]);
  return (
    <Card title={t('cases.title')}
      extra={(
        <Space wrap>
          <Input.Search allowClear aria-label={t('cases.search')} placeholder={t('cases.search')} style={{ width: 260 }} value={filter.text} onChange={(e) => change({ text: e.target.value })} />
          <Select allowClear aria-label={t('cases.status')} placeholder={t('cases.status')} style={{ width: 120 }} value={status ?? null} onChange={(v) => change({ status: v ?? null })} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))} />
          <Select allowClear aria-label={t('field.district')} placeholder={t('field.district')} style={{ width: 120 }} value={filter.district ?? null} onChange={(v) => change({ district: v ?? null })} options={districts.map((d) => ({ value: d, label: d }))} />
          <Select allowClear aria-label={t('case.draw')} placeholder={t('case.draw')} style={{ width: 220 }} value={filter.drawId ?? null} onChange={(v) => change({ drawId: v ?? null })} options={drawIds.map((id) => ({ value: id, label: drawNames.get(id) ?? id.slice(0, 8) }))} />
          <Select allowClear showSearch optionFilterProp="label" aria-label={t('case.team')} placeholder={t('case.team')} style={{ width: 150 }} value={filter.member ?? null} onChange={(v) => change({ member: v ?? null })} options={members.map((m) => ({ value: m, label: personLabel(names, m) }))} />
          <Select allowClear aria-label={t('origin.label')} placeholder={t('origin.label')} style={{ width: 120 }} value={filter.origin ?? null} onChange={(v) => change({ origin: v ?? null })} options={CASE_ORIGINS.map((o) => ({ value: o, label: t(`origin.${o}`) }))} />
          <Select allowClear aria-label={t('cases.result')} placeholder={t('cases.result')} style={{ width: 130 }} value={filter.result ?? null} onChange={(v) => change({ result: v ?? null })} options={(['none', 'findings', 'refund'] as const).map((r) => ({ value: r, label: t(`cases.result.${r}`) }))} />
        </Space>
      )}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space wrap size={4}>
          <Typography.Text type="secondary" data-testid="cases-count">{t('cases.count', { shown: shown.length, total: rows?.length ?? 0 })}</Typography.Text>
          {/* The review queue at a glance: a status's count filters by it, clicked again clears it. */}
          <span data-testid="status-counts">
            {CASE_STATUSES.map((s) => (
              <Tag.CheckableTag key={s} checked={status === s} onChange={(on) => change({ status: on ? s : null })}>{t('cases.statusCount', { status: t(`cases.status.${s}`), count: perStatus[s] })}</Tag.CheckableTag>
            ))}
          </span>
        </Space>
        <Space>
          <OpenTargetedCaseButton />
          <Segmented
            aria-label={t('cases.view')}
            value={view}
            onChange={(v) => setParams(v === 'map' ? { view: 'map' } : {}, { replace: true })}
            options={[{ value: 'list', label: t('cases.view.list') }, { value: 'map', label: t('cases.view.map') }]}
          />
        </Space>
      </Space>
      {rows && rows.length === 0 ? (
        <Empty description={t('cases.none')} />
      ) : view === 'map' ? (
        <Suspense fallback={<Spin description={t('map.loading')}><div style={{ height: 420 }} /></Spin>}>
          <CaseMapPanel cases={pageCases ?? []} />
        </Suspense>
      ) : (
        <Table<LocalCase>
          rowKey="id"
          size="small"
          loading={rows === undefined || pageCases === undefined || resultsLoading}
          dataSource={pageCases ?? []}
          onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
          // Thousands of cases: a page at a time, only its cases read and rendered.
          pagination={{
            current: page, pageSize: paging.size, total: shown.length, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
            onChange: (p, size) => setPaging({ page: size === paging.size ? p : 1, size }),
          }}
          // Fixed layout: the short columns keep their widths at laptop size (auto layout squeezed 区 to a
          // character a line) and the name column takes the rest.
          tableLayout="fixed"
          columns={columns}
        />
      )}
    </Card>
  );
}
