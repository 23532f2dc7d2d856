import { describe, expect, it } from 'vitest';
import { endDate, monthEnd, nextDay, parseEffectiveText, parseMonthText, previousDay, startDate } from '../../../src-shared/billingMonth';

describe('billing months', () => {
  it.each([
    ['2026-01', '2026-01'],
    ['2026年1月', '2026-01'],
    ['2026年01月', '2026-01'],
    ['2026年1月份', '2026-01'],
    ['２０２６年１２月', '2026-12'],
    ['2026/3', '2026-03'],
    ['2026.1', '2026-01'],
    ['202602', '2026-02'],
    ['2026-01-31', '2026-01'], // an Excel date cell reads as YYYY-MM-DD
    ['2026年2月28日', '2026-02'],
  ])('reads %s as %s', (text, month) => expect(parseMonthText(text)).toBe(month));

  it.each(['1月', '2026-13', '2026-02-30', '46023', '2026年1月-3月', '', '1899-01'])('refuses %s', (text) => expect(parseMonthText(text)).toBeNull());

  it('reads effective dates as a day or a whole month', () => {
    expect(parseEffectiveText('2026-03-01')).toBe('2026-03-01');
    expect(parseEffectiveText('2026年3月')).toBe('2026-03');
    expect(startDate('2026-02')).toBe('2026-02-01');
    expect(endDate('2026-02')).toBe('2026-02-28');
    expect(endDate('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });
});
