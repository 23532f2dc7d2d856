// The statistics tables as sheets (header, cells): what the page shows and the Excel export writes, so the
// two never differ. Counts are integers, money is yuan as a number with two decimals (from integer fen),
// ratios are the exact percentage text.
import { yuanText, type Fen } from '../money';
import type { StatisticsTables } from './statistics';
import { STAT_FILING_FLAGS } from './filings';

export type CellKind = 'text' | 'count' | 'yuan' | 'ratio';
export type Cell = string | number | null;

export interface SheetColumn {
  header: string;
  kind: CellKind;
}

export interface StatSheet {
  /** Stable id: coverage, groups, findings, money, filings. */
  id: StatSheetId;
  title: string;
  columns: SheetColumn[];
  rows: Cell[][];
}

export const STAT_SHEETS = ['coverage', 'groups', 'findings', 'money', 'filings'] as const;
export type StatSheetId = (typeof STAT_SHEETS)[number];

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Fen as the yuan number a spreadsheet sums: 123456 → 1234.56 (through the exact text, never fen / 100). */
export const yuanCell = (fen: Fen): number => Number(yuanText(fen));

const col = (t: Translate, key: string, kind: CellKind): SheetColumn => ({ header: t(`statistics.col.${key}`), kind });

function coverageSheet(s: StatisticsTables, t: Translate): StatSheet {
  const row = (name: string, r: StatisticsTables['coverage']['total']): Cell[] => [name, r.listed, r.drawn, r.inspected, r.closed, r.drawnRatio, r.inspectedRatio, r.complaint, r.screening];
  return {
    id: 'coverage', title: t('statistics.table.coverage'),
    columns: [col(t, 'district', 'text'), col(t, 'listed', 'count'), col(t, 'drawn', 'count'), col(t, 'inspected', 'count'), col(t, 'closed', 'count'), col(t, 'drawnRatio', 'ratio'), col(t, 'inspectedRatio', 'ratio'), col(t, 'complaint', 'count'), col(t, 'screening', 'count')],
    rows: [...s.coverage.rows.map((r) => row(r.district, r)), row(t('statistics.total'), s.coverage.total)],
  };
}

function groupsSheet(s: StatisticsTables, t: Translate): StatSheet {
  return {
    id: 'groups', title: t('statistics.table.groups'),
    columns: [col(t, 'plan', 'text'), col(t, 'drawnOn', 'text'), col(t, 'group', 'text'), col(t, 'listed', 'count'), col(t, 'planRatio', 'ratio'), col(t, 'drawn', 'count'), col(t, 'drawnRatio', 'ratio'), col(t, 'inspected', 'count'), col(t, 'inspectedRatio', 'ratio')],
    rows: s.groups.map((g) => [g.plan, g.drawnOn, g.group, g.listed, g.planRatio, g.drawn, g.drawnRatio, g.inspected, g.inspectedRatio]),
  };
}

function findingsSheet(s: StatisticsTables, t: Translate, typeLabel: (code: string | null) => string): StatSheet {
  const total = s.findings.reduce((a, r) => ({ findings: a.findings + r.findings, amountFen: a.amountFen + r.amountFen }), { findings: 0, amountFen: 0 });
  return {
    id: 'findings', title: t('statistics.table.findings'),
    columns: [col(t, 'findingType', 'text'), col(t, 'findings', 'count'), col(t, 'findingCases', 'count'), col(t, 'amount', 'yuan')],
    rows: [...s.findings.map((r) => [typeLabel(r.type), r.findings, r.cases, yuanCell(r.amountFen)]), [t('statistics.total'), total.findings, null, yuanCell(total.amountFen)]],
  };
}

function moneySheet(s: StatisticsTables, t: Translate): StatSheet {
  const row = (name: string, r: StatisticsTables['money']['total']): Cell[] => [name, r.cases, r.casesWithOvercharge, yuanCell(r.overchargeFen), r.orders, yuanCell(r.orderedFen), yuanCell(r.refundedFen), yuanCell(r.verifiedFen), r.overdueTenants];
  return {
    id: 'money', title: t('statistics.table.money'),
    columns: [col(t, 'district', 'text'), col(t, 'resultCases', 'count'), col(t, 'casesWithOvercharge', 'count'), col(t, 'overcharge', 'yuan'), col(t, 'orders', 'count'), col(t, 'ordered', 'yuan'), col(t, 'refunded', 'yuan'), col(t, 'verified', 'yuan'), col(t, 'overdueTenants', 'count')],
    rows: [...s.money.rows.map((r) => row(r.district, r)), row(t('statistics.total'), s.money.total)],
  };
}

function filingsSheet(s: StatisticsTables, t: Translate): StatSheet {
  const row = (name: string, r: StatisticsTables['filings']['total']): Cell[] => [name, r.filings, r.flagged, r.landlordsFlagged, ...STAT_FILING_FLAGS.map((f) => r.byFlag[f] ?? 0), yuanCell(r.estimatedExcessFen)];
  return {
    id: 'filings', title: t('statistics.table.filings'),
    columns: [col(t, 'district', 'text'), col(t, 'filings', 'count'), col(t, 'flagged', 'count'), col(t, 'landlordsFlagged', 'count'), ...STAT_FILING_FLAGS.map((f) => ({ header: t(`statistics.flag.${f}`), kind: 'count' as const })), col(t, 'excess', 'yuan')],
    rows: [...s.filings.rows.map((r) => row(r.district || t('statistics.notListed'), r)), row(t('statistics.total'), s.filings.total)],
  };
}

/** Every table as a sheet, in page order. `typeLabel` names a finding type code (null: untyped). */
export function statisticsSheets(s: StatisticsTables, t: Translate, typeLabel: (code: string | null) => string): StatSheet[] {
  return [coverageSheet(s, t), groupsSheet(s, t), findingsSheet(s, t, typeLabel), moneySheet(s, t), filingsSheet(s, t)];
}
