// The statistics as four charts (loaded only when the tab is chosen: ECharts stays out of the page's first
// chunk): coverage per district, findings by type, overcharge and refunds per district, filing flags.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STAT_FILING_FLAGS } from '../../../src-shared/statistics/filings';
import { yuanCell } from '../../../src-shared/statistics/sheets';
import type { StatisticsTables } from '../../../src-shared/statistics/statistics';
import { EChart, type ChartOption } from './EChart';

const HEIGHT = 300;
const COLORS = ['#1f5fa8', '#52c41a', '#fa8c16', '#cf1322', '#722ed1', '#13c2c2', '#8c8c8c'];

function bars(categories: string[], series: { name: string; data: number[] }[]): ChartOption {
  return {
    animation: false,
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 28 })),
  } as ChartOption;
}

function ChartCard({ title, empty, option }: { title: string; empty: boolean; option: ChartOption }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      {empty ? <Empty style={{ height: HEIGHT - 40 }} description={t('statistics.chart.none')} /> : <EChart option={option} height={HEIGHT} label={title} />}
    </Card>
  );
}

export default function StatisticsCharts({ tables, typeLabel }: { tables: StatisticsTables; typeLabel: (code: string | null) => string }) {
  const { t } = useTranslation();
  const { coverage, findings, money, filings } = tables;
  const options = useMemo(() => ({
    coverage: bars(coverage.rows.map((r) => r.district), [
      { name: t('statistics.col.listed'), data: coverage.rows.map((r) => r.listed) },
      { name: t('statistics.col.drawn'), data: coverage.rows.map((r) => r.drawn) },
      { name: t('statistics.col.inspected'), data: coverage.rows.map((r) => r.inspected) },
    ]),
    findings: {
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' }, data: findings.map((f) => ({ name: typeLabel(f.type), value: f.findings })) }],
    } as ChartOption,
    money: bars(money.rows.map((r) => r.district), [
      { name: t('statistics.col.overcharge'), data: money.rows.map((r) => yuanCell(r.overchargeFen)) },
      { name: t('statistics.col.ordered'), data: money.rows.map((r) => yuanCell(r.orderedFen)) },
      { name: t('statistics.col.refunded'), data: money.rows.map((r) => yuanCell(r.refundedFen)) },
      { name: t('statistics.col.verified'), data: money.rows.map((r) => yuanCell(r.verifiedFen)) },
    ]),
    filings: bars(STAT_FILING_FLAGS.map((f) => t(`statistics.flag.${f}`)), [
      { name: t('statistics.col.flagged'), data: STAT_FILING_FLAGS.map((f) => filings.total.byFlag[f] ?? 0) },
    ]),
  }), [coverage, findings, money, filings, t, typeLabel]);
  return (
    <Row gutter={[16, 16]} data-testid="statistics-charts">
      <Col xs={24} xl={12}><ChartCard title={t('statistics.chart.coverage')} empty={coverage.rows.length === 0} option={options.coverage} /></Col>
      <Col xs={24} xl={12}><ChartCard title={t('statistics.chart.findings')} empty={findings.length === 0} option={options.findings} /></Col>
      <Col xs={24} xl={12}><ChartCard title={t('statistics.chart.money')} empty={money.rows.length === 0} option={options.money} /></Col>
      <Col xs={24} xl={12}><ChartCard title={t('statistics.chart.filings')} empty={filings.total.filings === 0} option={options.filings} /></Col>
    </Row>
  );
}
