import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeFen, energyCharge, formatFen, roundFen } from '../../src-shared/money';
import Big from 'big.js';

/** A decimal string with up to `whole` integer digits and up to `decimals` decimals. */
const decimal = (whole: number, decimals: number) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(whole) - 1n }), fc.integer({ min: 0, max: decimals }), fc.bigInt({ min: 0n, max: 10n ** BigInt(decimals) - 1n }))
    .map(([w, d, f]) => (d === 0 ? w.toString() : `${w}.${f.toString().padStart(decimals, '0').slice(0, d)}`));

describe('money', () => {
  it('rounds half up to the fen at exactly half a fen', () => {
    expect(chargeFen([['1', '0.005']])).toBe(1);
    expect(chargeFen([['1', '0.004999']])).toBe(0);
    expect(chargeFen([['100.5', '0.6177']])).toBe(6208); // 62.07885 yuan
    expect(roundFen(new Big('62.075'))).toBe(6208);
  });

  it('the integer fast path equals big.js rounding for any kWh and price, also past 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(decimal(12, 4), decimal(3, 6)), { minLength: 1, maxLength: 5 }), (parts) => {
        const exact = roundFen(parts.reduce((sum, [k, p]) => sum.plus(energyCharge(k, p)), new Big(0)));
        expect(chargeFen(parts)).toBe(exact);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });

  it('formats fen as yuan with thousands separators', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(5)).toBe('0.05');
  });
});
