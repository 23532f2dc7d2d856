import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilingsReadError } from '../../../src-shared/filings/readFilings';
import type { FlagLimits } from '../../../src-shared/filings/indicators';
import type { RowIssue } from '../../../src-shared/lists/types';
import type { OpenedFile } from '../../../src-shared/platform-api';
import type { TariffTable } from '../../../src-shared/tariff/types';
import { chinaFileStamp } from '../../../src-shared/time';
import { storedFilingKeys } from '../../db/filings';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { platform } from '../../platform';
import { checkFilingsFile, type FilingsCheck, type WorkbookProgress } from '../../workers/checkWorkbook';
import { isCancelled, TaskCancelled } from '../../workers/task';
import { useWork } from '../useWork';
import { WorkProgress } from '../WorkProgress';
import { rejectedWorkbook } from './filingsExport';
import { issueField, issueReason } from './issueText';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

type Phase =
  | { step: 'choose' }
  | { step: 'checking'; read: WorkbookProgress | null }
  | { step: 'report'; file: OpenedFile; check: FilingsCheck; replaces: number }
  | { step: 'failed'; reason: string };

interface Props {
  table: TariffTable;
  limits: FlagLimits;
  /** USCCs of the target list. */
  listed: ReadonlySet<string>;
  onClose: () => void;
}

