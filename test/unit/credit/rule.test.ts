// The credit rule: every condition against facts on both sides of its threshold, overdue days counted
// from the deadline, the first condition met wins, a rule that would make every target (or a clean one)
// 黑 refused with the reason, and a rule round-tripped through its schema unchanged.
import { describe, expect, it } from 'vitest';
import { evaluateCredit, proposeGrades } from '../../../src-shared/credit/evaluate';
import { noFacts, type CreditFacts } from '../../../src-shared/credit/facts';
import { checkCreditRule, creditRuleSchema, defaultCreditRule, type CreditCondition, type CreditRule } from '../../../src-shared/credit/rule';
import type { CreditGrade } from '../../../src-shared/domain';

const ID = '0195d0a0-0000-7000-8000-00000000c001';
const facts = (patch: Partial<CreditFacts> = {}): CreditFacts => ({ ...noFacts('91350100M000100Y43', '2026-10-15'), ...patch });
const rule = (conditions: { when: CreditCondition; grade: CreditGrade }[], defaultGrade: CreditGrade = 'blue', name = '测试规则'): CreditRule => ({ id: ID, name, conditions, defaultGrade });
const one = (when: CreditCondition) => rule([{ when, grade: 'red' }]);
const grade = (r: CreditRule, f: CreditFacts) => evaluateCredit(f, r).grade;

