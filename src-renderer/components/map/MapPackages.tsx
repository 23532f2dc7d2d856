// The offline map packages on this device: load one from an MBTiles file (checked, then stored whole
// or not at all), see each with its tiles and zooms, remove one.
import { Alert, App, Button, Popconfirm, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { PlainList } from '../PlainList';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MBTILES_MAX_BYTES, MbtilesError } from '../../../src-shared/map/mbtiles';
import { describeError } from '../../i18n/errors';
import { removeMapPackage, usePackages } from '../../map/tileStore';

const MB = 1024 * 1024;

export function MapPackages() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const packages = usePackages();
  const input = useRef<HTMLInputElement>(null);
  const [loading, setLoading] = useState<{ file: string; stored: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (file: File) => {
    setProblem(null);
    setLoading({ file: file.name, stored: 0, total: 0 });
    try {
      // sql.js and its wasm load only when a package is loaded.
      const { importMbtiles } = await import('../../map/mbtiles');
      const pkg = await importMbtiles(file, (stored, total) => setLoading({ file: file.name, stored, total }));
      message.success(t('map.packages.loaded', { file: pkg.file, count: pkg.tiles }));
    } catch (e) {
      setProblem(e instanceof MbtilesError
        ? t(`map.problem.${e.problem}`, { file: file.name, size: Math.ceil(file.size / MB), max: MBTILES_MAX_BYTES / MB })
        : describeError(t, e));
    } finally {
      setLoading(null);
    }
  };

  const remove = async (source: string, file: string) => {
    try {
      await removeMapPackage(source);
      message.success(t('map.packages.removed', { file }));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };

  return (
    <Space vertical size={8} style={{ width: '100%' }} data-testid="map-packages">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.packages.help')}</Typography.Text>
      <input ref={input} type="file" accept=".mbtiles" hidden onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void load(file);
      }} />
      <Button block loading={loading !== null} onClick={() => input.current?.click()}>{t('map.packages.load')}</Button>
      {loading && (
        <div>
          <Typography.Text style={{ fontSize: 12 }}>{t('map.packages.importing', { file: loading.file, stored: loading.stored, total: loading.total })}</Typography.Text>
          <Progress size="small" percent={loading.total ? Math.floor((loading.stored / loading.total) * 100) : 0} />
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} data-testid="map-package-problem" />}
      <PlainList
        size="small"
        empty={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.packages.none')}</Typography.Text>}
        items={packages ?? []}
        itemKey={(p) => `${p.source}:${p.file}`}
        loading={packages === undefined}
        itemTestId="map-package"
        renderItem={(p) => (
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text style={{ fontSize: 13, wordBreak: 'break-all' }}>{p.file}</Typography.Text>
                {p.state !== 'ready' && <Tooltip title={t('map.packages.incompleteHelp')}><Tag color="red">{t('map.packages.incomplete')}</Tag></Tooltip>}
              </Space>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.name && p.name !== p.file && <>{p.name}<br /></>}
                  {t('map.packages.tiles', { count: p.tiles, min: p.minZoom, max: p.maxZoom })}
                  {p.skipped > 0 && <><br />{t('map.packages.skipped', { count: p.skipped })}</>}
                </Typography.Text>
              </div>
            </div>
            <Popconfirm title={t('map.packages.removeConfirm', { file: p.file })} onConfirm={() => remove(p.source, p.file)}>
              <Button size="small" type="link" danger>{t('map.packages.remove')}</Button>
            </Popconfirm>
          </div>
        )}
      />
    </Space>
  );
}
