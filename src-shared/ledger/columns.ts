// The header words of ledger columns as landlords write them, and the rules for extra fees and
// per-period kWh that no list of words can cover.
import { tariffZh } from '../i18n/tariff';
import { headerIndex, matchHeader, type HeaderWords } from '../lists/header';
import { normalizeWord } from '../lists/normalize';
import { parsePeriod } from '../tariff/columns';
import { PERIOD_FIELDS, type LedgerField } from './types';

export interface LedgerColumnWords extends HeaderWords {
  readonly field: LedgerField;
}

const ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  tenant: ['商户名称', '户名', '租户', '租户名称', '商户', '商户名', '客户名称', '用户名称', '用户', '承租人', '承租方', '单位名称', '店名', '店铺名称', '品牌', '用电户名', '用电单位'],
  unit: ['铺位号', '户号', '房号', '铺号', '房间号', '铺位', '商铺号', '店铺号', '单元号', '位置', '门牌号', '楼层铺位', '用户编号', '户号/铺位号'],
  month: ['计费月份', '月份', '账期', '所属月份', '结算月份', '抄表月份', '计费期间', '计费周期', '电费月份', '账单月份', '年月', '期间', '缴费月份'],
  kwh: ['用电量', '电量', '本月用电量', '用电量(kwh)', '实用电量', '合计电量', '总电量', '耗电量', '用电度数', '度数', '电量(度)', '本期电量', '计费电量', '电量合计', '用电量合计', '总用电量'],
  kwhCritical: ['尖峰电量', '尖电量', '尖段电量', '尖峰段电量', '尖峰用电量'],
  kwhPeak: ['峰段电量', '峰电量', '高峰电量', '峰时电量', '峰段用电量', '峰用电量'],
  kwhFlat: ['平段电量', '平电量', '平时电量', '平段用电量', '平用电量'],
  kwhValley: ['谷段电量', '谷电量', '低谷电量', '谷时电量', '谷段用电量', '谷用电量'],
  price: ['单价', '电价', '单价(元/kwh)', '单价(元/度)', '收费单价', '电费单价', '用电单价', '执行电价', '结算单价', '收费标准'],
  energy: ['电费', '电费金额', '本月电费', '电度电费', '电量电费', '电费(元)', '用电金额', '电费小计'],
  total: ['合计', '应收合计', '应收电费', '应收金额', '合计金额', '费用合计', '总计', '应缴金额', '应缴电费', '应付金额', '电费合计', '金额合计', '本月应缴', '应收款', '合计(元)'],
};

/** The ledger fields with their Chinese label and header words. */
export const LEDGER_COLUMNS: readonly LedgerColumnWords[] = (Object.keys(ALIASES) as LedgerField[]).map((field) => ({
  field,
  label: tariffZh[`ledger.field.${field}`],
  aliases: ALIASES[field],
}));

const INDEX = headerIndex(LEDGER_COLUMNS);

/** The field a header text names: the words above, then a time-of-use period with a kWh word ("电量 峰段"). */
export function ledgerFieldOf(text: string): LedgerField | undefined {
  return matchHeader(INDEX, text)?.field ?? periodKwhField(text);
}

const KWH_WORD = '(?:用电量|电量|用电|度数|电度|kwh|千瓦时)';
const KWH_AFTER = new RegExp(`^(.+?)${KWH_WORD}$`);
const KWH_BEFORE = new RegExp(`^(?:分时)?${KWH_WORD}(.+)$`);

// "峰段电量", "电量峰", "分时电量(kWh)谷段": a period word next to a kWh word.
function periodKwhField(text: string): LedgerField | undefined {
  const word = normalizeWord(text).replace(/[([【].*?[)\]】]/g, '');
  const period = KWH_AFTER.exec(word)?.[1] ?? KWH_BEFORE.exec(word)?.[1];
  if (period === undefined) return undefined;
  const parsed = parsePeriod(period);
  return parsed.ok && parsed.value !== 'single' ? PERIOD_FIELDS[parsed.value] : undefined;
}

// A fee for electricity: it says 费 and names something electrical; water, rent and property fees are other bills.
const FEE = /费/;
const ELECTRIC = /电|损|服务|公摊|分摊|附加|基本|力调|维护|抄表|容量|需量|变压器/;
const NOT_A_FEE = /水|燃?气费|物业|租|停车|卫生|垃圾|日期|时间|状态|方式|单价|电价|费率|编号|单号|账号|人$|备注|说明|标准|合计|总计|小计/;

/** Whether a header names an extra electricity fee (用电服务费, 损耗分摊费, 公摊电费, …). */
export function isFeeHeader(text: string): boolean {
  const word = normalizeWord(text);
  return FEE.test(word) && ELECTRIC.test(word) && !NOT_A_FEE.test(word);
}
