// 审核 of a case: the reviewer's note, 审核通过 (disabled while anything stands in the way, the reasons shown
// above it) and 退回补充, which needs a note saying what the team is to add or correct: a case returned
// without one is refused here with that message, before anything is queued.
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalProblem } from '../../../src-shared/review/approval';
import { write } from '../../db/write';
import { useRun } from '../useRun';

export function ReviewActions({ caseId, problems }: { caseId: string; problems: readonly ApprovalProblem[] }) {
  const { t } = useTranslation();
  const run = useRun();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const send = (decision: 'approved' | 'returned') => run(() => write.reviewCase(caseId, decision, note.trim())).then((ok) => ok && setNote(''));
  const returnCase = () => {
    if (note.trim() === '') return setNoteMissing(true);
    void send('returned');
  };
  return (
    <Space orientation="vertical" size={4} data-testid="review-actions">
      <Space wrap align="start">
        <Input.TextArea style={{ width: 360 }} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} aria-label={t('case.reviewNote')} placeholder={t('reviewUi.notePlaceholder')}
          status={noteMissing ? 'error' : undefined} value={note} onChange={(e) => { setNote(e.target.value); if (e.target.value.trim()) setNoteMissing(false); }} />
        <Button type="primary" disabled={problems.length > 0} title={problems.length > 0 ? t('reviewUi.approveDisabled') : undefined} onClick={() => void send('approved')}>{t('case.approve')}</Button>
        <Button danger onClick={returnCase}>{t('case.return')}</Button>
      </Space>
      {noteMissing && <Typography.Text type="danger" role="alert" data-testid="return-note-missing">{t('reviewUi.returnNeedsNote')}</Typography.Text>}
    </Space>
  );
}
