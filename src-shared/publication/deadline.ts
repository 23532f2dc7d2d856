// When a case's results must be public: 20 working days after the case closes (its approval), counted on
// the office's working-day calendar like a refund order's deadline. A closing date in a year the calendar
// lacks gives no deadline but says which year is missing; it is never guessed as weekends only.
import { addWorkingDays, CalendarError, type WorkdayCalendar } from '../calendar/workdays';

/** Working days after the closing date within which the results are published. */
export const PUBLICATION_WORKING_DAYS = 20;

export type PublicationDeadline = { ok: true; date: string } | { ok: false; missingYear: number };

/** The last day (China date) to publish a case closed on `closedOn`, or the year the calendar lacks. */
export function publicationDeadline(cal: WorkdayCalendar, closedOn: string): PublicationDeadline {
  try {
    return { ok: true, date: addWorkingDays(cal, closedOn, PUBLICATION_WORKING_DAYS) };
  } catch (e) {
    if (e instanceof CalendarError && e.problem.code === 'calendar-not-covering') return { ok: false, missingYear: e.problem.year };
    throw e;
  }
}

/**
 * Where a case stands for publication: 'open' (not closed), 'closed-undated' (approved before closing
 * dates were kept), 'no-calendar' (the deadline's year is missing), 'due' (to publish, in time),
 * 'overdue' (not published and today is after the deadline), 'published'.
 */
export type PublicationState = 'open' | 'closed-undated' | 'no-calendar' | 'due' | 'overdue' | 'published';

export interface PublicationStanding {
  state: PublicationState;
  /** The deadline when it can be counted. */
  deadline: string | null;
  /** The year the calendar lacks ('no-calendar'). */
  missingYear: number | null;
}

/** A case's standing on `today` (China date): closed or not, its deadline, published or overdue. */
export function publicationStanding(cal: WorkdayCalendar, c: { status: string; closedOn?: string | null }, publishedOn: string | null, today: string): PublicationStanding {
  if (c.status !== 'approved') return { state: 'open', deadline: null, missingYear: null };
  const counted = c.closedOn ? publicationDeadline(cal, c.closedOn) : null;
  const deadline = counted?.ok ? counted.date : null;
  const missingYear = counted && !counted.ok ? counted.missingYear : null;
  if (publishedOn !== null) return { state: 'published', deadline, missingYear };
  if (!counted) return { state: 'closed-undated', deadline: null, missingYear: null };
  if (!counted.ok) return { state: 'no-calendar', deadline: null, missingYear };
  return { state: today > counted.date ? 'overdue' : 'due', deadline, missingYear: null };
}
