// The working-day calendar in force: the app's own years (resources/calendar/cn-workdays.json, from the
// State Council's notices) with the years the office added in 检查设置 over them, year by year.
import builtIn from '../../resources/calendar/cn-workdays.json';
import type { OfficeSettings } from '../inspection/officeSettings';
import { calendarDataSchema, loadWorkdayCalendar, type CalendarData, type WorkdayCalendar } from './workdays';

const BUILT_IN: CalendarData = calendarDataSchema.parse(builtIn);

/** The calendar file in force (the app's years with the office's over them): the template for a new year. */
export function calendarDataOf(settings: Pick<OfficeSettings, 'calendar'>): CalendarData {
  return settings.calendar ? { ...BUILT_IN, years: { ...BUILT_IN.years, ...settings.calendar.years } } : BUILT_IN;
}

export function workdayCalendarOf(settings: Pick<OfficeSettings, 'calendar'>): WorkdayCalendar {
  return loadWorkdayCalendar(calendarDataOf(settings));
}
