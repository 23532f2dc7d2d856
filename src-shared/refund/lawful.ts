// The lawful charge of a bill line by the catalogue method: Σ over its periods of kWh × the catalogue price
// in force in its billing month, rounded half-up to the fen once for the whole line.
import type { BillLine, KwhPeriod } from '../ledger/types';
import { chargeFen, type Fen } from '../money';
import type { LookupProblem, TariffIndex } from '../tariff/lookup';
import type { TouPeriod } from '../tariff/types';

export type LawfulCharge =
  | { ok: true; lawfulFen: Fen; prices: Partial<Record<TouPeriod, string>> }
  | { ok: false; problems: { period: TouPeriod; problem: LookupProblem }[] };

/** Lawful charge of one line (fen) at the prices of `price` (a {@link TariffIndex.pricer}); a line without per-period kWh is priced at the 不分时 price. */
export function catalogueCharge(line: Pick<BillLine, 'month' | 'kwh' | 'periods'>, price: ReturnType<TariffIndex['pricer']>): LawfulCharge {
  const parts: [TouPeriod, string][] = line.periods ? periodParts(line.periods) : [['single', line.kwh]];
  const prices: Partial<Record<TouPeriod, string>> = {};
  const problems: { period: TouPeriod; problem: LookupProblem }[] = [];
  const priced: [kwh: string, price: string][] = [];
  for (const [period, kwh] of parts) {
    const found = price(period, line.month);
    if (!found.ok) problems.push({ period, problem: found.problem });
    else {
      prices[period] = found.price;
      priced.push([kwh, found.price]);
    }
  }
  // The one rounding point: the line's exact sum, not each period's product.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lawfulFen: chargeFen(priced), prices };
}

const KWH_PERIODS: readonly KwhPeriod[] = ['critical', 'peak', 'flat', 'valley'];

function periodParts(periods: Readonly<Partial<Record<KwhPeriod, string>>>): [TouPeriod, string][] {
  return KWH_PERIODS.flatMap((p): [TouPeriod, string][] => {
    const kwh = periods[p];
    return kwh === undefined ? [] : [[p, kwh]];
  });
}
