import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { DrawRecordDescriptions, GroupTable, SelectedTable, useInspectorNames } from '../components/DrawSummary';
import { platform } from '../platform';
import { useDraw } from '../db/draws';

/** The draw record as a printable page (A4), for the file and the public notice. */
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
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button onClick={() => navigate(`/draws/${id}`)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => void platform.printPage({ title: t('draw.recordTitle'), suggestedName: `${t('draw.recordTitle')}-${result.record.plan.name}.pdf` })}>
          {t('draw.print')}
        </Button>
      </Space>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>{t('draw.recordTitle')}</Typography.Title>
      <DrawRecordDescriptions result={result} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('draw.groups')}</Typography.Title>
      <GroupTable groups={result.groups} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('draw.selectedList', { count: result.selected.length })}</Typography.Title>
      <SelectedTable selected={result.selected} names={names} print />
      <div style={{ marginTop: 48, display: 'flex', justifyContent: 'space-between' }}>
        <span>{t('draw.signDrawer')}</span>
        <span>{t('draw.signWitness')}</span>
        <span>{t('draw.signDate')}</span>
      </div>
    </div>
  );
}
