// 一公开: the result category a case is published with, the 20-working-day deadline on the office's
// calendar (across 国庆, into a year the calendar lacks), the standing of a case, the mutator's arguments,
// and the rule that refuses a publication with its reason.
import { describe, expect, it } from 'vitest';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { defaultOfficeSettings } from '../../../src-shared/inspection/officeSettings';
import { allowedCategories, derivedCategory } from '../../../src-shared/publication/category';
import { publicationDeadline, publicationStanding } from '../../../src-shared/publication/deadline';
import { handlingText, noticeRow } from '../../../src-shared/publication/notice';
import { publicationProblem, type Publication, type PublicationCase } from '../../../src-shared/publication/publication';
import { mutatorArgs } from '../../../src-shared/sync/mutators';

const CAL = workdayCalendarOf(defaultOfficeSettings());
const DRAW = '0195f0a0-0000-7000-8000-000000000001';
const CASE_A = '0195f0a0-0000-7000-8000-00000000000a';
const CASE_B = '0195f0a0-0000-7000-8000-00000000000b';
const PUB = '0195f0a0-0000-7000-8000-0000000000f1';

describe('publication: result category', () => {
  it('is 责令退还 with a refund order, 发现问题已责令整改 with findings only, 未发现问题 otherwise', () => {
    expect(derivedCategory({ findings: 2, refundOrders: 1 })).toBe('refund-ordered');
    expect(derivedCategory({ findings: 0, refundOrders: 1 })).toBe('refund-ordered');
    expect(derivedCategory({ findings: 3, refundOrders: 0 })).toBe('rectification-ordered');
    expect(derivedCategory({ findings: 0, refundOrders: 0 })).toBe('no-problem');
  });

  it('may be overridden by 立案查处 or 其他, never by another derived category', () => {
    expect(allowedCategories('no-problem')).toEqual(['no-problem', 'case-filed', 'other']);
    expect(allowedCategories('refund-ordered')).toEqual(['refund-ordered', 'case-filed', 'other']);
  });

  it('prints 处理情况 as the refund orders with their totals, then the note', () => {
    expect(handlingText([{ docNo: '某市监价退〔2026〕1号', totalFen: 1176600 }], '')).toBe('某市监价退〔2026〕1号，责令退还 11,766.00 元');
    expect(handlingText([{ docNo: 'A〔2026〕1号', totalFen: 5 }, { docNo: '', totalFen: 100 }], ' 已退还 ')).toBe('A〔2026〕1号，责令退还 0.05 元；（待编号），责令退还 1.00 元；已退还');
    expect(handlingText([], '')).toBe('—');
    expect(noticeRow({ entityName: '目标1', uscc: '91350100M000100Y43', address: '地址1', closedOn: null }, { category: 'no-problem', note: '' }, [], '')).toEqual({
      name: '目标1', uscc: '91350100M000100Y43', address: '地址1', closedOn: '', category: 'no-problem', handling: '—', publishedOn: '',
    });
  });
});

describe('publication: the deadline, 20 working days after closing', () => {
  it('counts across 中秋 and 国庆 2026 (09-25…27 and 10-01…07 off, 10-10 a make-up Saturday)', () => {
    // 9-28, 9-29, 9-30, 10-08, 10-09, 10-10 (Sat, worked), 10-12 … 10-16, 10-19 … 10-23, 10-26 … 10-29: the 20th.
    expect(publicationDeadline(CAL, '2026-09-25')).toEqual({ ok: true, date: '2026-10-29' });
    // An ordinary stretch: Monday 2026-03-02 + 20 working days = Monday 2026-03-30.
    expect(publicationDeadline(CAL, '2026-03-02')).toEqual({ ok: true, date: '2026-03-30' });
    // 春节 2026 (02-15…23 off, Saturdays 02-14 and 02-28 worked): closed Friday 2026-02-13, the 14th counts as
    // the first working day, 02-24…28 the 2nd to 6th, then 03-02 … 03-19 the 7th to 20th.
    expect(publicationDeadline(CAL, '2026-02-13')).toEqual({ ok: true, date: '2026-03-19' });
  });

  it('names the year the calendar lacks instead of guessing', () => {
    expect(publicationDeadline(CAL, '2026-12-20')).toEqual({ ok: false, missingYear: 2027 });
    expect(publicationDeadline(CAL, '2028-03-01')).toEqual({ ok: false, missingYear: 2028 });
  });

  it('stands open, due, overdue (the day after the deadline), published, undated, or without calendar', () => {
    const closed = { status: 'approved', closedOn: '2026-09-25' };
    expect(publicationStanding(CAL, { status: 'submitted', closedOn: null }, null, '2026-10-30')).toEqual({ state: 'open', deadline: null, missingYear: null });
    expect(publicationStanding(CAL, closed, null, '2026-10-29')).toEqual({ state: 'due', deadline: '2026-10-29', missingYear: null });
    expect(publicationStanding(CAL, closed, null, '2026-10-30')).toEqual({ state: 'overdue', deadline: '2026-10-29', missingYear: null });
    expect(publicationStanding(CAL, closed, '2026-11-02', '2026-12-01')).toEqual({ state: 'published', deadline: '2026-10-29', missingYear: null });
    expect(publicationStanding(CAL, { status: 'approved' }, null, '2026-10-30')).toEqual({ state: 'closed-undated', deadline: null, missingYear: null });
    expect(publicationStanding(CAL, { status: 'approved', closedOn: '2026-12-20' }, null, '2027-02-01')).toEqual({ state: 'no-calendar', deadline: null, missingYear: 2027 });
  });
});

