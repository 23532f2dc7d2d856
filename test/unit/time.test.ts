import { describe, expect, it } from 'vitest';
import { formatChinaTime } from '../../src-shared/time';

describe('time', () => {
  it('shows a UTC instant in China time, across midnight and the year end', () => {
    expect(formatChinaTime('2026-12-31T16:30:05.000Z')).toBe('2027-01-01 00:30:05');
    expect(formatChinaTime('2026-11-23T09:34:14Z', false)).toBe('2026-11-23 17:34');
  });
  it('gives an empty text for a broken time', () => {
    expect(formatChinaTime('not a time')).toBe('');
  });
});
