// The office's statistics (统计分析) for one filter — plan, period (China time), district — as tables and a
// summary, from plain arrays (statistics/types.ts). Pure: the page, the bench and the tests call the same.
import type { Fen } from '../money';
import { coverageByDistrict, coverageByGroup, type CoverageRow, type GroupRow } from './coverage';
import { filingsByDistrict, type FilingRow } from './filings';
import { findingsByType, moneyByDistrict, type FindingTypeRow, type MoneyRow } from './results';
import { scopeOf } from './scope';
import type { StatisticsFilter, StatisticsInput } from './types';

export interface StatisticsSummary {
  listed: number;
  drawn: number;
  inspected: number;
  drawnRatio: string;
  inspectedRatio: string;
  /** Targeted cases (complaints and screening), never in the ratios. */
  targeted: number;
  findings: number;
  overchargeFen: Fen;
  orderedFen: Fen;
  refundedFen: Fen;
  verifiedFen: Fen;
  flaggedFilings: number;
}

export interface StatisticsTables {
  summary: StatisticsSummary;
  coverage: { rows: CoverageRow[]; total: CoverageRow };
  groups: GroupRow[];
  findings: FindingTypeRow[];
  money: { rows: MoneyRow[]; total: MoneyRow };
  filings: { rows: FilingRow[]; total: FilingRow };
}

/** Every table for the filter; `today` (a China date) decides which refunds are overdue. */
export function statisticsOf(input: StatisticsInput, filter: StatisticsFilter, today: string): StatisticsTables {
  const scope = scopeOf(input, filter);
  const coverage = coverageByDistrict(input.entities, scope, filter);
  const findings = findingsByType(input.findings, scope.resultCases);
  const money = moneyByDistrict(input, scope, filter.period, today);
  const planCases = filter.drawId === null ? null : input.cases.filter((c) => c.drawId === filter.drawId);
  const filings = filingsByDistrict({ entities: input.entities, filings: input.filings, planCases }, scope, filter.period);
  const t = coverage.total;
  return {
    summary: {
      listed: t.listed, drawn: t.drawn, inspected: t.inspected, drawnRatio: t.drawnRatio, inspectedRatio: t.inspectedRatio, targeted: t.complaint + t.screening,
      findings: findings.reduce((s, r) => s + r.findings, 0), overchargeFen: money.total.overchargeFen, orderedFen: money.total.orderedFen,
      refundedFen: money.total.refundedFen, verifiedFen: money.total.verifiedFen, flaggedFilings: filings.total.flagged,
    },
    coverage,
    groups: coverageByGroup(scope),
    findings,
    money,
    filings,
  };
}
