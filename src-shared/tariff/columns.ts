// The columns of the tariff template (地区, 用户类别, 电压等级, 时段, 电价（元/千瓦时）, 执行起始日期, 执行截止日期):
// label, the headers found in files made elsewhere, and the parser of each cell.
import { parseEffectiveText } from '../billingMonth';
import { tariffZh } from '../i18n/tariff';
import type { Column, CellOut } from '../lists/columns';
import { parseText, type Parsed } from '../lists/fields';
import { decimalText, normalizeWord } from '../lists/normalize';
import { parseDecimal, PRICE_DECIMALS } from '../money';
import { TOU_PERIODS, TOU_WORDS, type TariffEntry, type TouPeriod } from './types';

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const problem = (code: string, value?: string): Parsed<never> => (value === undefined ? { ok: false, code } : { ok: false, code, params: { value } });

function required(text: string): Parsed<string> {
  const parsed = parseText(text);
  return parsed.ok && parsed.value === '' ? problem('required') : parsed;
}

const PERIOD_WORDS: ReadonlyMap<string, TouPeriod> = new Map(
  (
    [
      ['single', ['不分时', '单一', '单一电价', '全时段', '平均', '不分时段', '非分时']],
      ['critical', ['尖峰', '尖', '尖段', '尖峰段', '尖峰时段']],
      ['peak', ['峰', '高峰', '峰段', '峰时', '峰时段', '高峰时段']],
      ['flat', ['平', '平段', '平时', '平时段', '平峰']],
      ['valley', ['谷', '低谷', '谷段', '谷时', '谷时段', '深谷']],
    ] as const
  ).flatMap(([period, words]) => [period, ...words].map((w) => [normalizeWord(w), period] as const)),
);

/** A time-of-use period from its Chinese word (不分时, 尖峰, 峰, 平, 谷 and common variants). */
export function parsePeriod(text: string): Parsed<TouPeriod> {
  if (text.trim() === '') return problem('required');
  const period = PERIOD_WORDS.get(normalizeWord(text));
  return period ? ok(period) : problem('period.unknown', text.trim());
}

/** A unit price in yuan/kWh as a canonical decimal string, at most 6 decimals. */
export function parsePrice(text: string): Parsed<string> {
  if (text.trim() === '') return problem('required');
  const plain = decimalText(text);
  if (plain === null) return problem('price.invalid', text.trim());
  const parsed = parseDecimal(plain, PRICE_DECIMALS);
  if (parsed.ok) return ok(parsed.value);
  return problem(parsed.problem === 'negative' ? 'price.negative' : parsed.problem === 'decimals' ? 'price.decimals' : 'price.invalid', text.trim());
}

/** An effective start: 'YYYY-MM-DD', or 'YYYY-MM' for the whole month. */
export function parseFrom(text: string): Parsed<string> {
  if (text.trim() === '') return problem('required');
  const value = parseEffectiveText(text);
  return value === null ? problem('date.invalid', text.trim()) : ok(value);
}

/** An effective end, same forms; empty = still in force (null). */
export function parseTo(text: string): Parsed<string | null> {
  return text.trim() === '' ? ok(null) : parseFrom(text);
}

function column<F extends keyof TariffEntry & string>(field: F, aliases: readonly string[], width: number, parse: (text: string) => Parsed<TariffEntry[F]>, choices?: readonly string[]): Column<TariffEntry> {
  return {
    field,
    label: tariffZh[`tariff.column.${field}`],
    aliases,
    required: field !== 'to',
    code: false,
    width,
    choices,
    parse,
    toCell: (entry): CellOut => (field === 'period' ? TOU_WORDS[entry.period] : entry[field]),
  };
}

/** The template columns in template order. */
export const TARIFF_COLUMNS: readonly Column<TariffEntry>[] = [
  column('region', ['区域', '省份', '省', '地市', '城市', '适用地区', '执行地区'], 12, required),
  column('category', ['用电类别', '用户分类', '用电分类', '类别', '电价类别', '用户类型'], 16, required),
  column('voltage', ['电压', '电压等级(千伏)', '电压等级(kv)', '电压级别', '供电电压'], 14, required),
  column('period', ['时段', '分时时段', '峰谷时段', '计费时段', '时间段'], 10, parsePeriod, TOU_PERIODS.map((p) => TOU_WORDS[p])),
  column('price', ['电价', '电价(元/千瓦时)', '电价(元/kwh)', '电度电价', '目录电价', '价格', '单价'], 16, parsePrice),
  column('from', ['执行起始日期', '起始日期', '开始日期', '生效日期', '执行日期', '起始时间', '执行起始月份'], 14, parseFrom),
  column('to', ['执行截止日期', '截止日期', '结束日期', '失效日期', '终止日期', '截止时间', '执行截止月份'], 14, parseTo),
];
