// The targets on a map, coloured by the result of their latest case or by credit grade (switchable, with a
// legend and counts). The same tiles as the field kit's map — the office's tile server and the map packages
// kept here, through StoredTileLayer — and a usable map of markers on grey when no tile loads. Thousands of
// targets: circle markers on one canvas, not an SVG element each.
import 'leaflet/dist/leaflet.css';
import { Card, Segmented, Space, Typography } from 'antd';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CREDIT_GRADES } from '../../../src-shared/domain';
import { countBy, TARGET_RESULTS, type TargetPoint } from '../../../src-shared/statistics/targets';
import { useOfficeSettings } from '../../db/reference';
import { StoredTileLayer, type TileSources } from '../../map/storedTileLayer';
import { usePackages } from '../../map/tileStore';

type ColourBy = 'result' | 'grade';
const RESULT_COLOR: Record<(typeof TARGET_RESULTS)[number], string> = {
  'not-inspected': '#bfbfbf', open: '#1677ff', 'no-problem': '#52c41a', 'rectification-ordered': '#fa8c16', 'refund-ordered': '#cf1322',
};
const GRADE_COLOR: Record<string, string> = { green: '#52c41a', blue: '#1677ff', yellow: '#fadb14', red: '#f5222d', black: '#262626', none: '#bfbfbf' };
const GRADES = [...CREDIT_GRADES, 'none'] as const;
const HEIGHT = 'max(420px, calc(100vh - 330px))';
const CHINA: L.LatLngExpression = [35, 105];

const valueOf = (by: ColourBy, p: TargetPoint): string => (by === 'result' ? p.result : p.grade ?? 'none');
const colourOf = (by: ColourBy, value: string): string => (by === 'result' ? RESULT_COLOR[value as TargetPoint['result']] : GRADE_COLOR[value]) ?? '#bfbfbf';

/** The tile sources of the office's settings and the packages kept here, by value (live queries hand out new objects). */
function useTileSources(): { sources: TileSources; attribution: string } {
  const settings = useOfficeSettings();
  const packages = usePackages();
  const ready = (packages ?? []).filter((p) => p.state === 'ready');
  const serverKey = JSON.stringify(settings?.tileSource ?? null);
  const readyKey = ready.map((p) => p.source).join('\n');
  const sources = useMemo<TileSources>(() => ({ packages: readyKey ? readyKey.split('\n') : [], server: JSON.parse(serverKey) as TileSources['server'] }), [readyKey, serverKey]);
  const attribution = [sources.server?.attribution ?? '', ...ready.map((p) => p.attribution.replace(/<[^>]*>/g, '').trim())].filter(Boolean).join(' | ');
  return { sources, attribution };
}

function Legend({ by, points }: { by: ColourBy; points: readonly TargetPoint[] }) {
  const { t } = useTranslation();
  const counts = countBy(points, (p) => valueOf(by, p));
  const values: readonly string[] = by === 'result' ? TARGET_RESULTS : GRADES;
  return (
    <Space size={[12, 2]} wrap data-testid="statistics-map-legend">
      {values.map((v) => (
        <span key={v} style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-value={v} data-count={counts.get(v) ?? 0}>
          <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: colourOf(by, v), border: '2px solid #fff', boxShadow: '0 0 0 1px rgba(0,0,0,.25)', marginRight: 4, verticalAlign: -2 }} />
          {t(by === 'result' ? `statistics.result.${v}` : `statistics.grade.${v}`)} {counts.get(v) ?? 0}
        </span>
      ))}
    </Space>
  );
}

