// The left of the reviewer's overview: what the team checked and what it flagged — the meters with their
// flags and the measured loss, the posted tariff against the catalogue, each proposal of the checks as the
// team decided it — and the findings recorded (type, facts, basis, amount).
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import Big from 'big.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate, consumption, lossCheck, meterFlags } from '../../../src-shared/inspection/meters';
import { findingTypeLabel, verificationYearsOf, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { formatFen } from '../../../src-shared/money';
import type { TariffTable } from '../../../src-shared/tariff/types';
import type { LocalRecord } from '../../db/cases';
import { proposalsOf } from '../inspection/FindingsSection';
import { FlagTags, metersOf } from '../inspection/MeterSection';
import { postingOf } from '../inspection/PostingSection';
import { checkPosting, type PriceComparison } from '../../../src-shared/inspection/postedTariff';
import { TOU_WORDS } from '../../../src-shared/tariff/types';
import { proposalDecisions, type ProposalDecision } from './reviewData';

const DECISION_COLOR: Record<ProposalDecision['state'], string> = { taken: 'green', declined: 'default', open: 'orange' };
const percent = (rate: string) => `${new Big(rate).times(100).toFixed(2)}%`;

function Meters({ records, settings }: { records: readonly LocalRecord[]; settings: OfficeSettings }) {
  const { t } = useTranslation();
  const meters = metersOf(records);
  const today = chinaDate(new Date());
  const years = verificationYearsOf(settings);
  if (meters.length === 0) return <Typography.Text type="secondary">{t('reviewUi.noMeters')}</Typography.Text>;
  const loss = lossCheck(meters.map((m) => m.meter));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Table size="small" rowKey="id" dataSource={meters} pagination={meters.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false} data-testid="review-meters"
        columns={[
          { title: t('insp.meter.no'), render: (_, m) => <>{m.meter.meterNo}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`insp.meter.role.${m.meter.role}`)}{m.meter.tenant ? ` · ${m.meter.tenant}` : ''}</Typography.Text></div></> },
          { title: t('reviewUi.meterUse'), render: (_, m) => <>{m.meter.readings.map((r) => r.value).join(' → ')}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{consumption(m.meter) ?? '—'} kWh</Typography.Text></div></> },
          { title: t('insp.meter.flags'), render: (_, m) => { const flags = meterFlags(m.meter, today, years); return flags.length > 0 ? <FlagTags flags={flags} /> : <Tag color="green">{t('reviewUi.noFlags')}</Tag>; } },
        ]} />
      <Typography.Text data-testid="review-loss">
        {loss.lossRate === null
          ? `${t('insp.loss.rate')}：${t(`insp.loss.${loss.problem ?? 'incomplete'}`)}`
          : t('reviewUi.loss', { rate: percent(loss.lossRate), main: loss.mainKwh, sub: loss.subKwh })}
        {loss.uneven && <Typography.Text type="warning">（{t('insp.loss.uneven')}）</Typography.Text>}
      </Typography.Text>
    </Space>
  );
}

const POSTING_COLOR: Record<PriceComparison['flag'], string> = { above: 'red', below: 'blue', equal: 'green', 'no-catalogue': 'default' };

/** The posted prices against the catalogue of their month (checkPosting), four columns to fit the narrow side. */
function Posting({ records, table }: { records: readonly LocalRecord[]; table: TariffTable | null }) {
  const { t } = useTranslation();
  const posting = postingOf(records);
  if (!posting) return <Typography.Text type="secondary">{t('reviewUi.noPosting')}</Typography.Text>;
  const p = posting.posting;
  const check = checkPosting(p, table);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Typography.Text type="secondary">{[p.location, p.month, p.region, p.voltage].filter(Boolean).join(' · ')}{p.chargedLossRate ? ` · ${t('insp.loss.charged')} ${percent(p.chargedLossRate)}` : ''}</Typography.Text>
      {!table && <Alert type="warning" showIcon title={t('insp.posting.noTable')} />}
      {check.notPosted && <Alert type="error" showIcon title={t('insp.posting.notPosted')} />}
      {check.prices.length > 0 && (
        <Table size="small" rowKey={(x) => `${x.category}/${x.period}`} dataSource={check.prices} pagination={false} data-testid="review-posting"
          columns={[
            { title: t('insp.posting.category'), render: (_, x) => `${x.category} · ${TOU_WORDS[x.period]}` },
            { title: t('reviewUi.postedVsCatalogue'), render: (_, x) => `${x.posted} / ${x.catalogue ?? '—'}` },
            { title: t('insp.posting.difference'), render: (_, x) => (x.difference === null ? '—' : x.difference.startsWith('-') ? x.difference : `+${x.difference}`) },
            { title: t('insp.posting.result'), render: (_, x) => <Tag color={POSTING_COLOR[x.flag]}>{t(`insp.posting.flag.${x.flag}`)}</Tag> },
          ]} />
      )}
    </Space>
  );
}

