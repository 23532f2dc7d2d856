import { Alert, App, Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { DrawRecordDescriptions, GroupTable, SelectedTable } from '../components/DrawSummary';
import { useInspectorNames } from '../db/cases';
import { platform } from '../platform';
import type { DrawRecord } from '../../src-shared/draw/draw';
import { useDraw } from '../db/draws';
import { previewRows } from '../db/drawHead';
import { saveDrawPdf } from '../db/documents';
import { announceSaved } from '../components/announceSaved';
import { useWork } from '../components/useWork';
import { WorkModal } from '../components/WorkModal';
import { isCancelled } from '../workers/task';
import type { DrawPdfProgress } from '../workers/pdfClient';
// Shown outside the shell too (an unenrolled device, the printable record): its chunk brings antd's whole sheet.
import '../antdAll';
import { describeError } from '../i18n/errors';

/**
 * Makes the draw's record or public notice as PDF on this device, in the PDF worker, and saves it; `record`
 * names the file and is what the hub's signature is checked against. Busy while it is made: seconds for a
 * city's draw.
 */
export function DrawPdfButton({ kind, id, record, primary = false }: { kind: 'record' | 'notice'; id: string; record: DrawRecord; primary?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const working = useWork();
  const [progress, setProgress] = useState<DrawPdfProgress | null>(null);
  async function save() {
    const signal = working.start();
    setProgress({ stage: 'prepare' });
    try {
      announceSaved(message, t, await saveDrawPdf(kind, id, record, { signal, onProgress: setProgress }));
    } catch (e) {
      // Leaving the page ends the work quietly: nobody is there to read "cancelled".
      if (!isCancelled(e)) message.error(describeError(t, e));
      else if (working.isCurrent(signal)) message.info(t('drawDocs.cancelled'));
    } finally {
      working.end(signal);
      setProgress(null);
    }
  }
  const label = t(kind === 'record' ? 'drawDocs.recordPdf' : 'drawDocs.noticePdf');
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} loading={progress !== null} data-testid={`draw-${kind}-pdf`} onClick={() => void save()}>
        {label}
      </Button>
      <WorkModal
        busy={progress !== null}
        testId={`draw-${kind}-pdf-progress`}
        title={label}
        percent={progress?.stage === 'rows' ? Math.floor((progress.done / progress.total) * 100) : progress?.stage === 'finish' ? 100 : null}
        text={progress?.stage === 'rows' ? t('drawDocs.rows', { done: progress.done, total: progress.total }) : progress?.stage === 'finish' ? t('drawDocs.finishing') : t('drawDocs.preparing')}
        cancelLabel={t('drawDocs.cancel')}
        onCancel={() => working.cancel()}
      />
    </>
  );
}

/**
 * The draw record on screen, with its PDF (the document: landscape A4, numbered, every hash on page 1)
 * and the browser's print of this page as a preview.
 */
export function DrawRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const saved = useDraw(id);
  const names = useInspectorNames();
  const preview = useMemo(() => previewRows(saved?.result.selected ?? []), [saved]);
  if (!saved) return null;
  const { result } = saved;
  return (
    <div className="print-page" style={{ maxWidth: 960, margin: '0 auto', padding: 32, background: '#fff' }}>
      <Space className="no-print" orientation="vertical" style={{ marginBottom: 16, width: '100%' }}>
        <Space wrap>
          <Button onClick={() => navigate(`/draws/${id}`)}>{t('common.back')}</Button>
          <DrawPdfButton kind="record" id={id} record={result.record} primary />
          <DrawPdfButton kind="notice" id={id} record={result.record} />
          <Button onClick={() => void platform.printPage({ title: t('draw.recordTitle'), suggestedName: `${t('draw.recordTitle')}-${result.record.plan.name}.pdf` })}>
            {t('draw.print')}
          </Button>
        </Space>
        <Alert type="info" showIcon title={t('drawDocs.pdfNote')} />
      </Space>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>{t('draw.recordTitle')}</Typography.Title>
      <DrawRecordDescriptions record={result.record} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('draw.groups')}</Typography.Title>
      <GroupTable groups={result.groups} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('draw.selectedList', { count: result.selected.length })}</Typography.Title>
      {preview.left > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('draw.previewCut', { count: result.selected.length, shown: preview.rows.length })} />}
      <SelectedTable rows={preview.rows} names={names} />
      <div style={{ marginTop: 48, display: 'flex', justifyContent: 'space-between' }}>
        <span>{t('draw.signDrawer')}</span>
        <span>{t('draw.signWitness')}</span>
        <span>{t('draw.signDate')}</span>
      </div>
    </div>
  );
}
