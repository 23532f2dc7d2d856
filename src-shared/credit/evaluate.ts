// A credit rule over a target's facts: the grade it proposes and why, in words. Pure and deterministic:
// the same facts and rule give the same grade and the same reason on every device.
import type { CreditGrade } from '../domain';
import { formatFen } from '../money';
import { flaggedWithin, type CreditFacts } from './facts';
import { creditText } from './messages';
import type { CreditCondition, CreditRule } from './rule';

export interface CreditVerdict {
  grade: CreditGrade;
  /** In Chinese: the fact, the rule and condition it met, and the grade. */
  reason: string;
  /** The index of the condition met; null when the default grade applies. */
  matched: number | null;
}

/** The condition in words: "经审核确认多收电费达到 0.01 元". */
export function conditionText(c: CreditCondition): string {
  switch (c.kind) {
    case 'overcharge-confirmed': return creditText('credit.cond.overcharge-confirmed', { min: formatFen(c.minFen) });
    case 'refund-overdue': return creditText('credit.cond.refund-overdue', { min: c.minDays });
    case 'findings': return creditText('credit.cond.findings', { min: c.minCount });
    case 'filings-flagged': return creditText('credit.cond.filings-flagged', { min: c.minMonths, within: c.withinMonths });
    case 'clean-inspection': return creditText('credit.cond.clean-inspection');
    case 'no-record': return creditText('credit.cond.no-record');
  }
}

/** The fact in words when the target meets the condition, else null. */
export function metFact(c: CreditCondition, f: CreditFacts): string | null {
  switch (c.kind) {
    case 'overcharge-confirmed':
      return f.confirmedOverchargeFen >= c.minFen ? creditText('credit.fact.overcharge-confirmed', { amount: formatFen(f.confirmedOverchargeFen), cases: f.overchargeCases }) : null;
    case 'refund-overdue':
      return f.overdueTenants > 0 && f.maxOverdueDays >= c.minDays ? creditText('credit.fact.refund-overdue', { tenants: f.overdueTenants, days: f.maxOverdueDays }) : null;
    case 'findings':
      return f.findings >= c.minCount ? creditText('credit.fact.findings', { count: f.findings }) : null;
    case 'filings-flagged': {
      const months = flaggedWithin(f, c.withinMonths);
      return months.length >= c.minMonths ? creditText('credit.fact.filings-flagged', { within: c.withinMonths, months: months.length, list: months.join('、') }) : null;
    }
    case 'clean-inspection':
      return f.lastApproved?.clean ? creditText('credit.fact.clean-inspection', { date: f.lastApproved.on }) : null;
    case 'no-record':
      return f.cases === 0 && f.flaggedMonths.length === 0 ? creditText('credit.fact.no-record') : null;
  }
}

export function gradeText(grade: CreditGrade | null): string {
  return creditText(grade === null ? 'credit.grade.none' : `credit.grade.${grade}`);
}

/** The first condition the target meets gives its grade; none met, the default. */
export function evaluateCredit(facts: CreditFacts, rule: CreditRule): CreditVerdict {
  for (const [i, step] of rule.conditions.entries()) {
    const fact = metFact(step.when, facts);
    if (fact === null) continue;
    const reason = creditText('credit.reason.matched', { fact, rule: rule.name, n: i + 1, condition: conditionText(step.when), grade: gradeText(step.grade) });
    return { grade: step.grade, reason, matched: i };
  }
  return { grade: rule.defaultGrade, reason: creditText('credit.reason.default', { rule: rule.name, grade: gradeText(rule.defaultGrade) }), matched: null };
}

export interface CreditProposal {
  uscc: string;
  name: string;
  from: CreditGrade | null;
  to: CreditGrade;
  reason: string;
  ruleId: string;
}

/** The grade changes a rule proposes over the targets: those whose grade would change, in list order. */
export function proposeGrades(targets: readonly { uscc: string; name: string; credit: CreditGrade | null }[], facts: ReadonlyMap<string, CreditFacts>, rule: CreditRule): CreditProposal[] {
  return targets.flatMap((t) => {
    const f = facts.get(t.uscc);
    if (!f) return [];
    const v = evaluateCredit(f, rule);
    return v.grade === t.credit ? [] : [{ uscc: t.uscc, name: t.name, from: t.credit, to: v.grade, reason: v.reason, ruleId: rule.id }];
  });
}
