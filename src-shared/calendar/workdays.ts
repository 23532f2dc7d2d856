// Working days on the real calendar of mainland China: Monday to Friday, minus the days off of the State
// Council's yearly holiday notice (国务院办公厅关于××年部分节假日安排的通知), plus the weekend days that notice
// makes working days (调休上班). The calendar is data (resources/calendar/cn-workdays.json) so the office can add
// next year's notice without a new release; a date in a year the data does not hold is refused, never guessed
// as weekends-only. Dates are China calendar dates 'YYYY-MM-DD'; no time zone is involved past `chinaToday`.
//
// Counting rule. A period in days does not count the day it starts from (《民法典》第二百零一条: 开始的当日不计入，
// 自下一日开始计算; 《民事诉讼法》on 期间: 期间开始的时和日，不计算在期间内), and a period in working days leaves out
// the statutory holidays (《行政许可法》第八十二条: 以工作日计算，不含法定节假日; likewise 《行政处罚法》第八十五条). So a
// deadline of n working days after a date is the n-th working day after it. That last day is a working day by
// construction, which also meets the rule that a last day falling on a holiday moves to the day after the holiday
// (《民法典》第二百零三条, 《民事诉讼法》on 期间). A zero-day period (n = 0) ends on the start date itself, moved to
// the next working day when it is not one.
import { z } from 'zod';
import { chinaDate } from '../inspection/meters';
import { calendarProblemText } from '../i18n/calendar';
import { issueCode } from '../zodIssue';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date 'YYYY-MM-DD', or null for anything else. */
function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / DAY_MS;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Day of the week of a valid 'YYYY-MM-DD': 0 = Sunday … 6 = Saturday; null for an invalid date. */
export function weekdayOf(date: string): number | null {
  const day = dayNumber(date);
  return day === null ? null : weekdayOfDay(day);
}

// ---- the data ----------------------------------------------------------------------------------------------

export type CalendarDataCode = 'bad-date' | 'outside-year' | 'duplicate' | 'in-both' | 'workday-not-weekend' | 'no-years';

const isoDate = z.string().refine((s) => dayNumber(s) !== null, { params: { code: 'bad-date' } });

const dayGroupSchema = z.object({
  /** The holiday's name as the notice writes it (春节, 国庆节、中秋节, …). */
  name: z.string().trim().min(1),
  dates: z.array(isoDate).min(1),
  /** The notice's own sentence for this holiday, kept for checking by eye. */
  notice: z.string().optional(),
});

export const calendarSourceSchema = z.object({
  /** 国务院办公厅关于××年部分节假日安排的通知 */
  title: z.string().trim().min(1),
  /** 发文字号, e.g. 国办发明电〔2024〕12号 */
  number: z.string().trim().min(1),
  /** Date of the notice, 'YYYY-MM-DD'. */
  issued: isoDate,
  url: z.string().regex(/^https?:\/\/\S+$/),
});
export type CalendarSource = z.infer<typeof calendarSourceSchema>;

const yearSchema = z.object({
  source: calendarSourceSchema,
  /** Every day off the notice lists (weekend days inside a holiday span included). */
  holidays: z.array(dayGroupSchema),
  /** The weekend days the notice makes working days (调休上班). */
  workdays: z.array(dayGroupSchema),
});

type YearData = z.infer<typeof yearSchema>;
type Ctx = z.RefinementCtx;

function flag(ctx: Ctx, path: (string | number)[], code: CalendarDataCode, date: string): void {
  ctx.addIssue({ code: 'custom', path, message: code, params: { code, date } });
}

function checkYear(year: string, data: YearData, ctx: Ctx): void {
  const off = new Set<string>();
  const listed = (list: 'holidays' | 'workdays', each: (date: string, path: (string | number)[]) => void) =>
    data[list].forEach((group, g) => group.dates.forEach((date, i) => each(date, ['years', year, list, g, 'dates', i])));
  const seen = new Set<string>();
  listed('holidays', (date, path) => {
    if (date.slice(0, 4) !== year) flag(ctx, path, 'outside-year', date);
    if (seen.has(date)) flag(ctx, path, 'duplicate', date);
    seen.add(date);
    off.add(date);
  });
  seen.clear();
  listed('workdays', (date, path) => {
    if (date.slice(0, 4) !== year) flag(ctx, path, 'outside-year', date);
    if (seen.has(date)) flag(ctx, path, 'duplicate', date);
    seen.add(date);
    if (off.has(date)) flag(ctx, path, 'in-both', date);
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) flag(ctx, path, 'workday-not-weekend', date);
  });
}

