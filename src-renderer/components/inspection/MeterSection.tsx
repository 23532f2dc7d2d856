// 计量装置: the site's meters with their flags, the measured loss rate, and the form to add one.
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCURACY_CLASSES, chinaDate, consumption, lossCheck, meterFlags, meterProblems, meterSchema, METER_TYPES, type AccuracyClass, type Meter, type MeterFlag, type MeterProblem } from '../../../src-shared/inspection/meters';
import type { LocalRecord } from '../../db/cases';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { DraftNotice } from '../DraftNotice';
import { useDraft } from '../useDraft';
import { localInputTime } from './time';

type Years = Readonly<Record<AccuracyClass, number>>;

/** The meters among a case's records. */
export function metersOf(records: readonly LocalRecord[]): { id: string; meter: Meter }[] {
  return records.filter((r) => r.kind === 'meter').map((r) => ({ id: r.id, meter: r.data as unknown as Meter }));
}

export function FlagTags({ flags }: { flags: MeterFlag[] }) {
  const { t } = useTranslation();
  return <>{flags.map((f, i) => <Tag key={i} color="red">{t(`insp.flag.${f.code}`, f as unknown as Record<string, string>)}</Tag>)}</>;
}

/** The site's meters with their flags (against the office's verification periods); the team edits them. */
export function MeterTable({ caseId, records, years, canRecord }: { caseId: string; records: readonly LocalRecord[]; years: Years; canRecord: boolean }) {
  const { t } = useTranslation();
  const today = chinaDate(new Date());
  const meters = metersOf(records);
  const loss = lossCheck(meters.map((m) => m.meter));
  const [editing, setEditing] = useState<{ id: string; meter: Meter } | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Modal open={editing !== null} title={t('insp.meter.edit', { no: editing?.meter.meterNo ?? '' })} footer={null} width={900} mask={{ closable: false }} destroyOnHidden onCancel={() => setEditing(null)}>
        {editing && <AddReading current={editing} onSaved={() => setEditing(null)} />}
        {editing && <MeterForm caseId={caseId} current={editing} onSaved={() => setEditing(null)} />}
      </Modal>
      <Table
        size="small" rowKey="id" dataSource={meters} pagination={false} data-testid="meter-table" locale={{ emptyText: t('insp.meter.none') }}
        columns={[
          { title: t('insp.meter.no'), render: (_, m) => m.meter.meterNo },
          { title: t('insp.meter.role'), render: (_, m) => t(`insp.meter.role.${m.meter.role}`) },
          { title: t('insp.meter.tenant'), render: (_, m) => m.meter.tenant || '—' },
          { title: t('insp.meter.class'), render: (_, m) => m.meter.accuracyClass },
          { title: t('insp.meter.multiplier'), render: (_, m) => m.meter.multiplier },
          { title: t('insp.meter.readings'), render: (_, m) => m.meter.readings.map((r) => r.value).join(' → ') },
          { title: t('insp.meter.use'), render: (_, m) => consumption(m.meter) ?? '—' },
          { title: t('insp.meter.verifiedOn'), render: (_, m) => m.meter.verifiedOn ?? '—' },
          { title: t('insp.meter.flags'), render: (_, m) => <FlagTags flags={meterFlags(m.meter, today, years)} /> },
          ...(canRecord ? [{ title: '', key: 'edit', width: 80, render: (_: unknown, m: { id: string; meter: Meter }) => <Button size="small" onClick={() => setEditing(m)}>{t('insp.meter.editButton')}</Button> }] : []),
        ]}
      />
      {meters.length > 0 && (
        <Card size="small" title={t('insp.loss.title')} data-testid="loss-check">
          <Descriptions size="small" column={3} items={[
            { key: 'main', label: t('insp.loss.main'), children: loss.mainKwh },
            { key: 'sub', label: t('insp.loss.sub'), children: loss.subKwh },
            { key: 'rate', label: t('insp.loss.rate'), children: loss.lossRate === null ? t(`insp.loss.${loss.problem ?? 'incomplete'}`) : `${(Number(loss.lossRate) * 100).toFixed(2)}%` },
          ]} />
          {loss.uneven && <Alert type="warning" showIcon title={t('insp.loss.uneven')} />}
        </Card>
      )}
    </Space>
  );
}

