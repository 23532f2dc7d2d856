// Messages of the working-day calendar (src-shared/calendar/workdays.ts): why a date cannot be counted or chosen
// as a deadline, what is wrong with a calendar file, and the notices a deadline was counted on.
import { formatMessage, type Locale, type MessageTable } from './format';
import type { CalendarDataProblem, CalendarSource, DeadlineProblem } from '../calendar/workdays';

export const calendarMessages = {
  'zh-CN': {
    'calendar.problem.calendar-not-covering': '节假日日历未收录 {{year}} 年的放假安排（已收录 {{covered}} 年），不能按工作日计算；请在国务院办公厅公布 {{year}} 年节假日安排后更新日历',
    'calendar.problem.invalid-date': '“{{value}}”不是有效日期（应为 YYYY-MM-DD）',
    'calendar.problem.holiday': '{{date}} 是{{name}}假期，不是工作日，期限不能定在这一天',
    'calendar.problem.weekend': '{{date}} 是{{weekday}}，不是工作日，期限不能定在这一天',
    'calendar.problem.next': '其后第一个工作日是 {{next}}',
    'calendar.weekday.0': '星期日',
    'calendar.weekday.1': '星期一',
    'calendar.weekday.2': '星期二',
    'calendar.weekday.3': '星期三',
    'calendar.weekday.4': '星期四',
    'calendar.weekday.5': '星期五',
    'calendar.weekday.6': '星期六',
    'calendar.data.invalid': '节假日日历数据有误：{{problems}}',
    'calendar.data.bad-date': '{{where}}有日期写法不对（应为 YYYY-MM-DD，如 2026-10-01）',
    'calendar.data.outside-year': '{{where}}{{date}} 不在 {{year}} 年内',
    'calendar.data.duplicate': '{{where}}{{date}} 重复列出',
    'calendar.data.in-both': '{{where}}{{date}} 同时列为放假日和调休上班日',
    'calendar.data.workday-not-weekend': '{{where}}{{date}} 是{{weekday}}，调休上班日只能是星期六或星期日',
    'calendar.data.no-years': '没有收录任何年份',
    'calendar.data.field': '{{where}}缺少内容或内容有误（{{path}}）',
    'calendar.where.holidays': '{{year}} 年放假日：',
    'calendar.where.workdays': '{{year}} 年调休上班日：',
    'calendar.where.year': '{{year}} 年：',
    'calendar.basis': '工作日按国务院办公厅公布的节假日安排计算，依据{{sources}}',
    'calendar.basis.source': '《{{title}}》（{{number}}）',
    'calendar.separator': '；',
    'calendar.listSeparator': '、',
  },
  en: {
    'calendar.problem.calendar-not-covering': 'The holiday calendar has no arrangement for {{year}} (it holds {{covered}}), so working days cannot be counted; update the calendar once the State Council publishes the {{year}} holidays',
    'calendar.problem.invalid-date': '"{{value}}" is not a valid date (YYYY-MM-DD)',
    'calendar.problem.holiday': '{{date}} is a day off for {{name}}, not a working day; a deadline cannot fall on it',
    'calendar.problem.weekend': '{{date}} is a {{weekday}}, not a working day; a deadline cannot fall on it',
    'calendar.problem.next': 'the next working day is {{next}}',
    'calendar.weekday.0': 'Sunday',
    'calendar.weekday.1': 'Monday',
    'calendar.weekday.2': 'Tuesday',
    'calendar.weekday.3': 'Wednesday',
    'calendar.weekday.4': 'Thursday',
    'calendar.weekday.5': 'Friday',
    'calendar.weekday.6': 'Saturday',
    'calendar.data.invalid': 'The holiday calendar has errors: {{problems}}',
    'calendar.data.bad-date': '{{where}}a date is not written as YYYY-MM-DD (e.g. 2026-10-01)',
    'calendar.data.outside-year': '{{where}}{{date}} is not in {{year}}',
    'calendar.data.duplicate': '{{where}}{{date}} is listed twice',
    'calendar.data.in-both': '{{where}}{{date}} is listed both as a day off and as a make-up working day',
    'calendar.data.workday-not-weekend': '{{where}}{{date}} is a {{weekday}}; make-up working days can only be Saturdays or Sundays',
    'calendar.data.no-years': 'no year is listed',
    'calendar.data.field': '{{where}}missing or wrong ({{path}})',
    'calendar.where.holidays': '{{year}} days off: ',
    'calendar.where.workdays': '{{year}} make-up working days: ',
    'calendar.where.year': '{{year}}: ',
    'calendar.basis': 'Working days counted on the State Council holiday arrangements: {{sources}}',
    'calendar.basis.source': '“{{title}}” ({{number}})',
    'calendar.separator': '; ',
    'calendar.listSeparator': ', ',
  },
} satisfies MessageTable;