describe('credit rule conditions', () => {
  it('a confirmed overcharge: at least minFen, the amount and cases in the reason', () => {
    const r = one({ kind: 'overcharge-confirmed', minFen: 11766 });
    expect(grade(r, facts({ confirmedOverchargeFen: 11765, overchargeCases: 1 }))).toBe('blue');
    expect(evaluateCredit(facts({ confirmedOverchargeFen: 11766, overchargeCases: 1 }), r)).toEqual({
      grade: 'red', matched: 0,
      reason: '经审核确认多收电费 117.66 元（1 个案件），符合规则「测试规则」第 1 条（经审核确认多收电费达到 117.66 元）→ 红',
    });
  });

  it('a refund overdue: counted in days after the deadline, minDays the first day that counts', () => {
    const r = one({ kind: 'refund-overdue', minDays: 30 });
    expect(grade(r, facts({ overdueTenants: 2, maxOverdueDays: 29 }))).toBe('blue');
    expect(evaluateCredit(facts({ overdueTenants: 2, maxOverdueDays: 30 }), r).reason).toBe(
      '2 户租户的退费超过期限仍未退还，最长逾期 30 天，符合规则「测试规则」第 1 条（责令退还的电费超过期限 30 天仍未退还）→ 红',
    );
    // No tenant overdue: no delay counts, whatever the number says.
    expect(grade(r, facts({ overdueTenants: 0, maxOverdueDays: 40 }))).toBe('blue');
  });

  it('findings confirmed by review: at least minCount', () => {
    const r = one({ kind: 'findings', minCount: 2 });
    expect(grade(r, facts({ findings: 1 }))).toBe('blue');
    expect(evaluateCredit(facts({ findings: 2 }), r).reason).toBe('经审核的违法事实 2 项，符合规则「测试规则」第 1 条（经审核的违法事实达到 2 项）→ 红');
  });

  it('flagged filings: only the months inside the window (this month included) count', () => {
    const r = one({ kind: 'filings-flagged', minMonths: 2, withinMonths: 3 });
    // Window on 2026-10-15: 2026-08 … 2026-10; 2026-07 is outside, a month after October does not count either.
    expect(grade(r, facts({ flaggedMonths: ['2026-07', '2026-08', '2026-11'] }))).toBe('blue');
    expect(evaluateCredit(facts({ flaggedMonths: ['2026-07', '2026-08', '2026-10'] }), r).reason).toBe(
      '近 3 个月有 2 个月的申报被标记（2026-08、2026-10），符合规则「测试规则」第 1 条（近 3 个月的月度申报中被标记的月份达到 2 个）→ 红',
    );
    // A window across the new year.
    const jan = facts({ asOf: '2027-01-03', flaggedMonths: ['2026-11', '2027-01'] });
    expect(grade(r, jan)).toBe('red');
    expect(grade(one({ kind: 'filings-flagged', minMonths: 2, withinMonths: 2 }), jan)).toBe('blue');
  });

  it('a clean latest inspection, and no record at all', () => {
    const clean = rule([{ when: { kind: 'clean-inspection' }, grade: 'green' }], 'blue');
    expect(evaluateCredit(facts({ cases: 1, approvedCases: 1, lastApproved: { on: '2026-06-30', clean: true } }), clean)).toEqual({
      grade: 'green', matched: 0, reason: '最近一次检查于 2026-06-30 审核，未发现违法事实，符合规则「测试规则」第 1 条（最近一次检查（已审核）未发现违法事实）→ 绿',
    });
    expect(grade(clean, facts({ cases: 1, approvedCases: 1, findings: 1, lastApproved: { on: '2026-06-30', clean: false } }))).toBe('blue');
    expect(grade(clean, facts({ cases: 1 }))).toBe('blue');
    const none = rule([{ when: { kind: 'no-record' }, grade: 'green' }], 'yellow');
    expect(grade(none, facts())).toBe('green');
    expect(grade(none, facts({ cases: 1 }))).toBe('yellow');
    expect(grade(none, facts({ flaggedMonths: ['2020-01'] }))).toBe('yellow');
  });

  it('the first condition met grades; none met, the default with its reason', () => {
    const r = defaultCreditRule();
    expect(grade(r, facts({ overdueTenants: 1, maxOverdueDays: 90, confirmedOverchargeFen: 100, findings: 1 }))).toBe('black');
    expect(grade(r, facts({ overdueTenants: 1, maxOverdueDays: 89, confirmedOverchargeFen: 100, findings: 1 }))).toBe('red');
    expect(grade(r, facts({ overdueTenants: 1, maxOverdueDays: 1 }))).toBe('red');
    expect(grade(r, facts({ confirmedOverchargeFen: 1, findings: 1 }))).toBe('yellow');
    expect(grade(r, facts({ flaggedMonths: ['2025-11', '2026-03', '2026-10'] }))).toBe('yellow');
    expect(grade(r, facts({ flaggedMonths: ['2025-10', '2026-03', '2026-10'] }))).toBe('blue');
    expect(grade(r, facts({ findings: 1, lastApproved: { on: '2026-06-30', clean: false } }))).toBe('blue');
    expect(grade(r, facts({ cases: 1, approvedCases: 1, lastApproved: { on: '2026-06-30', clean: true } }))).toBe('green');
    expect(evaluateCredit(facts(), r)).toEqual({ grade: 'blue', matched: null, reason: '不符合规则「默认信用评定规则」的任何条件，按默认等级 → 蓝' });
  });

  it('proposes only the targets whose grade would change, naming the rule', () => {
    const a = { uscc: '91350100M000100Y43', name: '万象城', credit: 'blue' as const };
    const b = { uscc: '91110000600037341L', name: '产业园', credit: null };
    const all = new Map([[a.uscc, facts()], [b.uscc, facts({ uscc: b.uscc, confirmedOverchargeFen: 500, overchargeCases: 1 })]]);
    expect(proposeGrades([a, b], all, defaultCreditRule())).toEqual([{
      uscc: b.uscc, name: '产业园', from: null, to: 'yellow', ruleId: defaultCreditRule().id,
      reason: '经审核确认多收电费 5.00 元（1 个案件），符合规则「默认信用评定规则」第 3 条（经审核确认多收电费达到 0.01 元）→ 黄',
    }]);
  });
});

