// A versioned catalogue tariff table (目录电价表): prices by region, user category, voltage level, time-of-use
// period and effective dates. Entries keep the texts they were written with; lookups compare them normalised.
import { z } from 'zod';
import { parseEffectiveText } from '../billingMonth';
import { PRICE_DECIMALS } from '../money';

/** Time-of-use periods: 不分时 (single), 尖峰 (critical), 峰 (peak), 平 (flat), 谷 (valley). */
export const TOU_PERIODS = ['single', 'critical', 'peak', 'flat', 'valley'] as const;
export type TouPeriod = (typeof TOU_PERIODS)[number];

/** The Chinese word of each period, as tariff tables and ledgers write it. */
export const TOU_WORDS: Readonly<Record<TouPeriod, string>> = { single: '不分时', critical: '尖峰', peak: '峰', flat: '平', valley: '谷' };

const PRICE = new RegExp(`^\\d+(?:\\.\\d{1,${PRICE_DECIMALS}})?$`);
const effective = z.string().refine((s) => parseEffectiveText(s) === s, { message: 'YYYY-MM or YYYY-MM-DD' });

export const tariffEntrySchema = z.object({
  region: z.string().min(1),
  category: z.string().min(1),
  voltage: z.string().min(1),
  period: z.enum(TOU_PERIODS),
  /** yuan/kWh as a decimal string, at most 6 decimals. */
  price: z.string().regex(PRICE, `a decimal of yuan/kWh with at most ${PRICE_DECIMALS} decimals`),
  /** First day in force: 'YYYY-MM-DD', or 'YYYY-MM' for the whole month. */
  from: effective,
  /** Last day in force (inclusive), same forms; null = still in force. */
  to: effective.nullable(),
});
export type TariffEntry = z.infer<typeof tariffEntrySchema>;

export const tariffTableSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** True for illustration tables that are not official prices. */
  sample: z.boolean().default(false),
  note: z.string().default(''),
  entries: z.array(tariffEntrySchema),
});
export type TariffTable = z.infer<typeof tariffTableSchema>;

/** What a bill line is priced by: the tariff keys apart from the period. */
export interface TariffKey {
  readonly region: string;
  readonly category: string;
  readonly voltage: string;
}

/** Reads a tariff table from parsed JSON; throws a ZodError naming the bad entry and field. */
export function loadTariffTable(json: unknown): TariffTable {
  return tariffTableSchema.parse(json);
}