export default function StatisticsMap({ points, unplaced }: { points: readonly TargetPoint[]; unplaced: number }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<ColourBy>('result');
  const [chosen, setChosen] = useState<TargetPoint | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const layer = useRef<StoredTileLayer | null>(null);
  const { sources, attribution } = useTileSources();
  const initialSources = useRef(sources);

  useEffect(() => {
    const m = L.map(box.current!, { center: CHINA, zoom: 4, minZoom: 3, maxZoom: 18, preferCanvas: true });
    m.attributionControl.setPrefix('Leaflet');
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
    layer.current = new StoredTileLayer(initialSources.current, () => navigator.onLine).addTo(m);
    setMap(m);
    return () => {
      m.remove();
      layer.current = null;
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (layer.current && layer.current.sourcesNow !== sources) layer.current.setSources(sources);
  }, [sources]);

  useEffect(() => {
    if (!map || !attribution) return;
    const html = attribution.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    map.attributionControl.addAttribution(html);
    return () => void map.attributionControl.removeAttribution(html);
  }, [map, attribution]);

  // Fitted before the markers are added, so their canvas is drawn once, at the targets' bounds.
  const shownKey = `${points.length}:${points[0]?.uscc ?? ''}:${points.at(-1)?.uscc ?? ''}`;
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!map) return;
    if (points.length > 0 && fitted.current !== shownKey) {
      fitted.current = shownKey;
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [32, 32], maxZoom: 15, animate: false });
    }
    // One tooltip and one click handler for the group, not one per marker (4,000 targets); the name as text.
    const renderer = L.canvas({ padding: 0.3 });
    const pointOf = new Map<L.Layer, TargetPoint>();
    const group = L.featureGroup();
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], { renderer, radius: 6, color: p.targeted ? '#722ed1' : '#fff', weight: p.targeted ? 2.5 : 1.5, fillColor: colourOf(by, valueOf(by, p)), fillOpacity: 0.9 });
      pointOf.set(marker, p);
      group.addLayer(marker);
    }
    group.bindTooltip((l) => document.createTextNode(pointOf.get(l)?.name ?? '') as unknown as HTMLElement, { direction: 'top', offset: [0, -6] });
    group.on('click', (e) => {
      const p = pointOf.get(e.propagatedFrom as L.Layer);
      if (p) setChosen(p);
    });
    group.addTo(map);
    return () => {
      group.remove();
      renderer.remove(); // else each colouring would leave its canvas on the map
    };
  }, [map, points, by, shownKey]);

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <div ref={box} style={{ flex: 1, minWidth: 0, height: HEIGHT, borderRadius: 6 }} data-testid="statistics-map" data-points={points.length} data-colour={by} />
      <Space vertical size={12} style={{ width: 280, flex: 'none' }}>
        <Card size="small">
          <Space vertical size={8}>
            <Segmented aria-label={t('statistics.map.by')} value={by} onChange={(v) => setBy(v as ColourBy)} options={[{ value: 'result', label: t('statistics.map.byResult') }, { value: 'grade', label: t('statistics.map.byGrade') }]} />
            <Legend by={by} points={points} />
            <Typography.Text style={{ fontSize: 12 }}>
              <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, border: '2.5px solid #722ed1', marginRight: 4, verticalAlign: -2 }} />
              {t('statistics.map.targeted')}
            </Typography.Text>
            <Typography.Text data-testid="statistics-map-placed">{t('statistics.map.placed', { count: points.length })}</Typography.Text>
            {unplaced > 0 && <Typography.Text type="secondary" data-testid="statistics-map-unplaced">{t('statistics.map.unplaced', { count: unplaced })}</Typography.Text>}
          </Space>
        </Card>
        {chosen && (
          <Card size="small" title={chosen.name} data-testid="statistics-map-chosen">
            <Space vertical size={4}>
              <Typography.Text type="secondary">{chosen.district} · {chosen.uscc}</Typography.Text>
              <Typography.Text>{t(`statistics.result.${chosen.result}`)} · {t(`statistics.grade.${chosen.grade ?? 'none'}`)}</Typography.Text>
              {chosen.caseId && <Link to={`/cases/${chosen.caseId}`}>{t('statistics.map.open')}</Link>}
            </Space>
          </Card>
        )}
      </Space>
    </div>
  );
}
