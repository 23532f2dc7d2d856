// The period a statistic covers: a month, a quarter or a year on China's calendar, or all time. Dates
// handled here are China dates ('YYYY-MM-DD') or months ('YYYY-MM'); an instant (UTC ISO) is turned into
// its China date first, so a case closed at 2026-03-31T16:30Z (00:30 on 1 April in Beijing) is April's.
import { chinaDate } from '../inspection/meters';

export type Period =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number };

export const ALL_TIME: Period = { kind: 'all' };

/** The China date of a UTC ISO instant; null for an unparsable one. */
export function chinaDateOfInstant(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : chinaDate(new Date(ms));
}

/** Whether a China date or month ('YYYY-MM-DD' / 'YYYY-MM') falls in the period; an absent date only in all time. */
export function inPeriod(date: string | null | undefined, period: Period): boolean {
  if (period.kind === 'all') return true;
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year !== period.year) return false;
  if (period.kind === 'year') return true;
  if (period.kind === 'quarter') return Math.ceil(month / 3) === period.quarter;
  return month === period.month;
}

/** A period as a stable text key: 'all', '2026', '2026-Q2', '2026-04'. */
export function periodKey(period: Period): string {
  if (period.kind === 'all') return 'all';
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}-Q${period.quarter}`;
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/** The period of a key made by periodKey; all time for anything else. */
export function periodOfKey(key: string): Period {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  return ALL_TIME;
}

/** The years the dates fall in, newest first (what the period picker offers). */
export function yearsOf(dates: Iterable<string | null | undefined>): number[] {
  const years = new Set<number>();
  for (const d of dates) {
    const m = /^(\d{4})-/.exec(d ?? '');
    if (m) years.add(Number(m[1]));
  }
  return [...years].sort((a, b) => b - a);
}

/** The first and last month ('YYYY-MM') of a period; null for all time. */
export function monthRange(period: Period): [string, string] | null {
  const m = (month: number) => `${period.kind === 'all' ? '' : period.year}-${String(month).padStart(2, '0')}`;
  if (period.kind === 'all') return null;
  if (period.kind === 'year') return [m(1), m(12)];
  if (period.kind === 'quarter') return [m(period.quarter * 3 - 2), m(period.quarter * 3)];
  return [m(period.month), m(period.month)];
}
