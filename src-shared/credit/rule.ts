// The credit rule (信用评定规则) the office configures: an ordered list of conditions, each with the grade it
// gives, and a default grade; the first condition a target meets grades it. A rule that makes no sense —
// every target 黑, a target with nothing against it 黑, no condition, a condition that can never apply —
// is refused with the reason, never stored.
import { z } from 'zod';
import { CREDIT_GRADES, type CreditGrade } from '../domain';
import { cleanString } from '../text';
import { evaluateCredit } from './evaluate';
import { noFacts, type CreditFacts } from './facts';
import { creditText, type CreditMessageKey } from './messages';

export const CREDIT_CONDITION_KINDS = ['overcharge-confirmed', 'refund-overdue', 'findings', 'filings-flagged', 'clean-inspection', 'no-record'] as const;
export type CreditConditionKind = (typeof CREDIT_CONDITION_KINDS)[number];

const count = (max: number) => z.number().int().min(1).max(max);

/** What a target must show; thresholds are "at least". */
export const creditConditionSchema = z.discriminatedUnion('kind', [
  /** The amounts its approved findings concern add up to at least `minFen` (fen). */
  z.strictObject({ kind: z.literal('overcharge-confirmed'), minFen: z.number().int().min(1).max(1e13) }),
  /** A tenant of a refund order is still owed at least `minDays` calendar days after the order's deadline. */
  z.strictObject({ kind: z.literal('refund-overdue'), minDays: count(3650) }),
  /** At least `minCount` findings in its approved cases. */
  z.strictObject({ kind: z.literal('findings'), minCount: count(1000) }),
  /** At least `minMonths` flagged monthly filings in the last `withinMonths` months (this month included). */
  z.strictObject({ kind: z.literal('filings-flagged'), minMonths: count(120), withinMonths: count(120) }),
  /** Its newest approved case has no finding. */
  z.strictObject({ kind: z.literal('clean-inspection') }),
  /** Never in a case, and no flagged filing. */
  z.strictObject({ kind: z.literal('no-record') }),
]);
export type CreditCondition = z.infer<typeof creditConditionSchema>;

export const creditStepSchema = z.strictObject({ when: creditConditionSchema, grade: z.enum(CREDIT_GRADES) });
export type CreditStep = z.infer<typeof creditStepSchema>;

/** A rule as stored and sent: a new `id` for every version the office saves (grade changes name it). */
export const creditRuleSchema = z.strictObject({
  id: z.uuid(),
  name: cleanString().max(100),
  conditions: z.array(creditStepSchema).max(50),
  defaultGrade: z.enum(CREDIT_GRADES),
});
export type CreditRule = z.infer<typeof creditRuleSchema>;

/** The id of the built-in rule (in force until the office saves its own). */
export const DEFAULT_CREDIT_RULE_ID = '00000000-0000-4000-8000-00000000c0de';

/**
 * The built-in rule, after the issue's examples: not refunded by the deadline → 红 (90 days late → 黑), a
 * confirmed overcharge → 黄, three flagged filing months in a year → 黄, another finding → 蓝, a clean
 * latest inspection → 绿; a target with no record stays 蓝 (trustworthy, not yet verified).
 */
export function defaultCreditRule(): CreditRule {
  return {
    id: DEFAULT_CREDIT_RULE_ID,
    name: '默认信用评定规则',
    conditions: [
      { when: { kind: 'refund-overdue', minDays: 90 }, grade: 'black' },
      { when: { kind: 'refund-overdue', minDays: 1 }, grade: 'red' },
      { when: { kind: 'overcharge-confirmed', minFen: 1 }, grade: 'yellow' },
      { when: { kind: 'filings-flagged', minMonths: 3, withinMonths: 12 }, grade: 'yellow' },
      { when: { kind: 'findings', minCount: 1 }, grade: 'blue' },
      { when: { kind: 'clean-inspection' }, grade: 'green' },
    ],
    defaultGrade: 'blue',
  };
}

export const CREDIT_RULE_PROBLEMS = ['name', 'empty', 'unknown-grade', 'unknown-condition', 'duplicate', 'shadowed', 'all-black', 'clean-black', 'field'] as const;
export type CreditRuleProblemCode = (typeof CREDIT_RULE_PROBLEMS)[number];

