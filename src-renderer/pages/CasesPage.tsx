// The cases on this device: an inspector's own, a lead's district, the office's all.
import { Button, Card, Empty, Input, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CASE_STATUSES } from '../../src-shared/sync/records';
import { personLabel, useCaseResults, useCases, useCaseSyncStates, type CaseResult, useInspectorNames, useRecordCounts, type CaseSyncState, type LocalCase } from '../db/cases';
import { useAllDraws } from '../db/draws';
import { CASE_ORIGINS, originOf, type CaseOrigin } from '../../src-shared/targeted/origin';
import { CaseOriginTag, OpenTargetedCaseButton } from '../components/targeted';

/** A case's standing with the hub: waiting, refused or in conflict (each with its count), else synced. */
function SyncTags({ state }: { state: CaseSyncState | undefined }) {
  const { t } = useTranslation();
  if (!state || state.pending + state.rejected + state.conflicts === 0) return <Tag color="green">{t('cases.sync.synced')}</Tag>;
  return (
    <>
      {state.pending > 0 && <Tag color="gold">{t('cases.sync.pending', { count: state.pending })}</Tag>}
      {state.rejected > 0 && <Tag color="red">{t('cases.sync.rejected', { count: state.rejected })}</Tag>}
      {state.conflicts > 0 && <Tag color="volcano">{t('cases.sync.conflicts', { count: state.conflicts })}</Tag>}
    </>
  );
}

/** Preset colours (antd's names, also keys of its theme tokens: the map's markers take the same). */
export const STATUS_COLOR = { assigned: 'blue', submitted: 'gold', returned: 'volcano', approved: 'green' } as const satisfies Record<LocalCase['status'], string>;

// Leaflet and the map's code load only when the map is chosen.
const CaseMapPanel = lazy(() => import('../components/map/CaseMapPanel'));

