// Why a case cannot be approved yet (src-shared/review/approval.ts), in the office's words.
import { formatMessage, type Locale, type MessageTable } from './format';
import type { ApprovalProblem } from '../review/approval';

export const reviewMessages: MessageTable = {
  'zh-CN': {
    'review.notApprovable': '暂不能审核通过：{{problems}}',
    'review.problem.open-conflicts': '本案还有 {{count}} 个冲突未处理（请先在“冲突处理”中处理）',
    'review.problem.unsigned-record': '{{which}}尚未签字完整（缺：{{missing}}）',
    'review.record': '现场检查笔录',
    'review.supplement': '补充笔录',
    'review.witness': '见证人',
    'review.separator': '；',
    'review.listSeparator': '、',
  },
  en: {
    'review.notApprovable': 'Cannot be approved yet: {{problems}}',
    'review.problem.open-conflicts': '{{count}} conflicts about this case are not settled (settle them under Conflicts first)',
    'review.problem.unsigned-record': 'the {{which}} is not fully signed (missing: {{missing}})',
    'review.record': 'on-site record',
    'review.supplement': 'supplementary record',
    'review.witness': 'a witness',
    'review.separator': '; ',
    'review.listSeparator': ', ',
  },
};

/** One problem as a phrase (the reviewer's list shows them one a line). */
export function approvalProblemText(p: ApprovalProblem, locale: Locale = 'zh-CN'): string {
  const t = (key: string, params: Record<string, string | number> = {}) => formatMessage(reviewMessages[locale], key, params);
  return p.code === 'open-conflicts'
    ? t('review.problem.open-conflicts', { count: p.count })
    : t('review.problem.unsigned-record', { which: t(p.supplement ? 'review.supplement' : 'review.record'), missing: [...p.missing, ...(p.witness ? [t('review.witness')] : [])].join(t('review.listSeparator')) });
}

/** The problems as one sentence. */
export function approvalText(problems: readonly ApprovalProblem[], locale: Locale = 'zh-CN'): string {
  const t = (key: string, params: Record<string, string | number> = {}) => formatMessage(reviewMessages[locale], key, params);
  return t('review.notApprovable', { problems: problems.map((p) => approvalProblemText(p, locale)).join(t('review.separator')) });
}
