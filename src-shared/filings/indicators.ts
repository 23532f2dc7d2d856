// The exact indicators of one filing. Prices and rates are rounded half-up to 4 decimals, the excess to the fen
// once. Like money.ts's chargeFen, the figures are worked as integers (fen, 10⁻⁴ kWh, 10⁻⁴ or 10⁻⁶ yuan/kWh) in
// doubles while every one of them is a safe integer, which is exact integer arithmetic; any figure beyond takes
// the big.js path, which gives the same result for every input (test/unit/filings/indicators.test.ts). No binary
// fraction of a yuan or a kWh is ever formed.
import Big from 'big.js';
import { roundFen, scaledUnits, type Fen } from '../money';
import type { FilingFlag } from './types';

/** Decimals of prices and rates in the screening (yuan/kWh, fractions). */
export const INDICATOR_DECIMALS = 4;

/** The indicators of a filing: prices yuan/kWh and the loss rate as decimal strings with 4 decimals. */
export interface Indicators {
  readonly purchaseAvgPrice: string;
  readonly chargedAvgPrice: string;
  readonly markupPerKwh: string;
  readonly lossRate: string;
  /** The catalogue reference, yuan/kWh, at least 4 decimals (more only when the table's price has more). */
  readonly catalogueReference: string;
  readonly estimatedExcessFen: Fen;
  readonly flags: FilingFlag[];
}

/** What an indicator is computed from: amounts in fen, kWh and prices as canonical decimal strings. */
export interface IndicatorInput {
  readonly purchaseKwh: string;
  readonly purchaseFen: Fen;
  readonly resoldKwh: string;
  readonly chargedFen: Fen;
}

/** The limits of the flags: tolerance yuan/kWh, loss threshold a fraction; decimal strings ≥ 0, at most 6 decimals. */
export interface FlagLimits {
  readonly tolerance: string;
  readonly lossThreshold: string;
}

/** The indicators and flags of one filing against its catalogue reference (yuan/kWh). */
export function indicators(input: IndicatorInput, reference: string, limits: FlagLimits): Indicators {
  return fastIndicators(input, reference, limits) ?? bigIndicators(input, reference, limits);
}

// ---- integer path -------------------------------------------------------------------------------------------

const MAX = Number.MAX_SAFE_INTEGER;
const KWH_SCALE = 4;
const PRICE_SCALE = 6;
/** 10⁻¹⁰ yuan (10⁻⁴ kWh × 10⁻⁶ yuan/kWh) per fen. */
const FEN_UNITS = 1e8;
const COMPARABLE = Math.floor(MAX / 200);

/** round-half-up(n ÷ d) for safe integers n ≥ 0, d > 0 with n + d safe; exact (the remainder is corrected). */
function divRound(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The double quotient is within one of the true one; the exact remainder puts it right.
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  return r * 2 >= d ? q + 1 : q;
}

/** Integer of 10⁻⁴ as a decimal string with 4 decimals: 6177 → '0.6177', −5 → '-0.0005'. */
function text4(q: number): string {
  const abs = Math.abs(q);
  const whole = Math.floor(abs / 10_000);
  return `${q < 0 ? '-' : ''}${whole}.${String(abs - whole * 10_000).padStart(4, '0')}`;
}

function fastIndicators(input: IndicatorInput, reference: string, limits: FlagLimits): Indicators | null {
  const p = scaledUnits(input.purchaseKwh, KWH_SCALE);
  const r = scaledUnits(input.resoldKwh, KWH_SCALE);
  const ref = scaledUnits(reference, PRICE_SCALE);
  const tol = scaledUnits(limits.tolerance, PRICE_SCALE);
  const lossLimit = scaledUnits(limits.lossThreshold, PRICE_SCALE);
  if (p === null || r === null || ref === null || tol === null || lossLimit === null || p === 0 || r === 0) return null;
  // price × 10⁴ = fen × 10⁶ ÷ (kWh × 10⁴); loss × 10⁴ = |p − r| × 10⁴ ÷ p.
  const purchaseN = input.purchaseFen * 1e6;
  const chargedN = input.chargedFen * 1e6;
  const lossN = Math.abs(p - r) * 1e4;
  if (!(purchaseN + p <= MAX && chargedN + r <= MAX && lossN + p <= MAX) || input.purchaseFen < 0 || input.chargedFen < 0) return null;
  const purchase = divRound(purchaseN, p);
  const charged = divRound(chargedN, r);
  const loss = (p < r ? -1 : 1) * divRound(lossN, p);
  // The comparisons below scale by 100; beyond this they would leave the safe integers.
  if (Math.max(purchase, charged, Math.abs(loss)) > COMPARABLE) return null;
  const flags: FilingFlag[] = [];
  // Compared at 10⁻⁶: prices of 4 decimals × 100.
  if (charged * 100 > purchase * 100 + tol) flags.push('markup');
  if (charged * 100 > ref) flags.push('above-catalogue');
  if (loss * 100 > lossLimit) flags.push('loss');
  if (r > p) flags.push('inverted');
  return {
    purchaseAvgPrice: text4(purchase),
    chargedAvgPrice: text4(charged),
    markupPerKwh: text4(charged - purchase),
    lossRate: text4(loss === 0 ? 0 : loss),
    catalogueReference: referenceText(reference),
    estimatedExcessFen: fastExcess(input.chargedFen, r, ref) ?? excessFen(input.chargedFen, input.resoldKwh, reference),
    flags,
  };
}

