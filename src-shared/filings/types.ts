// The landlords' monthly filings (转供电主体月度报表) and what screening makes of them.
import type { Month } from '../billingMonth';
import type { RowIssue, SkipReason } from '../lists/types';
import type { Fen } from '../money';

/** The columns of a filings sheet. */
export const FILING_FIELDS = ['uscc', 'name', 'month', 'category', 'voltage', 'purchaseKwh', 'purchaseYuan', 'resoldKwh', 'chargedYuan', 'tenants'] as const;
export type FilingField = (typeof FILING_FIELDS)[number];

/** One row read from the file: every cell parsed, nothing computed yet. */
export interface Filing {
  /** Excel row number. */
  readonly row: number;
  /** Canonical USCC (upper-case, half-width, check character verified). */
  readonly uscc: string;
  readonly name: string;
  readonly month: Month;
  /** User category and voltage level as written (NFKC, spaces cleaned); 一般工商业 and 不满1千伏 when blank. */
  readonly category: string;
  readonly voltage: string;
  /** kWh bought from the grid, a canonical decimal string > 0. */
  readonly purchaseKwh: string;
  /** Paid to the grid, fen ≥ 0. */
  readonly purchaseFen: Fen;
  /** kWh passed on to end users, a canonical decimal string > 0. */
  readonly resoldKwh: string;
  /** Charged to end users, fen ≥ 0. */
  readonly chargedFen: Fen;
  readonly tenants: number | null;
}

export interface FilingsRead {
  readonly sheet: string;
  readonly headerRow: number;
  /** field → header text as found in the file. */
  readonly columns: Partial<Record<FilingField, string>>;
  /** Rows that parsed, in file order (duplicates already refused). */
  readonly filings: Filing[];
  /** One issue per problem; a row with any issue is not in `filings`. */
  readonly rejected: RowIssue[];
  readonly skipped: { row: number; why: SkipReason }[];
}

export const FILING_FLAGS = ['markup', 'above-catalogue', 'loss', 'inverted'] as const;
export type FilingFlag = (typeof FILING_FLAGS)[number];

/** A screened row. Prices are yuan/kWh and rates fractions, as decimal strings with 4 decimals. */
export interface ScreenedFiling {
  readonly row: number;
  readonly uscc: string;
  readonly name: string;
  readonly month: Month;
  /** 购电电费 ÷ 购电量, yuan/kWh, half-up to 4 decimals. */
  readonly purchaseAvgPrice: string;
  /** 收取电费 ÷ 转供电量, yuan/kWh, half-up to 4 decimals. */
  readonly chargedAvgPrice: string;
  /** chargedAvgPrice − purchaseAvgPrice, yuan/kWh (may be negative). */
  readonly markupPerKwh: string;
  /** 1 − 转供电量 ÷ 购电量, half-up (away from zero) to 4 decimals; negative when more was resold than bought. */
  readonly lossRate: string;
  /** Catalogue price in force for the whole month, yuan/kWh, at least 4 decimals (the table's own digits beyond). */
  readonly catalogueReference: string;
  /** max(0, 收取电费 − 转供电量 × catalogueReference), fen, rounded half-up once. */
  readonly estimatedExcessFen: Fen;
  readonly flags: FilingFlag[];
}

/** One landlord's screened months. */
export interface LandlordScreening {
  readonly uscc: string;
  /** Name of its first screened row. */
  readonly name: string;
  /** Screened months with at least one flag. */
  readonly flaggedMonths: number;
  /** Σ estimatedExcessFen of its screened months, fen. */
  readonly estimatedExcessFen: Fen;
  readonly months: number;
}

export interface ScreeningOptions {
  /** Region of the tariff table the filings are priced by (e.g. 福建). */
  readonly region: string;
  /** Markup tolerance, yuan/kWh, a decimal string ≥ 0; default '0'. */
  readonly tolerance?: string;
  /** Loss rate above which a month is flagged, a decimal string; default '0.07'. */
  readonly lossThreshold?: string;
}

export interface ScreeningResult {
  readonly filings: ScreenedFiling[];
  /** Rows refused by the reader and by screening (no catalogue price), by Excel row. */
  readonly rejected: RowIssue[];
  /** Ranked: estimated excess desc, then months flagged desc, then USCC. */
  readonly landlords: LandlordScreening[];
}
