// 评定: the rule in force over every target on this device, the grade changes it proposes (from → to,
// with the reason), applied by the office one by one, the selected ones, or all at once. Both run in
// workers: the evaluation ends when the page is left; an apply goes on (it was asked for) unless cancelled,
// and a cancel undoes it whole.
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditProposal } from '../../../src-shared/credit/evaluate';
import type { CreditRule } from '../../../src-shared/credit/rule';
import { describeError } from '../../i18n/errors';
import { applyInWorker, evaluateInWorker, type CreditStage, type GradeProgress } from '../../workers/creditClient';
import { isCancelled } from '../../workers/task';
import { useWork, workHandle } from '../useWork';
import { WorkProgress } from '../WorkProgress';
import { ProposalTable } from './ProposalTable';

const NONE: CreditProposal[] = [];

interface Evaluation {
  asOf: string;
  targets: number;
  proposals: CreditProposal[];
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
  // The apply under way: how many changes were asked, how far the writing has come (null while they are
  // checked against the list), and Cancel.
  const [applying, setApplying] = useState<{ asked: number; written: GradeProgress | null } | null>(null);
  const applyWork = useMemo(() => workHandle({ current: null }), []);

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

  const apply = useCallback(async (proposals: readonly CreditProposal[]) => {
    const signal = applyWork.start();
    setBusy(true);
    const asked = proposals.length;
    setApplying({ asked, written: null });
    try {
      const changes = proposals.map((p) => ({ uscc: p.uscc, grade: p.to, reason: p.reason, ruleId: p.ruleId }));
      const n = await applyInWorker(changes, { onProgress: (written) => setApplying({ asked, written }), signal });
      message.success(t('creditUi.eval.applied', { count: n }));
      const done = new Set(proposals.map((p) => p.uscc));
      setResult((r) => (r ? { ...r, proposals: r.proposals.filter((p) => !done.has(p.uscc)) } : r));
      setSelected((s) => s.filter((u) => !done.has(u)));
    } catch (e) {
      if (isCancelled(e)) message.info(t('creditUi.eval.applyCancelled'));
      else message.error(describeError(t, e));
    } finally {
      applyWork.end(signal);
      setApplying(null);
      setBusy(false);
    }
  }, [applyWork, message, t]);
  const applyOne = useCallback((p: CreditProposal) => void apply([p]), [apply]);

  const proposals = result?.proposals ?? NONE;
  const chosen = useMemo(() => {
    const picked = new Set(selected);
    return proposals.filter((p) => picked.has(p.uscc));
  }, [proposals, selected]);
  return (
    <Card title={t('creditUi.eval.title')} size="small" data-testid="credit-evaluation"
      extra={<Button type="primary" loading={busy && result === null} disabled={applying !== null} onClick={() => void evaluate()}>{t('creditUi.eval.run')}</Button>}>
      {stage !== null && (
        <WorkProgress testId="credit-progress" percent={null} text={t(`creditUi.eval.stage.${stage}`)} cancelLabel={t('creditUi.eval.cancel')} canCancel
          onCancel={working.cancel} />
      )}
      {applying !== null && (
        <WorkProgress testId="credit-apply-progress" percent={applying.written && Math.floor((100 * applying.written.done) / applying.written.total)}
          text={applying.written ? t('creditUi.eval.applying', { ...applying.written }) : t('creditUi.eval.applyChecking', { count: applying.asked })}
          cancelLabel={t('creditUi.eval.applyCancel')} canCancel onCancel={applyWork.cancel} />
      )}
      {result === null ? stage === null && <Typography.Text type="secondary">{t('creditUi.eval.hint')}</Typography.Text> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text data-testid="credit-evaluation-summary">{t('creditUi.eval.asOf', { date: result.asOf, targets: result.targets, changes: proposals.length })}</Typography.Text>
            <Button disabled={chosen.length === 0 || busy} onClick={() => void apply(chosen)}>{t('creditUi.eval.applySelected', { count: chosen.length })}</Button>
            <Button type="primary" disabled={proposals.length === 0 || busy} onClick={() => void apply(proposals)}>{t('creditUi.eval.applyAll', { count: proposals.length })}</Button>
          </Space>
          {proposals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.eval.none')} /> : (
            <ProposalTable proposals={proposals} selected={selected} onSelect={setSelected} busy={busy} onApply={applyOne} />
          )}
        </Space>
      )}
    </Card>
  );
}
