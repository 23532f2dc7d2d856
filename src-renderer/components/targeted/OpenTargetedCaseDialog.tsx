// 新建投诉举报 / 定向检查案件: the target (given, or searched on the list), what the case is opened on (a
// complaint with its 12315/12345 number, or screening flags), and the team from the active inspectors, with
// those who must stand aside shown and not choosable. A target in an open case gets the complaint attached.
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Result, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { FILING_FLAGS, type FilingFlag } from '../../../src-shared/filings/types';
import type { TargetedKind, TargetedOrigin } from '../../../src-shared/targeted/origin';
import { standingOf } from '../../../src-shared/targeted/team';
import { useActiveInspectors, useEntity, useOpenCaseOf } from '../../db/targeted';
import { TargetPicker } from '../TargetPicker';
import { write } from '../../db/write';
import { TargetedRefusal, type TargetedOutcome } from '../../sync/targetedMutators';
import { targetedProblemText } from './problemText';

interface TargetedForm {
  uscc?: string;
  kind: TargetedKind;
  ref: string;
  complainant: string;
  allegation: string;
  receivedOn: dayjs.Dayjs;
  months: string[];
  flags: FilingFlag[];
  inspectors: string[];
  lead?: string;
}

export interface OpenTargetedCaseDialogProps {
  /** The target, when the page already knows it (filings, target history); else the office searches the list. */
  uscc?: string;
  origin?: TargetedOrigin;
  onClose: () => void;
}

function originOfForm(f: TargetedForm): TargetedOrigin {
  if (f.kind === 'screening') return { kind: 'screening', months: [...f.months].sort(), flags: f.flags };
  return { kind: 'complaint', ref: f.ref.trim(), complainant: f.complainant.trim(), allegation: f.allegation.trim(), receivedOn: f.receivedOn.format('YYYY-MM-DD') };
}

function initialValues(origin: TargetedOrigin | undefined, uscc: string | undefined): Partial<TargetedForm> {
  const base = { uscc, kind: origin?.kind ?? 'complaint', receivedOn: dayjs(chinaToday(new Date())), months: [] as string[], flags: [] as FilingFlag[], inspectors: [] as string[] };
  if (origin?.kind === 'screening') return { ...base, months: origin.months, flags: origin.flags };
  if (origin?.kind === 'complaint') return { ...base, ref: origin.ref, complainant: origin.complainant, allegation: origin.allegation, receivedOn: dayjs(origin.receivedOn) };
  return base;
}

/** The team's options: free inspectors first (the target's district before others), the recused shown greyed with the rule. */
function teamOptions(t: ReturnType<typeof useTranslation>['t'], target: Entity | null | undefined, inspectors: readonly Inspector[]) {
  if (!target) return [];
  const byCert = new Map(inspectors.map((i) => [i.certNo, i]));
  const rows = inspectors.map((i) => ({ i, standing: standingOf(i.certNo, target, byCert) }));
  const rank = (r: (typeof rows)[number]) => (r.standing.code === 'free' ? 0 : 2) + (r.i.district === target.district ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b)).map(({ i, standing }) => ({
    value: i.certNo,
    title: `${i.name}（${i.certNo}）`,
    disabled: standing.code !== 'free',
    label: (
      <Space size={4} data-testid={`team-option-${i.certNo}`}>
        <span>{`${i.name}（${i.certNo}）`}</span>
        {i.district !== target.district && <Tag>{i.district}</Tag>}
        {standing.code === 'recused' && <Tag color="red">{t('targeted.standing.recused', { rules: standing.rules.map((r) => t(`targeted.rule.${r}`)).join('、') })}</Tag>}
      </Space>
    ),
  }));
}

