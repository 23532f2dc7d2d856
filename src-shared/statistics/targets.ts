// The targets on the office's map: each placed target with the result of its latest case in scope and its
// credit grade. The result of a closed case is the category it is published with (publication/category.ts).
import type { CreditGrade } from '../domain';
import { derivedCategory } from '../publication/category';
import { chinaDateOfInstant, inPeriod } from './period';
import { isClosed, isDrawn } from './scope';
import type { StatCase, StatisticsFilter, StatisticsInput } from './types';

export const TARGET_RESULTS = ['not-inspected', 'open', 'no-problem', 'rectification-ordered', 'refund-ordered'] as const;
export type TargetResult = (typeof TARGET_RESULTS)[number];

export interface TargetPoint {
  uscc: string;
  name: string;
  district: string;
  lng: number;
  lat: number;
  result: TargetResult;
  grade: CreditGrade | null;
  /** The case the result is of, if any. */
  caseId: string | null;
  targeted: boolean;
}

/** A case's own date for the map: the day it closed, else the day it was drawn or the complaint came in. */
function caseDates(c: StatCase, drawnOn: ReadonlyMap<string, string>): (string | null | undefined)[] {
  return [c.closedOn, c.drawId ? drawnOn.get(c.drawId) : null, c.receivedOn];
}

/** When a case began (drawn, or the complaint received; else closed): the later case of a target is the one shown. */
const startOf = (c: StatCase, drawnOn: ReadonlyMap<string, string>): string => (c.drawId ? drawnOn.get(c.drawId) : null) ?? c.receivedOn ?? c.closedOn ?? '';

/**
 * Active targets with coordinates in the district chosen (a plan chosen: its targets only), each with the
 * result of its latest case of the plan (or any) dated in the period. Also the count of those without coordinates.
 */
export function targetPoints(input: Pick<StatisticsInput, 'entities' | 'draws' | 'cases' | 'findings' | 'refunds'>, filter: StatisticsFilter): { points: TargetPoint[]; unplaced: number } {
  const drawnOn = new Map(input.draws.map((d) => [d.id, chinaDateOfInstant(d.drawnAt) ?? '']));
  const latest = new Map<string, StatCase>();
  for (const c of input.cases) {
    if (filter.drawId !== null && c.drawId !== filter.drawId) continue;
    if (filter.period.kind !== 'all' && !caseDates(c, drawnOn).some((d) => inPeriod(d, filter.period))) continue;
    const kept = latest.get(c.uscc);
    if (!kept || startOf(kept, drawnOn) < startOf(c, drawnOn)) latest.set(c.uscc, c);
  }
  const findings = new Map<string, number>();
  for (const f of input.findings) findings.set(f.caseId, (findings.get(f.caseId) ?? 0) + 1);
  const orders = new Map<string, number>();
  for (const r of input.refunds) orders.set(r.caseId, (orders.get(r.caseId) ?? 0) + 1);
  const points: TargetPoint[] = [];
  let unplaced = 0;
  for (const e of input.entities) {
    if (filter.district !== null && e.district !== filter.district) continue;
    const c = latest.get(e.uscc) ?? null;
    if (filter.drawId !== null && !c) continue;
    if (!e.active && !c) continue;
    if (e.lng === null || e.lat === null) {
      unplaced += 1;
      continue;
    }
    const result: TargetResult = !c ? 'not-inspected' : !isClosed(c) ? 'open' : derivedCategory({ findings: findings.get(c.id) ?? 0, refundOrders: orders.get(c.id) ?? 0 });
    points.push({ uscc: e.uscc, name: e.name, district: e.district, lng: e.lng, lat: e.lat, result, grade: e.credit, caseId: c?.id ?? null, targeted: c !== null && !isDrawn(c) });
  }
  return { points, unplaced };
}

/** How many points carry each value of `key` (for the legend). */
export function countBy<K extends string>(points: readonly TargetPoint[], keyOf: (p: TargetPoint) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const p of points) out.set(keyOf(p), (out.get(keyOf(p)) ?? 0) + 1);
  return out;
}
