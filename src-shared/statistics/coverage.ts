// How far the draws went (抽查完成情况): per district and per group of each plan — targets listed, drawn,
// inspected, and the ratios achieved. Targeted cases (complaints, screening) are counted in columns of
// their own and never in drawn or the ratios (DOMAIN.md: outside the random draw).
import { ratioText } from './ratio';
import { chinaDateOfInstant } from './period';
import { isClosed, isInspected, originOf, type Scope } from './scope';
import type { StatCase, StatDraw, StatEntity, StatisticsFilter } from './types';

export interface CoverageRow {
  district: string;
  /** Targets listed: the plan's groups when it was drawn (one plan chosen), else the active list now. */
  listed: number;
  /** Distinct targets drawn, inspected (on site, submitted), and with a closed case. */
  drawn: number;
  inspected: number;
  closed: number;
  drawnRatio: string;
  inspectedRatio: string;
  /** Targeted cases, not in the ratios: from complaints, from screening, and of those inspected. */
  complaint: number;
  screening: number;
  targetedInspected: number;
}

export interface GroupRow {
  drawId: string;
  plan: string;
  /** China date of the draw. */
  drawnOn: string;
  group: string;
  /** null when this device holds only the draw's record, not its groups. */
  listed: number | null;
  /** The plan's ratio for the group, '—' when unknown. */
  planRatio: string;
  drawn: number;
  inspected: number;
  drawnRatio: string;
  inspectedRatio: string;
}

interface Tally {
  listed: number;
  drawn: Set<string>;
  inspected: Set<string>;
  closed: Set<string>;
  complaint: number;
  screening: number;
  targetedInspected: number;
}

const newTally = (): Tally => ({ listed: 0, drawn: new Set(), inspected: new Set(), closed: new Set(), complaint: 0, screening: 0, targetedInspected: 0 });

function tallyOf(map: Map<string, Tally>, district: string): Tally {
  let t = map.get(district);
  if (!t) map.set(district, (t = newTally()));
  return t;
}

function rowOf(district: string, t: Tally): CoverageRow {
  return {
    district, listed: t.listed, drawn: t.drawn.size, inspected: t.inspected.size, closed: t.closed.size,
    drawnRatio: ratioText(t.drawn.size, t.listed), inspectedRatio: ratioText(t.inspected.size, t.listed),
    complaint: t.complaint, screening: t.screening, targetedInspected: t.targetedInspected,
  };
}

function addListed(tallies: Map<string, Tally>, entities: readonly StatEntity[], scope: Scope, filter: StatisticsFilter): void {
  const plan = filter.drawId !== null && scope.draws.length === 1 ? scope.draws[0]! : null;
  if (plan?.groups) {
    for (const g of plan.groups) {
      const district = g.key.district ?? '';
      if (scope.districtTakes(district)) tallyOf(tallies, district).listed += g.size;
    }
    return;
  }
  if (filter.drawId !== null) return; // a plan chosen but not held whole here: its list is unknown
  for (const e of entities) if (e.active && scope.districtTakes(e.district)) tallyOf(tallies, e.district).listed += 1;
}

function addCases(tallies: Map<string, Tally>, scope: Scope): void {
  for (const c of scope.drawnCases) {
    const t = tallyOf(tallies, c.district);
    t.drawn.add(c.uscc);
    if (isInspected(c)) t.inspected.add(c.uscc);
    if (isClosed(c)) t.closed.add(c.uscc);
  }
  for (const c of scope.targetedCases) {
    const t = tallyOf(tallies, c.district);
    if (originOf(c) === 'complaint') t.complaint += 1;
    else t.screening += 1;
    if (isInspected(c)) t.targetedInspected += 1;
  }
}

/** Per district (Chinese collation), and the total over them (distinct targets, so a target drawn twice counts once). */
export function coverageByDistrict(entities: readonly StatEntity[], scope: Scope, filter: StatisticsFilter): { rows: CoverageRow[]; total: CoverageRow } {
  const tallies = new Map<string, Tally>();
  addListed(tallies, entities, scope, filter);
  addCases(tallies, scope);
  const districts = [...tallies.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const all = newTally();
  for (const t of tallies.values()) {
    all.listed += t.listed;
    t.drawn.forEach((u) => all.drawn.add(u));
    t.inspected.forEach((u) => all.inspected.add(u));
    t.closed.forEach((u) => all.closed.add(u));
    all.complaint += t.complaint;
    all.screening += t.screening;
    all.targetedInspected += t.targetedInspected;
  }
  return { rows: districts.map((d) => rowOf(d, tallies.get(d)!)), total: rowOf('', all) };
}

const planRatioText = (ratio: number) => ratioText(Math.round(ratio * 10000), 10000);

function groupsOfDraw(draw: StatDraw, cases: readonly StatCase[], scope: Scope): GroupRow[] {
  const drawnOn = chinaDateOfInstant(draw.drawnAt) ?? '';
  const mine = cases.filter((c) => c.drawId === draw.id);
  const base = { drawId: draw.id, plan: draw.name, drawnOn };
  if (draw.groups && draw.groupOf) {
    const groupOf = draw.groupOf;
    return draw.groups.filter((g) => scope.districtTakes(g.key.district ?? '')).map((g) => {
      const inspected = mine.filter((c) => groupOf[c.uscc] === g.label && isInspected(c)).length;
      return { ...base, group: g.label, listed: g.size, planRatio: planRatioText(g.ratio), drawn: g.selected, inspected, drawnRatio: ratioText(g.selected, g.size), inspectedRatio: ratioText(inspected, g.size) };
    });
  }
  // Only the record is here: the cases, by district, with the list sizes unknown.
  const byDistrict = new Map<string, StatCase[]>();
  for (const c of mine) byDistrict.set(c.district, [...(byDistrict.get(c.district) ?? []), c]);
  return [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([district, list]) => ({
    ...base, group: district, listed: null, planRatio: '—', drawn: list.length, inspected: list.filter(isInspected).length, drawnRatio: '—', inspectedRatio: '—',
  }));
}

/** Per group of each draw in scope (draws newest first, groups in the draw's order). */
export function coverageByGroup(scope: Scope): GroupRow[] {
  const draws = [...scope.draws].sort((a, b) => (a.drawnAt < b.drawnAt ? 1 : a.drawnAt > b.drawnAt ? -1 : 0));
  return draws.flatMap((d) => groupsOfDraw(d, scope.drawnCases, scope));
}
