import { App, Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Statistic, Typography } from 'antd';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { v7 as uuidv7 } from 'uuid';
import { CREDIT_GRADES, type CreditGrade } from '../../src-shared/domain';
import { syncController } from '../sync/controller';
import { HubClient } from '../sync/hubClient';
import { defaultPlan, type DrawPlan } from '../../src-shared/draw/plan';
import { parsePlan } from '../../src-shared/draw/draw';
import { write } from '../db/write';
import { useIdentity } from '../db/identity';
import { describeError } from '../i18n/errors';
import { commitHere, drawHere, useActiveCounts } from '../db/draws';
import { combineSeeds, type Commitment } from '../../src-shared/draw/commitment';
import { formatChinaTime } from '../../src-shared/time';
import { platform } from '../platform';
import { useAccount } from '../db/syncState';
import { useDistricts } from '../db/lists';
import { WorkProgress } from '../components/WorkProgress';
import { drawWorker, type DrawStage } from '../workers/drawClient';
import { useStandby } from '../workers/useStandby';
import { isCancelled } from '../workers/task';
import { DrawResultPage } from '../pageChunks';

/** How far the bar is at each stage of the work in the draw worker. */
const STAGE_PERCENT: Record<DrawStage, number> = { read: 10, hash: 50, draw: 40, record: 90 };

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
  /** The scope: districts covered ([] = every district); a lead's is their own. */
  districts: string[];
  /** One contribution per witness (combined by combineSeeds, docs/draw-algorithm.md §4a). */
  seeds: string[];
  where: 'here' | 'hub';
  /** On the hub: targets in an open case of an earlier draw are drawn again (else left out). */
  allowOpen: boolean;
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
    ...(f.districts.length > 0 ? { districts: f.districts } : {}),
  };
}

/** The fields of the plan (what a commitment fixes). */
const PLAN_FIELDS: (keyof PlanForm)[] = ['name', 'ratioPercent', 'teamSize', 'maxPerInspector', 'groupBy', 'riskPercent', 'sameSubdistrict', 'lastInspector', 'districts'];

/** The commitment as witnesses read it and the public notice prints it. */
function CommitmentCard({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('draw.commitment')} style={{ marginTop: 12 }} data-testid="commitment"
      extra={<Button size="small" onClick={() => void platform.printPage({ title: t('draw.commitment'), suggestedName: `${t('draw.commitment')}.pdf` })}>{t('draw.printCommitment')}</Button>}>
      <Descriptions size="small" column={1} items={[
        { key: 'at', label: t('draw.committedAt'), children: formatChinaTime(c.committedAt) },
        { key: 'counts', label: t('draw.commitCounts'), children: t('draw.commitCountsText', { entities: c.entitiesCount, inspectors: c.inspectorsCount, excluded: c.excludedCount }) },
        { key: 'plan', label: t('draw.planHash'), children: <Typography.Text code>{c.planHash}</Typography.Text> },
        { key: 'e', label: t('draw.entitiesHash'), children: <Typography.Text code>{c.entitiesHash}</Typography.Text> },
        { key: 'i', label: t('draw.inspectorsHash'), children: <Typography.Text code>{c.inspectorsHash}</Typography.Text> },
        { key: 'x', label: t('draw.excludedHash'), children: <Typography.Text code>{c.excludedHash}</Typography.Text> },
      ]} />
    </Card>
  );
}

const NO_DISTRICTS: readonly string[] = [];

/**
 * The plan's fields: their own component, kept out of the draw page's renders while the work runs (each stage
 * of a draw re-rendered the whole form, 50–90 ms at a time, as the worker drew).
 */
