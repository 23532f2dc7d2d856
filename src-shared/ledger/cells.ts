// Parsers for the cells of a bill line: kWh, money, unit price and month, each to an exact value or a problem.
import { parseMonthText, type Month } from '../billingMonth';
import type { Parsed } from '../lists/fields';
import { decimalText } from '../lists/normalize';
import { exceedsWhole, fenOfYuan, KWH_DECIMALS, parseDecimal, PRICE_DECIMALS, YUAN_DECIMALS, type Fen } from '../money';

/** Above this a line's consumption is taken for a typing error (a meter number, a reading): 10 GWh a month, kWh. */
export const MAX_KWH = 10_000_000;
/** Above this an amount is taken for a typing error: 100 million yuan on one bill line (yuan). */
export const MAX_YUAN = 100_000_000;

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const problem = (code: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, code, params } : { ok: false, code });

// What people write in a cell to mean "nothing": a dash, a slash, 无.
const NOTHING = /^(?:[-—–/\\]|无|－)$/;

/** Whether a cell is empty or says "nothing". */
export function isBlank(text: string): boolean {
  const t = text.trim();
  return t === '' || NOTHING.test(t);
}

/** kWh as a canonical decimal string: not negative, at most 4 decimals, at most {@link MAX_KWH}; '度'/'kWh' allowed after. */
export function parseKwh(text: string): Parsed<string> {
  const value = text.trim();
  const plain = decimalText(value.replace(/\s*(?:度|kwh|千瓦时)$/i, ''));
  if (plain === null) return problem('number.invalid', { value });
  const parsed = parseDecimal(plain, KWH_DECIMALS, true);
  if (!parsed.ok) return parsed.problem === 'decimals' ? problem('kwh.decimals', { value, max: KWH_DECIMALS }) : problem('number.invalid', { value });
  if (parsed.value.startsWith('-')) return problem('kwh.negative', { value: parsed.value });
  if (exceedsWhole(parsed.value, MAX_KWH)) return problem('kwh.absurd', { value: parsed.value, max: MAX_KWH });
  return ok(parsed.value);
}

/** An amount in fen; negative allowed (a discount); '¥' before or '元' after allowed. */
export function parseAmount(text: string): Parsed<Fen> {
  const value = text.trim();
  const plain = decimalText(value.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, ''));
  if (plain === null) return problem('number.invalid', { value });
  const parsed = parseDecimal(plain, YUAN_DECIMALS, true);
  if (!parsed.ok) return parsed.problem === 'decimals' ? problem('amount.decimals', { value }) : problem('number.invalid', { value });
  if (exceedsWhole(parsed.value.replace(/^-/, ''), MAX_YUAN)) return problem('amount.absurd', { value });
  return ok(fenOfYuan(parsed.value));
}

/** The ledger's own unit price, yuan/kWh, at most 6 decimals. */
export function parseLedgerPrice(text: string): Parsed<string> {
  const value = text.trim();
  const plain = decimalText(value.replace(/^[¥￥]\s*/, '').replace(/\s*元(?:\/(?:度|kwh|千瓦时))?$/i, ''));
  if (plain === null) return problem('number.invalid', { value });
  const parsed = parseDecimal(plain, PRICE_DECIMALS);
  if (parsed.ok) return ok(parsed.value);
  return problem(parsed.problem === 'decimals' ? 'price.decimals' : parsed.problem === 'negative' ? 'price.negative' : 'number.invalid', { value });
}

/** The billing month of a line. */
export function parseMonth(text: string): Parsed<Month> {
  const month = parseMonthText(text);
  return month === null ? problem('month.invalid', { value: text.trim() }) : ok(month);
}
