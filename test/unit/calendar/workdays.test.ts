import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import calendarJson from '../../../resources/calendar/cn-workdays.json';
import {
  addWorkingDays,
  calendarSources,
  CalendarError,
  checkWorkdayCalendar,
  chinaToday,
  deadlineProblem,
  holidayName,
  isWorkingDay,
  loadWorkdayCalendar,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarProblem,
} from '../../../src-shared/calendar/workdays';
import { calendarBasisText, calendarDataProblemsText, calendarMessages, calendarProblemText } from '../../../src-shared/i18n/calendar';

const cal = loadWorkdayCalendar(calendarJson);

/** The problem a calendar call throws, or null when it does not throw. */
function thrown(f: () => unknown): CalendarProblem | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof CalendarError) return e.problem;
    throw e;
  }
}

const pad = (n: number | string) => String(n).padStart(2, '0');
const datesOfYear = (year: number, list: 'holidays' | 'workdays') => [...cal[list].keys()].filter((d) => d.startsWith(`${year}-`));

describe('calendar data: the State Council notices, day by day', () => {
  it('holds 2024, 2025 and 2026, each named by its notice, number and date', () => {
    expect([...cal.years.entries()].map(([year, s]) => [year, s.title, s.number, s.issued])).toEqual([
      [2024, '国务院办公厅关于2024年部分节假日安排的通知', '国办发明电〔2023〕7号', '2023-10-25'],
      [2025, '国务院办公厅关于2025年部分节假日安排的通知', '国办发明电〔2024〕12号', '2024-11-12'],
      [2026, '国务院办公厅关于2026年部分节假日安排的通知', '国办发明电〔2025〕7号', '2025-11-04'],
    ]);
    for (const source of cal.years.values()) expect(source.url).toMatch(/^https:\/\/www\.gov\.cn\//);
  });

  it('has each year’s totals of days off, make-up working days and working days', () => {
    const totals = [2024, 2025, 2026].map((year) => {
      let working = 0;
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (isWorkingDay(cal, d)) working += 1;
      return { year, off: datesOfYear(year, 'holidays').length, makeUp: datesOfYear(year, 'workdays').length, working };
    });
    expect(totals).toEqual([
      // 2024: 元旦 1 + 春节 8 + 清明 3 + 劳动 5 + 端午 1 + 中秋 3 + 国庆 7; make-up 2/4 2/18 4/7 4/28 5/11 9/14 9/29 10/12
      { year: 2024, off: 28, makeUp: 8, working: 251 },
      // 2025 (春节 and 劳动节 one day longer since the 2024 revision): 1 + 8 + 3 + 5 + 3 + 8; make-up 1/26 2/8 4/27 9/28 10/11
      { year: 2025, off: 28, makeUp: 5, working: 248 },
      // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7; make-up 1/4 2/14 2/28 5/9 9/20 10/10
      { year: 2026, off: 33, makeUp: 6, working: 248 },
    ]);
  });

  it('lists for every holiday exactly the span and the 共N天 of its notice sentence', () => {
    for (const [year, info] of Object.entries(calendarJson.years)) {
      for (const group of info.holidays) {
        const first = group.notice.split('。')[0]!;
        const m = /：(\d+)月(\d+)日(?:（[^）]*）)?(?:至(?:(\d+)月)?(\d+)日(?:（[^）]*）)?)?放假/.exec(first);
        expect(m, first).not.toBeNull();
        const from = `${year}-${pad(m![1]!)}-${pad(m![2]!)}`;
        const to = m![4] ? `${year}-${pad(m![3] ?? m![1]!)}-${pad(m![4])}` : from;
        const span: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) span.push(d);
        expect({ name: group.name, dates: group.dates }).toEqual({ name: group.name, dates: span });
        const days = /(?:共|放假)(\d+)天/.exec(first);
        if (days) expect({ name: group.name, days: group.dates.length }).toEqual({ name: group.name, days: Number(days[1]) });
        for (const d of group.dates) expect(holidayName(cal, d)).toBe(group.name);
      }
    }
  });

  it('lists as make-up working days exactly the days the notice sentences say 上班, under the same holiday', () => {
    for (const [year, info] of Object.entries(calendarJson.years)) {
      const fromNotice = new Map<string, string>();
      for (const group of info.holidays) {
        for (const sentence of group.notice.split('。').filter((s) => s.endsWith('上班'))) {
          for (const [, mo, d] of sentence.matchAll(/(\d+)月(\d+)日/g)) fromNotice.set(`${year}-${pad(mo!)}-${pad(d!)}`, group.name);
        }
      }
      const listed = new Map(info.workdays.flatMap((g) => g.dates.map((d) => [d, g.name] as const)));
      expect([...listed].sort()).toEqual([...fromNotice].sort());
    }
  });

  it('keeps 除夕 2024 a working day (the notice only encourages leave) and starts 2025’s 春节 on 除夕', () => {
    expect(isWorkingDay(cal, '2024-02-09')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false);
    expect(holidayName(cal, '2025-01-28')).toBe('春节');
  });
});

