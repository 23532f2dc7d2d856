// The meters of an on-site check (计量装置): the grid's main meter(s) and the tenants' sub-meters, with
// their readings, seal and verification. Pure rules: flags per meter and the real loss rate (main against
// the sum of the subs), exact decimals throughout (big.js), never binary floats.
import Big from 'big.js';
import { z } from 'zod';
import { cleanString } from '../text';

export const METER_ROLES = ['main', 'sub'] as const;
export const METER_TYPES = ['electronic', 'induction'] as const;
/** Accuracy classes of active-energy meters (JJG 596-2012), and 3 for reactive meters. */
export const ACCURACY_CLASSES = ['0.2S', '0.5S', '1', '2', '3'] as const;
export type AccuracyClass = (typeof ACCURACY_CLASSES)[number];

/**
 * Verification periods in years per accuracy class. Source: JJG 596-2012《电子式交流电能表检定规程》,
 * 检定周期: 0.2S and 0.5S active meters "一般不超过6年"; class 1 and 2 active and class 2 and 3 reactive
 * meters "一般不超过8年". The office may set its own (a stricter local rule); these are the defaults.
 */
export const JJG596_YEARS: Readonly<Record<AccuracyClass, number>> = { '0.2S': 6, '0.5S': 6, '1': 8, '2': 8, '3': 8 };

/** Most decimals a meter display shows; a reading with more was mistyped. */
export const MAX_METER_DECIMALS = 3;

const decimal = (max: number) => z.string().regex(new RegExp(`^\\d{1,12}(\\.\\d{1,${max}})?$`));

export const meterReadingSchema = z.strictObject({
  /** When it was read (UTC ISO). */
  at: z.iso.datetime(),
  /** The register as displayed, before the multiplier. */
  value: decimal(MAX_METER_DECIMALS),
});
export type MeterReading = z.infer<typeof meterReadingSchema>;

export const meterSchema = z.strictObject({
  role: z.enum(METER_ROLES),
  meterNo: cleanString().trim().min(1).max(64),
  type: z.enum(METER_TYPES),
  accuracyClass: z.enum(ACCURACY_CLASSES),
  /** 倍率: the current-transformer ratio the register is multiplied by; above 0. */
  multiplier: decimal(4).refine((m) => new Big(m).gt(0), { params: { code: 'multiplier-zero' } }),
  /** Decimals the display shows (0–3): a reading with more is refused. */
  decimals: z.number().int().min(0).max(MAX_METER_DECIMALS),
  /** The tenant a sub-meter bills ('' for a main meter). */
  tenant: cleanString().trim().max(200),
  sealIntact: z.boolean(),
  /** The text of the verification label (检定合格标志), '' when there is none. */
  verificationLabel: cleanString().trim().max(200),
  /** Date of the last verification ('YYYY-MM-DD'), null when unknown (no label). */
  verifiedOn: z.iso.date().nullable(),
  readings: z.array(meterReadingSchema).max(200),
  /** Photos of the meter face, seal and label (SHA-256 of the evidence). */
  photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(50),
  note: cleanString().max(2000),
});
export type Meter = z.infer<typeof meterSchema>;

/** Why a meter entry cannot be taken as typed; each names the field, as the form shows it. */
export type MeterProblem =
  | { code: 'reading-decimals'; index: number; decimals: number }
  | { code: 'reading-future'; index: number }
  | { code: 'verified-future' };

/**
 * What the schema cannot know: a reading with more decimals than this meter shows, and times or dates
 * after `now` (the device clock at entry). Empty when the entry is acceptable.
 */
export function meterProblems(meter: Meter, now: Date): MeterProblem[] {
  const problems: MeterProblem[] = [];
  meter.readings.forEach((r, index) => {
    const decimals = r.value.split('.')[1]?.length ?? 0;
    if (decimals > meter.decimals) problems.push({ code: 'reading-decimals', index, decimals: meter.decimals });
    if (Date.parse(r.at) > now.getTime()) problems.push({ code: 'reading-future', index });
  });
  if (meter.verifiedOn !== null && meter.verifiedOn > chinaDate(now)) problems.push({ code: 'verified-future' });
  return problems;
}

export type MeterFlag =
  | { code: 'verification-overdue'; due: string }
  | { code: 'verification-unknown' }
  | { code: 'seal-broken' }
  | { code: 'reading-backwards'; at: string; value: string; previous: string };

