import { App, Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { v7 as uuidv7 } from 'uuid';
import { CREDIT_GRADES, type CreditGrade } from '../../src-shared/domain';
import { syncController } from '../sync/controller';
import { HubClient } from '../sync/hubClient';
import { defaultPlan, type DrawPlan } from '../../src-shared/draw/plan';
import { useProfile } from '../state/profile';
import { describeError } from '../i18n/errors';
import { drawHere, useActiveCounts } from '../db/draws';
import { useAccount } from '../db/syncState';

/** The plan as the form holds it: ratios in percent, as people write them. */
interface PlanForm {
  name: string;
  ratioPercent: number;
  groupBy: DrawPlan['groupBy'];
  riskPercent: Partial<Record<CreditGrade, number | null>>;
  teamSize: number;
  maxPerInspector: number | null;
  sameSubdistrict: boolean;
  lastInspector: boolean;
  seed: string;
}

/** Percent (as typed) to a ratio with at most 4 decimals, so 66.67% stays 0.6667 exactly. */
const toRatio = (percent: number) => Math.round(percent * 100) / 10000;

function toPlan(f: PlanForm): DrawPlan {
  const riskRatios: DrawPlan['riskRatios'] = {};
  for (const g of CREDIT_GRADES) {
    const p = f.riskPercent[g];
    if (p !== null && p !== undefined) riskRatios[g] = toRatio(p);
  }
  return {
    name: f.name.trim(),
    ratio: toRatio(f.ratioPercent),
    groupBy: ['district', ...f.groupBy.filter((g) => g !== 'district')],
    riskRatios,
    teamSize: f.teamSize,
    maxPerInspector: f.maxPerInspector ?? null,
    recusal: { sameSubdistrict: f.sameSubdistrict, lastInspector: f.lastInspector },
  };
}

/** A new draw: the plan, the seed entered in front of witnesses, and the draw itself. */
export function DrawPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const by = useProfile()?.name ?? '';
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const counts = useActiveCounts();

  async function draw(f: PlanForm) {
    setError(null);
    setRunning(true);
    try {
      const id = uuidv7();
      const count = await drawHere(id, toPlan(f), f.seed, by);
      message.success(t('draw.done', { count }));
      navigate(`/draws/${id}`);
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setRunning(false);
    }
  }

  const [form] = Form.useForm<PlanForm>();
  const account = useAccount();
  const canDrawOnHub = account && account.user.role !== 'inspector';
  async function drawOnHub() {
    setError(null);
    const f = await form.validateFields().catch(() => null);
    if (!f || !account) return;
    setRunning(true);
    try {
      const result = await new HubClient(account.hubUrl, account.token).draw(f.seed, toPlan(f));
      message.success(t('draw.hubDone', { count: result.cases }));
      void syncController.syncNow();
      navigate('/cases');
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setRunning(false);
    }
  }

  const initial: PlanForm = {
    name: '', ratioPercent: defaultPlan.ratio * 100, groupBy: defaultPlan.groupBy, riskPercent: {},
    teamSize: defaultPlan.teamSize, maxPerInspector: defaultPlan.maxPerInspector,
    sameSubdistrict: defaultPlan.recusal.sameSubdistrict, lastInspector: defaultPlan.recusal.lastInspector, seed: '',
  };

  return (
    <Form<PlanForm> form={form} layout="vertical" initialValues={initial} onFinish={(f) => void draw(f)}>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('draw.plan')}>
            <Form.Item name="name" label={t('draw.planName')} rules={[{ required: true, whitespace: true, message: t('draw.planNameRequired') }]}>
              <Input placeholder={t('draw.planNameHint')} />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item name="ratioPercent" label={t('draw.ratio')} rules={[{ required: true }]} extra={t('draw.ratioHint')}>
                <InputNumber min={0} max={100} step={5} addonAfter="%" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="teamSize" label={t('draw.teamSize')} rules={[{ required: true }]} extra={t('draw.teamSizeHint')}>
                <InputNumber min={0} max={10} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="maxPerInspector" label={t('draw.maxPerInspector')} extra={t('draw.maxPerInspectorHint')}>
                <InputNumber min={1} style={{ width: 140 }} />
              </Form.Item>
            </Space>
            <Form.Item name="groupBy" label={t('draw.groupBy')}>
              <Checkbox.Group
                options={[
                  { value: 'district', label: t('field.district'), disabled: true },
                  { value: 'subdistrict', label: t('field.subdistrict') },
                  { value: 'kind', label: t('field.kind') },
                  { value: 'credit', label: t('field.credit') },
                ]}
              />
            </Form.Item>
            <Typography.Text strong>{t('draw.riskRatios')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('draw.riskRatiosHint')}</Typography.Paragraph>
            <Space wrap>
              {CREDIT_GRADES.map((g) => (
                <Form.Item key={g} name={['riskPercent', g]} label={t(`credit.${g}`)}>
                  <InputNumber min={0} max={100} addonAfter="%" style={{ width: 120 }} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item label={t('draw.recusal')}>
              <Space direction="vertical">
                <Form.Item name="sameSubdistrict" valuePropName="checked" noStyle>
                  <Checkbox>{t('draw.recuseSameSubdistrict')}</Checkbox>
                </Form.Item>
                <Form.Item name="lastInspector" valuePropName="checked" noStyle>
                  <Checkbox>{t('draw.recuseLastInspector')}</Checkbox>
                </Form.Item>
                <Checkbox checked disabled>{t('draw.recuseConflicts')}</Checkbox>
              </Space>
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('draw.run')}>
            <Space size="large">
              <Statistic title={t('draw.activeEntities')} value={counts?.entities ?? 0} />
              <Statistic title={t('draw.activeInspectors')} value={counts?.inspectors ?? 0} />
            </Space>
            <Form.Item name="seed" label={t('draw.seed')} extra={t('draw.seedHint')} rules={[{ required: true, whitespace: true, message: t('draw.seedRequired') }]} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={t('draw.refused')} description={error} style={{ marginBottom: 12 }} data-testid="draw-error" />}
            <Button type="primary" size="large" htmlType="submit" loading={running} block>
              {t('draw.start')}
            </Button>
            {canDrawOnHub && (
              <Button size="large" loading={running} block style={{ marginTop: 8 }} onClick={() => void drawOnHub()}>
                {t('draw.onHub')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
