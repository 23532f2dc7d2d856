// 申报筛查 (issue 15 §1): the office imports landlords' monthly filings, screened against the catalogue prices in
// force on this device; the landlords are ranked by estimated excess and months flagged, each marked 未在名录 when
// it is not on the target list, each opening on its months. Tolerance and loss threshold can be changed and the
// stored months screened again; flags that change are saved through the same mutator as an import. The
// ranking is made, and the flags saved, in a worker (db/filingsScreen.ts): the window gets the landlords only.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Space, Spin, Statistic, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagLimits } from '../../src-shared/filings/indicators';
import { filingsTemplate } from '../../src-shared/filings/template';
import { formatFen } from '../../src-shared/money';
import { chinaFileStamp } from '../../src-shared/time';
import { FilingsImportDialog } from '../components/filings/FilingsImportDialog';
import { useExport } from '../components/ExportProgress';
import { monthsWorkbook } from '../components/filings/filingsExport';
import { LandlordTable } from '../components/filings/LandlordTable';
import type { LandlordRow } from '../components/filings/landlordRows';
import { DEFAULT_LIMITS } from '../components/filings/limits';
import { ScreeningLimits } from '../components/filings/ScreeningLimits';
import { useWork } from '../components/useWork';
import { readMonthsOf, useFilingsVersion, useListedUsccs } from '../db/filings';
import type { FilingsScreen } from '../db/filingsScreen';
import { useStoredTariff } from '../db/reference';
import { describeError } from '../i18n/errors';
import { platform } from '../platform';
import { saveFlagsInWorker, screenInWorker, screeningWorker } from '../workers/screeningClient';
import { useStandby } from '../workers/useStandby';
import { isCancelled } from '../workers/task';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];
const NOBODY: ReadonlySet<string> = new Set();
const NO_ROWS: LandlordRow[] = [];

