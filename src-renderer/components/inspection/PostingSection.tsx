// 电价公示: whether a tariff notice is up and the prices it shows, each set against the catalogue of its month.
import { Alert, App, Button, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import Big from 'big.js';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../src-shared/inspection/meters';
import { checkPosting, tariffPostingSchema, type PriceComparison, type TariffPosting } from '../../../src-shared/inspection/postedTariff';
import { TOU_PERIODS, TOU_WORDS, type TariffTable } from '../../../src-shared/tariff/types';
import type { LocalRecord } from '../../db/cases';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { DraftNotice } from '../DraftNotice';
import { useDraft } from '../useDraft';

/** The case's posting record (the first: one notice per site), if any. */
export function postingOf(records: readonly LocalRecord[]): { id: string; posting: TariffPosting } | null {
  const r = records.find((x) => x.kind === 'tariffPosting');
  return r ? { id: r.id, posting: r.data as unknown as TariffPosting } : null;
}

const FLAG_COLOR: Record<PriceComparison['flag'], string> = { above: 'red', below: 'blue', equal: 'green', 'no-catalogue': 'default' };

export function PostingCheckTable({ posting, table }: { posting: TariffPosting; table: TariffTable | null }) {
  const { t } = useTranslation();
  const check = checkPosting(posting, table);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!table && <Alert type="warning" showIcon title={t('insp.posting.noTable')} />}
      {check.notPosted && <Alert type="error" showIcon title={t('insp.posting.notPosted')} />}
      <Table
        size="small" rowKey={(p) => `${p.category}/${p.period}`} dataSource={check.prices} pagination={false} data-testid="posting-check"
        columns={[
          { title: t('insp.posting.category'), dataIndex: 'category' },
          { title: t('insp.posting.period'), render: (_, p) => TOU_WORDS[p.period] },
          { title: t('insp.posting.price'), dataIndex: 'posted' },
          { title: t('insp.posting.catalogue'), render: (_, p) => p.catalogue ?? '—' },
          { title: t('insp.posting.difference'), render: (_, p) => (p.difference === null ? '—' : p.difference.startsWith('-') ? p.difference : `+${p.difference}`) },
          { title: t('insp.posting.result'), render: (_, p) => <Tag color={FLAG_COLOR[p.flag]}>{t(`insp.posting.flag.${p.flag}`)}</Tag> },
        ]}
      />
    </Space>
  );
}

interface PostingForm {
  posted: 'yes' | 'no';
  location?: string;
  month: string;
  region: string;
  voltage: string;
  prices?: { category: string; period: TariffPosting['prices'][number]['period']; price: string }[];
  chargedLossPercent?: string;
}

function distinct(table: TariffTable | null, pick: (e: TariffTable['entries'][number]) => string): string[] {
  return [...new Set((table?.entries ?? []).map(pick))];
}

/** Adds the posting, or changes the one recorded (an edit of its fields, kept in the record's history). */
export function PostingForm({ caseId, table, current }: { caseId: string; table: TariffTable | null; current: { id: string; posting: TariffPosting } | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostingForm>();
  const draft = useDraft(form, caseId, current ? `posting:${current.id}` : 'posting:new');
  const required = [{ required: true, message: t('insp.meter.required') }];
  const p = current?.posting;
  const initial: Partial<PostingForm> = p
    ? { posted: p.posted ? 'yes' : 'no', location: p.location, month: p.month, region: p.region, voltage: p.voltage, prices: p.prices, chargedLossPercent: p.chargedLossRate ? new Big(p.chargedLossRate).times(100).toFixed() : '' }
    : { month: chinaDate(new Date()).slice(0, 7), region: distinct(table, (e) => e.region)[0] ?? '', voltage: distinct(table, (e) => e.voltage)[0] ?? '', prices: [] };

  async function save(f: PostingForm) {
    const loss = f.chargedLossPercent?.trim();
    const posting = tariffPostingSchema.safeParse({
      posted: f.posted === 'yes', location: f.location ?? '', month: f.month, region: f.region, voltage: f.voltage,
      prices: (f.prices ?? []).map((x) => ({ ...x, price: x.price.trim() })), photos: p?.photos ?? [], note: p?.note ?? '',
      chargedLossRate: loss ? new Big(loss).div(100).toFixed() : null,
    });
    if (!posting.success) {
      message.error(describeError(t, posting.error));
      return;
    }
    try {
      if (current) await write.editRecord(current.id, posting.data);
      else await write.addRecord(caseId, 'tariffPosting', posting.data);
      await draft.drop();
      message.success(t('case.saved'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  }

  return (
    <Form<PostingForm> form={form} layout="vertical" initialValues={initial} onFinish={(f) => void save(f)} onValuesChange={draft.onValuesChange}>
      <DraftNotice draft={draft} />
      <Space wrap align="start">
        <Form.Item name="posted" label={t('insp.posting.posted')} rules={required}>
          <Radio.Group options={[{ value: 'yes', label: t('insp.posting.yes') }, { value: 'no', label: t('insp.posting.no') }]} />
        </Form.Item>
        <Form.Item name="location" label={t('insp.posting.location')}><Input style={{ width: 220 }} maxLength={200} /></Form.Item>
        <Form.Item name="month" label={t('insp.posting.month')} rules={required}><Input type="month" style={{ width: 150 }} /></Form.Item>
        <Form.Item name="region" label={t('insp.posting.region')} rules={required}><Select style={{ width: 110 }} options={distinct(table, (e) => e.region).map((v) => ({ value: v, label: v }))} /></Form.Item>
        <Form.Item name="voltage" label={t('insp.posting.voltage')} rules={required}><Select style={{ width: 130 }} options={distinct(table, (e) => e.voltage).map((v) => ({ value: v, label: v }))} /></Form.Item>
        <Form.Item name="chargedLossPercent" label={t('insp.posting.chargedLoss')} rules={[{ pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('insp.meter.bad') }]}><Input inputMode="decimal" style={{ width: 120 }} /></Form.Item>
      </Space>
      <Form.List name="prices">
        {(fields, { add, remove }) => (
          <Space orientation="vertical">
            {fields.map((field) => (
              <Space key={field.key} align="start">
                <Form.Item name={[field.name, 'category']} rules={required}><Select aria-label={t('insp.posting.category')} placeholder={t('insp.posting.category')} style={{ width: 150 }} options={distinct(table, (e) => e.category).map((v) => ({ value: v, label: v }))} /></Form.Item>
                <Form.Item name={[field.name, 'period']} rules={required}><Select aria-label={t('insp.posting.period')} placeholder={t('insp.posting.period')} style={{ width: 100 }} options={TOU_PERIODS.map((v) => ({ value: v, label: TOU_WORDS[v] }))} /></Form.Item>
                <Form.Item name={[field.name, 'price']} rules={[...required, { pattern: /^\d{1,6}(\.\d{1,6})?$/, message: t('insp.meter.bad') }]}><Input aria-label={t('insp.posting.price')} placeholder={t('insp.posting.price')} inputMode="decimal" style={{ width: 160 }} /></Form.Item>
                <Button onClick={() => remove(field.name)}>{t('insp.posting.removePrice')}</Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()}>{t('insp.posting.addPrice')}</Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>{t('insp.posting.save')}</Button>
    </Form>
  );
}