export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useCases();
  const counts = useRecordCounts();
  const names = useInspectorNames();
  const syncStates = useCaseSyncStates();
  const draws = useAllDraws();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<LocalCase['status'] | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [draw, setDraw] = useState<string | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const [result, setResult] = useState<CaseResult | null>(null);
  const [origin, setOrigin] = useState<CaseOrigin | null>(null);
  const results = useCaseResults();
  // In the address (#/cases?view=map), so coming back from a case opened on the map shows the map again.
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const drawNames = useMemo(() => new Map((draws ?? []).map((d) => [d.id, d.name])), [draws]);
  const districts = useMemo(() => [...new Set((cases ?? []).map((c) => c.district))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [cases]);
  // Targeted cases have no draw: they are found by their origin instead.
  const drawIds = useMemo(() => [...new Set((cases ?? []).flatMap((c) => (c.drawId === null ? [] : [c.drawId])))], [cases]);
  // Every filter but the status: the counts per status are of these, the list of those with the status.
  const matching = useMemo(() => {
    const q = query.trim();
    return (cases ?? []).filter((c) =>
      (!district || c.district === district) && (!draw || c.drawId === draw) && (!member || c.inspectors.includes(member)) &&
      (!result || (results?.get(c.id) ?? 'none') === result) && (!origin || originOf(c) === origin) &&
      (!q || c.entityName.includes(q) || c.uscc.includes(q.toUpperCase()) || c.address.includes(q) || c.inspectors.some((x) => x.includes(q) || (names.get(x) ?? '').includes(q))));
  }, [cases, query, district, draw, member, result, results, names, origin]);
  const members = useMemo(() => [...new Set((cases ?? []).flatMap((c) => c.inspectors))].sort(), [cases]);
  const shown = useMemo(() => matching.filter((c) => !status || c.status === status), [matching, status]);
  const perStatus = useMemo(() => CASE_STATUSES.map((s) => [s, matching.filter((c) => c.status === s).length] as const), [matching]);
  return (
    <Card title={t('cases.title')}
      extra={(
        <Space wrap>
          <Input.Search allowClear aria-label={t('cases.search')} placeholder={t('cases.search')} style={{ width: 260 }} value={query} onChange={(e) => setQuery(e.target.value)} />
          <Select allowClear aria-label={t('cases.status')} placeholder={t('cases.status')} style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))} />
          <Select allowClear aria-label={t('field.district')} placeholder={t('field.district')} style={{ width: 120 }} value={district} onChange={(v) => setDistrict(v ?? null)} options={districts.map((d) => ({ value: d, label: d }))} />
          <Select allowClear aria-label={t('case.draw')} placeholder={t('case.draw')} style={{ width: 220 }} value={draw} onChange={(v) => setDraw(v ?? null)} options={drawIds.map((id) => ({ value: id, label: drawNames.get(id) ?? id.slice(0, 8) }))} />
          <Select allowClear showSearch optionFilterProp="label" aria-label={t('case.team')} placeholder={t('case.team')} style={{ width: 150 }} value={member} onChange={(v) => setMember(v ?? null)} options={members.map((m) => ({ value: m, label: personLabel(names, m) }))} />
          <Select allowClear aria-label={t('origin.label')} placeholder={t('origin.label')} style={{ width: 120 }} value={origin} onChange={(v) => setOrigin(v ?? null)} options={CASE_ORIGINS.map((o) => ({ value: o, label: t(`origin.${o}`) }))} />
          <Select allowClear aria-label={t('cases.result')} placeholder={t('cases.result')} style={{ width: 130 }} value={result} onChange={(v) => setResult(v ?? null)} options={(['none', 'findings', 'refund'] as const).map((r) => ({ value: r, label: t(`cases.result.${r}`) }))} />
        </Space>
      )}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space wrap size={4}>
          <Typography.Text type="secondary" data-testid="cases-count">{t('cases.count', { shown: shown.length, total: cases?.length ?? 0 })}</Typography.Text>
          {/* The review queue at a glance: a status's count filters by it, clicked again clears it. */}
          <span data-testid="status-counts">
            {perStatus.map(([s, n]) => (
              <Tag.CheckableTag key={s} checked={status === s} onChange={(on) => setStatus(on ? s : null)}>{t('cases.statusCount', { status: t(`cases.status.${s}`), count: n })}</Tag.CheckableTag>
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
      {cases && cases.length === 0 ? (
        <Empty description={t('cases.none')} />
      ) : view === 'map' ? (
        <Suspense fallback={<Spin description={t('map.loading')}><div style={{ height: 420 }} /></Spin>}>
          <CaseMapPanel cases={shown} />
        </Suspense>
      ) : (
        <Table<LocalCase>
          rowKey="id"
          size="small"
          loading={cases === undefined}
          dataSource={shown}
          onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
          // Thousands of cases: a page at a time (only its rows are rendered).
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
          // Fixed layout: the short columns keep their widths at laptop size (auto layout squeezed 区 to a
          // character a line) and the name column takes the rest.
          tableLayout="fixed"
          columns={[
            {
              // Name over address: both readable at laptop width, the long ones ellipsised with a tooltip.
              title: `${t('field.name')} / ${t('case.address')}`, key: 'name',
              render: (_, c) => (
                <>
                  <Typography.Text strong ellipsis={{ tooltip: c.entityName }} style={{ display: 'block', maxWidth: '100%' }}>{c.entityName}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: c.address }} style={{ display: 'block', maxWidth: '100%', fontSize: 12 }}>{c.address || '—'}</Typography.Text>
                </>
              ),
            },
            { title: t('origin.label'), key: 'origin', width: 96, render: (_, c) => <CaseOriginTag kase={c} /> },
            { title: t('field.uscc'), dataIndex: 'uscc', width: 200 },
            { title: t('field.district'), dataIndex: 'district', width: 76 },
            { title: t('case.team'), dataIndex: 'inspectors', width: 150, render: (c: string[]) => c.map((x) => <Tag key={x} style={{ marginBottom: 2 }}>{personLabel(names, x)}</Tag>) },
            { title: t('cases.records'), width: 76, align: 'right', render: (_, c) => counts?.get(c.id) ?? 0 },
            {
              title: t('cases.status'), width: 100,
              render: (_, c) => (
                <>
                  <Tag color={STATUS_COLOR[c.status]}>{t(`cases.status.${c.status}`)}</Tag>
                  {c.missingMedia.length > 0 && <Tag color="red">{t('cases.missingMedia', { count: c.missingMedia.length })}</Tag>}
                </>
              ),
            },
            {
              title: t('cases.syncState'), width: 100,
              render: (_, c) => (
                <span data-testid="case-sync"><SyncTags state={syncStates?.get(c.id)} /></span>
              ),
            },
            { title: '', width: 72, render: (_, c) => <Button size="small" onClick={() => navigate(`/cases/${c.id}`)}>{t('cases.open')}</Button> },
          ]}
        />
      )}
    </Card>
  );
}
