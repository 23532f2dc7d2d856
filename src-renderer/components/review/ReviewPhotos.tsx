// The case's photos in the overview: the first few as thumbnails (read together, like the photo grid's), and
// 显示全部 opening the whole virtualised grid of 照片证据 (PhotoSection, read-only) in place.
import { Button, Card, Empty, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../src-shared/inspection/evidence';
import { formatChinaTime } from '../../../src-shared/time';
import type { LocalRecord } from '../../db/cases';
import { useThumbUrls } from '../../db/evidence';
import { PhotoSection } from '../inspection/PhotoSection';

/** Thumbnails shown before 显示全部: two rows in the narrow column. */
const FIRST = 8;
const SIZE = 104;

export function ReviewPhotos({ caseId, records }: { caseId: string; records: readonly LocalRecord[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const photos = records.filter((r) => r.kind === 'photo').map((r) => ({ id: r.id, photo: r.data as unknown as Photo }));
  const first = photos.slice(0, all ? 0 : FIRST);
  const urls = useThumbUrls(first.map((p) => p.photo.sha256));
  return (
    <Card size="small" title={t('reviewUi.photos', { count: photos.length })} data-testid="review-photos"
      extra={photos.length > FIRST && <Button size="small" type="link" onClick={() => setAll((v) => !v)}>{all ? t('reviewUi.showFew') : t('reviewUi.showAll', { count: photos.length })}</Button>}>
      {photos.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewUi.noPhotos')} />}
      {all ? <PhotoSection caseId={caseId} records={records} canRecord={false} /> : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {first.map(({ id, photo }) => {
            const url = urls.get(photo.sha256);
            const title = `${photo.caption || photo.name}${photo.takenAt ? ` · ${formatChinaTime(photo.takenAt)}` : ''}`;
            return (
              <div key={id} data-testid="review-photo" title={title} style={{ width: SIZE, cursor: 'pointer' }} onClick={() => setAll(true)}>
                {url ? <img src={url} alt={photo.caption || photo.name} width={SIZE} height={SIZE * 0.75} style={{ display: 'block', objectFit: 'cover', borderRadius: 4 }} />
                  : <div style={{ width: SIZE, height: SIZE * 0.75, display: 'grid', placeItems: 'center', background: '#fafafa', borderRadius: 4 }}>{url === undefined ? <Spin size="small" /> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('insp.photo.notHere')}</Typography.Text>}</div>}
                <Typography.Text ellipsis style={{ fontSize: 12, width: SIZE, display: 'block' }}>{photo.caption || photo.name}</Typography.Text>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
