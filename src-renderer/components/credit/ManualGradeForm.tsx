// A grade changed by hand: the target (chosen, or the one whose page this is), the new grade and the
// reason, which is required — every grade change says why.
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_GRADES, type CreditGrade, type Entity } from '../../../src-shared/domain';
import { write } from '../../db/write';
import { TargetPicker } from '../TargetPicker';
import { useRun } from '../useRun';

interface Values {
  uscc: string;
  grade: CreditGrade | 'none';
  reason: string;
}

/** `fixed`: the one target of a target's page; without it the target is searched for on the list. */
export function ManualGradeForm({ fixed }: { fixed?: Pick<Entity, 'uscc' | 'credit'> }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const ok = await run(() => write.setCreditGrades([{ uscc: fixed?.uscc ?? v.uscc, grade: v.grade === 'none' ? null : v.grade, reason: v.reason.trim() }]));
    if (ok) form.resetFields(['reason']);
  };
  return (
    <Form<Values> form={form} layout="inline" onFinish={(v) => void submit(v)} data-testid="credit-manual" initialValues={{ grade: fixed?.credit ?? undefined }}>
      <Space wrap>
        {!fixed && (
          <Form.Item name="uscc" label={t('creditUi.manual.target')} rules={[{ required: true, message: t('creditUi.manual.target') }]}>
            <TargetPicker activeOnly={false} label={t('creditUi.manual.target')} width={320} />
          </Form.Item>
        )}
        <Form.Item name="grade" label={t('creditUi.manual.grade')} rules={[{ required: true, message: t('creditUi.manual.grade') }]}>
          <Select style={{ width: 100 }} aria-label={t('creditUi.manual.grade')} options={[...CREDIT_GRADES.map((g) => ({ value: g, label: t(`credit.grade.${g}`) })), { value: 'none', label: t('creditUi.grade.none') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('creditUi.manual.reason')} rules={[{ required: true, whitespace: true, message: t('creditUi.manual.reasonRequired') }]}>
          <Input style={{ width: 360 }} maxLength={2000} aria-label={t('creditUi.manual.reason')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('creditUi.manual.apply')}</Button>
      </Space>
    </Form>
  );
}