describe('checking a credit rule', () => {
  const codes = (input: unknown) => {
    const c = checkCreditRule(input);
    return c.ok ? [] : c.problems.map((p) => [p.code, p.params]);
  };

  it('takes the default rule and gives it back through its schema unchanged', () => {
    const r = defaultCreditRule();
    expect(checkCreditRule(r)).toEqual({ ok: true, rule: r });
    const roundTripped = creditRuleSchema.parse(JSON.parse(JSON.stringify(r)));
    expect(roundTripped).toEqual(r);
    expect(evaluateCredit(facts({ confirmedOverchargeFen: 1 }), roundTripped)).toEqual(evaluateCredit(facts({ confirmedOverchargeFen: 1 }), r));
  });

  it('refuses a rule that makes every target 黑, with the reason in words', () => {
    const allBlack = rule([{ when: { kind: 'refund-overdue', minDays: 1 }, grade: 'black' }, { when: { kind: 'clean-inspection' }, grade: 'black' }], 'black');
    const c = checkCreditRule(allBlack);
    expect(c).toEqual({ ok: false, problems: [{ code: 'all-black', key: 'credit.problem.all-black', params: {}, message: '按此规则所有检查对象都将被评为黑：每个条件和默认等级都是黑' }] });
  });

  it('refuses a default of 黑 no condition can lift for a target with nothing against it', () => {
    // Only bad facts lift nobody: a target never inspected is 黑.
    expect(codes(rule([{ when: { kind: 'refund-overdue', minDays: 1 }, grade: 'red' }], 'black'))).toEqual([['clean-black', {}]]);
    const none = checkCreditRule(rule([{ when: { kind: 'clean-inspection' }, grade: 'green' }], 'black'));
    expect(none.ok ? null : none.problems[0]!.message).toBe('按此规则从未被检查过、没有任何不良记录的检查对象也将被评为黑：默认等级是黑，没有条件能让它们不是黑');
    // A target inspected with nothing found stays 黑 when only "no record" lifts.
    const clean = checkCreditRule(rule([{ when: { kind: 'no-record' }, grade: 'blue' }], 'black'));
    expect(clean.ok ? null : clean.problems.map((p) => p.key)).toEqual(['credit.problem.clean-black.clean']);
    // Both lifted: accepted (a target with findings is 黑 by the office's choice).
    expect(checkCreditRule(rule([{ when: { kind: 'no-record' }, grade: 'blue' }, { when: { kind: 'clean-inspection' }, grade: 'green' }], 'black')).ok).toBe(true);
  });

  it('refuses no condition, no name, a duplicated or never-reached condition', () => {
    expect(codes(rule([], 'blue', '  '))).toEqual([['name', {}], ['empty', {}]]);
    expect(codes(rule([
      { when: { kind: 'findings', minCount: 1 }, grade: 'blue' },
      { when: { kind: 'refund-overdue', minDays: 30 }, grade: 'black' },
      { when: { kind: 'findings', minCount: 1 }, grade: 'yellow' },
      { when: { kind: 'refund-overdue', minDays: 60 }, grade: 'black' },
      { when: { kind: 'filings-flagged', minMonths: 2, withinMonths: 12 }, grade: 'yellow' },
      { when: { kind: 'filings-flagged', minMonths: 3, withinMonths: 6 }, grade: 'red' },
      { when: { kind: 'filings-flagged', minMonths: 3, withinMonths: 24 }, grade: 'red' },
    ]))).toEqual([['duplicate', { n: 3, first: 1 }], ['shadowed', { n: 4, first: 2 }], ['shadowed', { n: 6, first: 5 }]]);
  });

  it('refuses an unknown grade, an unknown condition and bad parameters, naming the place', () => {
    const base = defaultCreditRule();
    expect(codes({ ...base, defaultGrade: 'purple' })).toEqual([['unknown-grade', {}]]);
    expect(codes({ ...base, conditions: [{ when: { kind: 'findings', minCount: 1 }, grade: '紫' }] })).toEqual([['unknown-grade', { n: 1 }]]);
    expect(codes({ ...base, conditions: [base.conditions[0], { when: { kind: 'moon-phase' }, grade: 'red' }] })).toEqual([['unknown-condition', { n: 2 }]]);
    expect(codes({ ...base, conditions: [{ when: { kind: 'refund-overdue', minDays: 0 }, grade: 'red' }] })).toEqual([['unknown-condition', { n: 1 }]]);
    expect(codes({ ...base, id: 'x' })).toEqual([['field', { field: 'id' }]]);
  });
});

describe('credit messages', () => {
  it('English has exactly the Chinese keys, on the screens too', async () => {
    const { creditMessages } = await import('../../../src-shared/credit/messages');
    const { creditUiMessages } = await import('../../../src-renderer/i18n/creditUi');
    for (const table of [creditMessages, creditUiMessages]) expect(Object.keys(table.en).sort()).toEqual(Object.keys(table['zh-CN']).sort());
  });
});
