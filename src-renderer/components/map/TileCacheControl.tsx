// Keeping the office's base map around the cases still to inspect, for the hours offline: how much of
// it is here, a button to fetch the rest (with progress and a stop), and clearing what was kept.
import { App, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TileSource } from '../../../src-shared/inspection/officeSettings';
import { tileKey } from '../../../src-shared/map/tiles';
import { describeError } from '../../i18n/errors';
import { CACHE_CAP, CACHE_MAX_ZOOM, CACHE_MIN_ZOOM, cacheTiles, caseAreaPlan, type PrefetchProgress } from '../../map/tileCache';
import { clearKeptServerTiles, useServerTileCount, useStoredCount } from '../../map/tileStore';

export interface TileCacheControlProps {
  server: TileSource;
  /** The positions of the cases still to inspect (WGS-84 degrees). */
  points: readonly { lng: number; lat: number }[];
  online: boolean;
}

export function TileCacheControl({ server, points, online }: TileCacheControlProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = useMemo(() => caseAreaPlan(points, server), [points, server]);
  const keys = useMemo(() => plan.tiles.map((x) => tileKey(server.url, x)), [plan, server.url]);
  const kept = useStoredCount(keys);
  const serverTiles = useServerTileCount();
  const [progress, setProgress] = useState<PrefetchProgress | null>(null);
  const stop = useRef<AbortController | null>(null);

  const run = async () => {
    const abort = new AbortController();
    stop.current = abort;
    setProgress({ done: 0, total: 0, stored: 0, failed: 0 });
    try {
      const result = await cacheTiles(server, plan.tiles, abort.signal, setProgress);
      if (!result) {
        message.info(t('map.cache.nothing'));
        return;
      }
      const { stored, failed, stopped } = result;
      if (stopped === 'cancelled') message.info(t('map.cache.cancelled', { stored }));
      else if (stopped === 'network') message.warning(t('map.cache.network', { stored }));
      else if (stopped) message.error(describeError(t, stopped.error));
      else if (failed > 0) message.warning(t('map.cache.failedSome', { stored, failed }));
      else message.success(t('map.cache.done', { stored }));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      stop.current = null;
      setProgress(null);
    }
  };

  const clear = async () => {
    try {
      await clearKeptServerTiles();
      message.success(t('map.cache.cleared'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };

  const min = Math.max(CACHE_MIN_ZOOM, server.minZoom);
  const max = Math.min(CACHE_MAX_ZOOM, server.maxZoom);
  return (
    <Space vertical size={6} style={{ width: '100%' }} data-testid="tile-cache">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.cache.help', { min, max })}</Typography.Text>
      {points.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.cache.noCases')}</Typography.Text>
      ) : (
        <>
          {plan.maxZoom === null
            ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('map.cache.tooMany', { zoom: min, cap: CACHE_CAP })}</Typography.Text>
            : plan.capped && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('map.cache.capped', { zoom: plan.maxZoom, cap: CACHE_CAP })}</Typography.Text>}
          <Typography.Text style={{ fontSize: 12 }} data-testid="tile-cache-coverage">{t('map.cache.coverage', { stored: kept ?? 0, total: plan.tiles.length })}</Typography.Text>
        </>
      )}
      {progress ? (
        <div>
          <Typography.Text style={{ fontSize: 12 }}>{t('map.cache.running', { done: progress.done, total: progress.total })}</Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Progress size="small" style={{ flex: 1, margin: 0 }} percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} />
            <Button size="small" onClick={() => stop.current?.abort()}>{t('map.cache.cancel')}</Button>
          </div>
        </div>
      ) : (
        <Button block type="primary" disabled={!online || plan.tiles.length === 0} title={online ? undefined : t('map.cache.offline')} onClick={() => void run()}>
          {t('map.cache.button')}
        </Button>
      )}
      {!online && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.cache.offline')}</Typography.Text>}
      <Space size={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tile-cache-count">{t('map.cache.stored', { count: serverTiles ?? 0 })}</Typography.Text>
        {(serverTiles ?? 0) > 0 && (
          <Popconfirm title={t('map.cache.clearConfirm')} onConfirm={clear}>
            <Button size="small" type="link" danger>{t('map.cache.clear')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Space>
  );
}
