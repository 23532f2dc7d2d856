// 现场笔录: the on-site record composed from the checks, signed on screen by the inspectors present and
// the party (or the refusal noted with a witness); frozen once signed, then supplements.
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeSections, signatureStatus, visitDate, type OnSiteRecord, type OnSiteSignature, type SignerRole } from '../../../src-shared/inspection/onSiteRecord';
import type { TariffTable } from '../../../src-shared/tariff/types';
import { formatChinaTime } from '../../../src-shared/time';
import type { Case } from '../../../src-shared/sync/records';
import { personLabel, type LocalRecord } from '../../db/cases';
import { storeBlob } from '../../db/syncState';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { SignaturePad } from '../SignaturePad';
import { useRun } from '../useRun';
import type { OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { DraftNotice } from '../DraftNotice';
import { useDraft } from '../useDraft';
import { caseChecksOf } from './caseChecks';
import { saveOnSiteRecordPdf } from '../../db/documents';
import { announceSaved } from '../announceSaved';
import type { Photo } from '../../../src-shared/inspection/evidence';
import { localInputTime } from './time';

export interface OnSiteEntry {
  id: string;
  record: OnSiteRecord;
  signatures: OnSiteSignature[];
}

/** The case's on-site records (main records and supplements, in order) with their signatures. */
export function onSiteRecordsOf(records: readonly LocalRecord[]): OnSiteEntry[] {
  const signatures = records.filter((r) => r.kind === 'onSiteSignature').map((r) => r.data as unknown as OnSiteSignature);
  return records.filter((r) => r.kind === 'onSiteRecord').map((r) => ({ id: r.id, record: r.data as unknown as OnSiteRecord, signatures: signatures.filter((s) => s.recordId === r.id) }));
}


interface SignRequest {
  role: SignerRole;
  name: string;
  certNo: string;
  refusal?: boolean;
}

function SignModal({ caseId, recordId, request, onClose }: { caseId: string; recordId: string; request: SignRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useRun();
  const [name, setName] = useState(request.name);
  const [note, setNote] = useState('');
  const [png, setPng] = useState<Blob | null>(null);
  const refusal = request.refusal === true;
  const ready = name.trim() !== '' && (refusal ? note.trim() !== '' : png !== null);
  async function save() {
    const image = refusal || !png ? null : await storeBlob(png);
    const signature: OnSiteSignature = { recordId, role: request.role, name: name.trim(), certNo: request.certNo, image, refused: refusal, note: note.trim(), signedAt: new Date().toISOString() };
    if (await run(() => write.addRecord(caseId, 'onSiteSignature', signature))) onClose();
  }
  return (
    // A tap beside the pad must not throw a half-drawn signature away: only the buttons close it.
    <Modal open mask={{ closable: false }} title={t(refusal ? 'insp.onsite.refuseTitle' : 'insp.onsite.signTitle', { role: t(`insp.onsite.role.${request.role}`) })} onCancel={onClose} onOk={() => void save()} okButtonProps={{ disabled: !ready }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input aria-label={t('insp.onsite.signerName')} placeholder={t('insp.onsite.signerName')} value={name} disabled={request.role === 'inspector'} onChange={(e) => setName(e.target.value)} maxLength={200} />
        {refusal
          ? <Input.TextArea aria-label={t('insp.onsite.refusalNote')} placeholder={t('insp.onsite.refusalNote')} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
          : <SignaturePad onChange={setPng} />}
      </Space>
    </Modal>
  );
}

function RecordCard({ entry, kase, records, table, settings, canRecord, index }: { entry: OnSiteEntry; kase: Case; records: readonly LocalRecord[]; table: TariffTable | null; settings: OfficeSettings; canRecord: boolean; index: number }) {
  const { t } = useTranslation();
  const run = useRun();
  const [signing, setSigning] = useState<SignRequest | null>(null);
  const [supplement, setSupplement] = useState('');
  const { record, signatures } = entry;
  const status = signatureStatus(record, signatures);
  const signed = signatures.length > 0;
  const party = signatures.find((s) => s.role === 'party');
  const witness = signatures.find((s) => s.role === 'witness');
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  async function savePdf() {
    setSaving(true);
    try {
      const photos = records.filter((r) => r.kind === 'photo' && record.covers.includes(r.id)).map((r) => r.data as unknown as Photo);
      announceSaved(message, t, await saveOnSiteRecordPdf(entry, photos));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }
  const signedTag = (s: OnSiteSignature) => <Tag color="green">{t('insp.onsite.signedAt', { time: formatChinaTime(s.signedAt, false) })}</Tag>;
  return (
    <Card size="small" data-testid="onsite-record"
      extra={<Button size="small" loading={saving} onClick={() => void savePdf()}>{t('insp.onsite.pdf')}</Button>}
      title={<Space>{t(record.supplementOf ? 'insp.onsite.supplement' : 'insp.onsite.record')}{index > 0 && !record.supplementOf && `（${index + 1}）`}{status.complete ? <Tag color="green">{t('insp.onsite.complete')}</Tag> : <Tag color="orange">{t('insp.onsite.incomplete')}</Tag>}</Space>}>
      <Descriptions size="small" column={2} items={[
        { key: 'time', label: t('insp.onsite.startedAt'), children: formatChinaTime(record.startedAt, false) },
        { key: 'place', label: t('insp.onsite.place'), children: record.place },
        { key: 'party', label: t('insp.onsite.party'), children: `${record.party.name}（${record.party.uscc}）` },
        { key: 'rep', label: t('insp.onsite.representative'), children: [record.party.representative, record.party.title, record.party.phone].filter(Boolean).join('，') },
        { key: 'team', label: t('insp.onsite.inspectors'), children: record.inspectors.map((i) => `${i.name}（${i.certNo}）`).join('、') },
      ]} />
      {record.sections.map((s) => (
        <div key={s.heading} style={{ marginTop: 8 }}>
          <Typography.Text strong>{s.heading}</Typography.Text>
          {s.lines.map((line, i) => <Typography.Paragraph key={i} style={{ margin: '2px 0 0 1em' }}>{line}</Typography.Paragraph>)}
        </div>
      ))}
      <Card size="small" type="inner" title={t('insp.onsite.signatures')} style={{ marginTop: 12 }} data-testid="onsite-signatures">
        <Space orientation="vertical">
          {record.inspectors.map((i) => {
            const s = signatures.find((x) => x.role === 'inspector' && x.certNo === i.certNo);
            return (
              <Space key={i.certNo} data-testid="sign-row">
                <span>{t('insp.onsite.role.inspector')}：{i.name}（{i.certNo}）</span>
                {s ? signedTag(s) : canRecord && <Button size="small" onClick={() => setSigning({ role: 'inspector', name: i.name, certNo: i.certNo })}>{t('insp.onsite.sign')}</Button>}
              </Space>
            );
          })}
          <Space data-testid="sign-row">
            <span>{t('insp.onsite.role.party')}：{record.party.representative}</span>
            {party ? (party.refused ? <Tag color="red">{t('insp.onsite.refused', { note: party.note })}</Tag> : signedTag(party)) : canRecord && (
              <>
                <Button size="small" onClick={() => setSigning({ role: 'party', name: record.party.representative, certNo: '' })}>{t('insp.onsite.sign')}</Button>
                <Button size="small" danger onClick={() => setSigning({ role: 'party', name: record.party.representative, certNo: '', refusal: true })}>{t('insp.onsite.refuse')}</Button>
              </>
            )}
          </Space>
          {party?.refused && (
            <Space data-testid="sign-row">
              <span>{t('insp.onsite.role.witness')}：{witness?.name ?? ''}</span>
              {witness ? signedTag(witness) : canRecord && <Button size="small" onClick={() => setSigning({ role: 'witness', name: '', certNo: '' })}>{t('insp.onsite.witnessSign')}</Button>}
            </Space>
          )}
        </Space>
      </Card>
      {canRecord && !signed && !record.supplementOf && (
        <Button style={{ marginTop: 8 }} onClick={() => { const { sections, covers } = composeSections(caseChecksOf(records, table, visitDate(record.startedAt), settings)); void run(() => write.editRecord(entry.id, { sections, covers })); }}>{t('insp.onsite.recompose')}</Button>
      )}
      {canRecord && signed && !record.supplementOf && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea aria-label={t('insp.onsite.supplementText')} placeholder={t('insp.onsite.supplementText')} value={supplement} onChange={(e) => setSupplement(e.target.value)} rows={2} maxLength={5000} />
          <Button disabled={supplement.trim() === ''} onClick={() => void run(() => write.addRecord(kase.id, 'onSiteRecord', {
            ...record, supplementOf: entry.id, startedAt: new Date().toISOString(), sections: [{ heading: t('insp.onsite.supplementHeading'), lines: supplement.split('\n').map((l) => l.trim()).filter(Boolean) }], covers: [],
          } satisfies OnSiteRecord)).then((ok) => ok && setSupplement(''))}>{t('insp.onsite.addSupplement')}</Button>
        </Space.Compact>
      )}
      {signing && <SignModal caseId={kase.id} recordId={entry.id} request={signing} onClose={() => setSigning(null)} />}
    </Card>
  );
}

interface NewRecordForm {
  place: string;
  startedAt: string;
  representative: string;
  title?: string;
  phone?: string;
  present: string[];
}

export function OnSiteSection({ kase, records, names, table, settings, canRecord }: { kase: Case; records: readonly LocalRecord[]; names: ReadonlyMap<string, string>; table: TariffTable | null; settings: OfficeSettings; canRecord: boolean }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<NewRecordForm>();
  const draft = useDraft(form, kase.id, 'onSiteRecord:new');
  const entries = onSiteRecordsOf(records);
  async function create(f: NewRecordForm) {
    const startedAt = new Date(f.startedAt).toISOString();
    const { sections, covers } = composeSections(caseChecksOf(records, table, visitDate(startedAt), settings));
    const record: OnSiteRecord = {
      supplementOf: null, startedAt, place: f.place.trim(),
      party: { name: kase.entityName, uscc: kase.uscc, address: kase.address, representative: f.representative.trim(), title: (f.title ?? '').trim(), phone: (f.phone ?? '').trim() },
      inspectors: f.present.map((certNo) => ({ certNo, name: names.get(certNo) ?? certNo })), sections, covers,
    };
    if (await run(() => write.addRecord(kase.id, 'onSiteRecord', record))) {
      await draft.drop();
      form.resetFields(['representative', 'title', 'phone']);
    }
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {entries.length === 0 && <Alert type="info" showIcon title={t('insp.onsite.none')} />}
      {entries.map((e, i) => <RecordCard key={e.id} entry={e} kase={kase} records={records} table={table} settings={settings} canRecord={canRecord} index={i} />)}
      {canRecord && (
        <Card size="small" title={t('insp.onsite.new')}>
          <Form<NewRecordForm> form={form} layout="vertical" onFinish={(f) => void create(f)} initialValues={{ place: kase.address, startedAt: localInputTime(new Date()), present: kase.inspectors }} onValuesChange={draft.onValuesChange}>
            <DraftNotice draft={draft} />
            <Space wrap align="start">
              <Form.Item name="place" label={t('insp.onsite.place')} rules={[{ required: true, whitespace: true, message: t('insp.meter.required') }]}><Input style={{ width: 280 }} maxLength={200} /></Form.Item>
              <Form.Item name="startedAt" label={t('insp.onsite.startedAt')} rules={[{ required: true, message: t('insp.meter.required') }]}><Input type="datetime-local" style={{ width: 210 }} /></Form.Item>
            </Space>
            <Space wrap align="start">
              <Form.Item name="representative" label={t('insp.onsite.representative')} rules={[{ required: true, whitespace: true, message: t('insp.meter.required') }]}><Input style={{ width: 180 }} maxLength={200} /></Form.Item>
              <Form.Item name="title" label={t('insp.onsite.title')}><Input style={{ width: 160 }} maxLength={200} /></Form.Item>
              <Form.Item name="phone" label={t('insp.onsite.phone')}><Input style={{ width: 160 }} maxLength={40} /></Form.Item>
            </Space>
            <Form.Item name="present" label={t('insp.onsite.present')} rules={[{ required: true, type: 'array', min: 1, message: t('insp.onsite.presentRequired') }]}>
              <Checkbox.Group options={kase.inspectors.map((c) => ({ value: c, label: personLabel(names, c) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('insp.onsite.create')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