describe('isWorkingDay', () => {
  it('tells weekdays, weekends, days off and make-up days apart', () => {
    expect(isWorkingDay(cal, '2026-03-06')).toBe(true); // a Friday
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false); // a Saturday
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // Monday in 春节
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // make-up Sunday before 国庆
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false); // the 8th day of 国庆节、中秋节 2025
  });

  it('refuses a year the calendar does not hold instead of guessing weekends only', () => {
    expect(thrown(() => isWorkingDay(cal, '2028-03-01'))).toEqual({ code: 'calendar-not-covering', year: 2028, covered: [2024, 2025, 2026] });
    expect(thrown(() => isWorkingDay(cal, '2023-12-29'))).toEqual({ code: 'calendar-not-covering', year: 2023, covered: [2024, 2025, 2026] });
    expect(thrown(() => isWorkingDay(cal, '2025-02-29'))).toEqual({ code: 'invalid-date', value: '2025-02-29' });
  });
});

describe('addWorkingDays: the n-th working day after the start, the start not counted', () => {
  it('counts across weekends only', () => {
    expect(addWorkingDays(cal, '2025-03-07', 1)).toBe('2025-03-10');
    expect(addWorkingDays(cal, '2025-03-07', 5)).toBe('2025-03-14');
    expect(addWorkingDays(cal, '2025-03-03', 20)).toBe('2025-03-31');
  });

  it('counts 20 working days across 国庆 2025 (9/28 Sunday and 10/11 Saturday worked, 10/1–10/8 off)', () => {
    expect(addWorkingDays(cal, '2025-09-26', 20)).toBe('2025-10-30');
    expect(addWorkingDays(cal, '2025-09-30', 20)).toBe('2025-11-04');
  });

  it('counts 20 working days across 中秋 and 国庆 2026 (9/20 Sunday and 10/10 Saturday worked)', () => {
    expect(addWorkingDays(cal, '2026-09-18', 20)).toBe('2026-10-22');
    expect(addWorkingDays(cal, '2026-09-30', 20)).toBe('2026-11-03');
  });

  it('counts across 国庆 2024', () => {
    expect(addWorkingDays(cal, '2024-09-27', 20)).toBe('2024-10-30');
  });

  it('counts across 春节 2025 with its make-up Sunday 1/26 and Saturday 2/8', () => {
    expect(addWorkingDays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-24', 20)).toBe('2025-02-27');
    expect(addWorkingDays(cal, '2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays(cal, '2025-01-27', 5)).toBe('2025-02-10');
  });

  it('counts across 春节 2026 with its make-up Saturdays 2/14 and 2/28', () => {
    expect(addWorkingDays(cal, '2026-02-12', 20)).toBe('2026-03-18');
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-27', 1)).toBe('2026-02-28');
  });

  it('starts from a make-up Sunday or from a day off like from any other day', () => {
    expect(addWorkingDays(cal, '2025-09-28', 1)).toBe('2025-09-29');
    expect(addWorkingDays(cal, '2025-09-28', 20)).toBe('2025-10-31');
    expect(addWorkingDays(cal, '2025-10-01', 1)).toBe('2025-10-09');
  });

  it('crosses the year end into the next year’s notice (元旦 2026 and its make-up Sunday 1/4)', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(cal, '2025-12-15', 20)).toBe('2026-01-13');
  });

  it('ends a zero-day period on the start day, or on the next working day when the start is not one', () => {
    expect(addWorkingDays(cal, '2025-03-05', 0)).toBe('2025-03-05');
    expect(addWorkingDays(cal, '2025-09-28', 0)).toBe('2025-09-28');
    expect(addWorkingDays(cal, '2025-10-01', 0)).toBe('2025-10-09');
    expect(workingDayOnOrAfter(cal, '2026-02-15')).toBe('2026-02-24');
  });

  it('refuses to count into a year the calendar does not hold', () => {
    expect(thrown(() => addWorkingDays(cal, '2028-01-10', 20))).toEqual({ code: 'calendar-not-covering', year: 2028, covered: [2024, 2025, 2026] });
    expect(thrown(() => addWorkingDays(cal, '2026-12-20', 20))).toEqual({ code: 'calendar-not-covering', year: 2027, covered: [2024, 2025, 2026] });
    expect(addWorkingDays(cal, '2026-12-10', 10)).toBe('2026-12-24');
  });

  it('refuses a count that is not a whole number ≥ 0, and a date that does not exist', () => {
    expect(() => addWorkingDays(cal, '2025-03-05', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-03-05', 1.5)).toThrow(RangeError);
    expect(thrown(() => addWorkingDays(cal, '2025-13-01', 1))).toEqual({ code: 'invalid-date', value: '2025-13-01' });
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to the second, negative backwards', () => {
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-30')).toBe(20);
    expect(workingDaysBetween(cal, '2025-10-30', '2025-09-26')).toBe(-20);
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-24')).toBe(2);
    expect(workingDaysBetween(cal, '2025-10-08', '2025-10-08')).toBe(0);
    expect(workingDaysBetween(cal, '2025-10-01', '2025-10-08')).toBe(0);
  });

  it('refuses a span reaching outside the calendar', () => {
    expect(thrown(() => workingDaysBetween(cal, '2026-12-01', '2027-01-10'))).toEqual({ code: 'calendar-not-covering', year: 2027, covered: [2024, 2025, 2026] });
  });

  it('undoes addWorkingDays from any start, and every deadline is a working day', () => {
    const first = Date.UTC(2024, 0, 1) / 86_400_000;
    const last = Date.UTC(2026, 9, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 40 }), (day, n) => {
        const start = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const deadline = addWorkingDays(cal, start, n);
        return isWorkingDay(cal, deadline) && workingDaysBetween(cal, start, deadline) === n && deadline > start;
      }),
      { numRuns: 500 },
    );
  });
});