/** The calendar file: per year the source notice, the days off and the make-up working days, each named. */
export const calendarDataSchema = z
  .object({
    $comment: z.string().optional(),
    title: z.string().trim().min(1),
    years: z.record(z.string().regex(/^\d{4}$/), yearSchema),
  })
  .superRefine((data, ctx) => {
    const years = Object.keys(data.years);
    if (years.length === 0) ctx.addIssue({ code: 'custom', path: ['years'], message: 'no-years', params: { code: 'no-years' } });
    for (const year of years) checkYear(year, data.years[year]!, ctx);
  });
export type CalendarData = z.infer<typeof calendarDataSchema>;

/** A calendar ready for questions: covered years with their sources, and each special date with its holiday's name. */
export interface WorkdayCalendar {
  readonly title: string;
  /** Covered years → the notice that fixes them. */
  readonly years: ReadonlyMap<number, CalendarSource>;
  /** Day off → holiday name. */
  readonly holidays: ReadonlyMap<string, string>;
  /** Make-up working day (a Saturday or Sunday) → holiday name. */
  readonly workdays: ReadonlyMap<string, string>;
}

function compile(data: CalendarData): WorkdayCalendar {
  const years = new Map<number, CalendarSource>();
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const [year, info] of Object.entries(data.years).sort(([a], [b]) => Number(a) - Number(b))) {
    years.set(Number(year), info.source);
    for (const group of info.holidays) for (const date of group.dates) holidays.set(date, group.name);
    for (const group of info.workdays) for (const date of group.dates) workdays.set(date, group.name);
  }
  return { title: data.title, years, holidays, workdays };
}

/** Reads a calendar from parsed JSON; throws a ZodError naming the bad year, list and date. */
export function loadWorkdayCalendar(json: unknown): WorkdayCalendar {
  return compile(calendarDataSchema.parse(json));
}

/** One thing wrong with a calendar file; `path` is dotted ('years.2025.workdays.0.dates.1'). */
export interface CalendarDataProblem {
  /** A CalendarDataCode, or zod's own code for a missing or mistyped field. */
  code: string;
  path: string;
  /** The date concerned, when the problem is about one. */
  date?: string;
}

export type CalendarCheck = { ok: true; calendar: WorkdayCalendar } | { ok: false; problems: CalendarDataProblem[] };

/** Validates a calendar file (e.g. one the office imports) and returns it ready, or every problem. */
export function checkWorkdayCalendar(json: unknown): CalendarCheck {
  const parsed = calendarDataSchema.safeParse(json);
  if (parsed.success) return { ok: true, calendar: compile(parsed.data) };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const date = issue.code === 'custom' ? (issue as { params?: { date?: unknown } }).params?.date : undefined;
      return { code: issueCode(issue), path: issue.path.map(String).join('.'), ...(typeof date === 'string' ? { date } : {}) };
    }),
  };
}

// ---- questions ---------------------------------------------------------------------------------------------

/** Why a calendar question cannot be answered. */
export type CalendarProblem =
  | { code: 'calendar-not-covering'; year: number; covered: number[] }
  | { code: 'invalid-date'; value: string };

/** A calendar question that cannot be answered; `problem` is the typed reason, `message` says it in Chinese. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(readonly problem: CalendarProblem) {
    super(calendarProblemText(problem));
  }
}

/** Why a date cannot be asked about, or null when the calendar covers it. */
export function coverageProblem(cal: WorkdayCalendar, date: string): CalendarProblem | null {
  if (dayNumber(date) === null) return { code: 'invalid-date', value: date };
  const year = yearOf(date);
  return cal.years.has(year) ? null : { code: 'calendar-not-covering', year, covered: [...cal.years.keys()] };
}

