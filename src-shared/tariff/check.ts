// Checks a tariff table for versions that overlap or leave a gap; both are reported for the office to fix.
import { endDate, nextDay, previousDay, startDate } from '../billingMonth';
import { normalizeText } from '../lists/normalize';
import type { TariffEntry, TariffTable } from './types';

/** Two versions of one price in force on the same day, or days between two versions with no price. */
export interface TariffProblem {
  readonly code: 'overlap' | 'gap';
  /** Indexes into `table.entries` of the two versions concerned, earlier first. */
  readonly entries: readonly [number, number];
  /** First and last day concerned, 'YYYY-MM-DD'; `to` null = open-ended. */
  readonly from: string;
  readonly to: string | null;
}

/** Every overlap and gap between consecutive versions of each (region, category, voltage, period). */
export function checkTariffTable(table: TariffTable): TariffProblem[] {
  const problems: TariffProblem[] = [];
  for (const versions of groupVersions(table.entries)) {
    for (let i = 1; i < versions.length; i++) {
      const problem = between(versions[i - 1]!, versions[i]!);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

interface Version {
  readonly index: number;
  readonly from: string;
  readonly to: string | null;
}

function groupVersions(entries: readonly TariffEntry[]): Version[][] {
  const groups = new Map<string, Version[]>();
  entries.forEach((e, index) => {
    const key = [e.region, e.category, e.voltage, e.period].map(normalizeText).join('\u0000');
    const version = { index, from: startDate(e.from), to: e.to === null ? null : endDate(e.to) };
    groups.set(key, [...(groups.get(key) ?? []), version]);
  });
  return [...groups.values()].map((vs) => vs.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index)));
}

function between(earlier: Version, later: Version): TariffProblem | null {
  const entries: [number, number] = [earlier.index, later.index];
  if (earlier.to === null || earlier.to >= later.from) {
    const to = earlier.to === null ? later.to : later.to === null || earlier.to < later.to ? earlier.to : later.to;
    return { code: 'overlap', entries, from: later.from, to };
  }
  const dayAfter = nextDay(earlier.to);
  if (dayAfter < later.from) return { code: 'gap', entries, from: dayAfter, to: previousDay(later.from) };
  return null;
}
