import type { TFunction } from 'i18next';
import { FILING_COLUMNS } from '../../../src-shared/filings/columns';
import type { RowIssue } from '../../../src-shared/lists/types';

/** The column a refused row's issue names, in the page's language (the issue carries the Chinese label). */
export function issueField(t: TFunction, issue: RowIssue): string {
  const column = FILING_COLUMNS.find((c) => c.label === issue.field);
  return column ? t(`filings.column.${column.field}`) : issue.field;
}

/** Why the row was refused, in the page's language. */
export function issueReason(t: TFunction, issue: RowIssue): string {
  return t(`filings.issue.${issue.code}`, { ...issue.params, defaultValue: issue.reason });
}
