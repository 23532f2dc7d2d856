import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { DrawRecordDescriptions, GroupTable, SelectedTable } from '../components/DrawSummary';
import { useInspectorNames } from '../db/cases';
import { platform } from '../platform';
import { useDraw, wholeDraw, type SavedDraw } from '../db/draws';
import { saveDrawPdf } from '../db/documents';
import { announceSaved } from '../components/announceSaved';
// Shown outside the shell too (an unenrolled device, the printable record): its chunk brings antd's whole sheet.
import '../antdAll';
import { describeError } from '../i18n/errors';

/**
 * Makes the draw's record or public notice as PDF on this device and saves it, from the whole draw (`saved`,
 * or read as it starts). Busy while it is made: a few seconds for thousands of targets.
 */
export function DrawPdfButton({ kind, id, saved, primary = false }: { kind: 'record' | 'notice'; id: string; saved?: SavedDraw; primary?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      announceSaved(message, t, await saveDrawPdf(kind, saved ?? (await wholeDraw(id))));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button type={primary ? 'primary' : 'default'} loading={busy} data-testid={`draw-${kind}-pdf`} onClick={() => void save()}>
      {t(kind === 'record' ? 'drawDocs.recordPdf' : 'drawDocs.noticePdf')}
    </Button>
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
  if (!saved) return null;
  const { result } = saved;
  return (
    <div className="print-page" style={{ maxWidth: 960, margin: '0 auto', padding: 32, background: '#fff' }}>
      <Space className="no-print" orientation="vertical" style={{ marginBottom: 16, width: '100%' }}>
        <Space wrap>
          <Button onClick={() => navigate(`/draws/${id}`)}>{t('common.back')}</Button>
          <DrawPdfButton kind="record" id={id} saved={saved} primary />
          <DrawPdfButton kind="notice" id={id} saved={saved} />
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
      <SelectedTable rows={result.selected} names={names} />
      <div style={{ marginTop: 48, display: 'flex', justifyContent: 'space-between' }}>
        <span>{t('draw.signDrawer')}</span>
        <span>{t('draw.signWitness')}</span>
        <span>{t('draw.signDate')}</span>
      </div>
    </div>
  );
}