/**
 * The last day a verification is valid: the same calendar day `years` later (29 Feb → 28 Feb). A meter
 * checked after that day is overdue; on the day itself it is not.
 */
export function verificationDue(verifiedOn: string, years: number): string {
  const [y, m, d] = verifiedOn.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Readings in time order (the order they were taken, whatever order they were typed). */
function inOrder(readings: readonly MeterReading[]): MeterReading[] {
  return [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The flags of one meter checked on `checkedOn` (China date 'YYYY-MM-DD'), with the office's periods. */
export function meterFlags(meter: Meter, checkedOn: string, years: Readonly<Record<AccuracyClass, number>> = JJG596_YEARS): MeterFlag[] {
  const flags: MeterFlag[] = [];
  if (meter.verifiedOn === null) flags.push({ code: 'verification-unknown' });
  else {
    const due = verificationDue(meter.verifiedOn, years[meter.accuracyClass]);
    if (checkedOn > due) flags.push({ code: 'verification-overdue', due });
  }
  if (!meter.sealIntact) flags.push({ code: 'seal-broken' });
  const readings = inOrder(meter.readings);
  for (let i = 1; i < readings.length; i++) {
    const [previous, r] = [readings[i - 1]!, readings[i]!];
    if (new Big(r.value).lt(previous.value)) flags.push({ code: 'reading-backwards', at: r.at, value: r.value, previous: previous.value });
  }
  return flags;
}

/** kWh a meter recorded between its first and last reading: (last − first) × multiplier; null with fewer than two. */
export function consumption(meter: Pick<Meter, 'readings' | 'multiplier'>): string | null {
  const readings = inOrder(meter.readings);
  if (readings.length < 2) return null;
  return new Big(readings.at(-1)!.value).minus(readings[0]!.value).times(meter.multiplier).toFixed();
}

export interface LossCheck {
  /** Sum over the main meters and over the sub-meters, kWh (exact decimals). */
  mainKwh: string;
  subKwh: string;
  /** 1 − sub ÷ main, rounded half-up to 4 decimals ('0.0523' = 5.23 %); null when it cannot be computed. */
  lossRate: string | null;
  /** Why not: no main meter with two readings, main consumption 0, or a meter read once or going backwards. */
  problem: 'no-main' | 'main-zero' | 'incomplete' | null;
  /** The readings span different days (the comparison is then only approximate). */
  uneven: boolean;
}

/** The real loss rate: the main meters' consumption against the sum of the sub-meters' over the same visits. */
export function lossCheck(meters: readonly Meter[]): LossCheck {
  const mains = meters.filter((m) => m.role === 'main');
  const subs = meters.filter((m) => m.role === 'sub');
  const used = (list: readonly Meter[]) => list.map((m) => consumption(m));
  const [mainUse, subUse] = [used(mains), used(subs)];
  const sum = (values: (string | null)[]) => values.reduce((s, v) => s.plus(v ?? 0), new Big(0));
  const [mainKwh, subKwh] = [sum(mainUse), sum(subUse)];
  const result = { mainKwh: mainKwh.toFixed(), subKwh: subKwh.toFixed(), uneven: uneven([...mains, ...subs]) };
  if (mains.length === 0) return { ...result, lossRate: null, problem: 'no-main' };
  const backwards = [...mainUse, ...subUse].some((v) => v !== null && v.startsWith('-'));
  if ([...mainUse, ...subUse].includes(null) || backwards) return { ...result, lossRate: null, problem: 'incomplete' };
  if (mainKwh.eq(0)) return { ...result, lossRate: null, problem: 'main-zero' };
  return { ...result, lossRate: new Big(1).minus(subKwh.div(mainKwh)).round(4, Big.roundHalfUp).toFixed(4), problem: null };
}

/** True when the meters' first (or last) readings fall on different China dates. */
function uneven(meters: readonly Meter[]): boolean {
  const days = (pick: (r: MeterReading[]) => MeterReading | undefined) => new Set(meters.map((m) => pick(inOrder(m.readings))).filter((r) => r !== undefined).map((r) => chinaDate(new Date(r.at))));
  return days((r) => r[0]).size > 1 || days((r) => r.at(-1)).size > 1;
}

/** The China (UTC+8) calendar date of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
