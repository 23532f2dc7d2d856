// Exact money: amounts are integer fen, prices and kWh are decimal strings, products are big.js decimals.
// Rounding to the fen happens at one place only, roundFen(), which the refund rules call once per bill line.
import Big from 'big.js';

/** An amount of money in fen (1/100 yuan): a safe integer, never a float of yuan. */
export type Fen = number;

/** Most decimals a unit price may carry (yuan/kWh); catalogue prices use 4, agency purchase prices up to 6. */
export const PRICE_DECIMALS = 6;
/**
 * Most decimals a consumption may carry (kWh). Meters read to 2 decimals, but ledgers multiply readings by a
 * current-transformer ratio or split them, so up to 4 are accepted and kept exact; they only meet rounding at the fen.
 */
export const KWH_DECIMALS = 4;
/** Most decimals of a money amount (yuan): fen. */
export const YUAN_DECIMALS = 2;

// A plain decimal: optional minus, digits, optional fraction. Canonical input of every parser below.
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
// Excel holds 15 significant digits; a longer text is a binary artefact of a formula (1234.5600000000002).
const EXCEL_DIGITS = 15;

/** Why a decimal text was refused. */
export type DecimalProblem = 'not-a-number' | 'decimals' | 'negative';
export type DecimalParse = { ok: true; value: string } | { ok: false; problem: DecimalProblem };

/**
 * A canonical decimal ('-12.5', '0.6177') from plain decimal text, at most `decimals` fraction digits;
 * numbers read from Excel cells are first taken at Excel's own 15 significant digits.
 */
export function parseDecimal(plain: string, decimals: number, allowNegative = false): DecimalParse {
  if (!DECIMAL.test(plain)) return { ok: false, problem: 'not-a-number' };
  // Up to 16 characters cannot hold more than 15 digits; the count is skipped for nearly every cell.
  const excel = plain.length > EXCEL_DIGITS + 1 && significantDigits(plain) > EXCEL_DIGITS;
  const value = canonical(excel ? new Big(plain).prec(EXCEL_DIGITS, Big.roundHalfUp).toFixed() : plain);
  if (!allowNegative && value.startsWith('-')) return { ok: false, problem: 'negative' };
  return fractionDigits(value) > decimals ? { ok: false, problem: 'decimals' } : { ok: true, value };
}

function significantDigits(plain: string): number {
  return plain.replace(/^-?0*\.?0*/, '').replace('.', '').length;
}

function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** Drops a plus sign, leading zeros, trailing fraction zeros and a minus on zero: '007.50' → '7.5'. */
function canonical(plain: string): string {
  if (CANONICAL.test(plain) && plain !== '-0') return plain;
  const negative = plain.startsWith('-');
  let [whole = '0', fraction = ''] = plain.replace(/^-/, '').split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const body = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Fen of an exact yuan decimal with at most 2 decimals ('1234.5' → 123450); integer arithmetic on the digits. */
export function fenOfYuan(yuan: string): Fen {
  const negative = yuan.startsWith('-');
  const [whole = '0', fraction = ''] = yuan.replace(/^-/, '').split('.');
  if (fraction.length > YUAN_DECIMALS) throw new RangeError(`more than 2 decimals of yuan: ${yuan}`);
  const fen = Number(whole) * 100 + Number(fraction.padEnd(YUAN_DECIMALS, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${yuan}`);
  return negative ? -fen : fen;
}

/** Rounds an exact amount in yuan to fen, half-up (half away from zero): the one rounding point of the refund rules. */
export function roundFen(yuan: Big): Fen {
  return Number(yuan.times(100).round(0, Big.roundHalfUp).toFixed(0));
}

/** Exact product kWh × yuan/kWh in yuan, unrounded. */
export function energyCharge(kwh: string, price: string): Big {
  return new Big(kwh).times(price);
}

/**
 * Σ kWh × yuan/kWh over `parts`, rounded half-up to the fen once: exactly `roundFen(Σ energyCharge(kwh, price))`.
 * Fast path: kWh (≤ 4 decimals) and price (≤ 6 decimals) as non-negative integers of 1/10⁴ kWh and 1/10⁶ yuan/kWh,
 * so each product and the sum are integers of 1/10¹⁰ yuan; while every figure stays ≤ 2⁵³ − 1 the double
 * arithmetic on them is exact integer arithmetic (a result above it can never round back below it, so the check is
 * sound). The remainder by 10⁸ (exact) decides the rounding. Anything else (a sign, more decimals, big figures)
 * takes the big.js path, so the result is the same for every input.
 */
export function chargeFen(parts: readonly (readonly [kwh: string, price: string])[]): Fen {
  let units = 0;
  for (const [kwh, price] of parts) {
    const k = scaledUnits(kwh, KWH_DECIMALS);
    const p = k === null ? null : scaledUnits(price, PRICE_DECIMALS);
    if (k === null || p === null) return bigChargeFen(parts);
    units += k * p;
    if (!(units <= Number.MAX_SAFE_INTEGER)) return bigChargeFen(parts);
  }
  const rest = units % FEN_UNITS;
  const fen = (units - rest) / FEN_UNITS;
  return rest * 2 >= FEN_UNITS ? fen + 1 : fen;
}

// 1/10¹⁰ yuan (kWh scale × price scale) per fen.
const FEN_UNITS = 10 ** (KWH_DECIMALS + PRICE_DECIMALS - YUAN_DECIMALS);
const UNSIGNED_DECIMAL = /^\d+(?:\.\d+)?$/;

/** A non-negative decimal as an integer count of 10^-scale, when it has at most `scale` decimals and 15 digits. */
export function scaledUnits(decimal: string, scale: number): number | null {
  if (!UNSIGNED_DECIMAL.test(decimal)) return null;
  const dot = decimal.indexOf('.');
  const fraction = dot < 0 ? '' : decimal.slice(dot + 1);
  if (fraction.length > scale) return null;
  const digits = (dot < 0 ? decimal : decimal.slice(0, dot)) + fraction.padEnd(scale, '0');
  return digits.length <= 15 ? Number(digits) : null;
}

function bigChargeFen(parts: readonly (readonly [kwh: string, price: string])[]): Fen {
  let yuan = new Big(0);
  for (const [kwh, price] of parts) yuan = yuan.plus(energyCharge(kwh, price));
  return roundFen(yuan);
}

/** Exact sum of decimal strings (kWh or yuan) as a canonical decimal string. */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((sum, v) => sum.plus(v), new Big(0)).toFixed();
}

/** Whether a canonical decimal ≥ 0 is above a whole number, compared by its digits (no float, no Big: it runs per cell). */
export function exceedsWhole(value: string, max: number): boolean {
  const [whole = '0', fraction = ''] = value.split('.');
  const limit = String(max);
  if (whole.length !== limit.length) return whole.length > limit.length;
  return whole > limit || (whole === limit && fraction !== '');
}

/** Compares two decimal strings: −1, 0 or 1. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  return new Big(a).cmp(b);
}

/** Fen as yuan text with thousands separators and two decimals: 123456 → '1,234.56', −5 → '-0.05'. */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${whole}.${cents}`;
}

/** Fen as a plain yuan decimal for machines and spreadsheets: 123456 → '1234.56'. */
export function yuanText(fen: Fen): string {
  return formatFen(fen).replace(/,/g, '');
}
