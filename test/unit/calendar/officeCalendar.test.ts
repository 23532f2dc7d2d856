// The calendar in force: the app's years, with the years the office imported over them.
import { describe, expect, it } from 'vitest';
import { calendarDataOf, workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { addWorkingDays, CalendarError } from '../../../src-shared/calendar/workdays';

// A made-up year for the test (not the State Council's 2027 arrangement): 元旦 1–3 January off.
const YEAR_2027 = {
  title: '测试',
  years: {
    '2027': {
      source: { title: '测试用的年度安排', number: '测试〔2026〕1号', issued: '2026-11-01', url: 'https://example.org/2027' },
      holidays: [{ name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
      workdays: [],
    },
  },
};

describe('the calendar in force', () => {
  it('refuses a deadline running into a year it lacks, and counts it once the office imported that year', () => {
    expect(() => addWorkingDays(workdayCalendarOf({ calendar: null }), '2026-12-21', 15)).toThrow(CalendarError);
    const withYear = workdayCalendarOf({ calendar: YEAR_2027 });
    // After 2026-12-21: 22–25, 28–31 December (8), then 4–8 (13), 11–12 January (15).
    expect(addWorkingDays(withYear, '2026-12-21', 15)).toBe('2027-01-12');
    expect([...withYear.years.keys()]).toEqual([2024, 2025, 2026, 2027]);
    expect(Object.keys(calendarDataOf({ calendar: YEAR_2027 }).years)).toEqual(['2024', '2025', '2026', '2027']);
  });
});
