// A screened filing as every office device and the hub keep it (Dexie table `filings`, hub table `filings`): the
// figures as filed, the indicators and flags of its screening, and where it came from. One per landlord and
// month: a later import of the same landlord and month replaces the earlier (the hub keeps each in its audit).
import { z } from 'zod';
import type { Month } from '../billingMonth';
import { entitySchema } from '../domain';
import type { Fen } from '../money';
import { cleanString } from '../text';
import { MAX_FIGURE } from './columns';
import { indicators, type FlagLimits, type Indicators } from './indicators';
import { FILING_FLAGS, type Filing, type FilingFlag, type FilingsRead, type ScreenedFiling, type ScreeningResult } from './types';

/** A filing kept after screening. Prices yuan/kWh and the loss rate as decimal strings (4 decimals), amounts fen. */
export interface StoredFiling extends Indicators {
  /** `${uscc}|${month}`: one filing per landlord and month. */
  readonly key: string;
  readonly uscc: string;
  readonly name: string;
  readonly month: Month;
  /** 购电量, kWh, a decimal string > 0. */
  readonly purchaseKwh: string;
  /** 购电电费, fen. */
  readonly purchaseFen: Fen;
  /** 转供电量, kWh, a decimal string > 0. */
  readonly transferKwh: string;
  /** 收取电费, fen. */
  readonly chargedFen: Fen;
  /** 户数, when filed. */
  readonly households: number | null;
  readonly category: string;
  readonly voltage: string;
  /** UTC ISO time of the import (or of the re-screening that flagged it anew). */
  readonly importedAt: string;
  /** The file it came from (or the re-screening's description). */
  readonly source: string;
}

/** The key of a landlord's month. */
export const filingKey = (uscc: string, month: Month): string => `${uscc}|${month}`;

/** Where a batch of filings came from and when. */
export interface FilingOrigin {
  /** UTC ISO time. */
  readonly importedAt: string;
  readonly source: string;
}

/** The stored form of a screened row and the row it was screened from (same Excel row). */
export function storedFiling(filing: Filing, screened: ScreenedFiling, origin: FilingOrigin): StoredFiling {
  if (filing.row !== screened.row) throw new RangeError(`row ${screened.row} screened from row ${filing.row}`);
  return {
    key: filingKey(screened.uscc, screened.month),
    uscc: screened.uscc,
    name: screened.name,
    month: screened.month,
    purchaseKwh: filing.purchaseKwh,
    purchaseFen: filing.purchaseFen,
    transferKwh: filing.resoldKwh,
    chargedFen: filing.chargedFen,
    households: filing.tenants,
    category: filing.category,
    voltage: filing.voltage,
    ...indicatorsOf(screened),
    importedAt: origin.importedAt,
    source: origin.source,
  };
}

const indicatorsOf = (i: Indicators): Indicators => ({
  purchaseAvgPrice: i.purchaseAvgPrice,
  chargedAvgPrice: i.chargedAvgPrice,
  markupPerKwh: i.markupPerKwh,
  lossRate: i.lossRate,
  catalogueReference: i.catalogueReference,
  estimatedExcessFen: i.estimatedExcessFen,
  flags: [...i.flags],
});

/** Every screened row of an import in its stored form, in file order. */
export function storedFilings(read: FilingsRead, result: ScreeningResult, origin: FilingOrigin): StoredFiling[] {
  const byRow = new Map(read.filings.map((f) => [f.row, f]));
  return result.filings.map((s) => {
    const filing = byRow.get(s.row);
    if (!filing) throw new RangeError(`row ${s.row} was screened but not read`);
    return storedFiling(filing, s, origin);
  });
}

/** The indicators of a stored filing worked again under other limits (its catalogue reference kept). */
export function rescreened(f: StoredFiling, limits: FlagLimits): StoredFiling {
  return { ...f, ...indicators(inputOf(f), f.catalogueReference, limits) };
}

