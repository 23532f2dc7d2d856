// Refund reminders (催告): which orders need the office's attention today — overdue (a tenant still owed
// after the deadline) or due soon (one still owed, the deadline at most 3 working days away on the office's
// calendar) — and the reminder letter for an overdue order: the tenants still owed with what is left, and a
// new deadline in working days.
import { addWorkingDays, CalendarError, calendarSources, workingDaysBetween, type WorkdayCalendar } from '../calendar/workdays';
import { calendarBasisText } from '../i18n/calendar';
import type { RefundOrder } from './order';
import { overdueTenantsOn, trackingOf, type RefundEvent, type RefundReminder } from './tracking';

/** An order is due soon when its deadline is today or at most this many working days away. */
export const DUE_SOON_WORKING_DAYS = 3;
/** Working days a reminder gives by default (the office may choose another number when it issues one). */
export const REMINDER_WORKING_DAYS = 5;

export type RefundUrgency = 'overdue' | 'due-soon';

const dayMs = 86_400_000;
const calendarDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * Working days from `today` (a China date) to the deadline: the working days after today up to and including
 * it (0 when the deadline is today). Where the calendar lacks a year in between, calendar days instead, so
 * a reminder is never lost to a missing year (the deadline itself was counted on the calendar).
 */
export function workingDaysLeft(cal: WorkdayCalendar, today: string, deadline: string): number {
  try {
    return workingDaysBetween(cal, today, deadline);
  } catch (e) {
    if (e instanceof CalendarError) return calendarDays(today, deadline);
    throw e;
  }
}

/**
 * 'overdue' when a tenant is still owed (not fully paid, nor unreachable) after the deadline; 'due-soon' when
 * one is still owed and the deadline is at most DUE_SOON_WORKING_DAYS working days from `today`; else null.
 */
export function urgencyOf(order: Pick<RefundOrder, 'tenants' | 'deadline'>, events: readonly RefundEvent[], today: string, cal: WorkdayCalendar): RefundUrgency | null {
  const rows = trackingOf(order, events, today);
  if (rows.some((r) => r.overdue)) return 'overdue';
  if (today > order.deadline || !rows.some((r) => r.status === 'pending' || r.status === 'partial')) return null;
  return workingDaysLeft(cal, today, order.deadline) <= DUE_SOON_WORKING_DAYS ? 'due-soon' : null;
}

/** How many orders are overdue and how many due soon: what the menu's badge and the day's notice say. */
export function reminderCounts(urgencies: readonly (RefundUrgency | null)[]): { overdue: number; dueSoon: number } {
  return { overdue: urgencies.filter((u) => u === 'overdue').length, dueSoon: urgencies.filter((u) => u === 'due-soon').length };
}

/**
 * The reminder letter for an order overdue on `issuedOn`: its tenants still owed with what is left (fen), the
 * new deadline `workingDays` working days after the day of issue (the calendar's notices named). Null when
 * no tenant is overdue that day. Throws CalendarError when the count runs into a year the calendar lacks.
 */
export function reminderFor(order: Pick<RefundOrder, 'tenants' | 'deadline'>, events: readonly RefundEvent[], issuedOn: string, workingDays: number, cal: WorkdayCalendar): RefundReminder | null {
  const tenants = overdueTenantsOn(order, events, issuedOn);
  if (tenants.length === 0) return null;
  const deadline = addWorkingDays(cal, issuedOn, workingDays);
  return { issuedOn, workingDays, deadline, calendarBasis: calendarBasisText(calendarSources(cal, issuedOn, deadline)), tenants };
}

/** The reminders issued for an order, in the order recorded (the tracking view shows them: 已催告 on date). */
export function remindersOf(events: readonly RefundEvent[]): RefundReminder[] {
  return events.flatMap((e) => (e.kind === 'reminded' && e.reminder ? [e.reminder] : []));
}
