// Parsers for the cells of a bill line: kWh, money, unit price and month, each to an exact value or a problem.
import { parseMonthText, type Month } from '../billingMonth';
import type { Parsed } from '../lists/fields';
import { decimalText } from '../lists/normalize';
import { exceedsWhole, fenOfYuan, KWH_DECIMALS, parseDecimal, PRICE_DECIMALS, YUAN_DECIMALS, type Fen } from '../money';

/** Above this a line's consumption is taken for a typing error (a meter number, a reading): 10 GWh a month, kWh. */
export const MAX_KWH = 10_000_000;
/** Above this an amount is taken for a typing error: 100 million yuan on one bill line (yuan). */
export const MAX_YUAN = 100_000_000;

// Up to 16 characters cannot hold more than Excel's 15 significant digits (as in parseDecimal).
const EXCEL_DIGITS = 15;

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const problem = (code: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, code, params } : { ok: false, code });

// What people write in a cell to mean "nothing": a dash, a slash, 无.
const NOTHING = /^(?:[-—–/\\]|无|－)$/;

/** Whether a cell is empty or says "nothing". */
export function isBlank(text: string): boolean {
  const t = text.trim();
  return t === '' || NOTHING.test(t);
}

// Fast paths for the cells nearly every ledger holds: a number exactly as Excel's own number text gives it, already
// canonical (no sign but '-', no leading or trailing zeros, no spaces or units), within the decimals and far enough
// below the limit that the full parse below could only return it unchanged. Anything else takes the full parse.
// kWh: not negative, ≤ 4 decimals, at most 7 whole digits (< MAX_KWH).
const CANONICAL_KWH = /^(?:0|[1-9]\d{0,6})(?:\.\d{0,3}[1-9])?$/;
// Yuan: ≤ 2 decimals, at most 8 whole digits (< MAX_YUAN); not '-0' (that needs canonicalising).
const CANONICAL_YUAN = /^-?(?:0|[1-9]\d{0,7})(?:\.\d?[1-9])?$/;
// Price: not negative, ≤ 6 decimals, at most 16 characters (Excel's 15 significant digits are never in question).
const CANONICAL_PRICE = /^(?:0|[1-9]\d*)(?:\.\d{0,5}[1-9])?$/;

/** kWh as a canonical decimal string: not negative, at most 4 decimals, at most {@link MAX_KWH}; '度'/'kWh' allowed after. */
export function parseKwh(text: string): Parsed<string> {
  if (CANONICAL_KWH.test(text)) return ok(text);
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
  if (text !== '-0' && CANONICAL_YUAN.test(text)) return ok(canonicalFen(text));
  const value = text.trim();
  const plain = decimalText(value.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, ''));
  if (plain === null) return problem('number.invalid', { value });
  const parsed = parseDecimal(plain, YUAN_DECIMALS, true);
  if (!parsed.ok) return parsed.problem === 'decimals' ? problem('amount.decimals', { value }) : problem('number.invalid', { value });
  if (exceedsWhole(parsed.value.replace(/^-/, ''), MAX_YUAN)) return problem('amount.absurd', { value });
  return ok(fenOfYuan(parsed.value));
}

// fenOfYuan for a text CANONICAL_YUAN accepts, digit by digit: at most 10 digits, so the integer is exact.
function canonicalFen(text: string): Fen {
  const negative = text.charCodeAt(0) === 45;
  let fen = 0;
  let decimals = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) decimals = 0;
    else {
      fen = fen * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    }
  }
  fen *= decimals <= 0 ? 100 : decimals === 1 ? 10 : 1;
  return negative ? -fen : fen;
}

/** The ledger's own unit price, yuan/kWh, at most 6 decimals. */
export function parseLedgerPrice(text: string): Parsed<string> {
  if (text.length <= EXCEL_DIGITS + 1 && CANONICAL_PRICE.test(text)) return ok(text);
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
