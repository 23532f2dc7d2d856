// Errors carry codes; words are made here, at the edge: a refusal of the hub, a local refusal, a
// schema issue each become one sentence in the user's language. No English message and no schema
// pattern reaches a Chinese screen (the original stays in the console for support).
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { DrawError } from '../../src-shared/draw/draw';
import { caseFileText, type CaseFileCode } from '../../src-shared/i18n/caseFile';
import { approvalText } from '../../src-shared/i18n/review';
import { issueCode } from '../../src-shared/zodIssue';
import { SyncError } from '../sync/hubClient';
import { LocalRefusal } from '../sync/mutators';
import { RefundRefusal } from '../sync/refundMutators';
import { PublicationRefusal } from '../sync/publicationMutators';
import { formatFen } from '../../src-shared/money';

/** One issue as "field reason"; `fieldLabel` names a path for people (else the path's last part). */
export function describeIssue(t: TFunction, issue: { path: readonly (string | number | symbol)[]; code: string }, fieldLabel?: (path: string) => string | undefined): string {
  const path = issue.path.map(String).join('.');
  const reason = t(`issue.zod.${issue.code}`, { defaultValue: t('issue.zod.custom') });
  if (path === '') return reason;
  const field = fieldLabel?.(path) ?? t(`field.${path}`, { defaultValue: issue.path.map(String).at(-1) ?? path });
  return t('error.field', { field, reason });
}

/** Any error, as one sentence for the user. */
export function describeError(t: TFunction, e: unknown, fieldLabel?: (path: string) => string | undefined): string {
  if (e instanceof z.ZodError) {
    const issue = e.issues[0];
    return issue ? describeIssue(t, { path: issue.path, code: issueCode(issue) }, fieldLabel) : t('issue.zod.custom');
  }
  if (e instanceof RefundRefusal) {
    const p = e.problem;
    return t(`refund.problem.${p.code}`, { remaining: 'remainingFen' in p ? formatFen(p.remainingFen) : '', issuedOn: 'issuedOn' in p ? p.issuedOn : '', deadline: 'deadline' in p ? p.deadline : '' });
  }
  if (e instanceof PublicationRefusal) {
    const p = e.problem;
    return t(`publication.problem.${p.code}`, { name: e.target || ('caseId' in p ? p.caseId : ''), today: 'today' in p ? p.today : '', derived: 'derived' in p ? t(`publication.category.${p.derived}`) : '' });
  }
  if (e instanceof LocalRefusal) return e.code === 'not-approvable' ? approvalText(e.problems, appLocale()) : t(`error.local.${e.code}`);
  // The draw's refusals are made from the shared message table already (src-shared/i18n/draw.ts).
  if (e instanceof DrawError) return e.message;
  if (e instanceof SyncError) {
    const issue = e.issues?.[0];
    if (e.code === 'bad-request' && issue) return describeIssue(t, issue, fieldLabel);
    if (e.code === 'draw-failed') return e.message;
    if (e.code === 'case-file-invalid' && e.reason) return `${t('hubError.case-file-invalid')}${appLocale() === 'en' ? ' ' : ''}${caseFileText(e.reason.code as CaseFileCode, e.reason.params, appLocale())}`;
    if (e.code) return t(`hubError.${e.code}`, { defaultValue: t(`sync.cause.${e.kind}`, { detail: '' }) });
    return t(`sync.cause.${e.kind}`, { detail: '' });
  }
  if (isQuotaExceeded(e)) return t('error.local.quota');
  console.error(e);
  return t('error.unexpected');
}

/** The browser's storage quota ran out (IndexedDB's QuotaExceededError, as Dexie passes it or wraps it). */
export function isQuotaExceeded(e: unknown): boolean {
  const named = (x: unknown) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === 'QuotaExceededError';
  return named(e) || named((e as { inner?: unknown } | null)?.inner);
}

/** The app's language, for tables formatted outside i18next. */
function appLocale(): 'zh-CN' | 'en' {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** A mutation the hub refused, as the hub sent it (`hubRejected` rows): its code, and params naming why. */
export interface HubRefusal {
  name?: unknown;
  code?: unknown;
  params?: Record<string, unknown>;
}

/** The form's own label for a field a mutation's schema refused, where it is not a list field. */
const FIELD_LABELS: Partial<Record<string, Record<string, string>>> = {
  openTargetedCase: { inspectors: 'targeted.team', lead: 'targeted.lead' },
};

/**
 * A hub refusal as one sentence: where the hub named the rule (`params.reason`), the same words the
 * laptop gives when it refuses first; otherwise the code, with the field a schema refused.
 * `caseName` names a case the params point to by id (publications).
 */
export function describeHubRefusal(t: TFunction, row: HubRefusal, caseName?: (caseId: string) => string | undefined): string {
  const p = row.params ?? {};
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : '');
  const values = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, text(v)]));
  const reason = typeof p.reason === 'string' ? p.reason : undefined;
  const byCode = t(`sync.rejected.code.${String(row.code)}`);
  if (reason !== undefined) {
    switch (row.name) {
      case 'publishResults': {
        const id = typeof p.caseId === 'string' ? p.caseId : '';
        return t(`publication.problem.${reason}`, { ...values, name: caseName?.(id) ?? id, derived: typeof p.derived === 'string' ? t(`publication.category.${p.derived}`) : '' });
      }
      case 'openTargetedCase':
      case 'setCreditGrades':
        return t(`targeted.problem.${reason}`, { ...values, rule: typeof p.rule === 'string' ? t(`targeted.rule.${p.rule}`) : '', defaultValue: byCode });
      case 'putCreditRule':
        return typeof p.key === 'string' ? t(p.key, { ...values, defaultValue: byCode }) : byCode;
    }
  }
  const labels = FIELD_LABELS[String(row.name)] ?? {};
  const label = (path: string) => (labels[path] === undefined ? undefined : t(labels[path]));
  const detail = typeof p.path === 'string' && p.path !== '' ? describeIssue(t, { path: p.path.split('.'), code: typeof p.issue === 'string' ? p.issue : 'custom' }, label) : '';
  return detail === '' ? byCode : `${byCode}：${detail}`;
}