function coveredDay(cal: WorkdayCalendar, date: string): number {
  const problem = coverageProblem(cal, date);
  if (problem) throw new CalendarError(problem);
  return dayNumber(date)!;
}

function workingOn(cal: WorkdayCalendar, day: number): boolean {
  const date = dateOfDay(day);
  if (!cal.years.has(yearOf(date))) throw new CalendarError({ code: 'calendar-not-covering', year: yearOf(date), covered: [...cal.years.keys()] });
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  const weekday = weekdayOfDay(day);
  return weekday !== 0 && weekday !== 6;
}

/** True for a working day (工作日); throws CalendarError for an invalid date or one in a year the calendar lacks. */
export function isWorkingDay(cal: WorkdayCalendar, date: string): boolean {
  return workingOn(cal, coveredDay(cal, date));
}

/** The holiday a day off belongs to (春节, 国庆节, …), or null. */
export function holidayName(cal: WorkdayCalendar, date: string): string | null {
  return cal.holidays.get(date) ?? null;
}

/** The date itself when it is a working day, else the first working day after it. Throws CalendarError. */
export function workingDayOnOrAfter(cal: WorkdayCalendar, date: string): string {
  let day = coveredDay(cal, date);
  while (!workingOn(cal, day)) day += 1;
  return dateOfDay(day);
}

/**
 * The deadline n working days after `start` (n a whole number of days ≥ 0): the n-th working day after it, the
 * start day not counted; for n = 0 the start day, moved to the next working day when it is not one. Throws
 * CalendarError when the count runs into a year the calendar does not hold, RangeError for a bad n.
 */
export function addWorkingDays(cal: WorkdayCalendar, start: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return workingDayOnOrAfter(cal, start);
  let day = coveredDay(cal, start);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (workingOn(cal, day)) counted += 1;
  }
  return dateOfDay(day);
}

/**
 * Working days from `from` to `to`: how many working days lie after `from` up to and including `to`, negative
 * when `to` is earlier. So `workingDaysBetween(cal, deadline, today) > 0` means overdue by that many working
 * days, and `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n` for any working day d. Throws
 * CalendarError when a day in between lies in a year the calendar does not hold.
 */
export function workingDaysBetween(cal: WorkdayCalendar, from: string, to: string): number {
  const a = coveredDay(cal, from);
  const b = coveredDay(cal, to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day += 1) if (workingOn(cal, day)) count += 1;
  return sign * count;
}

/** Why a chosen deadline is not a working day. `next` is the first working day after it, when the calendar has it. */
export type DeadlineProblem =
  | { code: 'holiday'; date: string; name: string; next?: string }
  | { code: 'weekend'; date: string; weekday: 'saturday' | 'sunday'; next?: string }
  | CalendarProblem;

/** Null when `date` is a working day the calendar covers; otherwise why a deadline may not fall on it. */
export function deadlineProblem(cal: WorkdayCalendar, date: string): DeadlineProblem | null {
  const problem = coverageProblem(cal, date);
  if (problem) return problem;
  if (isWorkingDay(cal, date)) return null;
  let next: string | undefined;
  try {
    next = workingDayOnOrAfter(cal, date);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
  }
  const more = next === undefined ? {} : { next };
  const name = holidayName(cal, date);
  if (name !== null) return { code: 'holiday', date, name, ...more };
  return { code: 'weekend', date, weekday: weekdayOf(date) === 6 ? 'saturday' : 'sunday', ...more };
}

/** The notices a period from `from` to `to` was counted on, one per year it touches, oldest first. */
export function calendarSources(cal: WorkdayCalendar, from: string, to: string): { year: number; source: CalendarSource }[] {
  const [lo, hi] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  const out: { year: number; source: CalendarSource }[] = [];
  for (let year = lo; year <= hi; year += 1) {
    const source = cal.years.get(year);
    if (source) out.push({ year, source });
  }
  return out;
}

/** The China (UTC+8) calendar date of an instant, 'YYYY-MM-DD': "today" for deadlines. */
export function chinaToday(now: Date): string {
  return chinaDate(now);
}
