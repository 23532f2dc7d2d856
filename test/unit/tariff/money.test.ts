import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { decimalText } from '../../../src-shared/lists/normalize';
import { energyCharge, fenOfYuan, formatFen, parseDecimal, roundFen, sumDecimals, yuanText } from '../../../src-shared/money';

describe('money', () => {
  it('rounds half a fen up, and just under half a fen down', () => {
    expect(roundFen(new Big('0.005'))).toBe(1);
    expect(roundFen(new Big('0.00499999'))).toBe(0);
    expect(roundFen(new Big('1234.565'))).toBe(123457);
    // 100.5 kWh × 0.61770 yuan/kWh = 62.07885 yuan exactly; a float would say 62.078849999…
    expect(roundFen(energyCharge('100.5', '0.6177'))).toBe(6208);
    // exactly half a fen: 1.5 kWh × 0.6177 yuan/kWh = 0.92655 yuan → 0.93; 2.5 kWh → 1.54425 → 1.54
    expect(roundFen(energyCharge('1.5', '0.6177'))).toBe(93);
    expect(roundFen(energyCharge('2.5', '0.6177'))).toBe(154);
  });

  it('parses decimal text exactly, with the decimals each quantity may carry', () => {
    expect(parseDecimal('0.617700', 6)).toEqual({ ok: true, value: '0.6177' });
    expect(parseDecimal('0.1234567', 6)).toEqual({ ok: false, problem: 'decimals' });
    expect(parseDecimal('-1', 2)).toEqual({ ok: false, problem: 'negative' });
    expect(parseDecimal('-1.50', 2, true)).toEqual({ ok: true, value: '-1.5' });
    expect(parseDecimal('1e5', 2)).toEqual({ ok: false, problem: 'not-a-number' });
    // A formula result read from Excel: taken at Excel's 15 significant digits.
    expect(parseDecimal('1234.5600000000002', 2)).toEqual({ ok: true, value: '1234.56' });
    expect(parseDecimal('0.30000000000000004', 2)).toEqual({ ok: true, value: '0.3' });
    expect(parseDecimal('007.50', 2)).toEqual({ ok: true, value: '7.5' });
  });

  it('reads numbers typed as text: thousands separators, full-width digits, signs, leading dot', () => {
    expect(decimalText('1,234.50')).toBe('1234.50');
    expect(decimalText('１２３．４')).toBe('123.4');
    expect(decimalText('+12')).toBe('12');
    expect(decimalText('-.5')).toBe('-0.5');
    expect(decimalText('12,34')).toBeNull();
    expect(decimalText('abc')).toBeNull();
  });

  it('turns yuan into fen by the digits, never through a float', () => {
    expect(fenOfYuan('1234.5')).toBe(123450);
    expect(fenOfYuan('0.07')).toBe(7);
    expect(fenOfYuan('-0.1')).toBe(-10);
    expect(fenOfYuan('19.99')).toBe(1999);
    expect(() => fenOfYuan('1.234')).toThrow(RangeError);
  });

  it('formats fen as yuan text', () => {
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(123456789012)).toBe('1,234,567,890.12');
    expect(yuanText(123456)).toBe('1234.56');
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('sums decimal strings exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals([])).toBe('0');
  });
});