/** Import of a filings file: read and screened off the window's thread, reported, then saved through putFilings. */
export function FilingsImportDialog({ table, limits, listed, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regions = useMemo(() => [...new Set(table.entries.map((e) => e.region))].sort(), [table]);
  const [region, setRegion] = useState(regions[0] ?? '');
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [saving, setSaving] = useState(false);

  // The read under way: Cancel, or the dialog closed, ends its worker (nothing is stored before the report).
  const working = useWork();

  async function choose() {
    const file = await platform.openFile({ title: t('filingsUi.dialog.title'), filters: XLSX });
    if (!file) return;
    const signal = working.start();
    setPhase({ step: 'checking', read: null });
    try {
      const origin = { importedAt: new Date().toISOString(), source: file.name.slice(0, 200) };
      const onProgress = (read: WorkbookProgress) => setPhase({ step: 'checking', read });
      const check = await checkFilingsFile({ data: file.data, table, region, ...limits, origin }, { onProgress, signal });
      const replaces = (await storedFilingKeys(check.rows.map((r) => r.key))).size;
      // Cancelled while the stored months were looked up (the worker had already answered).
      if (signal.aborted) throw new TaskCancelled();
      setPhase({ step: 'report', file, check, replaces });
    } catch (e) {
      if (!isCancelled(e)) setPhase({ step: 'failed', reason: e instanceof FilingsReadError ? e.message : describeError(t, e) });
      else if (working.isCurrent(signal)) {
        message.info(t('filingsUi.dialog.cancelled'));
        setPhase({ step: 'choose' });
      }
    } finally {
      working.end(signal);
    }
  }

  async function store(file: OpenedFile, check: FilingsCheck) {
    setSaving(true);
    try {
      await write.putFilings(check.rows, file.name.slice(0, 200));
      message.success(t('filingsUi.dialog.stored', { count: check.rows.length }));
      onClose();
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  const footer = phase.step === 'report'
    ? [
        <Button key="again" onClick={() => void choose()}>{t('filingsUi.dialog.another')}</Button>,
        <Button key="store" type="primary" loading={saving} disabled={phase.check.rows.length === 0} onClick={() => void store(phase.file, phase.check)}>
          {t('filingsUi.dialog.store', { count: phase.check.rows.length })}
        </Button>,
      ]
    : [<Button key="close" onClick={onClose}>{t('filingsUi.dialog.cancel')}</Button>];

  return (
    <Modal open width={900} title={t('filingsUi.dialog.title')} onCancel={onClose} footer={footer} mask={{ closable: false }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {phase.step === 'choose' && (
          <>
            <Typography.Paragraph>{t('filingsUi.dialog.intro')}</Typography.Paragraph>
            <Space>
              <Typography.Text>{t('filingsUi.dialog.region')}</Typography.Text>
              <Select style={{ width: 200 }} aria-label={t('filingsUi.dialog.region')} value={region} onChange={setRegion} options={regions.map((r) => ({ value: r, label: r }))} />
            </Space>
            <Button type="primary" onClick={() => void choose()}>{t('filingsUi.dialog.choose')}</Button>
          </>
        )}
        {phase.step === 'checking' && (
          <WorkProgress testId="filings-progress" percent={phase.read?.total ? Math.floor((phase.read.done / phase.read.total) * 100) : null}
            text={phase.read?.total ? t('filingsUi.dialog.readingRows', { done: phase.read.done, total: phase.read.total }) : t('filingsUi.dialog.checking')}
            cancelLabel={t('filingsUi.dialog.stop')} canCancel onCancel={working.cancel} />
        )}
        {phase.step === 'failed' && <Alert type="error" showIcon title={t('filingsUi.dialog.failed')} description={phase.reason} />}
        {phase.step === 'report' && <FilingsReport file={phase.file} check={phase.check} replaces={phase.replaces} listed={listed} />}
      </Space>
    </Modal>
  );
}

function FilingsReport({ file, check, replaces, listed }: { file: OpenedFile; check: FilingsCheck; replaces: number; listed: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const landlords = new Set(check.rows.map((r) => r.uscc));
  const unlisted = [...landlords].filter((u) => !listed.has(u)).length;
  const badRows = new Set(check.rejected.map((i) => i.row)).size;

  async function exportRejected() {
    const now = new Date();
    const caption = t('filingsUi.export.caption', { caption: file.name, at: chinaFileStamp(now, true) });
    const data = await rejectedWorkbook(check.rejected, t, caption, (i) => issueReason(t, i));
    const ok = await platform.saveFile({ title: t('filingsUi.export.rejected'), suggestedName: `${t('filingsUi.export.name.rejected')}-${chinaFileStamp(now, true)}.xlsx`, filters: XLSX, data });
    if (ok) message.success(t('filingsUi.export.saved'));
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="filings-report">
      <Typography.Text type="secondary">{t('filingsUi.dialog.file', { name: file.name, sheet: check.sheet, row: check.headerRow })}</Typography.Text>
      <Space size="large" wrap>
        <Statistic title={t('filingsUi.dialog.screened')} value={check.rows.length} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('filingsUi.dialog.rejected')} value={badRows} styles={{ content: { color: badRows ? '#cf1322' : undefined } }} />
        <Statistic title={t('filingsUi.dialog.skipped')} value={check.skipped} />
        <Statistic title={t('filingsUi.dialog.landlords')} value={landlords.size} />
        <Statistic title={t('filingsUi.dialog.unlisted')} value={unlisted} />
        <Statistic title={t('filingsUi.dialog.flagged')} value={check.rows.filter((r) => r.flags.length > 0).length} />
        <Statistic title={t('filingsUi.dialog.replaces')} value={replaces} />
      </Space>
      {unlisted > 0 && <Alert type="info" showIcon title={t('filingsUi.dialog.unlistedHint', { count: unlisted })} />}
      {check.rejected.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('filingsUi.dialog.fixHint')} action={<Button size="small" icon={<DownloadOutlined />} onClick={() => void exportRejected()}>{t('filingsUi.export.rejected')}</Button>} />
          <Table<RowIssue>
            data-testid="filings-rejected"
            size="small"
            rowKey={(i) => `${i.row}-${i.field}-${i.code}`}
            dataSource={check.rejected}
            pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: t('filingsUi.dialog.row'), dataIndex: 'row', width: 90, render: (row: number) => t('filingsUi.dialog.rowN', { row }) },
              { title: t('filingsUi.dialog.field'), key: 'field', width: 170, render: (_, i) => issueField(t, i) },
              { title: t('filingsUi.dialog.reason'), key: 'reason', render: (_, i) => issueReason(t, i) },
            ]}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('filingsUi.dialog.allGood')} />
      )}
    </Space>
  );
}
