// 统计分析: per plan, period (China time) and district — targets listed, drawn, inspected and the ratios per
// group; findings by type; overcharge found, refunds ordered, refunded and verified; filings flagged — as
// summary cards, tables (each exportable to Excel, or all in one workbook), charts and a map of the targets
// by result or credit grade. Charts and map load only when their tab is chosen.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Statistic, Tabs } from 'antd';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { findingTypeLabel } from '../../src-shared/inspection/officeSettings';
import { formatFen } from '../../src-shared/money';
import { chinaDateOfInstant, periodKey, periodOfKey, yearsOf, type Period } from '../../src-shared/statistics/period';
import { statisticsSheets, type StatSheet } from '../../src-shared/statistics/sheets';
import { statisticsOf, type StatisticsSummary } from '../../src-shared/statistics/statistics';
import { targetPoints } from '../../src-shared/statistics/targets';
import type { StatisticsFilter } from '../../src-shared/statistics/types';
import { statisticsWorkbook } from '../../src-shared/statistics/workbook';
import { chinaFileStamp } from '../../src-shared/time';
import { StatisticsFilters } from '../components/statistics/StatisticsFilters';
import { StatisticsTables } from '../components/statistics/StatisticsTables';
import { useAllDraws } from '../db/draws';
import { useOfficeSettings } from '../db/reference';
import { useStatisticsDistricts, useStatisticsInput } from '../db/statistics';
import { platform } from '../platform';

const StatisticsCharts = lazy(() => import('../components/statistics/StatisticsCharts'));
const StatisticsMap = lazy(() => import('../components/statistics/StatisticsMap'));
const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

const TABS = ['tables', 'charts', 'map'] as const;

/** The filter kept in the address (?plan=&period=&district=&tab=), so a view can be linked and reloaded. */
function filterOf(params: URLSearchParams): StatisticsFilter {
  return { drawId: params.get('plan') || null, period: periodOfKey(params.get('period') ?? 'all'), district: params.get('district') || null };
}

function paramsOf(f: StatisticsFilter, tab: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.drawId) out.plan = f.drawId;
  if (f.period.kind !== 'all') out.period = periodKey(f.period);
  if (f.district) out.district = f.district;
  if (tab !== 'tables') out.tab = tab;
  return out;
}

function periodText(period: Period, t: (k: string, p?: Record<string, string | number>) => string): string {
  if (period.kind === 'all') return t('statistics.period.all');
  if (period.kind === 'year') return t('statistics.periodValue.year', { year: period.year });
  if (period.kind === 'quarter') return t('statistics.periodValue.quarter', { year: period.year, quarter: period.quarter });
  return t('statistics.periodValue.month', { year: period.year, month: period.month });
}

function SummaryCards({ s }: { s: StatisticsSummary }) {
  const { t } = useTranslation();
  const items: [string, string | number, string?][] = [
    ['listed', s.listed], ['drawn', s.drawn, t('statistics.card.ratio', { ratio: s.drawnRatio })], ['inspected', s.inspected, t('statistics.card.inspectedRatio', { ratio: s.inspectedRatio })],
    ['targeted', s.targeted], ['findings', s.findings], ['overcharge', formatFen(s.overchargeFen)], ['ordered', formatFen(s.orderedFen)],
    ['refunded', formatFen(s.refundedFen)], ['verified', formatFen(s.verifiedFen)], ['flagged', s.flaggedFilings],
  ];
  return (
    <Row gutter={[12, 12]} data-testid="statistics-summary">
      {items.map(([key, value, note]) => (
        <Col key={key} xs={12} md={8} xl={4} xxl={4}>
          <Card size="small" data-testid={`statistics-card-${key}`}>
            <Statistic title={t(`statistics.card.${key}`)} value={value} />
            {note && <span style={{ fontSize: 12, color: 'rgba(0,0,0,.45)' }}>{note}</span>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'tables';
  const setFilter = (f: StatisticsFilter) => setParams(paramsOf(f, tab), { replace: true });
  const setTab = (x: string) => setParams(paramsOf(filter, x), { replace: true });
  const input = useStatisticsInput(filter);
  const draws = useAllDraws();
  const districts = useStatisticsDistricts();
  const settings = useOfficeSettings();
  const today = chinaToday(new Date());

  const typeLabel = useCallback((code: string | null) => (code === null ? t('statistics.untyped') : settings ? findingTypeLabel(settings, code) : code), [settings, t]);
  const tables = useMemo(() => (input ? statisticsOf(input, filter, today) : undefined), [input, filter, today]);
  const sheets = useMemo(() => (tables ? statisticsSheets(tables, t, typeLabel) : []), [tables, t, typeLabel]);
  const map = useMemo(() => (input && tab === 'map' ? targetPoints(input, filter) : undefined), [input, filter, tab]);
  const years = useMemo(() => {
    const months = new Set((input?.filings ?? []).map((f) => f.month));
    const found = yearsOf([...(draws ?? []).map((d) => chinaDateOfInstant(d.drawnAt)), ...months, today]);
    return found.length > 0 ? found : [Number(today.slice(0, 4))];
  }, [draws, input, today]);

  const plan = (draws ?? []).find((d) => d.id === filter.drawId);
  const caption = [plan ? plan.name : t('statistics.plan.all'), periodText(filter.period, t), filter.district ?? t('statistics.district.all')].join(' · ');

  async function exportSheets(chosen: readonly StatSheet[]) {
    const now = new Date();
    const name = `${t('statistics.export.name')}-${chosen.length === 1 ? `${chosen[0]!.title}-` : ''}${periodKey(filter.period)}-${chinaFileStamp(now, true)}.xlsx`;
    const ok = await platform.saveFile({ title: t('statistics.export.all'), suggestedName: name, filters: XLSX, data: await statisticsWorkbook(chosen, caption, now) });
    if (ok) message.success(t('statistics.export.saved'));
  }

  const loading = <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}><Spin description={t('statistics.loading')} /></div>;
  const empty = input && input.entities.length === 0 && input.cases.length === 0 && input.filings.length === 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('statistics.title')} extra={<Button icon={<DownloadOutlined />} disabled={!tables} onClick={() => void exportSheets(sheets)}>{t('statistics.export.all')}</Button>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <StatisticsFilters filter={filter} plans={draws ?? []} districts={districts ?? []} years={years} onChange={setFilter} />
          <Alert type="info" showIcon title={t('statistics.rule')} />
        </Space>
      </Card>
      {!tables ? loading : empty ? <Empty description={t('statistics.empty')} /> : (
        <div data-testid="statistics-ready" data-filter={new URLSearchParams(paramsOf(filter, 'tables')).toString()}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <SummaryCards s={tables.summary} />
            <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
              { key: 'tables', label: t('statistics.tab.tables'), children: <StatisticsTables sheets={sheets} onExport={(s) => void exportSheets([s])} /> },
              { key: 'charts', label: t('statistics.tab.charts'), children: <Suspense fallback={loading}><StatisticsCharts tables={tables} typeLabel={typeLabel} /></Suspense> },
              { key: 'map', label: t('statistics.tab.map'), children: <Suspense fallback={loading}>{map && <StatisticsMap points={map.points} unplaced={map.unplaced} />}</Suspense> },
            ]} />
          </Space>
        </div>
      )}
    </Space>
  );
}