export type CalendarMessageKey = keyof (typeof calendarMessages)['zh-CN'];

/** A calendar message; Chinese unless asked otherwise. */
export function calendarText(key: CalendarMessageKey, params: Record<string, string | number> = {}, locale: Locale = 'zh-CN'): string {
  return formatMessage(calendarMessages[locale], key, params);
}

const weekdayKey = (date: string): CalendarMessageKey => `calendar.weekday.${new Date(`${date}T00:00:00Z`).getUTCDay()}` as CalendarMessageKey;

/** Why a date cannot be counted, or cannot be a deadline, as one sentence. */
export function calendarProblemText(problem: DeadlineProblem, locale: Locale = 'zh-CN'): string {
  const t = (key: CalendarMessageKey, params: Record<string, string | number> = {}) => calendarText(key, params, locale);
  switch (problem.code) {
    case 'calendar-not-covering':
      return t('calendar.problem.calendar-not-covering', { year: problem.year, covered: problem.covered.join(t('calendar.listSeparator')) });
    case 'invalid-date':
      return t('calendar.problem.invalid-date', { value: problem.value });
    case 'holiday':
    case 'weekend': {
      const main = problem.code === 'holiday'
        ? t('calendar.problem.holiday', { date: problem.date, name: problem.name })
        : t('calendar.problem.weekend', { date: problem.date, weekday: t(weekdayKey(problem.date)) });
      return problem.next === undefined ? main : main + t('calendar.separator') + t('calendar.problem.next', { next: problem.next });
    }
  }
}

function whereOf(path: string, locale: Locale): string {
  const [root, year, list] = path.split('.');
  if (root !== 'years' || year === undefined) return '';
  if (list === 'holidays' || list === 'workdays') return calendarText(list === 'holidays' ? 'calendar.where.holidays' : 'calendar.where.workdays', { year }, locale);
  return calendarText('calendar.where.year', { year }, locale);
}

/** Every problem of a calendar file as one sentence, each placed by year and list. */
export function calendarDataProblemsText(problems: readonly CalendarDataProblem[], locale: Locale = 'zh-CN'): string {
  const t = (key: CalendarMessageKey, params: Record<string, string | number> = {}) => calendarText(key, params, locale);
  const one = (p: CalendarDataProblem): string => {
    const where = whereOf(p.path, locale);
    const date = p.date ?? '';
    switch (p.code) {
      case 'bad-date':
        return t('calendar.data.bad-date', { where });
      case 'outside-year':
        return t('calendar.data.outside-year', { where, date, year: p.path.split('.')[1] ?? '' });
      case 'duplicate':
        return t('calendar.data.duplicate', { where, date });
      case 'in-both':
        return t('calendar.data.in-both', { where, date });
      case 'workday-not-weekend':
        return t('calendar.data.workday-not-weekend', { where, date, weekday: t(weekdayKey(date)) });
      case 'no-years':
        return t('calendar.data.no-years');
      default:
        return t('calendar.data.field', { where, path: p.path });
    }
  };
  return t('calendar.data.invalid', { problems: problems.map(one).join(t('calendar.separator')) });
}

/** The notices a deadline was counted on, for the document that states it. */
export function calendarBasisText(sources: readonly { source: CalendarSource }[], locale: Locale = 'zh-CN'): string {
  const named = sources.map(({ source }) => calendarText('calendar.basis.source', { title: source.title, number: source.number }, locale));
  return calendarText('calendar.basis', { sources: named.join(calendarText('calendar.listSeparator', {}, locale)) }, locale);
}