describe('deadlineProblem: why a chosen deadline is not a working day', () => {
  it('names the holiday and the next working day', () => {
    const p = deadlineProblem(cal, '2026-10-01');
    expect(p).toEqual({ code: 'holiday', date: '2026-10-01', name: '国庆节', next: '2026-10-08' });
    expect(calendarProblemText(p!)).toBe('2026-10-01 是国庆节假期，不是工作日，期限不能定在这一天；其后第一个工作日是 2026-10-08');
    expect(calendarProblemText(p!, 'en')).toBe('2026-10-01 is a day off for 国庆节, not a working day; a deadline cannot fall on it; the next working day is 2026-10-08');
    expect(calendarProblemText(deadlineProblem(cal, '2025-10-06')!)).toBe('2025-10-06 是国庆节、中秋节假期，不是工作日，期限不能定在这一天；其后第一个工作日是 2025-10-09');
    expect(deadlineProblem(cal, '2026-02-21')).toEqual({ code: 'holiday', date: '2026-02-21', name: '春节', next: '2026-02-24' });
  });

  it('names a plain weekend day', () => {
    const p = deadlineProblem(cal, '2026-03-07');
    expect(p).toEqual({ code: 'weekend', date: '2026-03-07', weekday: 'saturday', next: '2026-03-09' });
    expect(calendarProblemText(p!)).toBe('2026-03-07 是星期六，不是工作日，期限不能定在这一天；其后第一个工作日是 2026-03-09');
    expect(deadlineProblem(cal, '2026-03-08')).toMatchObject({ code: 'weekend', weekday: 'sunday' });
  });

  it('accepts a working day, a make-up Saturday included', () => {
    expect(deadlineProblem(cal, '2026-10-08')).toBeNull();
    expect(deadlineProblem(cal, '2026-02-14')).toBeNull();
  });

  it('says when the calendar cannot tell, or the date does not exist', () => {
    const p = deadlineProblem(cal, '2028-01-03');
    expect(p).toEqual({ code: 'calendar-not-covering', year: 2028, covered: [2024, 2025, 2026] });
    expect(calendarProblemText(p!)).toBe('节假日日历未收录 2028 年的放假安排（已收录 2024、2025、2026 年），不能按工作日计算；请在国务院办公厅公布 2028 年节假日安排后更新日历');
    expect(calendarProblemText(deadlineProblem(cal, '2026-02-30')!)).toBe('“2026-02-30”不是有效日期（应为 YYYY-MM-DD）');
  });

  it('leaves out the next working day when it lies beyond the calendar', () => {
    const only2022 = loadWorkdayCalendar({ title: 't', years: { '2022': { source: calendarJson.years['2026'].source, holidays: [], workdays: [] } } });
    expect(deadlineProblem(only2022, '2022-12-31')).toEqual({ code: 'weekend', date: '2022-12-31', weekday: 'saturday' });
    expect(calendarProblemText(deadlineProblem(only2022, '2022-12-31')!)).toBe('2022-12-31 是星期六，不是工作日，期限不能定在这一天');
  });

  it('throws a CalendarError whose message is the Chinese sentence', () => {
    expect(() => addWorkingDays(cal, '2028-01-10', 1)).toThrow('节假日日历未收录 2028 年的放假安排');
  });
});

