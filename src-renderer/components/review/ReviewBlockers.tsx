// What stands between the case and approval (src-shared/review/approval.ts), one reason a line; or that
// nothing does, or that the case is approved and frozen.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalProblem } from '../../../src-shared/review/approval';
import { approvalProblemText } from '../../../src-shared/i18n/review';

export function ReviewBlockers({ problems, approved }: { problems: readonly ApprovalProblem[]; approved: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (approved) return <Alert type="success" showIcon title={t('reviewUi.frozen')} data-testid="review-blockers" />;
  if (problems.length === 0) return <Alert type="success" showIcon title={t('reviewUi.approvable')} data-testid="review-blockers" />;
  return (
    <Alert type="warning" showIcon data-testid="review-blockers" title={t('reviewUi.blockers', { count: problems.length })}
      description={<ol style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p, i) => <li key={i}>{approvalProblemText(p, locale)}</li>)}</ol>} />
  );
}
