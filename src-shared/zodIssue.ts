// A zod issue as a stable code and a path: what crosses a boundary instead of zod's English message.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** The issue's own code, or for a custom issue the code it carries in `params.code` (e.g. `bad-text`). */
export function issueCode(issue: Issue): string {
  const carried = issue.code === 'custom' ? (issue as { params?: { code?: unknown } }).params?.code : undefined;
  return typeof carried === 'string' ? carried : issue.code;
}

/** The first issue of an error as `{ path: 'a.b.0', code }`. */
export function firstIssue(error: z.ZodError): { path: string; code: string } {
  const issue = error.issues[0];
  return issue ? { path: issue.path.map(String).join('.'), code: issueCode(issue) } : { path: '', code: 'invalid' };
}

/** Re-raises every issue of a nested parse under `prefix`, keeping its code (for superRefine). */
export function addNestedIssues(ctx: z.RefinementCtx, prefix: string[], error: z.ZodError): void {
  for (const issue of error.issues) ctx.addIssue({ code: 'custom', path: [...prefix, ...issue.path.map(String)], message: issue.message, params: { code: issueCode(issue) } });
}
