// 照片证据: photos of the case (original bytes kept, SHA-256, time, position), each linked to what it shows.
import { Alert, App, Button, Card, Empty, Input, Modal, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceLink, Photo } from '../../../src-shared/inspection/evidence';
import { PHOTO_MAX_BYTES } from '../../../src-shared/inspection/evidence';
import { tenantTotals } from '../../../src-shared/inspection/ledgerCheck';
import { formatChinaTime } from '../../../src-shared/time';
import type { LocalRecord } from '../../db/cases';
import { addPhoto, originalUrl, PhotoRefusal, useThumbUrl } from '../../db/evidence';
import { describeError } from '../../i18n/errors';
import { ledgerChecksOf } from './LedgerSection';
import { metersOf } from './MeterSection';
import { postingOf } from './PostingSection';

/** What a photo may show: the case's meters, its posted tariff, the tenants of its ledgers, its findings. */
function linkOptions(records: readonly LocalRecord[], t: (k: string, o?: Record<string, unknown>) => string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (const { id, meter } of metersOf(records)) out.push({ value: `meter|${id}`, label: t('insp.photo.linkMeter', { no: meter.meterNo }) });
  const posting = postingOf(records);
  if (posting) out.push({ value: `posting|${posting.id}`, label: t('insp.tab.posting') });
  const tenants = new Set(ledgerChecksOf(records).flatMap(({ check }) => tenantTotals(check).map((x) => x.tenant)));
  for (const tenant of tenants) out.push({ value: `tenant|${tenant}`, label: t('insp.photo.linkTenant', { tenant }) });
  for (const r of records) if (r.kind === 'finding') out.push({ value: `finding|${r.id}`, label: t('insp.photo.linkFinding', { title: String(r.data.title) }) });
  return out;
}

const toLink = (value: string): EvidenceLink => {
  const [kind, ...ref] = value.split('|');
  return { kind: kind as EvidenceLink['kind'], ref: ref.join('|') };
};

function PhotoCard({ photo, labels }: { photo: Photo; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const url = useThumbUrl(photo.sha256);
  const [full, setFull] = useState<string | null>(null);
  return (
    <Card size="small" style={{ width: 220 }} data-testid="photo"
      cover={url ? <img src={url} alt={photo.caption || photo.name} style={{ height: 150, objectFit: 'cover', cursor: 'zoom-in' }} onClick={() => void originalUrl(photo.sha256).then(setFull)} /> : <div style={{ height: 150, display: 'grid', placeItems: 'center' }}>{url === undefined ? <Spin /> : t('insp.photo.notHere')}</div>}>
      <Typography.Text ellipsis={{ tooltip: photo.caption || photo.name }} style={{ display: 'block' }}>{photo.caption || photo.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{photo.takenAt ? formatChinaTime(photo.takenAt) : t('insp.photo.noTime')}</Typography.Text>
      {photo.position && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('insp.photo.position', { lat: photo.position.lat.toFixed(5), lng: photo.position.lng.toFixed(5) })}</Typography.Text>}
      <Typography.Text type="secondary" copyable={{ text: photo.sha256 }} style={{ fontSize: 12 }}>SHA-256 {photo.sha256.slice(0, 12)}…</Typography.Text>
      <div>{photo.links.map((l) => <Tag key={`${l.kind}|${l.ref}`}>{labels.get(`${l.kind}|${l.ref}`) ?? l.ref}</Tag>)}</div>
      <Modal open={full !== null} footer={null} width={900} onCancel={() => { if (full) URL.revokeObjectURL(full); setFull(null); }} title={photo.name}>
        {full && <img src={full} alt={photo.caption || photo.name} style={{ width: '100%' }} />}
      </Modal>
    </Card>
  );
}

export function PhotoSection({ caseId, records, canRecord }: { caseId: string; records: readonly LocalRecord[]; canRecord: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [links, setLinks] = useState<string[]>([]);
  const [caption, setCaption] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(0);
  const options = linkOptions(records, t);
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const photos = records.filter((r) => r.kind === 'photo').map((r) => ({ id: r.id, photo: r.data as unknown as Photo }));

  async function take(file: File) {
    setBusy((n) => n + 1);
    try {
      await addPhoto(caseId, file, links.map(toLink), caption);
      message.success(t('insp.photo.kept', { name: file.name }));
    } catch (e) {
      const why = e instanceof PhotoRefusal ? t(`insp.photo.problem.${e.problem}`, { max: PHOTO_MAX_BYTES / 1024 / 1024 }) : describeError(t, e);
      setRefused((list) => [...list, t('insp.photo.refused', { name: file.name, why })]);
    } finally {
      setBusy((n) => n - 1);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canRecord && (
        <Card size="small" title={t('insp.photo.add')}>
          <Space wrap align="start">
            <Select mode="multiple" allowClear style={{ minWidth: 280 }} placeholder={t('insp.photo.links')} aria-label={t('insp.photo.links')} value={links} onChange={setLinks} options={options} />
            <Input style={{ width: 240 }} placeholder={t('insp.photo.caption')} aria-label={t('insp.photo.caption')} value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
            <Upload multiple accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(file) => { setRefused([]); void take(file); return false; }}>
              <Button type="primary" loading={busy > 0}>{t('insp.photo.choose')}</Button>
            </Upload>
          </Space>
        </Card>
      )}
      {refused.length > 0 && <Alert type="error" showIcon data-testid="photo-refused" message={t('insp.photo.someRefused')} description={<ul style={{ margin: 0 }}>{refused.map((r) => <li key={r}>{r}</li>)}</ul>} />}
      {photos.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.photo.none')} /> : (
        <Space wrap align="start" data-testid="photo-grid">
          {photos.map(({ id, photo }) => <PhotoCard key={id} photo={photo} labels={labels} />)}
        </Space>
      )}
    </Space>
  );
}
