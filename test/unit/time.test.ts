import { describe, expect, it } from 'vitest';
import { chinaFileStamp, formatChinaTime } from '../../src-shared/time';

describe('time', () => {
  it('shows a UTC instant in China time, across midnight and the year end', () => {
    expect(formatChinaTime('2026-12-31T16:30:05.000Z')).toBe('2027-01-01 00:30:05');
    expect(formatChinaTime('2026-11-23T09:34:14Z', false)).toBe('2026-11-23 17:34');
  });
  it('gives an empty text for a broken time', () => {
    expect(formatChinaTime('not a time')).toBe('');
  });
  it('names a file by the day in China: 00:50 in Beijing is already the next day', () => {
    expect(chinaFileStamp(new Date('2026-03-01T16:50:00Z'))).toBe('20260302');
    expect(chinaFileStamp(new Date('2026-03-01T16:50:00Z'), true)).toBe('202603020050');
    expect(chinaFileStamp(new Date('2026-03-01T15:59:59Z'))).toBe('20260301');
    expect(chinaFileStamp(new Date('2026-12-31T16:00:00Z'), true)).toBe('202701010000');
  });
});