describe('publication: the mutator publishResults', () => {
  const publication = (patch: Partial<Publication> = {}): Publication => ({
    id: PUB, drawId: DRAW, publishedOn: '2026-10-08', channel: '国家企业信用信息公示系统',
    entries: [{ caseId: CASE_A, category: 'refund-ordered', note: '' }, { caseId: CASE_B, category: 'other', note: '已移交' }], ...patch,
  });

  it('takes a publication and refuses a case listed twice, 其他 without a note, an empty list, an empty channel', () => {
    expect(mutatorArgs.publishResults.safeParse({ publication: publication() }).success).toBe(true);
    const issues = (p: unknown) => {
      const r = mutatorArgs.publishResults.safeParse({ publication: p });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${(i as { params?: { code?: string } }).params?.code ?? i.code}`);
    };
    expect(issues(publication({ entries: [{ caseId: CASE_A, category: 'no-problem', note: '' }, { caseId: CASE_A, category: 'no-problem', note: '' }] }))).toEqual(['publication.entries.1.caseId:duplicate-key']);
    expect(issues(publication({ entries: [{ caseId: CASE_B, category: 'other', note: '  ' }] }))).toEqual(['publication.entries.0.note:note-required']);
    expect(issues(publication({ entries: [] }))).toEqual(['publication.entries:too_small']);
    expect(issues(publication({ channel: ' ' }))).toEqual(['publication.channel:too_small']);
    expect(issues(publication({ publishedOn: '2026-13-01' }))).toEqual(['publication.publishedOn:invalid_format']);
    expect(issues({ ...publication(), extra: 1 })).toEqual(['publication:unrecognized_keys']);
  });

  it('is refused for a future date, another draw, an open case, a case published before, a lighter category', () => {
    const kase = (id: string, patch: Partial<PublicationCase> = {}): PublicationCase => ({ id, drawId: DRAW, status: 'approved', outcome: { findings: 1, refundOrders: 1 }, publishedIn: null, ...patch });
    const cases = (...list: PublicationCase[]) => new Map(list.map((c) => [c.id, c]));
    const both = cases(kase(CASE_A), kase(CASE_B, { outcome: { findings: 0, refundOrders: 0 } }));
    expect(publicationProblem(publication(), both, '2026-10-08')).toBeNull();
    expect(publicationProblem(publication(), both, '2026-10-07')).toEqual({ code: 'future-date', today: '2026-10-07' });
    expect(publicationProblem(publication(), cases(kase(CASE_A)), '2026-10-08')).toEqual({ code: 'not-found', caseId: CASE_B });
    expect(publicationProblem(publication(), cases(kase(CASE_A, { drawId: PUB }), kase(CASE_B)), '2026-10-08')).toEqual({ code: 'wrong-draw', caseId: CASE_A });
    expect(publicationProblem(publication(), cases(kase(CASE_A, { status: 'submitted' }), kase(CASE_B)), '2026-10-08')).toEqual({ code: 'case-not-closed', caseId: CASE_A, status: 'submitted' });
    expect(publicationProblem(publication(), cases(kase(CASE_A), kase(CASE_B, { publishedIn: DRAW })), '2026-10-08')).toEqual({ code: 'already-published', caseId: CASE_B, publicationId: DRAW });
    const lighter = publication({ entries: [{ caseId: CASE_A, category: 'rectification-ordered', note: '' }] });
    expect(publicationProblem(lighter, both, '2026-10-08')).toEqual({ code: 'category', caseId: CASE_A, derived: 'refund-ordered' });
    const filed = publication({ entries: [{ caseId: CASE_A, category: 'case-filed', note: '' }] });
    expect(publicationProblem(filed, both, '2026-10-08')).toBeNull();
  });
});
