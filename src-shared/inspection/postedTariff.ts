// The posted tariff (价格公示): whether a price notice is up, where, and the prices it shows by tenant
// category and time-of-use period — each compared with the catalogue price in force that month.
import Big from 'big.js';
import { z } from 'zod';
import type { Month } from '../billingMonth';
import { PRICE_DECIMALS } from '../money';
import { TariffIndex, type LookupProblem } from '../tariff/lookup';
import { TOU_PERIODS, type TariffTable, type TouPeriod } from '../tariff/types';
import { cleanString } from '../text';

const price = z.string().regex(new RegExp(`^\\d{1,6}(\\.\\d{1,${PRICE_DECIMALS}})?$`));

export const postedPriceSchema = z.strictObject({
  /** 用户类别 as the catalogue names it (一般工商业, 大工业 …). */
  category: cleanString().trim().min(1).max(100),
  period: z.enum(TOU_PERIODS),
  /** yuan/kWh as posted. */
  price,
});
export type PostedPrice = z.infer<typeof postedPriceSchema>;

export const tariffPostingSchema = z.strictObject({
  posted: z.boolean(),
  /** Where the notice hangs ('' when not posted). */
  location: cleanString().trim().max(200),
  /** The month whose catalogue the prices are compared with ('YYYY-MM'). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  region: cleanString().trim().min(1).max(100),
  voltage: cleanString().trim().min(1).max(100),
  prices: z.array(postedPriceSchema).max(50),
  photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(50),
  /** A loss or 公摊 share the landlord charges on top, as a rate ('0.08' = 8 %), when it charges one. */
  chargedLossRate: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/).nullable().optional(),
  note: cleanString().max(2000),
});
export type TariffPosting = z.infer<typeof tariffPostingSchema>;

export type PriceComparison =
  | { category: string; period: TouPeriod; posted: string; catalogue: string; /** posted − catalogue, exact. */ difference: string; flag: 'above' | 'below' | 'equal' }
  | { category: string; period: TouPeriod; posted: string; catalogue: null; difference: null; flag: 'no-catalogue'; problem: LookupProblem };

export interface PostingCheck {
  notPosted: boolean;
  prices: PriceComparison[];
}

/** Each posted price against the catalogue (the table in force on this device) for the posting's month. */
export function checkPosting(posting: TariffPosting, table: TariffTable | null): PostingCheck {
  const index = table ? new TariffIndex(table) : null;
  const prices = posting.prices.map((p): PriceComparison => {
    const found = index?.price({ region: posting.region, category: p.category, voltage: posting.voltage }, p.period, posting.month as Month);
    if (!found || !found.ok) return { category: p.category, period: p.period, posted: p.price, catalogue: null, difference: null, flag: 'no-catalogue', problem: found ? found.problem : 'missing' };
    const difference = new Big(p.price).minus(found.price);
    return { category: p.category, period: p.period, posted: p.price, catalogue: found.price, difference: difference.toFixed(), flag: difference.gt(0) ? 'above' : difference.lt(0) ? 'below' : 'equal' };
  });
  return { notPosted: !posting.posted, prices };
}
