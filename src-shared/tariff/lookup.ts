// The catalogue price in force for a billing month: exactly one entry must cover the whole month, or the
// lookup says why not. A price is never guessed from a neighbouring period.
import { endDate, monthEnd, startDate, type Month } from '../billingMonth';
import { normalizeText } from '../lists/normalize';
import type { TariffEntry, TariffKey, TariffTable, TouPeriod } from './types';

/** Why no single price applies: none covers the month, two cover it, or the price changes inside it. */
export type LookupProblem = 'missing' | 'overlap' | 'split';

export type PriceLookup =
  | { ok: true; price: string; entry: TariffEntry }
  | { ok: false; problem: LookupProblem; entries: readonly TariffEntry[] };

/** A tariff table indexed for many lookups (one per bill line and period); results are cached per month. */
export class TariffIndex {
  private readonly byKey = new Map<string, TariffEntry[]>();
  private readonly cache = new Map<string, PriceLookup>();

  constructor(table: TariffTable) {
    for (const entry of table.entries) {
      const key = keyText(entry, entry.period);
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  /** The price (yuan/kWh, decimal string) in force for the whole billing month, or the problem. */
  price(key: TariffKey, period: TouPeriod, month: Month): PriceLookup {
    return this.pricer(key)(period, month);
  }

  /** {@link price} for one key, normalised once: the form used for every line of a ledger. */
  pricer(key: TariffKey): (period: TouPeriod, month: Month) => PriceLookup {
    const base = keyText(key, 'single').slice(0, -'single'.length);
    return (period, month) => {
      const id = `${base}${period}\u0000${month}`;
      let found = this.cache.get(id);
      if (!found) {
        found = lookup(this.byKey.get(`${base}${period}`) ?? [], month);
        this.cache.set(id, found);
      }
      return found;
    };
  }

  /** The periods the table prices for a key, e.g. for a viewer. */
  periods(key: TariffKey): TouPeriod[] {
    return (['single', 'critical', 'peak', 'flat', 'valley'] as const).filter((p) => this.byKey.has(keyText(key, p)));
  }
}

/** {@link TariffIndex.price} for a single lookup. */
export function priceInForce(table: TariffTable, key: TariffKey, period: TouPeriod, month: Month): PriceLookup {
  return new TariffIndex(table).price(key, period, month);
}

// Region, category and voltage as people write them: full-width and spacing differences do not matter.
function keyText(key: TariffKey, period: TouPeriod): string {
  return [key.region, key.category, key.voltage].map(normalizeText).join('\u0000') + `\u0000${period}`;
}

function lookup(entries: readonly TariffEntry[], month: Month): PriceLookup {
  const first = `${month}-01`;
  const last = monthEnd(month);
  const touching = entries.filter((e) => startDate(e.from) <= last && (e.to === null || endDate(e.to) >= first));
  const covering = touching.filter((e) => startDate(e.from) <= first && (e.to === null || endDate(e.to) >= last));
  if (covering.length > 1) return { ok: false, problem: 'overlap', entries: covering };
  if (covering.length === 1 && touching.length === 1) return { ok: true, price: covering[0]!.price, entry: covering[0]! };
  if (touching.length === 0) return { ok: false, problem: 'missing', entries: [] };
  return { ok: false, problem: touching.length > 1 ? 'split' : 'missing', entries: touching };
}