interface MeterForm {
  role: Meter['role'];
  meterNo: string;
  type: Meter['type'];
  accuracyClass: Meter['accuracyClass'];
  multiplier: string;
  decimals: number;
  tenant?: string;
  sealIntact: 'intact' | 'broken';
  verificationLabel?: string;
  verifiedOn?: string;
  reading1?: string;
  readAt1?: string;
  reading2: string;
  readAt2: string;
}

const PROBLEM_FIELD: Record<MeterProblem['code'], (p: MeterProblem) => keyof MeterForm> = {
  'reading-decimals': (p) => ('index' in p && p.index === 0 ? 'reading1' : 'reading2'),
  'reading-future': (p) => ('index' in p && p.index === 0 ? 'readAt1' : 'readAt2'),
  'verified-future': () => 'verifiedOn',
};

/**
 * A meter as the form shows it. The form edits the last two readings (上次, 本次); earlier ones, from
 * earlier visits, are kept as they are.
 */
function formOf(m: Meter): Partial<MeterForm> {
  const [r1, r2] = m.readings.length >= 2 ? m.readings.slice(-2) : [undefined, m.readings[0]];
  return {
    role: m.role, meterNo: m.meterNo, type: m.type, accuracyClass: m.accuracyClass, multiplier: m.multiplier, decimals: m.decimals, tenant: m.tenant,
    sealIntact: m.sealIntact ? 'intact' : 'broken', verificationLabel: m.verificationLabel, verifiedOn: m.verifiedOn ?? '',
    reading1: r1?.value, readAt1: r1 ? localInputTime(new Date(r1.at)) : undefined, reading2: r2?.value ?? '', readAt2: r2 ? localInputTime(new Date(r2.at)) : '',
  };
}

