// 照片证据: photos of the case (original bytes kept, SHA-256, time, position), each linked to what it shows;
// added from files or the camera. The grid renders only the rows on screen (a case holds hundreds of
// photos) and reads their thumbnails in one query.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Modal, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceLink, Photo } from '../../../src-shared/inspection/evidence';
import { PHOTO_MAX_BYTES } from '../../../src-shared/inspection/evidence';
import { linkTenants, type CameraCapture as Captured } from '../../../src-shared/inspection/photoFacts';
import { formatChinaTime } from '../../../src-shared/time';
import type { LocalRecord } from '../../db/cases';
import { addPhoto, originalUrl, PhotoRefusal, useThumbUrls } from '../../db/evidence';
import { describeError } from '../../i18n/errors';
import { CameraCapture } from './CameraCapture';
import { ledgerChecksOf } from './LedgerSection';
import { metersOf } from './MeterSection';
import { postingOf } from './PostingSection';

type T = (k: string, o?: Record<string, unknown>) => string;
type Option = { value: string; label: string };

/** What a photo may show: the case's meters, its posted tariff, its tenants (ledgers and sub-meters), its findings. */
function linkOptions(records: readonly LocalRecord[], t: T): Option[] {
  const out: Option[] = [];
  const meters = metersOf(records);
  for (const { id, meter } of meters) out.push({ value: `meter|${id}`, label: t('insp.photo.linkMeter', { no: meter.meterNo }) });
  const posting = postingOf(records);
  if (posting) out.push({ value: `posting|${posting.id}`, label: t('insp.tab.posting') });
  // Tenants of the sub-meters too: a sample paper bill can be photographed before any ledger is imported.
  const ledgerTenants = ledgerChecksOf(records).flatMap(({ check }) => check.schedule.map((row) => row.tenant));
  for (const tenant of linkTenants(ledgerTenants, meters.map(({ meter }) => meter.tenant))) out.push({ value: `tenant|${tenant}`, label: t('insp.photo.linkTenant', { tenant }) });
  for (const r of records) if (r.kind === 'finding') out.push({ value: `finding|${r.id}`, label: t('insp.photo.linkFinding', { title: String(r.data.title) }) });
  return out;
}

/** The label of one link, found when a card shows it (a case may offer hundreds of tenants). */
function linkLabeller(records: readonly LocalRecord[], t: T): (link: EvidenceLink) => string {
  const byId = new Map(records.map((r) => [r.id, r]));
  return (link) => {
    const r = byId.get(link.ref);
    if (link.kind === 'tenant') return t('insp.photo.linkTenant', { tenant: link.ref });
    if (link.kind === 'meter' && r?.kind === 'meter') return t('insp.photo.linkMeter', { no: String(r.data.meterNo) });
    if (link.kind === 'posting' && r) return t('insp.tab.posting');
    if (link.kind === 'finding' && r) return t('insp.photo.linkFinding', { title: String(r.data.title) });
    return link.ref;
  };
}

const toLink = (value: string): EvidenceLink => {
  const [kind, ...ref] = value.split('|');
  return { kind: kind as EvidenceLink['kind'], ref: ref.join('|') };
};

/** The narrowest card; a row's cards share its width. */
const CARD_WIDTH = 220;
const THUMB_HEIGHT = 150;
/** Every card is this tall (one line each: caption, time, position, hash, links), so rows need no measuring. */
const CARD_HEIGHT = 282;
const GAP = 8;
const line = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' } as const;
const small = { ...line, fontSize: 12, lineHeight: '20px', color: 'rgba(0, 0, 0, 0.45)' } as const;

type Shown = { id: string; photo: Photo };
type Label = (link: EvidenceLink) => string;

/**
 * One photo: its thumbnail (url undefined while loading, null when the original is not on this device) and
 * what is kept with it. Plain elements of a fixed size: a screen of these is drawn in one pass.
 */
