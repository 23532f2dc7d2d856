// Landlords' monthly filings screened (申报筛查) per district: how many filings, how many flagged and why,
// how many landlords, and the estimated excess (fen). A landlord not on the list is counted under ''.
import type { Fen } from '../money';
import { inPeriod, type Period } from './period';
import type { Scope } from './scope';
import type { StatCase, StatEntity, StatFiling } from './types';

/** The flags a screening gives, in their canonical order (src-shared/filings/types.ts FILING_FLAGS). */
export const STAT_FILING_FLAGS = ['markup', 'above-catalogue', 'loss', 'inverted'] as const;

export interface FilingRow {
  /** '' for landlords not on the list. */
  district: string;
  filings: number;
  flagged: number;
  landlordsFlagged: number;
  /** Filings carrying each flag. */
  byFlag: Record<string, number>;
  estimatedExcessFen: Fen;
}

const newRow = (district: string): FilingRow => ({ district, filings: 0, flagged: 0, landlordsFlagged: 0, byFlag: Object.fromEntries(STAT_FILING_FLAGS.map((f) => [f, 0])), estimatedExcessFen: 0 });

export interface FilingScope {
  entities: readonly StatEntity[];
  filings: readonly StatFiling[];
  /** The plan's cases when a plan is chosen (its targets' filings only), else null. */
  planCases: readonly StatCase[] | null;
}

/** Per district (Chinese collation, not on the list last) and the total, over the filings of months in the period. */
export function filingsByDistrict(input: FilingScope, scope: Scope, period: Period): { rows: FilingRow[]; total: FilingRow } {
  const districtOf = new Map(input.entities.map((e) => [e.uscc, e.district]));
  const planTargets = input.planCases ? new Set(input.planCases.map((c) => c.uscc)) : null;
  const rows = new Map<string, FilingRow>();
  const landlords = new Map<string, Set<string>>();
  for (const f of input.filings) {
    const district = districtOf.get(f.uscc) ?? '';
    if (!inPeriod(f.month, period) || !scope.districtTakes(district) || (planTargets && !planTargets.has(f.uscc))) continue;
    const row = rows.get(district) ?? newRow(district);
    rows.set(district, row);
    row.filings += 1;
    row.estimatedExcessFen += f.estimatedExcessFen;
    if (f.flags.length === 0) continue;
    row.flagged += 1;
    for (const flag of f.flags) row.byFlag[flag] = (row.byFlag[flag] ?? 0) + 1;
    const set = landlords.get(district) ?? new Set<string>();
    set.add(f.uscc);
    landlords.set(district, set);
  }
  for (const [d, set] of landlords) rows.get(d)!.landlordsFlagged = set.size;
  const sorted = [...rows.values()].sort((a, b) => (a.district === '' ? 1 : b.district === '' ? -1 : a.district.localeCompare(b.district, 'zh-CN')));
  const total = newRow('');
  for (const r of sorted) {
    total.filings += r.filings;
    total.flagged += r.flagged;
    total.landlordsFlagged += r.landlordsFlagged;
    total.estimatedExcessFen += r.estimatedExcessFen;
    for (const [flag, n] of Object.entries(r.byFlag)) total.byFlag[flag] = (total.byFlag[flag] ?? 0) + n;
  }
  return { rows: sorted, total };
}
