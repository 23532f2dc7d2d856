// One case: the target, the team, its records (findings, meter readings …), signing, submitting, review.
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SEVERITIES } from '../../src-shared/sync/records';
import { formatChinaTime } from '../../src-shared/time';
import { SignaturePad } from '../components/SignaturePad';
import { useProfile } from '../state/profile';
import { STATUS_COLOR } from './CasesPage';
import { describeError } from '../i18n/errors';
import { personLabel, useCase, useCaseRecords, useInspectorNames, type LocalRecord } from '../db/cases';
import { storeBlob } from '../db/syncState';
import { write } from '../db/write';
import { useDrawName } from '../db/draws';

function useRun() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('case.saved'));
      return true;
    } catch (e) {
      message.error(describeError(t, e));
      return false;
    }
  };
}

function recordSummary(r: LocalRecord, t: (k: string) => string): string {
  const d = r.data;
  if (r.kind === 'finding') return `${String(d.title)}（${t(`case.severity.${String(d.severity)}`)}）${d.detail ? '：' + String(d.detail) : ''}`;
  if (r.kind === 'meterReading') return `${String(d.meterNo)}：${String(d.reading)} kWh${d.note ? '（' + String(d.note) + '）' : ''}`;
  return JSON.stringify(d);
}

function SignButton({ record }: { record: LocalRecord }) {
  const { t } = useTranslation();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [signer, setSigner] = useState('');
  const [png, setPng] = useState<Blob | null>(null);
  const sign = async () => {
    if (!png) return;
    const ok = await run(async () => write.signRecord(record.id, { signer: signer.trim(), image: await storeBlob(png), signedAt: new Date().toISOString() }));
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('case.sign')}</Button>
      <Modal open={open} title={t('case.sign')} onCancel={() => setOpen(false)} onOk={() => void sign()} okButtonProps={{ disabled: !png || signer.trim() === '' }}>
        <Space direction="vertical">
          <Input placeholder={t('case.signer')} value={signer} onChange={(e) => setSigner(e.target.value)} maxLength={200} />
          <SignaturePad onChange={setPng} />
          {!png && <Alert type="info" message={t('case.signatureMissing')} />}
        </Space>
      </Modal>
    </>
  );
}

function FindingForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm();
  const onFinish = async (v: { title: string; detail?: string; severity: string }) => {
    if (await run(() => write.addRecord(caseId, 'finding', { title: v.title, detail: v.detail ?? '', severity: v.severity, photos: [] }))) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ severity: 'major' }}>
      <Form.Item name="title" label={t('case.finding.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="detail" label={t('case.finding.detail')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Form.Item name="severity" label={t('case.finding.severity')}>
        <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`case.severity.${s}`) }))} />
      </Form.Item>
      <Button htmlType="submit" type="primary">{t('case.save')}</Button>
    </Form>
  );
}

function MeterForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm();
  const onFinish = async (v: { meterNo: string; reading: string; note?: string }) => {
    if (await run(() => write.addRecord(caseId, 'meterReading', { meterNo: v.meterNo, reading: v.reading.trim(), note: v.note ?? '' }))) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item name="meterNo" label={t('case.meter.meterNo')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="reading" label={t('case.meter.reading')} rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,3})?$/ }]}><Input inputMode="decimal" /></Form.Item>
      <Form.Item name="note" label={t('case.meter.note')}><Input maxLength={5000} /></Form.Item>
      <Button htmlType="submit" type="primary">{t('case.save')}</Button>
    </Form>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const run = useRun();
  const profile = useProfile();
  const { id = '' } = useParams();
  const [note, setNote] = useState('');
  const kase = useCase(id);
  const names = useInspectorNames();
  const drawName = useDrawName(kase?.drawId ?? '');
  const records = useCaseRecords(id);
  if (kase === undefined) return <Empty />;
  const frozen = kase.status === 'approved';
  const reviewer = profile && profile.role !== 'inspector';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Space>{kase.entityName}<Tag color={STATUS_COLOR[kase.status]}>{t(`cases.status.${kase.status}`)}</Tag></Space>}
        extra={<Button onClick={() => navigate('/cases')}>{t('case.back')}</Button>}
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('field.uscc')}>{kase.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('field.district')}>{kase.district} {kase.subdistrict}</Descriptions.Item>
          <Descriptions.Item label={t('case.address')}>{kase.address}</Descriptions.Item>
          <Descriptions.Item label={t('case.team')}>{kase.inspectors.map((c) => <Tag key={c}>{personLabel(names, c)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('case.draw')}>{drawName ? <Link to={`/draws/${kase.drawId}`}>{drawName}</Link> : <Typography.Text type="secondary" copyable>{kase.drawId}</Typography.Text>}</Descriptions.Item>
          {kase.reviewNote && <Descriptions.Item label={t('case.reviewNote')}>{kase.reviewNote}</Descriptions.Item>}
        </Descriptions>
        {frozen && <Alert type="success" showIcon message={t('case.frozen')} />}
        {!frozen && (
          <Space style={{ marginTop: 12 }} wrap>
            {!reviewer && kase.status !== 'submitted' && <Button type="primary" onClick={() => void run(() => write.submitCase(kase.id))}>{t('case.submit')}</Button>}
            {reviewer && (
              <>
                <Input style={{ width: 240 }} placeholder={t('case.reviewNotePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
                <Button type="primary" onClick={() => void run(() => write.reviewCase(kase.id, 'approved', note))}>{t('case.approve')}</Button>
                <Button danger onClick={() => void run(() => write.reviewCase(kase.id, 'returned', note))}>{t('case.return')}</Button>
              </>
            )}
          </Space>
        )}
      </Card>
      <Card title={t('case.records')} size="small">
        <List
          dataSource={records}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          renderItem={(r) => (
            <List.Item data-testid="case-record" actions={r.signature ? [<Tag key="s" color="green">{t('case.signed', { signer: r.signature.signer })}</Tag>] : frozen ? [] : [<SignButton key="s" record={r} />]}>
              <List.Item.Meta title={<Space><Tag>{t(`case.kind.${r.kind}`)}</Tag>{recordSummary(r, t)}</Space>} description={`${t('case.createdBy')}：${r.createdBy} · ${t('case.createdAt')}：${formatChinaTime(r.createdAt.split('~')[0] ?? '')}`} />
            </List.Item>
          )}
        />
      </Card>
      {!frozen && (
        <Space align="start" wrap>
          <Card title={t('case.addFinding')} size="small" style={{ width: 420 }}><FindingForm caseId={kase.id} /></Card>
          <Card title={t('case.addMeter')} size="small" style={{ width: 360 }}><MeterForm caseId={kase.id} /></Card>
        </Space>
      )}
    </Space>
  );
}
