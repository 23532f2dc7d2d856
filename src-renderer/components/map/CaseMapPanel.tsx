// The map view of 检查案件 (loaded only when chosen: Leaflet stays out of the first bundle): the same
// cases as the list, placed by their targets' coordinates, beside what the map is drawn from — the
// office's tile server and its tiles kept here, the offline packages — and the cases not placed.
import { Alert, Card, Popover, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { LocalCase } from '../../db/cases';
import { useOfficeSettings } from '../../db/reference';
import { useCasePositions } from '../../map/positions';
import type { TileSources } from '../../map/storedTileLayer';
import { usePackages } from '../../map/tileStore';
import { useOnline } from '../../map/useOnline';
import { CaseMap, StatusLegend } from './CaseMap';
import { MapPackages } from './MapPackages';
import { TileCacheControl } from './TileCacheControl';

/** The map's height, and the column's beside it: the page's own height at 1280×800, never below 420 px. */
const HEIGHT = 'max(420px, calc(100vh - 262px))';

/** Cases an inspector still has to visit: their areas are the ones worth keeping offline. */
const TO_VISIT: ReadonlySet<LocalCase['status']> = new Set(['assigned', 'returned']);

/** A package's attribution as plain text (files carry HTML there; none of it is inserted as such). */
const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

function hostOf(url: string): string {
  try {
    return new URL(url.replace(/\{[a-z-]+\}/g, 'x')).host;
  } catch {
    return url;
  }
}

export default function CaseMapPanel({ cases }: { cases: readonly LocalCase[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const positions = useCasePositions(cases);
  const settings = useOfficeSettings();
  const packages = usePackages();

  // Live queries hand out new objects on every change anywhere: the layer's sources are kept by value.
  const serverKey = JSON.stringify(settings?.tileSource ?? null);
  const readyKey = (packages ?? []).filter((p) => p.state === 'ready').map((p) => p.source).join('\n');
  const sources = useMemo<TileSources>(() => ({ packages: readyKey ? readyKey.split('\n') : [], server: JSON.parse(serverKey) as TileSources['server'] }), [readyKey, serverKey]);
  const server = sources.server;
  const attribution = [server?.attribution ?? '', ...(packages ?? []).filter((p) => p.state === 'ready').map((p) => plainText(p.attribution))].filter(Boolean).join(' | ');

  const placed = useMemo(() => positions?.placed ?? [], [positions]);
  const toVisitKey = placed.filter((p) => TO_VISIT.has(p.kase.status)).map((p) => `${p.lng},${p.lat}`).join(';');
  const toVisit = useMemo(() => (toVisitKey ? toVisitKey.split(';').map((s) => s.split(',').map(Number)).map(([lng, lat]) => ({ lng: lng!, lat: lat! })) : []), [toVisitKey]);

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }} data-testid="case-map-panel">
      <div style={{ flex: 1, minWidth: 0 }}>
        <CaseMap points={placed} sources={sources} attribution={attribution} onOpen={(id) => navigate(`/cases/${id}`)} height={HEIGHT} />
      </div>
      <Space vertical size={12} style={{ width: 290, flex: 'none', maxHeight: HEIGHT, overflowY: 'auto' }}>
        <Card size="small">
          <Space vertical size={4}>
            <StatusLegend />
            <Typography.Text data-testid="map-placed">{t('map.placed', { count: placed.length })}</Typography.Text>
            {(positions?.unplaced.length ?? 0) > 0 && (
              <Popover
                trigger={['hover', 'click']}
                title={t('map.unplacedHelp')}
                content={(
                  <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflow: 'auto', maxWidth: 320 }}>
                    {positions!.unplaced.map((c) => <li key={c.id}><Link to={`/cases/${c.id}`}>{c.entityName}</Link></li>)}
                  </ul>
                )}
              >
                <Typography.Link data-testid="map-unplaced">{t('map.unplaced', { count: positions!.unplaced.length })}</Typography.Link>
              </Popover>
            )}
          </Space>
        </Card>
        {!online && <Alert type="info" showIcon title={t('map.offline')} />}
        <Card size="small" title={t('map.base')}>
          {server ? (
            <Space vertical size={6} style={{ width: '100%' }}>
              <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: server.url }}>{t('map.base.server', { host: hostOf(server.url) })}</Typography.Text>
              <TileCacheControl server={server} points={toVisit} online={online} />
            </Space>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="map-no-server">{t('map.base.none')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('map.packages.title')}>
          <MapPackages />
        </Card>
      </Space>
    </div>
  );
}