const PhotoCard = memo(function PhotoCard({ photo, width, url, label, onOpen, onCopy }: { photo: Photo; width: number; url: string | null | undefined; label: Label; onOpen: (photo: Photo) => void; onCopy: (photo: Photo) => void }) {
  const { t } = useTranslation();
  const title = photo.caption || photo.name;
  const links = photo.links.map(label);
  return (
    <div data-testid="photo" style={{ width, height: CARD_HEIGHT, flex: 'none', overflow: 'hidden', background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8 }}>
      {url ? (
        <img src={url} alt={title} decoding="async" width={width} height={THUMB_HEIGHT} style={{ display: 'block', width: '100%', height: THUMB_HEIGHT, objectFit: 'cover', cursor: 'zoom-in' }} onClick={() => onOpen(photo)} />
      ) : (
        <div style={{ height: THUMB_HEIGHT, display: 'grid', placeItems: 'center', background: '#fafafa', color: 'rgba(0, 0, 0, 0.45)' }}>{url === undefined ? <Spin size="small" /> : t('insp.photo.notHere')}</div>
      )}
      <div style={{ padding: '8px 12px' }}>
        <div style={{ ...line, lineHeight: '22px' }} title={title}>{title}</div>
        <div style={small}>{photo.takenAt ? formatChinaTime(photo.takenAt) : t('insp.photo.noTime')}</div>
        <div style={small}>{photo.position ? t('insp.photo.position', { lat: photo.position.lat.toFixed(5), lng: photo.position.lng.toFixed(5) }) : t('evidence.grid.noPosition')}</div>
        <div style={{ ...small, display: 'flex', alignItems: 'center', gap: 4 }} title={photo.sha256}>
          <span style={line}>SHA-256 {photo.sha256.slice(0, 12)}…</span>
          <Button type="text" size="small" icon={<CopyOutlined />} aria-label={t('evidence.grid.copySha')} onClick={() => onCopy(photo)} style={{ height: 20, width: 20, minWidth: 20 }} />
        </div>
        <div style={{ ...line, marginTop: 2, height: 24 }} title={links.join('、')}>{links.map((l) => <Tag key={l}>{l}</Tag>)}</div>
      </div>
    </div>
  );
});

/**
 * The photos in rows as wide as the section, only the rows on screen (and one beyond either edge) in the
 * page: the window scrolls as it would over the whole grid. Their thumbnails are read together (useThumbUrls).
 */
function PhotoGrid({ photos, label, onOpen, onCopy }: { photos: readonly Shown[]; label: Label; onOpen: (photo: Photo) => void; onCopy: (photo: Photo) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const el = box.current!;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    setWidth(el.clientWidth);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Where the grid starts on the page moves with what is above it (a refusal shown, the window resized):
  // checked after every render on purpose, set only when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || width === 0) return;
    const at = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (at !== top) setTop(at);
  });
  const columns = Math.max(1, Math.floor((width + GAP) / (CARD_WIDTH + GAP)));
  const cardWidth = Math.max(CARD_WIDTH, Math.floor((width - (columns - 1) * GAP) / columns));
  const rows = Math.ceil(photos.length / columns);
  const virtualizer = useWindowVirtualizer({ count: rows, estimateSize: () => CARD_HEIGHT, overscan: 1, gap: GAP, scrollMargin: top, enabled: width > 0, useFlushSync: false });
  const shown = virtualizer.getVirtualItems();
  const ofRow = (index: number) => photos.slice(index * columns, (index + 1) * columns);
  const urls = useThumbUrls(shown.flatMap((row) => ofRow(row.index).map(({ photo }) => photo.sha256)));
  return (
    <div ref={box} data-testid="photo-grid" style={{ position: 'relative', width: '100%', height: virtualizer.getTotalSize() }}>
      {shown.map((row) => (
        <div key={row.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: CARD_HEIGHT, display: 'flex', gap: GAP, transform: `translateY(${row.start - top}px)` }}>
          {ofRow(row.index).map(({ id, photo }) => <PhotoCard key={id} photo={photo} width={cardWidth} url={urls.get(photo.sha256)} label={label} onOpen={onOpen} onCopy={onCopy} />)}
        </div>
      ))}
    </div>
  );
}

