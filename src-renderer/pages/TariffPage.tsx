import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { PlainList } from '../components/PlainList';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import sampleJson from '../../resources/tariffs/sample-fujian.json';
import { checkTariffTable } from '../../src-shared/tariff/check';
import type { TariffImport } from '../../src-shared/tariff/importTariffs';
import { tariffTemplate } from '../../src-shared/tariff/template';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { TariffImportDialog } from '../components/TariffImportDialog';
import { TariffViewer } from '../components/TariffViewer';
import { formatChinaTime } from '../../src-shared/time';
import { useStoredTariff } from '../db/reference';
import { write } from '../db/write';
import { platform } from '../platform';
import type { Profile } from '../state/profile';


/** The office's catalogue tariff table: import, template, overlap/gap problems and the price viewer. */
export function TariffPage({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stored = useStoredTariff();
  const [importing, setImporting] = useState(false);
  const canEdit = profile.role !== 'inspector';
  const table = stored?.table;
  const problems = useMemo(() => (table ? checkTariffTable(table) : []), [table]);

  async function downloadTemplate() {
    const ok = await platform.saveFile({ title: t('tariffUi.tariffs.template'), suggestedName: t('tariffUi.tariffs.templateName'), filters: [{ name: 'Excel', extensions: ['xlsx'] }], data: await tariffTemplate() });
    if (ok) message.success(t('common.saved'));
  }

  async function loadSample() {
    const sample = loadTariffTable(sampleJson);
    await write.putTariffTable(sample, sample.name);
    message.success(t('tariffUi.tariffs.saved', { count: sample.entries.length }));
  }

  async function stored_(result: TariffImport, file: string) {
    await write.putTariffTable(result.table, file);
    message.success(t('tariffUi.tariffs.saved', { count: result.table.entries.length }));
    setImporting(false);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('tariffUi.tariffs.title')}
        extra={
          canEdit && (
            <Space wrap>
              <Button icon={<UploadOutlined />} type="primary" onClick={() => setImporting(true)}>{t('tariffUi.tariffs.import')}</Button>
              <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>{t('tariffUi.tariffs.template')}</Button>
            </Space>
          )
        }
      >
        {stored === null && (
          <Empty description={t('tariffUi.tariffs.none')}>
            {canEdit && <Button onClick={() => void loadSample()}>{t('tariffUi.tariffs.loadSample')}</Button>}
          </Empty>
        )}
        {stored && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="tariff-stored">
              {t('tariffUi.tariffs.stored', { name: stored.table.name, count: stored.table.entries.length, by: stored.by, at: formatChinaTime(stored.storedAt) })}
            </Typography.Text>
            {stored.table.sample && <Alert type="warning" showIcon title={t('tariffUi.tariffs.sampleWarning')} />}
            {!canEdit && <Typography.Text type="secondary">{t('tariffUi.tariffs.readOnly')}</Typography.Text>}
            {problems.length === 0 ? (
              <Alert type="success" showIcon title={t('tariffUi.tariffs.noProblems')} />
            ) : (
              <PlainList
                testId="tariff-table-problems"
                size="small"
                bordered
                header={<Typography.Text type="danger">{t('tariffUi.tariffs.problems', { count: problems.length })}</Typography.Text>}
                items={problems}
                itemKey={(_, i) => String(i)}
                renderItem={(p) => {
                  const e = stored.table.entries[p.entries[0]]!;
                  const text = t(`tariffUi.tariffs.${p.code}`, { from: p.from, to: p.to ?? t('tariffUi.tariffs.open') });
                  return t('tariffUi.tariffs.problemText', { region: e.region, category: e.category, voltage: e.voltage, period: t(`tariff.period.${e.period}`), text });
                }}
              />
            )}
          </Space>
        )}
      </Card>
      {stored && <TariffViewer key={stored.storedAt} table={stored.table} />}
      {importing && <TariffImportDialog onStore={stored_} onClose={() => setImporting(false)} />}
    </Space>
  );
}
