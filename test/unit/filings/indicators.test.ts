import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigIndicators, indicators, type IndicatorInput } from '../../../src-shared/filings/indicators';

const limits = { tolerance: '0', lossThreshold: '0.07' };
const row = (purchaseKwh: string, purchaseYuanFen: number, resoldKwh: string, chargedFen: number): IndicatorInput => ({ purchaseKwh, purchaseFen: purchaseYuanFen, resoldKwh, chargedFen });

describe('filings indicators', () => {
  it('a mall buying at 0.62 and charging 0.80 with 5 % loss: every figure exact', () => {
    expect(indicators(row('100000', 6_200_000, '95000', 7_600_000), '0.6177', limits)).toEqual({
      purchaseAvgPrice: '0.6200',
      chargedAvgPrice: '0.8000',
      markupPerKwh: '0.1800',
      lossRate: '0.0500',
      catalogueReference: '0.6177',
      // 76,000 − 95,000 × 0.6177 = 17,318.50 yuan
      estimatedExcessFen: 1_731_850,
      flags: ['markup', 'above-catalogue'],
    });
  });

  it('average prices round half-up at the fifth decimal: x.xxxx5 up, x.xxxx4999 down', () => {
    // 617.75 ÷ 1,000 = 0.61775 → 0.6178; 61,774.99 ÷ 100,000 = 0.6177499 → 0.6177; 6,177.49 ÷ 10,000 = 0.617749 → 0.6177
    expect(indicators(row('1000', 61_775, '1000', 61_775), '0.6177', limits).purchaseAvgPrice).toBe('0.6178');
    expect(indicators(row('100000', 6_177_499, '1000', 61_775), '0.6177', limits).purchaseAvgPrice).toBe('0.6177');
    expect(indicators(row('10000', 617_749, '10000', 617_750), '0.6177', limits)).toMatchObject({ purchaseAvgPrice: '0.6177', chargedAvgPrice: '0.6178', markupPerKwh: '0.0001' });
    // 1 ÷ 3 and 2 ÷ 3 yuan/kWh: repeating decimals, never rounded twice
    expect(indicators(row('3', 100, '3', 200), '0.6177', limits)).toMatchObject({ purchaseAvgPrice: '0.3333', chargedAvgPrice: '0.6667', markupPerKwh: '0.3334' });
  });

  it('the markup is the difference of the rounded prices and may be negative', () => {
    expect(indicators(row('1000', 80_000, '900', 54_000), '0.6177', limits)).toMatchObject({ purchaseAvgPrice: '0.8000', chargedAvgPrice: '0.6000', markupPerKwh: '-0.2000', flags: ['loss'] });
  });

  it('loss rate: 1 − resold ÷ purchased, half-up to 4 decimals; the flag compares the rounded rate, strictly above 0.07', () => {
    const loss = (resold: string) => indicators(row('10000', 617_700, resold, 600_000), '0.6177', limits);
    expect(loss('9300')).toMatchObject({ lossRate: '0.0700', flags: expect.not.arrayContaining(['loss']) });
    expect(loss('9299.5')).toMatchObject({ lossRate: '0.0701' }); // 0.07005 → up
    expect(loss('9299.5').flags).toContain('loss');
    expect(loss('9299.51').lossRate).toBe('0.0700'); // 0.070049 → down, so not flagged
    expect(loss('9299.51').flags).not.toContain('loss');
  });

  it('resold more than bought: a negative loss rate (half away from zero, never “-0.0000”) and the inverted flag', () => {
    expect(indicators(row('10000', 617_700, '10000.5', 617_700), '0.6177', limits)).toMatchObject({ lossRate: '-0.0001', flags: ['inverted'] });
    expect(indicators(row('10000', 617_700, '10000.4', 617_700), '0.6177', limits)).toMatchObject({ lossRate: '0.0000', flags: ['inverted'] });
    expect(indicators(row('1000', 61_770, '1000.5', 70_000), '0.6177', limits)).toEqual({
      purchaseAvgPrice: '0.6177',
      chargedAvgPrice: '0.6997', // 700 ÷ 1,000.5 = 0.699650…
      markupPerKwh: '0.0820',
      lossRate: '-0.0005',
      catalogueReference: '0.6177',
      estimatedExcessFen: 8199, // 700 − 618.00885 = 81.99115 yuan
      flags: ['markup', 'above-catalogue', 'inverted'],
    });
  });

  it('estimated excess: rounded half-up once, on the difference, never below 0', () => {
    // 50 kWh × 0.6177 = 30.885 yuan: 40 − 30.885 = 9.115 → 9.12 (rounding the lawful charge first would give 9.11)
    expect(indicators(row('50', 3089, '50', 4000), '0.6177', limits).estimatedExcessFen).toBe(912);
    // 50.0001 kWh: 9.11493823 → 9.11; 49.9999 kWh: 9.11506177 → 9.12
    expect(indicators(row('50', 3089, '50.0001', 4000), '0.6177', limits).estimatedExcessFen).toBe(911);
    expect(indicators(row('50', 3089, '49.9999', 4000), '0.6177', limits).estimatedExcessFen).toBe(912);
    // charged at the catalogue price exactly, or below it
    expect(indicators(row('9500', 578_835, '9500', 578_835), '0.6093', limits)).toMatchObject({ estimatedExcessFen: 0, flags: [] });
    expect(indicators(row('100', 6000, '100', 3000), '0.6177', limits).estimatedExcessFen).toBe(0);
  });

  it('above-catalogue only strictly above the reference; a reference with 6 decimals keeps them', () => {
    expect(indicators(row('10000', 617_700, '10000', 617_700), '0.6177', limits).flags).toEqual([]);
    expect(indicators(row('10000', 617_700, '10000', 617_800), '0.6177', limits).flags).toEqual(['markup', 'above-catalogue']);
    expect(indicators(row('10000', 617_700, '10000', 617_800), '0.617801', limits)).toMatchObject({ catalogueReference: '0.617801', flags: ['markup'] });
    expect(indicators(row('10000', 617_700, '10000', 617_800), '0.61780', limits).catalogueReference).toBe('0.6178');
    expect(indicators(row('10000', 617_700, '10000', 617_800), '1', limits).catalogueReference).toBe('1.0000');
  });

  it('tolerance: markup only when the charged price exceeds the purchase price by more than it', () => {
    const filing = row('10000', 620_000, '10000', 630_000); // 0.6200 → 0.6300
    expect(indicators(filing, '0.7', { ...limits, tolerance: '0.01' }).flags).toEqual([]);
    expect(indicators(filing, '0.7', { ...limits, tolerance: '0.0099' }).flags).toEqual(['markup']);
    expect(indicators(filing, '0.7', { ...limits, tolerance: '0.009999' }).flags).toEqual(['markup']);
  });

  it('loss threshold option: the same month flagged or not', () => {
    const filing = row('10000', 620_000, '9000', 558_000); // loss 0.1000
    expect(indicators(filing, '0.7', { ...limits, lossThreshold: '0.1' }).flags).toEqual([]);
    expect(indicators(filing, '0.7', { ...limits, lossThreshold: '0.0999' }).flags).toEqual(['loss']);
  });

  it('figures too large for exact integer doubles take big.js and give the same digits', () => {
    // 900,000,000 kWh and 899,999,999.99 yuan: fen × 10⁶ is beyond 2⁵³
    expect(indicators(row('900000000', 89_999_999_999, '899999999.9999', 89_999_999_999), '0.6177', limits)).toEqual({
      purchaseAvgPrice: '1.0000',
      chargedAvgPrice: '1.0000',
      markupPerKwh: '0.0000',
      lossRate: '0.0000',
      catalogueReference: '0.6177',
      estimatedExcessFen: 34_406_999_999, // 899,999,999.99 − 899,999,999.9999 × 0.6177 = 344,069,999.99006177 yuan
      flags: ['above-catalogue'],
    });
  });

  it('the integer path agrees with big.js on every input (property)', () => {
    const decimal = (maxWhole: number, decimals: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 10 ** decimals - 1 })).map(([w, f]) => (f === 0 ? String(w) : `${w}.${String(f).padStart(decimals, '0')}`.replace(/0+$/, '')));
    // Mostly figures the integer path takes, some beyond it.
    const kwh = fc.oneof(decimal(20_000, 4), decimal(2_000_000_000, 4)).filter((k) => k !== '0');
    const fen = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000_000 }));
    fc.assert(
      fc.property(kwh, fen, kwh, fen, decimal(3, 6), decimal(1, 6), decimal(1, 6), (p, pf, r, cf, ref, tolerance, lossThreshold) => {
        const input = row(p, pf, r, cf);
        expect(indicators(input, ref, { tolerance, lossThreshold })).toEqual(bigIndicators(input, ref, { tolerance, lossThreshold }));
      }),
      { numRuns: 3000 },
    );
  });
});