/** Adds a meter, or (with `current`) changes one: the edit is kept in the record's history. */
export function MeterForm({ caseId, current, onSaved }: { caseId: string; current?: { id: string; meter: Meter }; onSaved?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeterForm>();
  const draft = useDraft(form, caseId, current ? `meter:${current.id}` : 'meter:new');
  const required = [{ required: true, message: t('insp.meter.required') }];
  const number = { pattern: /^\d{1,12}(\.\d{1,4})?$/, message: t('insp.meter.bad') };

  async function save(f: MeterForm) {
    const kept = current ? current.meter.readings.slice(0, Math.max(0, current.meter.readings.length - 2)) : [];
    const readings = [
      ...kept,
      ...(f.reading1 && f.readAt1 ? [{ at: new Date(f.readAt1).toISOString(), value: f.reading1.trim() }] : []),
      { at: new Date(f.readAt2).toISOString(), value: f.reading2.trim() },
    ];
    const meter = meterSchema.safeParse({
      role: f.role, meterNo: f.meterNo, type: f.type, accuracyClass: f.accuracyClass, multiplier: f.multiplier.trim(), decimals: f.decimals,
      tenant: f.role === 'main' ? '' : (f.tenant ?? ''), sealIntact: f.sealIntact === 'intact', verificationLabel: f.verificationLabel ?? '',
      verifiedOn: f.verifiedOn || null, readings, photos: current?.meter.photos ?? [], note: current?.meter.note ?? '',
    });
    if (!meter.success) {
      form.setFields([{ name: 'multiplier', errors: [t('insp.problem.multiplier')] }]);
      return;
    }
    const problems = meterProblems(meter.data, new Date());
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: PROBLEM_FIELD[p.code](p), errors: [t(`insp.problem.${p.code}`, p as unknown as Record<string, string>)] })));
      return;
    }
    try {
      if (current) await write.editRecord(current.id, meter.data);
      else await write.addRecord(caseId, 'meter', meter.data);
      await draft.drop(true);
      message.success(t('case.saved'));
      onSaved?.();
    } catch (e) {
      message.error(describeError(t, e));
    }
  }

  const initial = current ? formOf(current.meter) : { type: 'electronic' as const, multiplier: '1', decimals: 2, readAt2: localInputTime(new Date()) };
  return (
    // A named form: the edit dialog's fields get ids of their own, apart from the add form's on the page.
    <Form<MeterForm> form={form} name={current ? `meter-${current.id}` : 'meter-new'} layout="vertical" onFinish={(f) => void save(f)} initialValues={initial} onValuesChange={draft.onValuesChange}>
      <DraftNotice draft={draft} />
      <Space wrap align="start">
        <Form.Item name="role" label={t('insp.meter.role')} rules={required}>
          <Radio.Group options={(['main', 'sub'] as const).map((r) => ({ value: r, label: t(`insp.meter.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="meterNo" label={t('insp.meter.no')} rules={[...required, { max: 64 }]}><Input style={{ width: 180 }} /></Form.Item>
        <Form.Item name="tenant" label={t('insp.meter.tenant')}><Input style={{ width: 180 }} maxLength={200} /></Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="type" label={t('insp.meter.type')}><Select style={{ width: 120 }} options={METER_TYPES.map((v) => ({ value: v, label: t(`insp.meter.type.${v}`) }))} /></Form.Item>
        <Form.Item name="accuracyClass" label={t('insp.meter.class')} rules={required}><Select style={{ width: 120 }} options={ACCURACY_CLASSES.map((c) => ({ value: c, label: c }))} /></Form.Item>
        <Form.Item name="multiplier" label={t('insp.meter.multiplier')} rules={[...required, number]}><Input inputMode="decimal" style={{ width: 100 }} /></Form.Item>
        <Form.Item name="decimals" label={t('insp.meter.decimals')}><InputNumber min={0} max={3} style={{ width: 90 }} /></Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="sealIntact" label={t('insp.meter.seal')} rules={required}>
          <Radio.Group options={[{ value: 'intact', label: t('insp.meter.seal.intact') }, { value: 'broken', label: t('insp.meter.seal.broken') }]} />
        </Form.Item>
        <Form.Item name="verificationLabel" label={t('insp.meter.label')}><Input style={{ width: 180 }} maxLength={200} /></Form.Item>
        <Form.Item name="verifiedOn" label={t('insp.meter.verifiedOn')}><Input type="date" style={{ width: 160 }} /></Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="reading1" label={t('insp.meter.reading1')} rules={[number]}><Input inputMode="decimal" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="readAt1" label={t('insp.meter.readAt')}><Input type="datetime-local" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="reading2" label={t('insp.meter.reading2')} rules={[...required, number]}><Input inputMode="decimal" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="readAt2" label={t('insp.meter.readAt')} rules={required}><Input type="datetime-local" style={{ width: 200 }} /></Form.Item>
      </Space>
      <Button type="primary" htmlType="submit">{t(current ? 'insp.meter.saveEdit' : 'insp.meter.add')}</Button>
    </Form>
  );
}

/** A new reading of a meter already recorded (a later visit, the end of a period): appended to its readings. */
function AddReading({ current, onSaved }: { current: { id: string; meter: Meter }; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ value: string; at: string }>();
  async function save(f: { value: string; at: string }) {
    const meter: Meter = { ...current.meter, readings: [...current.meter.readings, { at: new Date(f.at).toISOString(), value: f.value.trim() }] };
    const problem = meterProblems(meter, new Date()).find((p) => 'index' in p && p.index === meter.readings.length - 1);
    if (problem) {
      form.setFields([{ name: problem.code === 'reading-future' ? 'at' : 'value', errors: [t(`insp.problem.${problem.code}`, problem as unknown as Record<string, string>)] }]);
      return;
    }
    try {
      await write.editRecord(current.id, meter);
      message.success(t('case.saved'));
      onSaved();
    } catch (e) {
      message.error(describeError(t, e));
    }
  }
  return (
    <Card size="small" title={t('insp.meter.addReading')} style={{ marginBottom: 12 }}>
      <Form form={form} name={`reading-${current.id}`} layout="inline" initialValues={{ at: localInputTime(new Date()) }} onFinish={(f) => void save(f)}>
        <Form.Item name="value" label={t('insp.meter.newReading')} rules={[{ required: true, message: t('insp.meter.required') }, { pattern: /^\d{1,12}(\.\d{1,4})?$/, message: t('insp.meter.bad') }]}><Input inputMode="decimal" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="at" label={t('insp.meter.readAt')} rules={[{ required: true, message: t('insp.meter.required') }]}><Input type="datetime-local" style={{ width: 200 }} /></Form.Item>
        <Button htmlType="submit">{t('insp.meter.appendReading')}</Button>
      </Form>
    </Card>
  );
}
