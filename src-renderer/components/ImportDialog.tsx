import { Alert, App, Button, Checkbox, Modal, Progress, Space, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListKind } from '../../src-shared/domain';
import { columnLabelKey } from '../../src-shared/lists/columns';
import { ListReadError, type importList, type RowIssue } from '../../src-shared/lists/importList';
import { checkListFile, listWorker, storeCheckedList } from '../workers/checkList';
import { useStandby } from '../workers/useStandby';
import { isCancelled } from '../workers/task';
import type { ListRow } from '../db/lists';
import { write } from '../db/write';
import { describeError } from '../i18n/errors';
import type { OpenedFile } from '../../src-shared/platform-api';
import { platform } from '../platform';

type Checked = Awaited<ReturnType<typeof importList>>;
type Phase =
  | { step: 'choose' }
  | { step: 'checking'; done: number; total: number }
  | { step: 'report'; file: OpenedFile; result: Checked; checkId: string }
  | { step: 'cancelled' }
  | { step: 'failed'; reason: string };

/** Import of a list from Excel: every row is checked and reported before anything is stored. */
export function ImportDialog({ kind, onClose }: { kind: ListKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [update, setUpdate] = useState(false);
  const [saving, setSaving] = useState(false);
  // The check in progress: Cancel (or closing the dialog) ends its worker; nothing is stored before the report.
  const checking = useRef<AbortController | null>(null);
  // The reader's code loads while the file is being chosen.
  useStandby(listWorker);

  async function check(file: OpenedFile, onExisting: 'reject' | 'update') {
    const controller = new AbortController();
    checking.current = controller;
    setPhase({ step: 'checking', done: 0, total: 0 });
    try {
      const { checkId, result } = await checkListFile(kind, file.data, {
        onExisting,
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ step: 'checking', done, total }),
      });
      setPhase({ step: 'report', file, result, checkId });
    } catch (e) {
      if (isCancelled(e)) setPhase({ step: 'cancelled' });
      else setPhase({ step: 'failed', reason: e instanceof ListReadError ? e.message : t('import.unreadable') });
    } finally {
      if (checking.current === controller) checking.current = null;
    }
  }

  const cancelCheck = () => checking.current?.abort();
  const close = () => {
    cancelCheck();
    onClose();
  };

  async function choose() {
    const file = await platform.openFile({ title: t('list.import'), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (file) await check(file, update ? 'update' : 'reject');
  }

  async function store({ result, checkId }: { result: Checked; checkId: string }) {
    setSaving(true);
    try {
      // Stored by the worker that checked the file (no rows cross back); from here only if it no longer holds them.
      if (!(await storeCheckedList(checkId))) await write.putListRows(kind, result.accepted.map((a) => a.value as ListRow), 'import');
      message.success(t('import.stored', { count: result.accepted.length }));
      onClose();
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  const footer =
    phase.step === 'report'
      ? [
          <Button key="again" onClick={() => void choose()}>{t('import.another')}</Button>,
          <Button key="store" type="primary" loading={saving} disabled={!phase.result.accepted.length} onClick={() => void store(phase)}>
            {t('import.storeValid', { count: phase.result.accepted.length })}
          </Button>,
        ]
      : phase.step === 'checking'
        ? [<Button key="cancel" danger onClick={cancelCheck}>{t('import.cancel')}</Button>]
        : [<Button key="close" onClick={onClose}>{t('common.cancel')}</Button>];

  return (
    <Modal open width={860} title={t(`import.title.${kind}`)} onCancel={close} footer={footer} mask={{ closable: false }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(phase.step === 'choose' || phase.step === 'cancelled') && (
          <>
            {phase.step === 'cancelled' && <Alert type="info" showIcon data-testid="import-cancelled" title={t('import.cancelled')} description={t('import.cancelledDetail')} />}
            <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
            <Checkbox checked={update} onChange={(e) => setUpdate(e.target.checked)}>{t('import.updateExisting')}</Checkbox>
            <Button type="primary" onClick={() => void choose()}>{t('import.chooseFile')}</Button>
          </>
        )}
        {phase.step === 'checking' && (
          <>
            <Typography.Text>{t('import.checking')}</Typography.Text>
            <Progress
              data-testid="import-progress"
              percent={phase.total ? Math.floor((phase.done / phase.total) * 100) : 0}
              status="active"
              aria-label={t('import.rowsChecked', { done: phase.done, total: phase.total })}
            />
            {phase.total > 0 && <Typography.Text type="secondary">{t('import.rowsChecked', { done: phase.done, total: phase.total })}</Typography.Text>}
          </>
        )}
        {phase.step === 'failed' && <Alert type="error" showIcon title={t('import.failed')} description={phase.reason} />}
        {phase.step === 'report' && <ImportReport file={phase.file} result={phase.result} />}
      </Space>
    </Modal>
  );
}

function ImportReport({ file, result }: { file: OpenedFile; result: Checked }) {
  const { t } = useTranslation();
  const updates = result.accepted.filter((a) => a.updates).length;
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('import.fileInfo', { name: file.name, row: result.headerRow })}</Typography.Text>
      <Space size="large">
        <Statistic title={t('import.accepted')} value={result.accepted.length} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('import.updates')} value={updates} />
        <Statistic title={t('import.rejected')} value={badRows} styles={{ content: { color: badRows ? '#cf1322' : undefined } }} />
        <Statistic title={t('import.skipped')} value={result.skipped.length} />
      </Space>
      {result.rejected.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('import.fixHint')} />
          <Table<RowIssue>
            data-testid="import-issues"
            size="small"
            rowKey={(r) => `${r.row}-${r.field}-${r.code}`}
            dataSource={result.rejected}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 90, render: (r: number) => t('import.rowN', { row: r }) },
              { title: t('import.field'), dataIndex: 'field', width: 170, render: (f: string) => t(columnLabelKey(f) ?? f) },
              { title: t('import.reason'), key: 'reason', render: (_, r) => t(`issue.${r.code}`, r.params ?? {}) },
            ]}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('import.allGood')} />
      )}
    </Space>
  );
}