function Proposals({ records, table, settings }: { records: readonly LocalRecord[]; table: TariffTable | null; settings: OfficeSettings }) {
  const { t } = useTranslation();
  const decisions = useMemo(() => proposalDecisions(records, proposalsOf(records, table, settings)), [records, table, settings]);
  if (decisions.length === 0) return <Typography.Text type="secondary">{t('reviewUi.noProposals')}</Typography.Text>;
  return (
    <Table size="small" rowKey="key" dataSource={decisions} pagination={false} data-testid="review-proposals"
      columns={[
        { title: t('reviewUi.finding.type'), width: 96, render: (_, d) => (d.proposal ? findingTypeLabel(settings, d.proposal.type) : t(`reviewUi.proposalKey.${d.key}`, { defaultValue: d.key })) },
        { title: t('reviewUi.finding.facts'), render: (_, d) => d.proposal?.facts ?? '—' },
        {
          title: t('reviewUi.decision'), width: 128, render: (_, d) => (
            <Space orientation="vertical" size={0}>
              <Tag color={DECISION_COLOR[d.state]}>{t(`reviewUi.proposal.${d.state}`)}</Tag>
              {d.reason && <Typography.Text type="secondary">{d.reason}</Typography.Text>}
            </Space>
          ),
        },
      ]} />
  );
}

function Findings({ records, settings }: { records: readonly LocalRecord[]; settings: OfficeSettings }) {
  const { t } = useTranslation();
  const findings = records.filter((r) => r.kind === 'finding');
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewUi.noFindings')} />;
  return (
    <Table size="small" rowKey="id" dataSource={findings} pagination={findings.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false} data-testid="review-findings"
      columns={[
        { title: t('reviewUi.finding.type'), width: 96, render: (_, r) => (typeof r.data.type === 'string' ? findingTypeLabel(settings, r.data.type) : String(r.data.title)) },
        {
          title: t('reviewUi.finding.factsBasis'), render: (_, r) => (
            <>
              {String(r.data.detail ?? '') || '—'}
              {typeof r.data.basis === 'string' && r.data.basis && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviewUi.finding.basis')}：{r.data.basis}</Typography.Text></div>}
            </>
          ),
        },
        { title: t('reviewUi.finding.amount'), width: 110, align: 'right', render: (_, r) => (typeof r.data.amountFen === 'number' ? formatFen(r.data.amountFen) : '—') },
      ]} />
  );
}

export function ReviewChecks({ records, table, settings }: { records: readonly LocalRecord[]; table: TariffTable | null; settings: OfficeSettings }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('reviewUi.checks')} data-testid="review-checks">
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <section>
            <Typography.Title level={5}>{t('reviewUi.meters')}</Typography.Title>
            <Meters records={records} settings={settings} />
          </section>
          <section>
            <Typography.Title level={5}>{t('reviewUi.posting')}</Typography.Title>
            <Posting records={records} table={table} />
          </section>
          <section>
            <Typography.Title level={5}>{t('reviewUi.proposals')}</Typography.Title>
            <Proposals records={records} table={table} settings={settings} />
          </section>
        </Space>
      </Card>
      <Card size="small" title={t('reviewUi.findings')}>
        <Findings records={records} settings={settings} />
      </Card>
    </Space>
  );
}