const PlanCard = memo(function PlanCard({ districts, ownDistrict, onScopeChange }: { districts: readonly string[]; ownDistrict: string | null; onScopeChange: () => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('draw.plan')}>
      <Form.Item name="name" label={t('draw.planName')} rules={[{ required: true, whitespace: true, message: t('draw.planNameRequired') }]}>
        <Input placeholder={t('draw.planNameHint')} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="ratioPercent" label={t('draw.ratio')} rules={[{ required: true }]} extra={t('draw.ratioHint')}>
          <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="teamSize" label={t('draw.teamSize')} rules={[{ required: true }]} extra={t('draw.teamSizeHint')}>
          <InputNumber min={0} max={10} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="maxPerInspector" label={t('draw.maxPerInspector')} extra={t('draw.maxPerInspectorHint')}>
          <InputNumber min={1} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="districts" label={t('draw.scope')} extra={t(ownDistrict ? 'draw.scopeLead' : 'draw.scopeHint')}>
        <Select mode="multiple" allowClear disabled={ownDistrict !== null} placeholder={t('draw.scopeAll')} aria-label={t('draw.scope')}
          options={districts.map((d) => ({ value: d, label: d }))} onChange={onScopeChange} />
      </Form.Item>
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
            <InputNumber min={0} max={100} suffix="%" style={{ width: 120 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item label={t('draw.recusal')}>
        <Space orientation="vertical">
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
  );
});

/** A new draw: the plan, its commitment, the seeds entered in front of witnesses, and the draw itself. */
export function DrawPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The result opens the moment the draw is recorded, not a chunk's fetch (and React's 300 ms hold) later.
  useEffect(() => void DrawResultPage.preload().catch(() => undefined), []);
  // The worker starts reading the lists while the plan is filled in, and keeps them for the draw.
  useStandby(drawWorker);
  const identity = useIdentity();
  const by = identity?.name ?? '';
  const districts = useDistricts() ?? NO_DISTRICTS;
  // A lead's plan covers their district, fixed; the office chooses (none = every district).
  const ownDistrict = identity?.role === 'lead' ? identity.district : null;
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [commitment, setCommitment] = useState<{ where: PlanForm['where']; commitment: Commitment } | null>(null);
  // A change of scope asks for a new commitment.
  const forgetCommitment = useCallback(() => setCommitment(null), []);
  const counts = useActiveCounts();
  // The work in the draw worker: its stage, whether it records already (Cancel no longer applies), and its Cancel.
  const [stage, setStage] = useState<DrawStage | null>(null);
  const [storing, setStoring] = useState(false);
  const working = useRef<AbortController | null>(null);

  function workOptions() {
    const controller = new AbortController();
    working.current = controller;
    setStage(null);
    setStoring(false);
    return { signal: controller.signal, onProgress: setStage, onStoring: () => setStoring(true) };
  }

  function workEnded() {
    working.current = null;
    setStage(null);
  }

  /** Step 1: plan and lists fixed as hashes, shown and printable, before any seed is entered. */
  async function commit() {
    setError(null);
    const f = await form.validateFields(PLAN_FIELDS).catch(() => null);
    if (!f) return;
    setRunning(true);
    try {
      const all = form.getFieldsValue(true) as PlanForm;
      const plan = toPlan(all);
      const made = await commitHere(plan, all.where === 'hub' && !all.allowOpen, workOptions());
      // Kept and queued: the hub records the commitment, with its own time, before any seed exists.
      await write.commitPlan(uuidv7(), parsePlan(plan), made);
      setCommitment({ where: all.where, commitment: made });
    } catch (e) {
      if (isCancelled(e)) message.info(t('draw.commitCancelled'));
      else setError(describeError(t, e));
    } finally {
      workEnded();
      setRunning(false);
    }
  }

  /** Step 2: the witnesses' seeds, then the draw here or on the hub, held to the commitment. */
  async function draw(f: PlanForm) {
    if (!commitment) return;
    setError(null);
    setRunning(true);
    try {
      const seed = combineSeeds(f.seeds);
      if (commitment.where === 'hub' && account) {
        const result = await new HubClient(account.hubUrl, account.token).draw(seed, toPlan(f), f.allowOpen ? 'allow' : 'leave-out', commitment.commitment);
        message.success(t('draw.hubDone', { count: result.cases }));
        if (result.alreadyOpen.length > 0) message.warning(t(f.allowOpen ? 'draw.hubDrawnAgain' : 'draw.hubLeftOut', { count: result.alreadyOpen.length }), 8);
        void syncController.syncNow();
        navigate('/cases');
        return;
      }
      const id = uuidv7();
      const head = await drawHere(id, toPlan(f), seed, by, commitment.commitment, workOptions());
      message.success(t('draw.done', { count: head.selectedCount }));
      navigate(`/draws/${id}`, { state: { drawHead: head } });
    } catch (e) {
      if (isCancelled(e)) message.info(t('draw.cancelled'));
      else setError(describeError(t, e));
    } finally {
      workEnded();
      setRunning(false);
    }
  }

  const [form] = Form.useForm<PlanForm>();
  const account = useAccount();
  const canDrawOnHub = account && account.user.role !== 'inspector';
  const seeds = Form.useWatch('seeds', form) ?? [];
  const where = Form.useWatch('where', form) ?? 'here';

  const initial: PlanForm = {
    name: '', ratioPercent: defaultPlan.ratio * 100, groupBy: defaultPlan.groupBy, riskPercent: {},
    teamSize: defaultPlan.teamSize, maxPerInspector: defaultPlan.maxPerInspector,
    sameSubdistrict: defaultPlan.recusal.sameSubdistrict, lastInspector: defaultPlan.recusal.lastInspector, districts: ownDistrict ? [ownDistrict] : [],
    seeds: [''], where: 'here', allowOpen: false,
  };
  if (identity === undefined) return null;
  // Shown under the button that started the work: 生成承诺 before a commitment, 开始抽取 after.
  const progress = stage && (
    <WorkProgress testId="draw-progress" percent={STAGE_PERCENT[stage]} text={t(`draw.stage.${stage}`)} cancelLabel={t('draw.cancel')} canCancel={!storing} onCancel={() => working.current?.abort()} />
  );

  return (
    <Form<PlanForm> form={form} layout="vertical" initialValues={initial} onFinish={(f) => void draw(f)}>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <PlanCard districts={districts} ownDistrict={ownDistrict} onScopeChange={forgetCommitment} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('draw.run')}>
            <Space size="large">
              <Statistic title={t('draw.activeEntities')} value={counts?.entities ?? 0} />
              <Statistic title={t('draw.activeInspectors')} value={counts?.inspectors ?? 0} />
            </Space>
            {canDrawOnHub && (
              <Form.Item name="where" label={t('draw.where')} style={{ marginTop: 16 }}>
                <Radio.Group onChange={() => setCommitment(null)} options={[{ value: 'here', label: t('draw.where.here') }, { value: 'hub', label: t('draw.where.hub') }]} />
              </Form.Item>
            )}
            {canDrawOnHub && where === 'hub' && (
              <Form.Item name="allowOpen" valuePropName="checked" extra={t('draw.allowOpenHint')}>
                <Checkbox onChange={() => setCommitment(null)}>{t('draw.allowOpen')}</Checkbox>
              </Form.Item>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('draw.commitHint')}</Typography.Paragraph>
            <Button size="large" block loading={running && !commitment} onClick={() => void commit()}>
              {commitment ? t('draw.commitAgain') : t('draw.commit')}
            </Button>
            {!commitment && progress}
            {commitment && <CommitmentCard commitment={commitment.commitment} />}
            <Form.List name="seeds">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 16 }}>
                  {fields.map((field, i) => (
                    <Form.Item key={field.key} label={t('draw.seedOf', { n: i + 1 })} extra={i === 0 ? t('draw.seedHint') : undefined} required>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name={field.name} noStyle rules={[{ required: true, whitespace: true, message: t('draw.seedRequired') }]}>
                          <Input disabled={!commitment} aria-label={t('draw.seedOf', { n: i + 1 })} />
                        </Form.Item>
                        {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t('draw.removeWitness')}</Button>}
                      </Space.Compact>
                    </Form.Item>
                  ))}
                  <Button type="dashed" block disabled={!commitment} onClick={() => add('')}>{t('draw.addWitness')}</Button>
                  {seeds.filter((x) => x && x.trim()).length > 1 && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="combined-seed">
                      {t('draw.combinedSeed')}<Typography.Text code>{combineSeeds(seeds)}</Typography.Text>
                    </Typography.Paragraph>
                  )}
                </div>
              )}
            </Form.List>
            {commitment && progress}
            {error && <Alert type="error" showIcon title={t('draw.refused')} description={error} style={{ marginBottom: 12 }} data-testid="draw-error" />}
            <Button type="primary" size="large" htmlType="submit" loading={running && commitment !== null} disabled={!commitment} block>
              {commitment?.where === 'hub' ? t('draw.onHub') : t('draw.start')}
            </Button>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
