// 违法事实: what the checks propose (taken or not, by the inspector) and the form to record a finding.
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposeFindings, type ProposedFinding } from '../../../src-shared/inspection/findings';
import { basesOfType, findingTypeLabel, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { chinaDate, lossCheck } from '../../../src-shared/inspection/meters';
import { checkPosting } from '../../../src-shared/inspection/postedTariff';
import { fenOfYuan, formatFen, parseDecimal } from '../../../src-shared/money';
import type { TariffTable } from '../../../src-shared/tariff/types';
import type { LocalRecord } from '../../db/cases';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { DraftNotice } from '../DraftNotice';
import { useDraft } from '../useDraft';
import { useRun } from '../useRun';
import { caseChecksOf } from './caseChecks';
import { overchargeOf } from '../../../src-shared/inspection/ledgerCheck';

/** The proposals of a case's checks not yet taken or declined. */
export function openProposals(records: readonly LocalRecord[], table: TariffTable | null, settings: OfficeSettings, now = new Date()): ProposedFinding[] {
  const decided = new Set(records.flatMap((r) => (r.kind === 'finding' || r.kind === 'proposalDismissed') && typeof r.data.proposal === 'string' ? [r.data.proposal] : []));
  return proposalsOf(records, table, settings, now).filter((p) => !decided.has(p.key));
}

/** Everything a case's checks propose today, taken, declined or not yet. */
export function proposalsOf(records: readonly LocalRecord[], table: TariffTable | null, settings: OfficeSettings, now = new Date()): ProposedFinding[] {
  const checks = caseChecksOf(records, table, chinaDate(now), settings);
  const meters = checks.meters.map((m) => m.meter);
  const posting = checks.posting?.posting ?? null;
  const ledger = checks.ledgers.at(-1)?.check;
  return proposeFindings({
    overcharge: ledger ? overchargeOf(ledger) : null,
    checkedOn: checks.checkedOn, meters, loss: meters.length > 0 ? lossCheck(meters) : null,
    posting: posting ? checkPosting(posting, table) : null, chargedLossRate: posting?.chargedLossRate ?? null, settings,
  });
}

function findingData(type: string, facts: string, basis: string, amountFen: number | null, proposal?: string) {
  return { title: type, detail: facts, type, basis, amountFen, photos: [], ...(proposal ? { proposal } : {}) };
}

export function ProposedFindings({ caseId, records, table, settings, canRecord }: { caseId: string; records: readonly LocalRecord[]; table: TariffTable | null; settings: OfficeSettings; canRecord: boolean }) {
  const { t } = useTranslation();
  const [dismissing, setDismissing] = useState<ProposedFinding | null>(null);
  const [reason, setReason] = useState('');
  const proposals = openProposals(records, table, settings);
  const run = useRun();
  return (
    <Card size="small" title={t('insp.findings.proposed')} data-testid="proposed-findings">
      {proposals.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insp.findings.noneProposed')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {proposals.map((p) => (
          <Card key={p.key} size="small" type="inner" data-testid="proposal"
            title={<Space><Tag color="orange">{findingTypeLabel(settings, p.type)}</Tag>{p.amountFen !== null && `${formatFen(p.amountFen)} 元`}</Space>}
            extra={canRecord && (
              <Space>
                <Button size="small" type="primary" onClick={() => void run(() => write.addRecord(caseId, 'finding', { ...findingData(p.type, p.facts, p.basis, p.amountFen, p.key), title: findingTypeLabel(settings, p.type) }))}>{t('insp.findings.confirm')}</Button>
                <Button size="small" onClick={() => setDismissing(p)}>{t('insp.findings.dismiss')}</Button>
              </Space>
            )}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{p.facts}</Typography.Paragraph>
            <Typography.Text type="secondary">{p.basis}</Typography.Text>
          </Card>
        ))}
      </Space>
      <Modal open={dismissing !== null} title={t('insp.findings.dismiss')} okButtonProps={{ disabled: reason.trim() === '' }} onCancel={() => setDismissing(null)}
        onOk={() => void run(() => write.addRecord(caseId, 'proposalDismissed', { proposal: dismissing!.key, reason: reason.trim() })).then((ok) => ok && (setDismissing(null), setReason('')))}>
        <Input.TextArea aria-label={t('insp.findings.dismissReason')} placeholder={t('insp.findings.dismissReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={3} />
      </Modal>
    </Card>
  );
}

interface FindingForm {
  type: string;
  facts: string;
  /** The citations chosen from the office's list or typed; stored joined by '；'. */
  basis?: string[];
  amount?: string;
}

/** A finding typed by the inspector: a type and bases from the office's lists, facts, an amount. */
export function FindingAddForm({ caseId, settings }: { caseId: string; settings: OfficeSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FindingForm>();
  const draft = useDraft(form, caseId, 'finding:new');
  const bases = settings.legalBases.map((b) => ({ value: b.text, label: b.text }));
  async function save(f: FindingForm) {
    const amount = f.amount?.trim() ? parseDecimal(f.amount.trim(), 2) : null;
    if (amount && !amount.ok) {
      form.setFields([{ name: 'amount', errors: [t('insp.findings.amountBad')] }]);
      return;
    }
    try {
      await write.addRecord(caseId, 'finding', { ...findingData(f.type, f.facts.trim(), (f.basis ?? []).map((b) => b.trim()).filter(Boolean).join('；'), amount ? fenOfYuan(amount.value) : null), title: findingTypeLabel(settings, f.type) });
      await draft.drop(true);
      message.success(t('case.saved'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  }
  return (
    <Form<FindingForm> form={form} layout="vertical" onFinish={(f) => void save(f)}
      onValuesChange={(changed: Partial<FindingForm>) => {
        if (changed.type) form.setFieldValue('basis', basesOfType(settings, changed.type));
        draft.onValuesChange();
      }}>
      <DraftNotice draft={draft} />
      <Form.Item name="type" label={t('insp.findings.type')} rules={[{ required: true, message: t('insp.findings.typeRequired') }]}>
        <Select style={{ width: 260 }} options={settings.findingTypes.filter((x) => x.active).map((x) => ({ value: x.code, label: x.label }))} />
      </Form.Item>
      <Form.Item name="facts" label={t('insp.findings.facts')} rules={[{ required: true, whitespace: true, message: t('insp.findings.factsRequired') }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      <Form.Item name="basis" label={t('insp.findings.basis')} extra={t('insp.findings.basisHint')}>
        <Select mode="tags" style={{ maxWidth: 720 }} options={bases} tokenSeparators={['；']} aria-label={t('insp.findings.basis')} />
      </Form.Item>
      <Form.Item name="amount" label={t('insp.findings.amount')}><Input inputMode="decimal" style={{ width: 200 }} /></Form.Item>
      <Button type="primary" htmlType="submit">{t('insp.findings.add')}</Button>
    </Form>
  );
}