export function FilingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const exporting = useExport();
  const version = useFilingsVersion();
  const tariff = useStoredTariff();
  const [limits, setLimits] = useState<FlagLimits>(DEFAULT_LIMITS);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [search, setSearch] = useState('');

  // The ranking under the limits applied, made again in the worker when they or the stored months change; the
  // one shown stays until the next comes (a newer request ends the one before).
  const [screen, setScreen] = useState<FilingsScreen | null>(null);
  const working = useWork();
  useStandby(screeningWorker);
  useEffect(() => {
    if (version === undefined) return;
    const signal = working.start();
    screenInWorker(limits, version, signal).then(
      (next) => working.isCurrent(signal) && setScreen(next),
      (e: unknown) => !isCancelled(e) && message.error(describeError(t, e)),
    ).finally(() => working.end(signal));
  }, [version, limits, working, message, t]);
  const rows = screen?.rows ?? NO_ROWS;
  const changed = screen?.changed ?? 0;
  const shown = useMemo(() => {
    const needle = search.trim().toUpperCase();
    return rows.filter((r) => (!onlyFlagged || r.flaggedMonths > 0) && (needle === '' || r.uscc.includes(needle) || r.name.toUpperCase().includes(needle)));
  }, [rows, onlyFlagged, search]);
  const limitsText = t('filingsUi.limits.applied', { tolerance: limits.tolerance, threshold: limits.lossThreshold });

  async function save(name: string, data: Promise<Uint8Array>, title: string) {
    try {
      if (await platform.saveFile({ title, suggestedName: name, filters: XLSX, data: await data })) message.success(t('filingsUi.export.saved'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  }

  function exportRanking() {
    const now = new Date();
    const caption = t('filingsUi.export.caption', { caption: `${t('filingsUi.title')}：${limitsText}`, at: chinaFileStamp(now, true) });
    const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
    exporting.run({ type: 'landlords', rows: shown, limits, caption, locale }, { title: t('filingsUi.export.landlords'), suggestedName: `${t('filingsUi.export.name.landlords')}-${chinaFileStamp(now, true)}.xlsx` });
  }

  function exportMonths(row: LandlordRow) {
    const now = new Date();
    const caption = t('filingsUi.export.caption', { caption: `${row.name}（${row.uscc}）：${limitsText}`, at: chinaFileStamp(now, true) });
    const months = readMonthsOf([row.uscc], limits);
    void save(`${t('filingsUi.export.name.months')}-${row.uscc}-${chinaFileStamp(now, true)}.xlsx`, months.then((m) => monthsWorkbook(m, t, caption)), t('filingsUi.export.months'));
  }

  async function saveFlags() {
    setSaving(true);
    try {
      const importedAt = new Date().toISOString();
      const source = t('filingsUi.limits.source', { tolerance: limits.tolerance, threshold: limits.lossThreshold });
      const count = await saveFlagsInWorker(limits, { importedAt, source });
      message.success(t('filingsUi.limits.saved', { count }));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  const table = tariff?.table;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('filingsUi.title')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void save(`${t('filingsUi.templateName')}.xlsx`, filingsTemplate(), t('filingsUi.template'))}>{t('filingsUi.template')}</Button>
            <Button type="primary" icon={<UploadOutlined />} disabled={!table} onClick={() => setImporting(true)}>{t('filingsUi.import')}</Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('filingsUi.intro')}</Typography.Paragraph>
          {tariff === null && <Alert type="warning" showIcon title={t('filingsUi.noTariff')} />}
          <ScreeningLimits applied={limits} onApply={setLimits} />
          <Space wrap>
            <Typography.Text type="secondary" data-testid="filings-limits">{limitsText}</Typography.Text>
            {changed > 0 && <Button size="small" loading={saving} onClick={() => void saveFlags()}>{t('filingsUi.limits.save', { count: changed })}</Button>}
          </Space>
        </Space>
      </Card>
      {screen === null ? (
        <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}><Spin /></div>
      ) : rows.length === 0 ? (
        <Card><Empty description={t('filingsUi.empty')} /></Card>
      ) : (
        <Card
          title={<Counts rows={rows} />}
          extra={<Button icon={<DownloadOutlined />} disabled={shown.length === 0} loading={exporting.busy} onClick={exportRanking}>{t('filingsUi.export.landlords')}</Button>}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Input.Search allowClear style={{ width: 280 }} placeholder={t('filingsUi.search')} aria-label={t('filingsUi.search')} onSearch={setSearch} onChange={(e) => e.target.value === '' && setSearch('')} />
              <Space size={4}>
                <Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} aria-label={t('filingsUi.onlyFlagged')} />
                <Typography.Text>{t('filingsUi.onlyFlagged')}</Typography.Text>
              </Space>
            </Space>
            <LandlordTable rows={shown} limits={limits} onExportMonths={exportMonths} />
          </Space>
        </Card>
      )}
      {importing && table && <ImportWithList table={table} limits={limits} onClose={() => setImporting(false)} />}
      {exporting.view}
    </Space>
  );
}

/** The import dialog with the target list's codes (its 未在名录 count), read only while it is open. */
function ImportWithList(props: Omit<Parameters<typeof FilingsImportDialog>[0], 'listed'>) {
  const listed = useListedUsccs();
  return <FilingsImportDialog {...props} listed={listed ?? NOBODY} />;
}

function Counts({ rows }: { rows: readonly LandlordRow[] }) {
  const { t } = useTranslation();
  const sum = (f: (r: LandlordRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return (
    <Space size="large" wrap data-testid="filings-counts" style={{ padding: '8px 0' }}>
      <Statistic title={t('filingsUi.count.landlords')} value={rows.length} />
      <Statistic title={t('filingsUi.count.months')} value={sum((r) => r.months)} />
      <Statistic title={t('filingsUi.count.flaggedLandlords')} value={rows.filter((r) => r.flaggedMonths > 0).length} />
      <Statistic title={t('filingsUi.count.flaggedMonths')} value={sum((r) => r.flaggedMonths)} />
      <Statistic title={t('filingsUi.count.excess')} value={formatFen(sum((r) => r.estimatedExcessFen))} />
      <Statistic title={t('filingsUi.count.unlisted')} value={rows.filter((r) => !r.listed).length} />
    </Space>
  );
}
