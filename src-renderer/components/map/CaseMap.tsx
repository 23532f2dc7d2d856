// The cases on a Leaflet map: a marker per case in its status colour (circle markers: no marker images
// needed), its target named beside it (on hover when many), a popup with 打开案件, and a metric scale. Drawn on the plain
// grey of the map when no tile loads, so the map works with no tile server and no package.
import 'leaflet/dist/leaflet.css';
import { Button, Space, Tag, theme, Typography } from 'antd';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../src-shared/sync/records';
import type { CasePoint } from '../../map/positions';
import { useOnline } from '../../map/useOnline';
import { STATUS_COLOR } from '../../pages/CasesPage';
import { StoredTileLayer, type TileSources } from '../../map/storedTileLayer';

/** Where the map opens when no case has a position: China whole. */
const CHINA: L.LatLngExpression = [35, 105];
/** The closest a fit to the cases goes (one case alone: its block and the streets around). */
const FIT_MAX_ZOOM = 15;
/** Up to so many cases, each is named beside its marker; more would cover the map. */
const NAMED_UP_TO = 20;

/** Text for Leaflet's attribution, which it inserts as HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface CaseMapProps {
  points: readonly CasePoint[];
  /** Must keep its identity while unchanged: a new value draws every tile again. */
  sources: TileSources;
  /** Plain text naming the tiles' makers. */
  attribution: string;
  onOpen: (caseId: string) => void;
  height: number | string;
}

export function CaseMap({ points, sources, attribution, onOpen, height }: CaseMapProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const box = useRef<HTMLDivElement>(null);
  const layer = useRef<StoredTileLayer | null>(null);
  const popup = useRef<L.Popup | null>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [popupBox] = useState(() => document.createElement('div'));
  // A new object on every click, so clicking the same marker again reopens its popup.
  const [selected, setSelected] = useState<{ id: string } | null>(null);
  const initialSources = useRef(sources);

  useEffect(() => {
    const m = L.map(box.current!, { center: CHINA, zoom: 4, minZoom: 3, maxZoom: 18 });
    m.attributionControl.setPrefix('Leaflet');
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
    layer.current = new StoredTileLayer(initialSources.current, () => navigator.onLine).addTo(m);
    popup.current = L.popup({ minWidth: 220, maxWidth: 320 }).setContent(popupBox);
    setMap(m);
    return () => {
      m.remove();
      layer.current = null;
      setMap(null);
    };
  }, [popupBox]);

  useEffect(() => {
    if (layer.current && layer.current.sourcesNow !== sources) layer.current.setSources(sources);
  }, [sources]);

  const online = useOnline();
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) layer.current?.resume();
    wasOnline.current = online;
  }, [online]);

  useEffect(() => {
    if (!map || !attribution) return;
    const html = escapeHtml(attribution);
    map.attributionControl.addAttribution(html);
    return () => void map.attributionControl.removeAttribution(html);
  }, [map, attribution]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    // A few cases are named on the map itself (on a grey map the names are all there is to go by); many, on hover.
    const named = points.length <= NAMED_UP_TO;
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], {
        radius: 9, color: '#fff', weight: 2, fillColor: token[STATUS_COLOR[p.kase.status]], fillOpacity: 0.95, className: 'tc-case-marker',
      });
      const label = document.createElement('span');
      label.textContent = p.kase.entityName;
      marker.bindTooltip(label, named ? { permanent: true, direction: 'right', offset: [10, 0], className: 'tc-case-label' } : { direction: 'top', offset: [0, -8] });
      marker.on('click', () => {
        if (!named) marker.closeTooltip();
        setSelected({ id: p.kase.id });
      });
      marker.addTo(group);
    }
    group.addTo(map);
    // Named for assistive technology and tests (Leaflet draws them as SVG paths); no focus box on a click.
    group.getLayers().forEach((m, i) => {
      const el = (m as L.CircleMarker).getElement();
      if (!(el instanceof SVGElement)) return;
      el.setAttribute('data-case', points[i]!.kase.id);
      el.setAttribute('aria-label', points[i]!.kase.entityName);
      el.style.outline = 'none';
    });
    return () => void group.remove();
  }, [map, points, token]);

  // Fit the cases when the set shown changes (a filter), not when one of them changes (a sync).
  const shownKey = points.map((p) => p.kase.id).join(',');
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!map || points.length === 0 || fitted.current === shownKey) return;
    fitted.current = shownKey;
    map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [48, 48], maxZoom: FIT_MAX_ZOOM });
  }, [map, points, shownKey]);

  const chosen = selected ? points.find((p) => p.kase.id === selected.id) : undefined;
  useEffect(() => {
    if (!map || !chosen || !popup.current) return;
    popup.current.setLatLng([chosen.lat, chosen.lng]).openOn(map);
    // `chosen` is looked up afresh on every render; the popup opens on a click (`selected`) only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, selected]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={box} style={{ height, borderRadius: token.borderRadius }} data-testid="case-map" />
      {createPortal(
        chosen ? (
          <Space vertical size={4} data-testid="map-popup">
            <Typography.Text strong>{chosen.kase.entityName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{chosen.kase.address || '—'}</Typography.Text>
            <Space size={4}>
              <Tag color={STATUS_COLOR[chosen.kase.status]}>{t(`cases.status.${chosen.kase.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{chosen.kase.district}</Typography.Text>
            </Space>
            <Button type="primary" size="small" onClick={() => onOpen(chosen.kase.id)}>{t('map.open')}</Button>
          </Space>
        ) : null,
        popupBox,
      )}
    </div>
  );
}

/** The status colours of the markers, as the list's tags name them. */
export function StatusLegend() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Space size={[12, 2]} wrap data-testid="map-legend">
      {CASE_STATUSES.map((s) => (
        <span key={s} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: token[STATUS_COLOR[s]], border: '2px solid #fff', boxShadow: '0 0 0 1px rgba(0,0,0,.25)', marginRight: 4, verticalAlign: -2 }} />
          {t(`cases.status.${s}`)}
        </span>
      ))}
    </Space>
  );
}
