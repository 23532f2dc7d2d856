// 信用监管: the office's credit rule, its evaluation over every target (the changes it proposes, applied one
// by one or all at once) and a grade changed by hand with its reason. The grades are the list's credit
// column, which the next draw groups by.
import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreditRule } from '../db/credit';
import { CreditEvaluation } from '../components/credit/CreditEvaluation';
import { CreditRuleEditor } from '../components/credit/CreditRuleEditor';
import { ManualGradeForm } from '../components/credit/ManualGradeForm';
import { useChinaToday } from '../components/refund/RefundReminders';

export function CreditPage() {
  const { t } = useTranslation();
  const inForce = useCreditRule();
  const today = useChinaToday();
  if (!inForce) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <CreditRuleEditor key={`${inForce.rule.id}:${inForce.savedAt ?? ''}`} inForce={inForce} />
      <CreditEvaluation rule={inForce.rule} today={today} />
      <Card title={t('creditUi.manual.title')} size="small">
        <ManualGradeForm />
      </Card>
    </Space>
  );
}