export function OpenTargetedCaseDialog({ uscc, origin, onClose }: OpenTargetedCaseDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<TargetedForm>();
  const chosenUscc = Form.useWatch('uscc', form) ?? uscc ?? null;
  const kind = Form.useWatch('kind', form) ?? origin?.kind ?? 'complaint';
  const team = Form.useWatch('inspectors', form) ?? [];
  const target = useEntity(chosenUscc);
  const openCase = useOpenCaseOf(chosenUscc);
  const inspectors = useActiveInspectors();
  const options = useMemo(() => teamOptions(t, target, inspectors ?? []), [t, target, inspectors]);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The target's name is kept with the outcome: once done, the form (and what it watched) is gone.
  const [done, setDone] = useState<(TargetedOutcome & { name: string }) | null>(null);
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, whitespace: true, message: t('targeted.required') }];

  async function submit(f: TargetedForm) {
    setRefusal(null);
    setSaving(true);
    try {
      const outcome = await write.openTargetedCase({ uscc: f.uscc ?? uscc ?? '', origin: originOfForm(f), inspectors: f.inspectors, ...(f.lead ? { lead: f.lead } : {}) });
      setDone({ ...outcome, name: target?.name ?? '' });
    } catch (e) {
      if (e instanceof TargetedRefusal) setRefusal(targetedProblemText(t, e.problem));
      else throw e;
    } finally {
      setSaving(false);
    }
  }

  if (done) {
    const { name } = done;
    return (
      <Modal open mask={{ closable: false }} title={t('targeted.title')} onCancel={onClose} footer={null}>
        <Result status="success" data-testid="targeted-done"
          title={done.linked ? t('targeted.linked', { name, caseId: done.caseId }) : t('targeted.opened', { name, origin: t(`origin.${kind}`) })}
          extra={[
            <Button key="view" type="primary" onClick={() => { onClose(); navigate(`/cases/${done.caseId}`); }}>{t('targeted.view')}</Button>,
            <Button key="close" onClick={onClose}>{t('targeted.close')}</Button>,
          ]} />
      </Modal>
    );
  }
  return (
    <Modal open mask={{ closable: false }} width={680} title={t('targeted.title')} okText={t('targeted.submit')} confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('targeted.rule')}</Typography.Paragraph>
      <Form form={form} name="targeted" layout="vertical" initialValues={initialValues(origin, uscc)} onFinish={(f) => void submit(f)}
        onValuesChange={(changed: Partial<TargetedForm>) => {
          setRefusal(null);
          if ('uscc' in changed) form.setFieldsValue({ inspectors: [], lead: undefined });
          if ('inspectors' in changed && !form.getFieldValue('inspectors')?.includes(form.getFieldValue('lead'))) form.setFieldsValue({ lead: undefined });
        }}>
        {uscc ? (
          <Form.Item label={t('targeted.target')}><Typography.Text strong>{target ? `${target.name}（${target.uscc}）` : uscc}</Typography.Text></Form.Item>
        ) : (
          <Form.Item name="uscc" label={t('targeted.target')} rules={[{ required: true, message: t('targeted.required') }]}><TargetPicker activeOnly label={t('targeted.target')} /></Form.Item>
        )}
        {openCase && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="targeted-open-case" title={t('targeted.openCase', { status: t(`cases.status.${openCase.status}`) })} />}
        <Form.Item name="kind" label={t('targeted.kind')}>
          <Segmented options={(['complaint', 'screening'] as const).map((k) => ({ value: k, label: t(`origin.${k}`) }))} />
        </Form.Item>
        {kind === 'complaint' ? (
          <>
            <Space wrap style={{ width: '100%' }} align="start">
              <Form.Item name="ref" label={t('targeted.ref')} rules={required}><Input maxLength={64} style={{ width: 220 }} /></Form.Item>
              <Form.Item name="complainant" label={t('targeted.complainant')} rules={required}><Input maxLength={200} style={{ width: 200 }} /></Form.Item>
              <Form.Item name="receivedOn" label={t('targeted.receivedOn')} rules={[{ required: true, message: t('targeted.required') }]}>
                <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday(new Date())} />
              </Form.Item>
            </Space>
            <Form.Item name="allegation" label={t('targeted.allegation')} rules={required}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="months" label={t('targeted.months')} rules={[{ required: true, message: t('targeted.required') }, { validator: async (_, v: string[]) => { if (v.some((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m))) throw new Error(t('targeted.monthsPlaceholder')); } }]}>
              <Select mode="tags" placeholder={t('targeted.monthsPlaceholder')} aria-label={t('targeted.months')} open={false} tokenSeparators={[',', '，', ' ']} />
            </Form.Item>
            <Form.Item name="flags" label={t('targeted.flags')} rules={[{ required: true, message: t('targeted.required') }]}>
              <Checkbox.Group options={FILING_FLAGS.map((f) => ({ value: f, label: t(`targeted.flag.${f}`) }))} />
            </Form.Item>
          </>
        )}
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="inspectors" label={t('targeted.team')} rules={[{ required: true, type: 'array', min: 2, message: t('targeted.problem.team-too-small', { count: team.length }) }]}>
            <Select mode="multiple" style={{ width: 390 }} disabled={!target} placeholder={t('targeted.teamPlaceholder')} aria-label={t('targeted.team')} options={options} showSearch={{ optionFilterProp: 'title' }} maxCount={10} />
          </Form.Item>
          <Form.Item name="lead" label={t('targeted.lead')}>
            <Select allowClear style={{ width: 200 }} aria-label={t('targeted.lead')} options={team.map((c) => ({ value: c, label: options.find((o) => o.value === c)?.title ?? c }))} />
          </Form.Item>
        </Space>
        {refusal && <Alert type="error" showIcon data-testid="targeted-refusal" title={refusal} />}
      </Form>
    </Modal>
  );
}