// max(0, C − L) rounded half-up, with L = kWh × price in 10⁻¹⁰ yuan = lq fen + lr × 10⁻⁸ fen.
function fastExcess(chargedFen: Fen, kwhUnits: number, priceUnits: number): Fen | null {
  const lawful = kwhUnits * priceUnits;
  if (!(lawful <= MAX)) return null;
  const lr = lawful % FEN_UNITS;
  const lq = (lawful - lr) / FEN_UNITS;
  // C − lq − lr/10⁸: the fraction 1 − lr/10⁸ rounds up exactly when lr ≤ ½ × 10⁸.
  return Math.max(0, chargedFen - lq - (lr * 2 > FEN_UNITS ? 1 : 0));
}

// ---- big.js path --------------------------------------------------------------------------------------------

const SCALE = new Big(10).pow(INDICATOR_DECIMALS);
const UNIT = new Big(1).div(SCALE);
const ONE_FEN = new Big('0.01');
// Integer division: no decimals, truncated. A quotient at 20 decimals (big.js's default) costs more and still
// needs the remainder to round exactly.
const Whole = Big();
Whole.DP = 0;
Whole.RM = Big.roundDown;

/**
 * num ÷ den rounded half-up (half away from zero) to 4 decimals, exactly: the integer quotient of |num| × 10⁴ by
 * den, plus one when twice the exact remainder reaches den. den > 0.
 */
export function quotient4(num: Big, den: Big): Big {
  const scaled = num.abs().times(SCALE);
  let q = new Big(new Whole(scaled).div(den)); // back to a Big of the default settings
  const rest = scaled.minus(q.times(den));
  if (rest.times(2).gte(den)) q = q.plus(1);
  if (q.eq(0)) return q;
  const value = q.times(UNIT); // exact: a shift of the decimal point
  return num.lt(0) ? value.neg() : value;
}

/** A price or rate as its decimal string with at least 4 decimals ('0.6177', '-0.0500', '0.617712'). */
export function decimal4(value: Big): string {
  const text = value.toFixed();
  const dot = text.indexOf('.');
  return dot < 0 || text.length - dot - 1 < INDICATOR_DECIMALS ? value.toFixed(INDICATOR_DECIMALS) : text;
}

const referenceTexts = new Map<string, string>();

/** A catalogue price with at least 4 decimals and no trailing zeros beyond: '0.6177', '0.61771', '1.0000'. */
export function referenceText(price: string): string {
  let text = referenceTexts.get(price);
  if (text === undefined) referenceTexts.set(price, (text = decimal4(new Big(price))));
  return text;
}

/** Average price, yuan/kWh: fen ÷ kWh, half-up to 4 decimals. */
export function averagePrice(fen: Fen, kwh: string): Big {
  return quotient4(new Big(fen).times(ONE_FEN), new Big(kwh));
}

/** 1 − resold ÷ purchased, half-up (away from zero) to 4 decimals; negative when more was resold than bought. */
export function lossRate(purchaseKwh: string, resoldKwh: string): Big {
  const purchase = new Big(purchaseKwh);
  return quotient4(purchase.minus(resoldKwh), purchase);
}

/** max(0, charged − resold kWh × catalogue price), fen, rounded half-up once. */
export function excessFen(chargedFen: Fen, resoldKwh: string, price: string): Fen {
  return Math.max(0, roundFen(new Big(chargedFen).times(ONE_FEN).minus(new Big(resoldKwh).times(price))));
}

/** {@link indicators} by big.js alone, for any input; the integer path must agree with it. */
export function bigIndicators(input: IndicatorInput, reference: string, limits: FlagLimits): Indicators {
  const purchase = averagePrice(input.purchaseFen, input.purchaseKwh);
  const charged = averagePrice(input.chargedFen, input.resoldKwh);
  const loss = lossRate(input.purchaseKwh, input.resoldKwh);
  const flags: FilingFlag[] = [];
  if (charged.gt(purchase.plus(limits.tolerance))) flags.push('markup');
  if (charged.gt(reference)) flags.push('above-catalogue');
  if (loss.gt(limits.lossThreshold)) flags.push('loss');
  if (new Big(input.resoldKwh).gt(input.purchaseKwh)) flags.push('inverted');
  return {
    purchaseAvgPrice: decimal4(purchase),
    chargedAvgPrice: decimal4(charged),
    markupPerKwh: decimal4(charged.minus(purchase)),
    lossRate: decimal4(loss),
    catalogueReference: referenceText(reference),
    estimatedExcessFen: excessFen(input.chargedFen, input.resoldKwh, reference),
    flags,
  };
}