const inputOf = (f: StoredFiling) => ({ purchaseKwh: f.purchaseKwh, purchaseFen: f.purchaseFen, resoldKwh: f.transferKwh, chargedFen: f.chargedFen });

/** Whether two stored filings were flagged alike. */
export const sameFlags = (a: readonly FilingFlag[], b: readonly FilingFlag[]): boolean => a.length === b.length && a.every((f, i) => f === b[i]);

// ---- schema -------------------------------------------------------------------------------------------------

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const KWH = /^\d{1,10}(?:\.\d{1,4})?$/;
const INDICATOR = /^-?\d{1,15}\.\d{4,6}$/;
const PRICE = /^\d{1,6}\.\d{4,6}$/;
const fen = z.number().int().nonnegative().max(MAX_FIGURE * 100);
const kwh = z.string().regex(KWH).refine((s) => /[1-9]/.test(s), 'must be above 0');
/** Flags the limits do not decide: the figures alone give them. */
const FIXED_FLAGS: readonly FilingFlag[] = ['above-catalogue', 'inverted'];
/** Any limits: the figures and reference decide everything but markup and loss. */
const NO_LIMITS: FlagLimits = { tolerance: '0', lossThreshold: '0' };

/**
 * A stored filing as the mutator and the pull carry it. Its indicators must be those of its figures and catalogue
 * reference, and its flags those the figures give under some tolerance and threshold ≥ 0: no device can store a
 * price or an excess that its own figures contradict.
 */
export const storedFilingSchema = z
  .strictObject({
    key: z.string().max(64),
    uscc: entitySchema.shape.uscc,
    name: cleanString().max(200),
    month: z.string().regex(MONTH),
    purchaseKwh: kwh,
    purchaseFen: fen,
    transferKwh: kwh,
    chargedFen: fen,
    households: z.number().int().nonnegative().max(10_000_000).nullable(),
    category: cleanString().min(1).max(200),
    voltage: cleanString().min(1).max(200),
    purchaseAvgPrice: z.string().regex(INDICATOR),
    chargedAvgPrice: z.string().regex(INDICATOR),
    markupPerKwh: z.string().regex(INDICATOR),
    lossRate: z.string().regex(INDICATOR),
    catalogueReference: z.string().regex(PRICE),
    estimatedExcessFen: fen,
    flags: z.array(z.enum(FILING_FLAGS)).max(FILING_FLAGS.length),
    importedAt: z.iso.datetime(),
    source: cleanString().max(200),
  })
  .superRefine((f, ctx) => {
    if (f.key !== filingKey(f.uscc, f.month)) ctx.addIssue({ code: 'custom', path: ['key'], message: 'key must be uscc|month' });
    const canonical = FILING_FLAGS.filter((flag) => f.flags.includes(flag));
    if (!sameFlags(canonical, f.flags)) ctx.addIssue({ code: 'custom', path: ['flags'], message: 'flags unique, in FILING_FLAGS order' });
    const worked = indicators(inputOf(f), f.catalogueReference, NO_LIMITS);
    for (const field of ['purchaseAvgPrice', 'chargedAvgPrice', 'markupPerKwh', 'lossRate', 'catalogueReference', 'estimatedExcessFen'] as const) {
      if (f[field] !== worked[field]) ctx.addIssue({ code: 'custom', path: [field], message: `does not follow from the figures: ${String(worked[field])}` });
    }
    for (const flag of FIXED_FLAGS) {
      if (f.flags.includes(flag) !== worked.flags.includes(flag)) ctx.addIssue({ code: 'custom', path: ['flags'], message: `${flag} does not follow from the figures` });
    }
    // With limits ≥ 0 a markup needs a positive markup and a loss a positive loss rate.
    if (f.flags.includes('markup') && !worked.flags.includes('markup')) ctx.addIssue({ code: 'custom', path: ['flags'], message: 'markup without a markup' });
    if (f.flags.includes('loss') && !worked.flags.includes('loss')) ctx.addIssue({ code: 'custom', path: ['flags'], message: 'loss without a loss' });
  });
