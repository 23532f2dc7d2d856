// Screens the landlords' monthly filings against the catalogue prices: per row the average prices, the loss
// rate, the catalogue reference, the estimated excess and the flags; per landlord the ranking. Issue 15 §1.
import Big from 'big.js';
import type { Month } from '../billingMonth';
import type { RowIssue } from '../lists/types';
import type { TariffIndex } from '../tariff/lookup';
import type { TariffKey, TouPeriod } from '../tariff/types';
import { parseDecimal, PRICE_DECIMALS } from '../money';
import { indicators, type FlagLimits } from './indicators';
import { filingIssue } from './readFilings';
import type { FilingsRead, LandlordScreening, ScreenedFiling, ScreeningOptions, ScreeningResult } from './types';

/** Default markup tolerance, yuan/kWh. */
export const DEFAULT_TOLERANCE = '0';
/** Default loss threshold: a month losing more than 7 % between the grid meter and the tenants is flagged. */
export const DEFAULT_LOSS_THRESHOLD = '0.07';

const PERIODS: readonly TouPeriod[] = ['critical', 'peak', 'flat', 'valley'];

type Reference = { ok: true; price: string } | { ok: false; problem: 'missing' | 'overlap' | 'split' };

/**
 * The catalogue reference of a month, yuan/kWh: the 不分时 price in force for the whole month, else the highest
 * time-of-use price in force for it. A table that is ambiguous for the month (two versions, a change inside it)
 * gives no reference rather than a guess.
 */
export function catalogueReference(tariffs: TariffIndex, key: TariffKey, month: Month): Reference {
  const single = tariffs.price(key, 'single', month);
  if (single.ok) return { ok: true, price: single.price };
  if (single.problem !== 'missing') return { ok: false, problem: single.problem };
  let best: string | null = null;
  for (const period of PERIODS) {
    const found = tariffs.price(key, period, month);
    if (!found.ok && found.problem !== 'missing') return { ok: false, problem: found.problem };
    if (found.ok && (best === null || new Big(found.price).gt(best))) best = found.price;
  }
  return best === null ? { ok: false, problem: 'missing' } : { ok: true, price: best };
}

/** Screens what {@link readFilings} read; rows without a catalogue price for their month are refused. */
export function screenFilings(read: FilingsRead, tariffs: TariffIndex, options: ScreeningOptions): ScreeningResult {
  const limits: FlagLimits = { tolerance: limit(options.tolerance ?? DEFAULT_TOLERANCE, 'tolerance'), lossThreshold: limit(options.lossThreshold ?? DEFAULT_LOSS_THRESHOLD, 'lossThreshold') };
  const filings: ScreenedFiling[] = [];
  const refused: RowIssue[] = [];
  for (const filing of read.filings) {
    const key = { region: options.region, category: filing.category, voltage: filing.voltage };
    const reference = catalogueReference(tariffs, key, filing.month);
    if (reference.ok) filings.push({ row: filing.row, uscc: filing.uscc, name: filing.name, month: filing.month, ...indicators(filing, reference.price, limits) });
    else refused.push(filingIssue(filing.row, 'month', `tariff.${reference.problem}`, { ...key, month: filing.month }));
  }
  // Reader and screening refusals together, by Excel row (a stable sort keeps each row's issues in column order).
  const rejected = [...read.rejected, ...refused].sort((a, b) => a.row - b.row);
  return { filings, rejected, landlords: rankLandlords(filings) };
}

// A tolerance or threshold as a canonical decimal ≥ 0 with at most 6 decimals; anything else is a caller's bug.
function limit(text: string, name: string): string {
  const parsed = parseDecimal(text, PRICE_DECIMALS);
  if (!parsed.ok) throw new RangeError(`${name} must be a decimal ≥ 0 with at most ${PRICE_DECIMALS} decimals: ${text}`);
  return parsed.value;
}

/** Per landlord, ranked: estimated excess desc, then months flagged desc, then USCC. */
export function rankLandlords(filings: readonly Pick<ScreenedFiling, 'uscc' | 'name' | 'flags' | 'estimatedExcessFen'>[]): LandlordScreening[] {
  const byUscc = new Map<string, { uscc: string; name: string; flaggedMonths: number; estimatedExcessFen: number; months: number }>();
  for (const f of filings) {
    let landlord = byUscc.get(f.uscc);
    if (!landlord) byUscc.set(f.uscc, (landlord = { uscc: f.uscc, name: f.name, flaggedMonths: 0, estimatedExcessFen: 0, months: 0 }));
    landlord.months++;
    if (f.flags.length > 0) landlord.flaggedMonths++;
    landlord.estimatedExcessFen += f.estimatedExcessFen;
  }
  return [...byUscc.values()].sort(
    (a, b) => b.estimatedExcessFen - a.estimatedExcessFen || b.flaggedMonths - a.flaggedMonths || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0),
  );
}
