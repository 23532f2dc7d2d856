// Clean text (no NUL, no lone surrogate) and the path to the first unclean text of a value.
import { describe, expect, it } from 'vitest';
import { badTextPath, isCleanText } from '../../src-shared/text';

describe('clean text', () => {
  it('tells clean text from a NUL and a lone surrogate of either half; a whole emoji is clean', () => {
    expect(['', '鼓楼区 三坊七巷', 'emoji 😀 ok', '\uD83D\uDE00'].map(isCleanText)).toEqual([true, true, true, true]);
    expect(['前\u0000后', '表情\uD83D', '\uDE00表情', 'a\uD83Db', '\uDE00\uD83D'].map(isCleanText)).toEqual([false, false, false, false, false]);
  });

  it('gives the path of the first unclean string or key in a nested value, or null for a clean one', () => {
    const clean = { record: { seed: '3-1-4', count: 2, ok: true, none: null }, selected: [{ uscc: '9135', inspectors: ['A1', 'B2'] }] };
    expect(badTextPath(clean)).toBeNull();
    expect(badTextPath({ ...clean, selected: [clean.selected[0], { uscc: '9136', inspectors: ['A1', 'B\u0000'] }] })).toEqual(['selected', 1, 'inspectors', 1]);
    expect(badTextPath({ a: [1, 2], changes: { ['键\uD83D']: 'x' } })).toEqual(['changes', '键\uD83D']);
    expect(badTextPath({ a: { b: 'ok' }, c: [['x', '\uDE00']] })).toEqual(['c', 0, 1]);
    expect(badTextPath('\u0000')).toEqual([]);
    expect(badTextPath(42)).toBeNull();
  });
});
