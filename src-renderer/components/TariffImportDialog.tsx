import { Alert, Button, Modal, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../src-shared/lists/types';
import type { OpenedFile } from '../../src-shared/platform-api';
import { TariffReadError, type TariffImport } from '../../src-shared/tariff/importTariffs';
import { checkTariffFile } from '../workers/checkWorkbook';
import { isCancelled } from '../workers/task';
import { platform } from '../platform';
import { useWork } from './useWork';

type Phase = { step: 'choose' } | { step: 'checking' } | { step: 'report'; file: OpenedFile; result: TariffImport } | { step: 'failed'; reason: string };

/** Import of the tariff table from Excel: every row checked and shown first; stored whole or not at all. */
export function TariffImportDialog({ onStore, onClose }: { onStore: (result: TariffImport, file: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [saving, setSaving] = useState(false);
  // The dialog closed while a file is read ends its worker.
  const reading = useWork();

  async function choose() {
    const file = await platform.openFile({ title: t('tariffUi.import.title'), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (!file) return;
    const signal = reading.start();
    setPhase({ step: 'checking' });
    try {
      // Off the window's thread: reading the workbook and checking its rows never hold the page.
      const result = await checkTariffFile(file.data, { id: 'current', name: file.name.replace(/\.xlsx$/i, '') }, { signal });
      setPhase({ step: 'report', file, result });
    } catch (e) {
      if (!isCancelled(e)) setPhase({ step: 'failed', reason: e instanceof TariffReadError ? e.message : String(e) });
    } finally {
      reading.end(signal);
    }
  }

  async function store(result: TariffImport, file: string) {
    setSaving(true);
    try {
      await onStore(result, file);
    } finally {
      setSaving(false);
    }
  }

  const footer =
    phase.step === 'report'
      ? [
          <Button key="again" onClick={() => void choose()}>{t('tariffUi.import.another')}</Button>,
          <Button
            key="store"
            type="primary"
            loading={saving}
            disabled={phase.result.rejected.length > 0 || phase.result.table.entries.length === 0}
            onClick={() => void store(phase.result, phase.file.name)}
          >
            {t('tariffUi.import.store', { count: phase.result.table.entries.length })}
          </Button>,
        ]
      : [<Button key="close" onClick={onClose}>{t('common.cancel')}</Button>];

  return (
    <Modal open width={860} title={t('tariffUi.import.title')} onCancel={onClose} footer={footer} mask={{ closable: false }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(phase.step === 'choose' || phase.step === 'checking') && (
          <>
            <Typography.Paragraph>{t('tariffUi.import.intro')}</Typography.Paragraph>
            <Button type="primary" loading={phase.step === 'checking'} onClick={() => void choose()}>{t('tariffUi.import.choose')}</Button>
          </>
        )}
        {phase.step === 'failed' && (
          <>
            <Alert type="error" showIcon title={t('tariffUi.import.failed')} description={phase.reason} />
            <Button onClick={() => void choose()}>{t('tariffUi.import.another')}</Button>
          </>
        )}
        {phase.step === 'report' && <TariffImportReport file={phase.file} result={phase.result} />}
      </Space>
    </Modal>
  );
}

function TariffImportReport({ file, result }: { file: OpenedFile; result: TariffImport }) {
  const { t } = useTranslation();
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('tariffUi.import.fileInfo', { name: file.name, row: result.headerRow })}</Typography.Text>
      <Space size="large">
        <Statistic title={t('tariffUi.import.accepted')} value={result.table.entries.length} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('tariffUi.import.rejected')} value={badRows} styles={{ content: { color: badRows ? '#cf1322' : undefined } }} />
      </Space>
      {result.rejected.length > 0 ? (
        <>
          <Alert type="error" showIcon title={t('tariffUi.import.fixHint')} />
          <IssueTable testId="tariff-issues" issues={result.rejected} />
        </>
      ) : (
        <Alert type="success" showIcon title={t('tariffUi.import.allGood')} />
      )}
      {result.problems.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('tariffUi.import.problemsHint')} />
          <IssueTable testId="tariff-problems" issues={result.problems} />
        </>
      )}
    </Space>
  );
}

/** Row issues as the list import shows them: row, column, reason (the shared Chinese reason). */
export function IssueTable({ issues, testId, prefix = 'tariff.issue.' }: { issues: readonly RowIssue[]; testId: string; prefix?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RowIssue>
      data-testid={testId}
      size="small"
      rowKey={(r) => `${r.row}-${r.field}-${r.code}`}
      dataSource={[...issues]}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      columns={[
        { title: t('tariffUi.row'), dataIndex: 'row', width: 90, render: (r: number) => t('tariffUi.rowN', { row: r }) },
        { title: t('tariffUi.field'), dataIndex: 'field', width: 170 },
        { title: t('tariffUi.reason'), key: 'reason', render: (_, r) => (i18n.language === 'en' && i18n.exists(`${prefix}${r.code}`) ? t(`${prefix}${r.code}`, r.params ?? {}) : r.reason) },
      ]}
    />
  );
}
