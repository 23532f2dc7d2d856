// Which rows a filter takes, and by which date each kind of row falls in a period (China time):
// - a draw, and the drawn cases of it, by the day it was drawn (the cohort whose ratio is reported);
// - a case's results (findings, overcharge found) by the day it closed (approved): results count once
//   confirmed; with all time chosen every case counts, open ones too;
// - a refund order by the day issued, with what was refunded and verified of it so far;
// - a filing by its month; a targeted case by the day it closed, else the day the complaint came in.
import { countsInRandomRatio, originOf } from '../targeted/origin';
import { chinaDateOfInstant, inPeriod } from './period';
import type { StatCase, StatDraw, StatisticsFilter, StatisticsInput } from './types';

export { originOf };
/** Drawn at random: the only cases counted in drawn, inspected and the ratios (targeted/origin.ts). */
export const isDrawn = (c: Pick<StatCase, 'origin' | 'drawId'>): boolean => countsInRandomRatio(c);
/** The team has been on site: the case was submitted (and may since have been returned or approved). */
export const isInspected = (c: Pick<StatCase, 'status'>): boolean => c.status === 'submitted' || c.status === 'returned' || c.status === 'approved';
export const isClosed = (c: Pick<StatCase, 'status'>): boolean => c.status === 'approved';

export interface Scope {
  /** Draws of the plan chosen (or all) drawn in the period. */
  draws: StatDraw[];
  /** Drawn cases of those draws in the district. */
  drawnCases: StatCase[];
  /** Targeted cases in the district and period (none when a plan is chosen). */
  targetedCases: StatCase[];
  /** Cases whose results count: of the plan (or all) and district, closed in the period (any case in all time). */
  resultCases: StatCase[];
  /** Whether a case is in the plan and district chosen (the refund orders' scope; their own date decides the period). */
  caseInPlace: (c: StatCase) => boolean;
  /** Whether the district chosen takes a district ('' for a landlord not on the list). */
  districtTakes: (district: string) => boolean;
}

export function scopeOf(input: StatisticsInput, filter: StatisticsFilter): Scope {
  const { period } = filter;
  const districtTakes = (d: string) => filter.district === null || filter.district === d;
  const draws = input.draws.filter((d) => (filter.drawId === null || d.id === filter.drawId) && inPeriod(chinaDateOfInstant(d.drawnAt), period));
  const drawIds = new Set(draws.map((d) => d.id));
  const caseInPlace = (c: StatCase) => districtTakes(c.district) && (filter.drawId === null || c.drawId === filter.drawId);
  const drawnCases = input.cases.filter((c) => isDrawn(c) && drawIds.has(c.drawId!) && districtTakes(c.district));
  const targetedCases = filter.drawId !== null ? [] : input.cases.filter((c) => !isDrawn(c) && districtTakes(c.district) && inPeriod(c.closedOn ?? c.receivedOn, period));
  const resultCases = input.cases.filter((c) => caseInPlace(c) && (period.kind === 'all' || (isClosed(c) && inPeriod(c.closedOn, period))));
  return { draws, drawnCases, targetedCases, resultCases, caseInPlace, districtTakes };
}
