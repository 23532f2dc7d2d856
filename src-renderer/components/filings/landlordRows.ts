// The screen's view of stored filings: each landlord ranked (as the CLI's `landlords`), its months counted, its
// flags, and whether it is on the target list. Pure: the screening worker (db/filingsScreen.ts) re-screens and
// makes the rows; a landlord's months themselves are read when it is opened (a city's year is 46,000 months).
import { rankLandlords } from '../../../src-shared/filings/screen';
import type { StoredFiling } from '../../../src-shared/filings/stored';
import { FILING_FLAGS, type FilingFlag } from '../../../src-shared/filings/types';

export interface LandlordRow {
  rank: number;
  uscc: string;
  name: string;
  months: number;
  flaggedMonths: number;
  /** Σ estimated excess of its months, fen. */
  estimatedExcessFen: number;
  /** Months flagged per flag, in FILING_FLAGS order (flags no month has are left out). */
  flagCounts: { flag: FilingFlag; count: number }[];
  /** On the target list (检查对象名录). */
  listed: boolean;
  /** Its flagged months, oldest first. */
  flaggedIn: string[];
}

/** Landlords ranked by estimated excess, then months flagged, then USCC. */
export function landlordRows(filings: readonly StoredFiling[], listed: ReadonlySet<string>): LandlordRow[] {
  const byUscc = new Map<string, StoredFiling[]>();
  for (const f of filings) byUscc.set(f.uscc, [...(byUscc.get(f.uscc) ?? []), f]);
  // The name of a landlord's latest month: the one it files under now.
  const months = (uscc: string) => [...byUscc.get(uscc)!].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return rankLandlords(filings).map((l, i) => {
    const own = months(l.uscc);
    return {
      rank: i + 1,
      uscc: l.uscc,
      name: own.at(-1)?.name ?? l.name,
      months: l.months,
      flaggedMonths: l.flaggedMonths,
      estimatedExcessFen: l.estimatedExcessFen,
      flagCounts: FILING_FLAGS.map((flag) => ({ flag, count: own.filter((f) => f.flags.includes(flag)).length })).filter((c) => c.count > 0),
      listed: listed.has(l.uscc),
      flaggedIn: own.filter((f) => f.flags.length > 0).map((f) => f.month),
    };
  });
}

/** The months flagged and the flags they carry: what a targeted case opened from the screening names. */
export function screeningOrigin(row: LandlordRow): { kind: 'screening'; months: string[]; flags: FilingFlag[] } {
  return { kind: 'screening', months: row.flaggedIn, flags: row.flagCounts.map((c) => c.flag) };
}