describe('the calendar schema', () => {
  const edited = (edit: (data: typeof calendarJson) => void) => {
    const data = structuredClone(calendarJson);
    edit(data);
    return checkWorkdayCalendar(data);
  };

  it('accepts the shipped file', () => {
    expect(checkWorkdayCalendar(calendarJson).ok).toBe(true);
  });

  it('refuses a make-up working day on a Wednesday', () => {
    const check = edited((d) => d.years['2025'].workdays[0]!.dates.push('2025-10-15'));
    expect(check).toEqual({ ok: false, problems: [{ code: 'workday-not-weekend', path: 'years.2025.workdays.0.dates.2', date: '2025-10-15' }] });
    if (!check.ok) expect(calendarDataProblemsText(check.problems)).toBe('节假日日历数据有误：2025 年调休上班日：2025-10-15 是星期三，调休上班日只能是星期六或星期日');
  });

  it('refuses a date listed both as a day off and as a make-up working day', () => {
    const check = edited((d) => d.years['2025'].workdays[2]!.dates.push('2025-10-04'));
    expect(check).toEqual({ ok: false, problems: [{ code: 'in-both', path: 'years.2025.workdays.2.dates.2', date: '2025-10-04' }] });
    if (!check.ok) expect(calendarDataProblemsText(check.problems)).toBe('节假日日历数据有误：2025 年调休上班日：2025-10-04 同时列为放假日和调休上班日');
  });

  it('refuses a date outside its year, a day off listed twice and a date that does not exist', () => {
    const check = edited((d) => {
      d.years['2025'].holidays[0]!.dates.push('2026-01-02');
      d.years['2025'].holidays[5]!.dates.push('2025-10-01');
    });
    expect(check).toEqual({
      ok: false,
      problems: [
        { code: 'outside-year', path: 'years.2025.holidays.0.dates.1', date: '2026-01-02' },
        { code: 'duplicate', path: 'years.2025.holidays.5.dates.8', date: '2025-10-01' },
      ],
    });
    if (!check.ok) expect(calendarDataProblemsText(check.problems)).toBe('节假日日历数据有误：2025 年放假日：2026-01-02 不在 2025 年内；2025 年放假日：2025-10-01 重复列出');
    const bad = edited((d) => d.years['2026'].holidays[0]!.dates.push('2026-02-30'));
    expect(bad).toMatchObject({ ok: false, problems: [{ code: 'bad-date', path: 'years.2026.holidays.0.dates.3' }] });
  });

  it('refuses a year without its source notice', () => {
    const check = checkWorkdayCalendar({ title: 't', years: { '2027': { holidays: [], workdays: [] } } });
    expect(check).toMatchObject({ ok: false, problems: [{ path: 'years.2027.source' }] });
    if (!check.ok) expect(calendarDataProblemsText(check.problems)).toBe('节假日日历数据有误：2027 年：缺少内容或内容有误（years.2027.source）');
    expect(checkWorkdayCalendar({ title: 't', years: {} })).toMatchObject({ ok: false, problems: [{ code: 'no-years' }] });
    expect(() => loadWorkdayCalendar({ title: 't', years: {} })).toThrow();
  });
});

describe('sources and today', () => {
  it('names the notices a period was counted on', () => {
    const sources = calendarSources(cal, '2025-12-15', '2026-01-13');
    expect(sources.map((s) => s.year)).toEqual([2025, 2026]);
    expect(calendarBasisText(sources)).toBe(
      '工作日按国务院办公厅公布的节假日安排计算，依据《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号）、《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）',
    );
  });

  it('takes today as the China date of the instant', () => {
    expect(chinaToday(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('has the same keys and placeholders in Chinese and English', () => {
    expect(Object.keys(calendarMessages.en).sort()).toEqual(Object.keys(calendarMessages['zh-CN']).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(calendarMessages['zh-CN'])) {
      expect({ key, p: placeholders(calendarMessages.en[key as keyof typeof calendarMessages.en]) }).toEqual({ key, p: placeholders(zh) });
    }
  });
});

function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
