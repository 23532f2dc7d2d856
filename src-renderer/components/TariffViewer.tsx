import { Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMonthText } from '../../src-shared/billingMonth';
import { TariffIndex, type PriceLookup } from '../../src-shared/tariff/lookup';
import type { TariffEntry, TariffKey, TariffTable, TouPeriod } from '../../src-shared/tariff/types';

/** The distinct regions, categories and voltages of a table, in table order. */
export function tariffChoices(table: TariffTable | undefined): { regions: string[]; categories: string[]; voltages: string[] } {
  const distinct = (f: (e: TariffEntry) => string) => [...new Set((table?.entries ?? []).map(f))];
  return { regions: distinct((e) => e.region), categories: distinct((e) => e.category), voltages: distinct((e) => e.voltage) };
}

/** Region, category and voltage pickers over a table's own values. */
export function TariffKeyFields({ table, value, onChange, prefix }: { table: TariffTable | undefined; value: TariffKey; onChange: (key: TariffKey) => void; prefix: string }) {
  const { t } = useTranslation();
  const choices = useMemo(() => tariffChoices(table), [table]);
  const options = (list: string[]) => list.map((v) => ({ label: v, value: v }));
  return (
    <>
      <Form.Item label={t(`${prefix}.region`)}>
        <Select aria-label={t(`${prefix}.region`)} style={{ width: 140 }} value={value.region || undefined} options={options(choices.regions)} onChange={(region: string) => onChange({ ...value, region })} />
      </Form.Item>
      <Form.Item label={t(`${prefix}.category`)}>
        <Select aria-label={t(`${prefix}.category`)} style={{ width: 160 }} value={value.category || undefined} options={options(choices.categories)} onChange={(category: string) => onChange({ ...value, category })} />
      </Form.Item>
      <Form.Item label={t(`${prefix}.voltage`)}>
        <Select aria-label={t(`${prefix}.voltage`)} style={{ width: 160 }} value={value.voltage || undefined} options={options(choices.voltages)} onChange={(voltage: string) => onChange({ ...value, voltage })} />
      </Form.Item>
    </>
  );
}

/** The first key of a table, to start the pickers with something that exists. */
export function firstKey(table: TariffTable | undefined): TariffKey {
  const e = table?.entries[0];
  return { region: e?.region ?? '', category: e?.category ?? '', voltage: e?.voltage ?? '' };
}

interface PriceRow {
  period: TouPeriod;
  found: PriceLookup;
}

/** The price in force for a month, per time-of-use period, or why there is none. */
export function TariffViewer({ table }: { table: TariffTable }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<TariffKey>(() => firstKey(table));
  const [monthText, setMonthText] = useState('');
  const index = useMemo(() => new TariffIndex(table), [table]);
  const month = parseMonthText(monthText);
  const periods = index.periods(key);
  const rows: PriceRow[] = month ? periods.map((period) => ({ period, found: index.price(key, period, month) })) : [];
  const range = (e: TariffEntry) => t('tariffUi.viewer.range', { from: e.from, to: e.to ?? t('tariffUi.tariffs.open') });
  return (
    <Card title={t('tariffUi.viewer.title')} size="small">
      <Form layout="inline" style={{ rowGap: 8 }}>
        <TariffKeyFields table={table} value={key} onChange={setKey} prefix="tariffUi.viewer" />
        <Form.Item label={t('tariffUi.viewer.month')} validateStatus={monthText && !month ? 'error' : undefined} help={monthText && !month ? t('tariffUi.viewer.monthInvalid') : undefined}>
          <Input aria-label={t('tariffUi.viewer.month')} style={{ width: 140 }} placeholder={t('tariffUi.viewer.monthHint')} value={monthText} onChange={(e) => setMonthText(e.target.value)} />
        </Form.Item>
      </Form>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {periods.length === 0 && <Typography.Text type="warning">{t('tariffUi.viewer.noPeriods')}</Typography.Text>}
        {month && periods.length > 0 && (
          <Table<PriceRow>
            data-testid="tariff-prices"
            size="small"
            pagination={false}
            rowKey="period"
            dataSource={rows}
            columns={[
              { title: t('tariffUi.viewer.period'), dataIndex: 'period', width: 120, render: (p: TouPeriod) => t(`tariff.period.${p}`) },
              {
                title: t('tariffUi.viewer.price'),
                key: 'price',
                width: 200,
                render: (_, r) => (r.found.ok ? <Typography.Text strong>{r.found.price}</Typography.Text> : <Typography.Text type="danger">{t(`tariffUi.viewer.${r.found.problem}`)}</Typography.Text>),
              },
              { title: t('tariffUi.viewer.effective'), key: 'effective', render: (_, r) => (r.found.ok ? range(r.found.entry) : r.found.entries.map(range).join('；')) },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
