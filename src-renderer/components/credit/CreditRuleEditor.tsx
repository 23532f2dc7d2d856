// The credit rule editor: conditions in order (each with its parameters and the grade it gives), the
// default grade, and why the rule as typed cannot be saved (checked as typed, and by the mutator again).
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { checkCreditRule, CREDIT_CONDITION_KINDS, defaultCreditRule, type CreditCondition, type CreditConditionKind, type CreditRule, type CreditStep } from '../../../src-shared/credit/rule';
import { CREDIT_GRADES, type CreditGrade } from '../../../src-shared/domain';
import { fenOfYuan, yuanText } from '../../../src-shared/money';
import { formatChinaTime } from '../../../src-shared/time';
import type { RuleInForce } from '../../db/credit';
import { write } from '../../db/write';
import { useRun } from '../useRun';

const FRESH: Record<CreditConditionKind, CreditCondition> = {
  'overcharge-confirmed': { kind: 'overcharge-confirmed', minFen: 1 },
  'refund-overdue': { kind: 'refund-overdue', minDays: 1 },
  findings: { kind: 'findings', minCount: 1 },
  'filings-flagged': { kind: 'filings-flagged', minMonths: 3, withinMonths: 12 },
  'clean-inspection': { kind: 'clean-inspection' },
  'no-record': { kind: 'no-record' },
};

function Count({ value, label, onChange, min = 1 }: { value: number; label: string; onChange: (n: number) => void; min?: number }) {
  return <InputNumber size="small" aria-label={label} prefix={<Typography.Text type="secondary">{label}</Typography.Text>} min={min} precision={0} value={value} onChange={(v) => v !== null && onChange(v)} style={{ width: 200 }} />;
}

/** The parameters of one condition, each with its unit. */
function Params({ when, onChange }: { when: CreditCondition; onChange: (c: CreditCondition) => void }) {
  const { t } = useTranslation();
  switch (when.kind) {
    case 'overcharge-confirmed':
      return (
        <InputNumber<string> size="small" stringMode min="0.01" step="0.01" precision={2} aria-label={t('creditUi.param.minYuan')} prefix={<Typography.Text type="secondary">{t('creditUi.param.minYuan')}</Typography.Text>}
          value={yuanText(when.minFen)} onChange={(v) => v && onChange({ ...when, minFen: fenOfYuan(v) })} style={{ width: 200 }} />
      );
    case 'refund-overdue':
      return <Count label={t('creditUi.param.minDays')} value={when.minDays} onChange={(minDays) => onChange({ ...when, minDays })} />;
    case 'findings':
      return <Count label={t('creditUi.param.minCount')} value={when.minCount} onChange={(minCount) => onChange({ ...when, minCount })} />;
    case 'filings-flagged':
      return (
        <Space size={4}>
          <Count label={t('creditUi.param.withinMonths')} value={when.withinMonths} onChange={(withinMonths) => onChange({ ...when, withinMonths })} />
          <Count label={t('creditUi.param.minMonths')} value={when.minMonths} onChange={(minMonths) => onChange({ ...when, minMonths })} />
        </Space>
      );
    default:
      return <Typography.Text type="secondary">{t('creditUi.param.none')}</Typography.Text>;
  }
}

function GradeSelect({ value, onChange, label }: { value: CreditGrade; onChange: (g: CreditGrade) => void; label: string }) {
  const { t } = useTranslation();
  return <Select size="small" aria-label={label} value={value} onChange={onChange} style={{ width: 80 }} options={CREDIT_GRADES.map((g) => ({ value: g, label: t(`credit.grade.${g}`) }))} />;
}

export function CreditRuleEditor({ inForce }: { inForce: RuleInForce }) {
  const { t } = useTranslation();
  const run = useRun();
  const [draft, setDraft] = useState<CreditRule>(inForce.rule);
  const steps = draft.conditions;
  const setSteps = (conditions: CreditStep[]) => setDraft({ ...draft, conditions });
  const setStep = (i: number, step: CreditStep) => setSteps(steps.map((s, j) => (j === i ? step : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setSteps(next);
  };
  const checked = checkCreditRule(draft);
  const save = () => run(() => write.putCreditRule({ ...draft, id: uuidv7() }));
  return (
    <Card title={t('creditUi.rule.title')} size="small" data-testid="credit-rule"
      extra={<Typography.Text type="secondary">{inForce.by === null ? t('creditUi.rule.builtin') : t('creditUi.rule.savedBy', { by: inForce.by, at: formatChinaTime(inForce.savedAt ?? '', false) })}</Typography.Text>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input aria-label={t('creditUi.rule.name')} prefix={<Typography.Text type="secondary">{t('creditUi.rule.name')}</Typography.Text>} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} style={{ width: 360 }} maxLength={100} />
          <Typography.Text type="secondary">{t('creditUi.rule.order')}</Typography.Text>
        </Space>
        <Table<CreditStep & { i: number }> size="small" pagination={false} rowKey="i" data-testid="credit-rule-steps"
          dataSource={steps.map((s, i) => ({ ...s, i }))}
          columns={[
            { title: '#', width: 70, render: (_, r) => t('creditUi.rule.n', { n: r.i + 1 }) },
            { title: t('creditUi.rule.when'), width: 170, render: (_, r) => (
              <Select size="small" aria-label={`${t('creditUi.rule.when')} ${r.i + 1}`} value={r.when.kind} style={{ width: 150 }} onChange={(k: CreditConditionKind) => setStep(r.i, { ...r, when: FRESH[k] })}
                options={CREDIT_CONDITION_KINDS.map((k) => ({ value: k, label: t(`creditUi.kind.${k}`) }))} />
            ) },
            { title: t('creditUi.rule.param'), render: (_, r) => <Params when={r.when} onChange={(when) => setStep(r.i, { when, grade: r.grade })} /> },
            { title: t('creditUi.rule.grade'), width: 100, render: (_, r) => <GradeSelect label={`${t('creditUi.rule.grade')} ${r.i + 1}`} value={r.grade} onChange={(grade) => setStep(r.i, { when: r.when, grade })} /> },
            { title: '', width: 120, render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('creditUi.rule.up')} disabled={r.i === 0} onClick={() => move(r.i, -1)} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('creditUi.rule.down')} disabled={r.i === steps.length - 1} onClick={() => move(r.i, 1)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('creditUi.rule.remove')} ${r.i + 1}`} onClick={() => setSteps(steps.filter((_, j) => j !== r.i))} />
              </Space>
            ) },
          ]} />
        <Space wrap>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setSteps([...steps, { when: FRESH['findings'], grade: 'yellow' }])}>{t('creditUi.rule.add')}</Button>
          <Typography.Text>{t('creditUi.rule.default')}</Typography.Text>
          <GradeSelect label={t('creditUi.rule.default')} value={draft.defaultGrade} onChange={(defaultGrade) => setDraft({ ...draft, defaultGrade })} />
        </Space>
        {!checked.ok && (
          <Alert type="error" showIcon data-testid="credit-rule-problems" title={t('creditUi.rule.refused')}
            description={<ul style={{ margin: 0, paddingLeft: 20 }}>{checked.problems.map((p, i) => <li key={i}>{t(p.key, p.params)}</li>)}</ul>} />
        )}
        <Space>
          <Button type="primary" disabled={!checked.ok} onClick={() => void save()}>{t('creditUi.rule.save')}</Button>
          <Button onClick={() => setDraft({ ...defaultCreditRule(), id: draft.id })}>{t('creditUi.rule.reset')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