export interface CreditRuleProblem {
  code: CreditRuleProblemCode;
  /** The message's key (creditMessages): the code, or the code and a variant. */
  key: CreditMessageKey;
  /** Parameters of the message (condition numbers from 1). */
  params: Record<string, string | number>;
  /** In Chinese, for the hub's log and the CLI; screens translate `key` with `params`. */
  message: string;
}

export type CreditRuleCheck = { ok: true; rule: CreditRule } | { ok: false; problems: CreditRuleProblem[] };

function problem(code: CreditRuleProblemCode, params: Record<string, string | number> = {}, variant?: string): CreditRuleProblem {
  const key = `credit.problem.${code}${variant ? `.${variant}` : ''}` as CreditMessageKey;
  return { code, key, params, message: creditText(key, params) };
}

/** Whether every target meeting `later` meets `earlier` too (so `later`, below it, never applies). */
function covers(earlier: CreditCondition, later: CreditCondition): boolean {
  if (earlier.kind !== later.kind) return false;
  switch (earlier.kind) {
    case 'overcharge-confirmed': return earlier.minFen <= (later as typeof earlier).minFen;
    case 'refund-overdue': return earlier.minDays <= (later as typeof earlier).minDays;
    case 'findings': return earlier.minCount <= (later as typeof earlier).minCount;
    case 'filings-flagged': {
      const l = later as typeof earlier;
      return earlier.minMonths <= l.minMonths && earlier.withinMonths >= l.withinMonths;
    }
    case 'clean-inspection':
    case 'no-record':
      return true;
  }
}

function orderProblems(steps: readonly CreditStep[]): CreditRuleProblem[] {
  const out: CreditRuleProblem[] = [];
  steps.forEach((step, i) => {
    const first = steps.findIndex((s, j) => j < i && covers(s.when, step.when));
    if (first < 0) return;
    const same = JSON.stringify(steps[first]!.when) === JSON.stringify(step.when);
    out.push(problem(same ? 'duplicate' : 'shadowed', { n: i + 1, first: first + 1 }));
  });
  return out;
}

/** Targets with nothing against them: never inspected, and inspected with nothing found. */
function cleanTargets(asOf: string): { who: 'none' | 'clean'; facts: CreditFacts }[] {
  const none = noFacts('', asOf);
  return [
    { who: 'none', facts: none },
    { who: 'clean', facts: { ...none, draws: 1, cases: 1, approvedCases: 1, lastApproved: { on: asOf, clean: true } } },
  ];
}

function blackProblems(rule: CreditRule): CreditRuleProblem[] {
  const grades: CreditGrade[] = [...rule.conditions.map((s) => s.grade), rule.defaultGrade];
  if (grades.every((g) => g === 'black')) return [problem('all-black')];
  const black = cleanTargets('2000-01-01').find((t) => evaluateCredit(t.facts, rule).grade === 'black');
  return black ? [problem('clean-black', {}, black.who)] : [];
}

function shapeProblem(issue: z.core.$ZodIssue): CreditRuleProblem {
  const path = issue.path.map(String);
  if (path[0] === 'name') return problem('name');
  if (path[0] === 'defaultGrade') return problem('unknown-grade', {}, 'default');
  if (path.at(-1) === 'grade') return problem('unknown-grade', { n: Number(path[1]) + 1 });
  if (path[0] === 'conditions' && path.length >= 3) return problem('unknown-condition', { n: Number(path[1]) + 1 });
  return problem('field', { field: path.join('.') });
}

/** Validates any value as a credit rule and checks that it makes sense; every problem in Chinese. */
export function checkCreditRule(input: unknown): CreditRuleCheck {
  const parsed = creditRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(shapeProblem) };
  const rule = { ...parsed.data, name: parsed.data.name.trim() };
  const problems: CreditRuleProblem[] = [];
  if (rule.name === '') problems.push(problem('name'));
  if (rule.conditions.length === 0) problems.push(problem('empty'));
  problems.push(...orderProblems(rule.conditions), ...blackProblems(rule));
  return problems.length === 0 ? { ok: true, rule } : { ok: false, problems };
}
