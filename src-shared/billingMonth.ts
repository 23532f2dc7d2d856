// Billing months ('YYYY-MM') and calendar dates ('YYYY-MM-DD') as ledgers and tariff tables write them.
import { normalizeText } from './lists/normalize';

/** A billing month, 'YYYY-MM'. */
export type Month = string;
/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

// 2026-01, 2026/1, 2026.1, 2026年1月, 2026年01月份, 2026-01-15, 2026年1月15日, 2026/1/15 (a date cell reads as 2026-01-15).
const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?(?:\s*[-/.]?\s*(\d{1,2})\s*日?)?$/;
// 202601: six digits, as some billing systems export the period.
const COMPACT = /^(\d{4})(\d{2})$/;

/** The billing month a ledger cell names, or null (a month without a year, a range, a serial number). */
export function parseMonthText(raw: string): Month | null {
  const text = normalizeText(raw);
  const m = YEAR_MONTH.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysIn(year, month)) return null;
  return monthOf(year, month);
}

/** An effective date as written in a tariff table: 'YYYY-MM-DD', or 'YYYY-MM' meaning the whole month; null if neither. */
export function parseEffectiveText(raw: string): string | null {
  const text = normalizeText(raw);
  const m = YEAR_MONTH.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const month = parseMonthText(text);
  if (month === null) return null;
  return m[3] === undefined ? month : `${month}-${m[3].padStart(2, '0')}`;
}

/** First day of an effective month or the date itself. */
export function startDate(effective: string): IsoDate {
  return effective.length === 7 ? `${effective}-01` : effective;
}

/** Last day of an effective month or the date itself. */
export function endDate(effective: string): IsoDate {
  return effective.length === 7 ? monthEnd(effective) : effective;
}

/** Last day of a billing month. */
export function monthEnd(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysIn(y, m)).padStart(2, '0')}`;
}

/** The day after a date. */
export function nextDay(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The day before a date. */
export function previousDay(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthOf(year: number, month: number): Month {
  return `${year}-${String(month).padStart(2, '0')}`;
}
