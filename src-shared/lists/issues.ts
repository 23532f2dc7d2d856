// Row issues: built with their Chinese reason, shown as "第 N 行：<列名><原因>".
import { formatMessage, type Locale, type Messages } from '../i18n/format';
import { listMessages } from '../i18n/lists';
import { columnLabelKey } from './columns';
import type { RowIssue } from './types';

/** A row issue with its Chinese reason filled in from `issue.<code>`. */
export function rowIssue(row: number, field: string, code: string, params?: Record<string, string | number>): RowIssue {
  return rowIssueFrom(listMessages['zh-CN'], 'issue.', row, field, code, params);
}

/** A row issue whose reason is `messages[prefix + code]`, for importers with their own message table. */
export function rowIssueFrom(messages: Messages, prefix: string, row: number, field: string, code: string, params?: Record<string, string | number>): RowIssue {
  const reason = formatMessage(messages, `${prefix}${code}`, params);
  return params ? { row, field, code, params, reason } : { row, field, code, reason };
}

/** The line the UI and the CLI show, e.g. "第 7 行：统一社会信用代码校验位错误" (English: "Row 7: … "). */
export function formatIssue(issue: RowIssue, locale: Locale = 'zh-CN'): string {
  if (locale === 'zh-CN') return `第 ${issue.row} 行：${issue.field}${issue.reason}`;
  const messages = listMessages[locale];
  const labelKey = columnLabelKey(issue.field);
  const field = labelKey ? formatMessage(messages, labelKey) : issue.field;
  return formatMessage(messages, 'listReport.row', { row: issue.row, field, reason: formatMessage(messages, `issue.${issue.code}`, issue.params) });
}
