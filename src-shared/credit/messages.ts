// Every message of the credit rule: conditions in words, the reasons a proposal gives (Chinese is the
// language of the record: a reason is stored with the grade change), and why a rule is refused.
import { formatMessage, type MessageTable } from '../i18n/format';

export const creditMessages = {
  'zh-CN': {
    'credit.grade.green': '绿',
    'credit.grade.blue': '蓝',
    'credit.grade.yellow': '黄',
    'credit.grade.red': '红',
    'credit.grade.black': '黑',
    'credit.grade.none': '未评定',

    'credit.cond.overcharge-confirmed': '经审核确认多收电费达到 {{min}} 元',
    'credit.cond.refund-overdue': '责令退还的电费超过期限 {{min}} 天仍未退还',
    'credit.cond.findings': '经审核的违法事实达到 {{min}} 项',
    'credit.cond.filings-flagged': '近 {{within}} 个月的月度申报中被标记的月份达到 {{min}} 个',
    'credit.cond.clean-inspection': '最近一次检查（已审核）未发现违法事实',
    'credit.cond.no-record': '无检查记录、申报无标记',

    'credit.fact.overcharge-confirmed': '经审核确认多收电费 {{amount}} 元（{{cases}} 个案件）',
    'credit.fact.refund-overdue': '{{tenants}} 户租户的退费超过期限仍未退还，最长逾期 {{days}} 天',
    'credit.fact.findings': '经审核的违法事实 {{count}} 项',
    'credit.fact.filings-flagged': '近 {{within}} 个月有 {{months}} 个月的申报被标记（{{list}}）',
    'credit.fact.clean-inspection': '最近一次检查于 {{date}} 审核，未发现违法事实',
    'credit.fact.no-record': '无检查记录，申报无标记',

    'credit.reason.matched': '{{fact}}，符合规则「{{rule}}」第 {{n}} 条（{{condition}}）→ {{grade}}',
    'credit.reason.default': '不符合规则「{{rule}}」的任何条件，按默认等级 → {{grade}}',

    'credit.problem.name': '规则名称不能为空',
    'credit.problem.empty': '规则至少要有一个条件（否则所有检查对象都是同一等级）',
    'credit.problem.unknown-grade': '第 {{n}} 条的信用等级不存在（只能是绿、蓝、黄、红、黑）',
    'credit.problem.unknown-grade.default': '默认等级不存在（只能是绿、蓝、黄、红、黑）',
    'credit.problem.unknown-condition': '第 {{n}} 条的条件不存在或参数不对',
    'credit.problem.duplicate': '第 {{n}} 条与第 {{first}} 条的条件相同',
    'credit.problem.shadowed': '第 {{n}} 条永远不会生效：满足它的检查对象都已被第 {{first}} 条评定',
    'credit.problem.all-black': '按此规则所有检查对象都将被评为黑：每个条件和默认等级都是黑',
    'credit.problem.clean-black.none': '按此规则从未被检查过、没有任何不良记录的检查对象也将被评为黑：默认等级是黑，没有条件能让它们不是黑',
    'credit.problem.clean-black.clean': '按此规则检查后未发现问题的检查对象也将被评为黑：没有条件能让它们不是黑',
    'credit.problem.field': '规则缺少或写错了字段「{{field}}」',
  },
  en: {
    'credit.grade.green': 'green',
    'credit.grade.blue': 'blue',
    'credit.grade.yellow': 'yellow',
    'credit.grade.red': 'red',
    'credit.grade.black': 'black',
    'credit.grade.none': 'not graded',

    'credit.cond.overcharge-confirmed': 'an overcharge of at least {{min}} yuan confirmed by review',
    'credit.cond.refund-overdue': 'a refund ordered still unpaid {{min}} days after its deadline',
    'credit.cond.findings': 'at least {{min}} findings confirmed by review',
    'credit.cond.filings-flagged': 'at least {{min}} monthly filings flagged in the last {{within}} months',
    'credit.cond.clean-inspection': 'the latest inspection (approved) found nothing',
    'credit.cond.no-record': 'never inspected, no flagged filing',

    'credit.fact.overcharge-confirmed': 'overcharge of {{amount}} yuan confirmed by review ({{cases}} cases)',
    'credit.fact.refund-overdue': '{{tenants}} tenants not refunded after the deadline, up to {{days}} days late',
    'credit.fact.findings': '{{count}} findings confirmed by review',
    'credit.fact.filings-flagged': '{{months}} flagged filing months in the last {{within}} months ({{list}})',
    'credit.fact.clean-inspection': 'the latest inspection, approved on {{date}}, found nothing',
    'credit.fact.no-record': 'never inspected, no flagged filing',

    'credit.reason.matched': '{{fact}}: rule "{{rule}}" condition {{n}} ({{condition}}) → {{grade}}',
    'credit.reason.default': 'no condition of rule "{{rule}}" applies: default grade → {{grade}}',

    'credit.problem.name': 'The rule needs a name',
    'credit.problem.empty': 'The rule needs at least one condition (else every target gets one grade)',
    'credit.problem.unknown-grade': 'The grade of condition {{n}} does not exist (green, blue, yellow, red or black)',
    'credit.problem.unknown-grade.default': 'The default grade does not exist (green, blue, yellow, red or black)',
    'credit.problem.unknown-condition': 'Condition {{n}} does not exist or has wrong parameters',
    'credit.problem.duplicate': 'Condition {{n}} is the same as condition {{first}}',
    'credit.problem.shadowed': 'Condition {{n}} never applies: condition {{first}} grades every target it would',
    'credit.problem.all-black': 'This rule makes every target black: every condition and the default are black',
    'credit.problem.clean-black.none': 'This rule makes a target never inspected, with nothing against it, black: the default is black and no condition lifts it',
    'credit.problem.clean-black.clean': 'This rule makes a target inspected with nothing found black: no condition lifts it',
    'credit.problem.field': 'The rule lacks or misspells the field "{{field}}"',
  },
} satisfies MessageTable;

export type CreditMessageKey = keyof (typeof creditMessages)['zh-CN'];

/** The Chinese text of a credit message (reasons are stored in Chinese with the change). */
export function creditText(key: CreditMessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage(creditMessages['zh-CN'], key, params);
}