/** The original, large, with all that is kept with it. */
function FullView({ shown, label, onClose }: { shown: { photo: Photo; url: string | null } | null; label: Label; onClose: () => void }) {
  const { t } = useTranslation();
  const photo = shown?.photo;
  return (
    <Modal open={shown !== null} footer={null} width={900} onCancel={onClose} title={photo?.name}>
      {photo && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {shown.url ? <img src={shown.url} alt={photo.caption || photo.name} style={{ width: '100%' }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.photo.notHere')} />}
          {photo.caption && <Typography.Text>{photo.caption}</Typography.Text>}
          <Typography.Text type="secondary">{photo.takenAt ? formatChinaTime(photo.takenAt) : t('insp.photo.noTime')}{photo.position ? ` · ${t('insp.photo.position', { lat: photo.position.lat.toFixed(5), lng: photo.position.lng.toFixed(5) })}` : ''}</Typography.Text>
          <Typography.Text type="secondary" copyable>{photo.sha256}</Typography.Text>
          <div>{photo.links.map((l) => <Tag key={`${l.kind}|${l.ref}`}>{label(l)}</Tag>)}</div>
        </Space>
      )}
    </Modal>
  );
}

export function PhotoSection({ caseId, records, canRecord }: { caseId: string; records: readonly LocalRecord[]; canRecord: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [links, setLinks] = useState<string[]>([]);
  const [caption, setCaption] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(0);
  const [full, setFull] = useState<{ photo: Photo; url: string | null } | null>(null);
  // The link choices (every tenant of a big ledger) are made when the list is first opened, not with the grid.
  const [choosing, setChoosing] = useState(false);
  const options = useMemo(() => (choosing ? linkOptions(records, t) : []), [choosing, records, t]);
  const label = useMemo(() => linkLabeller(records, t), [records, t]);
  const photos = useMemo(() => records.filter((r) => r.kind === 'photo').map((r) => ({ id: r.id, photo: r.data as unknown as Photo })), [records]);
  const open = useCallback((photo: Photo) => void originalUrl(photo.sha256).then((url) => setFull({ photo, url })), []);
  // Where the clipboard is withheld (plain http on a LAN address), the full view shows the whole hash to copy.
  const copy = useCallback((photo: Photo) => {
    const written = navigator.clipboard?.writeText(photo.sha256) ?? Promise.reject(new Error('no clipboard'));
    void written.then(() => message.success(t('evidence.grid.copied')), () => open(photo));
  }, [message, t, open]);
  const close = () => {
    if (full?.url) URL.revokeObjectURL(full.url);
    setFull(null);
  };

  /** Keeps a file (chosen or from the camera); a refusal is listed with its reason. */
  async function take(file: File, captured?: Captured): Promise<boolean> {
    setBusy((n) => n + 1);
    try {
      await addPhoto(caseId, file, links.map(toLink), caption, captured);
      message.success(t('insp.photo.kept', { name: file.name }));
      return true;
    } catch (e) {
      const why = e instanceof PhotoRefusal ? t(`insp.photo.problem.${e.problem}`, { max: PHOTO_MAX_BYTES / 1024 / 1024 }) : describeError(t, e);
      setRefused((list) => [...list, t('insp.photo.refused', { name: file.name, why })]);
      return false;
    } finally {
      setBusy((n) => n - 1);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canRecord && (
        <Card size="small" title={t('insp.photo.add')}>
          <Space wrap align="start">
            <Select mode="multiple" allowClear style={{ minWidth: 280 }} placeholder={t('insp.photo.links')} aria-label={t('insp.photo.links')} value={links} onChange={setLinks} options={options} optionFilterProp="label" onFocus={() => setChoosing(true)} onOpenChange={(o) => o && setChoosing(true)} />
            <Input style={{ width: 240 }} placeholder={t('insp.photo.caption')} aria-label={t('insp.photo.caption')} value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
            <Upload multiple accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(file) => { setRefused([]); void take(file); return false; }}>
              <Button type="primary" loading={busy > 0}>{t('insp.photo.choose')}</Button>
            </Upload>
            <CameraCapture onCapture={(file, captured) => { setRefused([]); return take(file, captured); }} />
          </Space>
        </Card>
      )}
      {refused.length > 0 && <Alert type="error" showIcon data-testid="photo-refused" title={t('insp.photo.someRefused')} description={<ul style={{ margin: 0 }}>{refused.map((r) => <li key={r}>{r}</li>)}</ul>} />}
      {photos.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.photo.none')} /> : (
        <>
          <Typography.Text type="secondary" data-testid="photo-count">{t('evidence.grid.count', { count: photos.length })}</Typography.Text>
          <PhotoGrid photos={photos} label={label} onOpen={open} onCopy={copy} />
        </>
      )}
      <FullView shown={full} label={label} onClose={close} />
    </Space>
  );
}
