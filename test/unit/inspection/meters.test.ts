// The meter checks of the on-site checklist, with exact values and their boundaries.
import { describe, expect, it } from 'vitest';
import { consumption, JJG596_YEARS, lossCheck, meterFlags, meterProblems, meterSchema, verificationDue, type Meter } from '../../../src-shared/inspection/meters';

function meter(over: Partial<Meter> = {}): Meter {
  return {
    role: 'sub', meterNo: 'S-01', type: 'electronic', accuracyClass: '2', multiplier: '1', decimals: 2, tenant: '一楼奶茶店',
    sealIntact: true, verificationLabel: '闽计检 2020-031', verifiedOn: '2020-03-15',
    readings: [{ at: '2026-03-01T02:00:00.000Z', value: '1000.5' }, { at: '2026-04-01T02:00:00.000Z', value: '1250.75' }],
    photos: [], note: '', ...over,
  };
}

describe('verification period (JJG 596-2012 defaults)', () => {
  it('is 6 years for 0.2S and 0.5S, 8 for classes 1, 2 and 3', () => {
    expect(JJG596_YEARS).toEqual({ '0.2S': 6, '0.5S': 6, '1': 8, '2': 8, '3': 8 });
  });

  it('is due on the same calendar day N years on; 29 February falls on 28 February', () => {
    expect(verificationDue('2020-03-15', 6)).toBe('2026-03-15');
    expect(verificationDue('2020-02-29', 6)).toBe('2026-02-28');
    expect(verificationDue('2020-02-29', 8)).toBe('2028-02-29');
  });

  it('is overdue the day after the due day, not on it', () => {
    const m = meter({ accuracyClass: '0.5S', verifiedOn: '2020-03-15' });
    expect(meterFlags(m, '2026-03-15')).toEqual([]);
    expect(meterFlags(m, '2026-03-16')).toEqual([{ code: 'verification-overdue', due: '2026-03-15' }]);
    // Class 2: eight years.
    expect(meterFlags({ ...m, accuracyClass: '2' }, '2026-03-16')).toEqual([]);
    expect(meterFlags({ ...m, accuracyClass: '2' }, '2028-03-16')).toEqual([{ code: 'verification-overdue', due: '2028-03-15' }]);
  });

  it('follows the office\'s own periods when it sets them', () => {
    const m = meter({ accuracyClass: '2', verifiedOn: '2022-01-10' });
    expect(meterFlags(m, '2026-01-11', { ...JJG596_YEARS, '2': 4 })).toEqual([{ code: 'verification-overdue', due: '2026-01-10' }]);
  });
});

describe('meter flags', () => {
  it('flags a broken seal, a missing label and a reading lower than the one before (in time order, whatever the typing order)', () => {
    const m = meter({
      sealIntact: false, verifiedOn: null,
      readings: [
        { at: '2026-04-01T02:00:00.000Z', value: '990' },
        { at: '2026-03-01T02:00:00.000Z', value: '1000.5' },
        { at: '2026-05-01T02:00:00.000Z', value: '1100' },
      ],
    });
    expect(meterFlags(m, '2026-05-02')).toEqual([
      { code: 'verification-unknown' },
      { code: 'seal-broken' },
      { code: 'reading-backwards', at: '2026-04-01T02:00:00.000Z', value: '990', previous: '1000.5' },
    ]);
  });
});

describe('meter input', () => {
  it('refuses a multiplier of 0 and takes 0.5 or a CT ratio of 40', () => {
    expect(meterSchema.safeParse(meter({ multiplier: '0' })).success).toBe(false);
    expect(meterSchema.safeParse(meter({ multiplier: '0.000' })).success).toBe(false);
    expect(meterSchema.safeParse(meter({ multiplier: '40' })).success).toBe(true);
  });

  it('names a reading with more decimals than the meter shows, a reading in the future and a verification date in the future', () => {
    const now = new Date('2026-04-01T03:00:00.000Z');
    const m = meter({ decimals: 1, verifiedOn: '2026-04-02', readings: [{ at: '2026-04-01T02:00:00.000Z', value: '10.25' }, { at: '2026-04-01T04:00:00.000Z', value: '11' }] });
    expect(meterProblems(m, now)).toEqual([
      { code: 'reading-decimals', index: 0, decimals: 1 },
      { code: 'reading-future', index: 1 },
      { code: 'verified-future' },
    ]);
    expect(meterProblems(meter(), now)).toEqual([]);
  });
});

describe('consumption and the real loss rate', () => {
  it('multiplies the register difference exactly', () => {
    expect(consumption(meter())).toBe('250.25');
    expect(consumption(meter({ multiplier: '40' }))).toBe('10010');
    expect(consumption(meter({ readings: [{ at: '2026-03-01T02:00:00.000Z', value: '1' }] }))).toBeNull();
  });

  it('is 1 − Σ sub ÷ Σ main, half-up to 4 decimals', () => {
    const main = meter({ role: 'main', meterNo: 'M-01', tenant: '', multiplier: '80', readings: [{ at: '2026-03-01T01:00:00.000Z', value: '500' }, { at: '2026-04-01T01:00:00.000Z', value: '512.5' }] });
    // main: 12.5 × 80 = 1000 kWh; subs: 250.25 + 697.3 = 947.55 → 1 − 0.94755 = 0.05245 → 0.0525 (half-up).
    const subs = [meter(), meter({ meterNo: 'S-02', readings: [{ at: '2026-03-01T02:30:00.000Z', value: '0' }, { at: '2026-04-01T02:30:00.000Z', value: '697.3' }] })];
    expect(lossCheck([main, ...subs])).toEqual({ mainKwh: '1000', subKwh: '947.55', lossRate: '0.0525', problem: null, uneven: false });
  });

  it('says why it cannot be computed: no main meter, a meter read once, main consumption 0; and when the visits fall on different days', () => {
    expect(lossCheck([meter()])).toMatchObject({ lossRate: null, problem: 'no-main' });
    const once = meter({ role: 'main', readings: [{ at: '2026-03-01T01:00:00.000Z', value: '5' }] });
    expect(lossCheck([once, meter()])).toMatchObject({ lossRate: null, problem: 'incomplete' });
    const still = meter({ role: 'main', readings: [{ at: '2026-03-01T01:00:00.000Z', value: '5' }, { at: '2026-04-01T01:00:00.000Z', value: '5' }] });
    expect(lossCheck([still, meter()])).toMatchObject({ lossRate: null, problem: 'main-zero' });
    const later = meter({ role: 'main', readings: [{ at: '2026-03-02T01:00:00.000Z', value: '0' }, { at: '2026-04-01T01:00:00.000Z', value: '300' }] });
    expect(lossCheck([later, meter()])).toEqual({ mainKwh: '300', subKwh: '250.25', lossRate: '0.1658', problem: null, uneven: true });
  });
});
