import { describe, expect, it } from 'vitest';
import { cellValueText, isLongNumber } from '../../../src-shared/lists/cells';
import { cleanSpaces, normalizeCode, normalizeText, normalizeWord, parseNumberText, splitList } from '../../../src-shared/lists/normalize';

describe('cell text', () => {
  it.each<[string, Parameters<typeof cellValueText>[0], string]>([
    ['empty', null, ''],
    ['a string', ' 鼓楼区 ', ' 鼓楼区 '],
    ['an integer', 13800138000, '13800138000'],
    ['a decimal', 119.2965, '119.2965'],
    ['an 18-digit number, without an exponent', 913501001234567800, '913501001234567808'],
    ['a boolean', true, 'TRUE'],
    ['a date, as the day Excel shows', new Date(Date.UTC(2024, 4, 6)), '2024-05-06'],
    ['rich text (Chinese and Latin runs)', { richText: [{ text: 'ABC' }, { text: '购物中心', font: { bold: true } }] }, 'ABC购物中心'],
    ['a hyperlink', { text: '福州市鼓楼区', hyperlink: 'https://example.cn' }, '福州市鼓楼区'],
    ['a formula, by its result', { formula: 'A1+1', result: 120 }, '120'],
    ['a formula with a text result', { formula: 'A1', result: '鼓楼区' }, '鼓楼区'],
    ['a formula not yet calculated', { formula: 'A1', result: undefined }, ''],
    ['an error', { error: '#N/A' }, ''],
  ])('%s', (_, value, text) => {
    expect(cellValueText(value)).toBe(text);
  });

  it('keeps the leading zeros a 000000 format shows', () => {
    expect(cellValueText(123, '000000')).toBe('000123');
    expect(cellValueText(123, '0.00')).toBe('123');
  });

  it('flags numbers longer than the 15 digits Excel keeps', () => {
    expect(isLongNumber(913501001234567800)).toBe(true);
    expect(isLongNumber({ formula: 'A1', result: 1e15 })).toBe(true);
    expect(isLongNumber(999_999_999_999_999)).toBe(false);
    expect(isLongNumber('913501001234567813')).toBe(false);
  });
});

describe('normalize', () => {
  it('cleans spaces of every kind, zero-width characters included', () => {
    expect(cleanSpaces('\u3000福州\u00a0 某某\t\n公司\u200b ')).toBe('福州 某某 公司');
  });

  it('folds full-width forms to half-width', () => {
    expect(normalizeText('ＡＢＣ　１２３（福州）')).toBe('ABC 123(福州)');
  });

  it('makes codes upper-case without spaces', () => {
    expect(normalizeCode(' ｆｊ 00\u300012 ')).toBe('FJ0012');
  });

  it('makes header words comparable', () => {
    expect(normalizeWord('*统一社会信用代码\n（必填）')).toBe('统一社会信用代码(必填)');
    expect(normalizeWord('ＵＳＣＣ')).toBe('uscc');
  });

  it.each<[string, number | null]>([
    ['1,234', 1234],
    ['１２，３４５', 12345],
    [' 119.30 ', 119.3],
    ['-3', -3],
    ['.5', 0.5],
    ['1,23', null],
    ['12,3456', null],
    ['1e3', null],
    ['约100', null],
    ['', null],
  ])('reads the number typed as %j', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it('splits lists on 、，,；; / and line breaks, and on spaces when asked', () => {
    expect(splitList('a、b，c,d；e;f/g\nh')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(splitList('a b、 c')).toEqual(['a b', 'c']);
    expect(splitList('a b、 c', true)).toEqual(['a', 'b', 'c']);
  });
});
