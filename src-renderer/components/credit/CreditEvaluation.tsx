// 评定: the rule in force over every target on this device, the grade changes it proposes (from → to,
// with the reason), applied by the office one by one, the selected ones, or all at once.
import { ArrowRightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CreditProposal } from '../../../src-shared/credit/evaluate';
import type { CreditRule } from '../../../src-shared/credit/rule';
import { write } from '../../db/write';
import { describeError } from '../../i18n/errors';
import { evaluateInWorker, type CreditStage } from '../../workers/creditClient';
import { isCancelled } from '../../workers/task';
import { creditTag } from '../listColumns';
import { useWork } from '../useWork';
import { WorkProgress } from '../WorkProgress';

interface Evaluation {
  asOf: string;
  targets: number;
  proposals: CreditProposal[];
}

export function GradeChange({ from, to }: { from: CreditProposal['from']; to: CreditProposal['to'] | null }) {
  const { t } = useTranslation();
  return <Space size={4}>{creditTag(from, t)}<ArrowRightOutlined />{creditTag(to, t)}</Space>;
}

export function CreditEvaluation({ rule, today }: { rule: CreditRule; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [result, setResult] = useState<Evaluation | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The evaluation under way, in a worker: its stage, and Cancel (leaving the page ends it too).
  const [stage, setStage] = useState<CreditStage | null>(null);
  const working = useWork();

  const evaluate = async () => {
    const signal = working.start();
    setBusy(true);
    setStage('read');
    try {
      const { targets, proposals } = await evaluateInWorker(rule, today, { onProgress: setStage, signal });
      setResult({ asOf: today, targets, proposals });
      setSelected([]);
    } catch (e) {
      if (!isCancelled(e)) message.error(describeError(t, e));
      else if (working.isCurrent(signal)) message.info(t('creditUi.eval.cancelled'));
    } finally {
      working.end(signal);
      setStage(null);
      setBusy(false);
    }
  };

  const apply = async (proposals: readonly CreditProposal[]) => {
    setBusy(true);
    try {
      const n = await write.setCreditGrades(proposals.map((p) => ({ uscc: p.uscc, grade: p.to, reason: p.reason, ruleId: p.ruleId })));
      message.success(t('creditUi.eval.applied', { count: n }));
      const done = new Set(proposals.map((p) => p.uscc));
      setResult((r) => (r ? { ...r, proposals: r.proposals.filter((p) => !done.has(p.uscc)) } : r));
      setSelected((s) => s.filter((u) => !done.has(u)));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  const proposals = result?.proposals ?? [];
  const chosen = proposals.filter((p) => selected.includes(p.uscc));
  return (
    <Card title={t('creditUi.eval.title')} size="small" data-testid="credit-evaluation"
      extra={<Button type="primary" loading={busy && result === null} onClick={() => void evaluate()}>{t('creditUi.eval.run')}</Button>}>
      {stage !== null && (
        <WorkProgress testId="credit-progress" percent={null} text={t(`creditUi.eval.stage.${stage}`)} cancelLabel={t('creditUi.eval.cancel')} canCancel
          onCancel={working.cancel} />
      )}
      {result === null ? stage === null && <Typography.Text type="secondary">{t('creditUi.eval.hint')}</Typography.Text> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text data-testid="credit-evaluation-summary">{t('creditUi.eval.asOf', { date: result.asOf, targets: result.targets, changes: proposals.length })}</Typography.Text>
            <Button disabled={chosen.length === 0 || busy} onClick={() => void apply(chosen)}>{t('creditUi.eval.applySelected', { count: chosen.length })}</Button>
            <Button type="primary" disabled={proposals.length === 0 || busy} onClick={() => void apply(proposals)}>{t('creditUi.eval.applyAll', { count: proposals.length })}</Button>
          </Space>
          {proposals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.eval.none')} /> : (
            <Table<CreditProposal> size="small" rowKey="uscc" dataSource={proposals} data-testid="credit-proposals" pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
              columns={[
                { title: t('creditUi.col.target'), width: 240, render: (_, p) => <Link to={`/targets/${p.uscc}`}>{p.name}</Link> },
                { title: t('creditUi.col.change'), width: 130, render: (_, p) => <GradeChange from={p.from} to={p.to} /> },
                { title: t('creditUi.col.reason'), dataIndex: 'reason' },
                { title: '', width: 80, render: (_, p) => <Button size="small" disabled={busy} onClick={() => void apply([p])}>{t('creditUi.eval.apply')}</Button> },
              ]} />
          )}
        </Space>
      )}
    </Card>
  );
}
