// Words of the on-site check: finding types and their default legal bases, the facts proposed from the
// checks, and meter and tariff flags. The facts are stored in the finding as written (Chinese).
import { formatMessage, type MessageTable } from './format';

export const inspectionMessages = {
  'zh-CN': {
    'finding.type.markup': '不合理加价',
    'finding.type.not-posted': '未按规定公示电价',
    'finding.type.loss-share': '分摊损耗或公摊费用',
    'finding.type.extra-fee': '加收其他费用',
    'finding.type.price-cut': '未执行降价政策',
    'finding.type.metering': '计量装置问题',
    'finding.type.other': '其他',
    'finding.basis.markup': '《中华人民共和国价格法》第十二条、第三十九条；《价格违法行为行政处罚规定》第九条',
    'finding.basis.not-posted': '《中华人民共和国价格法》第十三条；《价格违法行为行政处罚规定》第十三条',
    'finding.basis.loss-share': '《价格违法行为行政处罚规定》第九条',
    'finding.basis.extra-fee': '《价格违法行为行政处罚规定》第九条',
    'finding.basis.price-cut': '《价格违法行为行政处罚规定》第九条',
    'finding.basis.metering': '《中华人民共和国计量法》第九条',
    'finding.basis.other': '',
    'finding.facts.overcharge': '经核算转供电主体提供的电费台账，{{tenants}} 户租户 {{months}} 个月的电费高于按目录电价计算的应收电费，多收电费共计 {{amount}} 元。',
    'finding.facts.postedAbove': '现场公示的电价高于当月目录电价：{{items}}。',
    'finding.facts.notPosted': '现场检查时未见电价公示。',
    'finding.facts.meters': '计量装置存在问题：{{items}}。',
    'finding.facts.loss': '转供电主体按 {{charged}} 向租户分摊损耗，现场实测损耗率为 {{real}}。',
    'finding.item.postedAbove': '{{category}}{{period}} 公示 {{posted}} 元/千瓦时，目录电价 {{catalogue}} 元/千瓦时',
    'finding.item.overdue': '电能表 {{meterNo}} 超过检定周期（应于 {{due}} 前检定）',
    'finding.item.unknown': '电能表 {{meterNo}} 无检定合格标志',
    'finding.item.seal': '电能表 {{meterNo}} 铅封不完整',
    'finding.item.backwards': '电能表 {{meterNo}} 读数倒退（{{previous}} → {{value}}）',
    'finding.separator': '；',
  },
  en: {
    'finding.type.markup': 'Unlawful markup',
    'finding.type.not-posted': 'Tariff not posted',
    'finding.type.loss-share': 'Loss or common-area share charged',
    'finding.type.extra-fee': 'Extra fees charged',
    'finding.type.price-cut': 'Price cut not passed on',
    'finding.type.metering': 'Metering problem',
    'finding.type.other': 'Other',
    'finding.basis.markup': 'Price Law Art. 12, 39; Provisions on Administrative Penalties for Price Violations Art. 9',
    'finding.basis.not-posted': 'Price Law Art. 13; Provisions on Administrative Penalties for Price Violations Art. 13',
    'finding.basis.loss-share': 'Provisions on Administrative Penalties for Price Violations Art. 9',
    'finding.basis.extra-fee': 'Provisions on Administrative Penalties for Price Violations Art. 9',
    'finding.basis.price-cut': 'Provisions on Administrative Penalties for Price Violations Art. 9',
    'finding.basis.metering': 'Metrology Law Art. 9',
    'finding.basis.other': '',
    'finding.facts.overcharge': 'Per the landlord\u2019s ledger, {{tenants}} tenants were billed above the catalogue charge in {{months}} months; overcharge {{amount}} yuan.',
    'finding.facts.postedAbove': 'The posted prices are above the catalogue that month: {{items}}.',
    'finding.facts.notPosted': 'No tariff notice was posted at the time of the check.',
    'finding.facts.meters': 'Metering problems: {{items}}.',
    'finding.facts.loss': 'The landlord charges a loss share of {{charged}}; the measured loss rate is {{real}}.',
    'finding.item.postedAbove': '{{category}} {{period}} posted {{posted}} yuan/kWh, catalogue {{catalogue}} yuan/kWh',
    'finding.item.overdue': 'meter {{meterNo}} past its verification period (due {{due}})',
    'finding.item.unknown': 'meter {{meterNo}} has no verification label',
    'finding.item.seal': 'meter {{meterNo}} seal broken',
    'finding.item.backwards': 'meter {{meterNo}} reading went backwards ({{previous}} → {{value}})',
    'finding.separator': '; ',
  },
} satisfies MessageTable;

export type InspectionMessageKey = keyof (typeof inspectionMessages)['zh-CN'];

/** A message of the on-site check in Chinese (what records store). */
export function inspectionText(key: InspectionMessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage(inspectionMessages['zh-CN'], key, params);
}
