import { describe, expect, it } from 'vitest';
import { rescreened, type StoredFiling } from '../../../src-shared/filings/stored';
import { landlordRows, screeningOrigin } from '../../../src-renderer/components/filings/landlordRows';
import { parseLimits } from '../../../src-renderer/components/filings/limits';

const A = '91350100M000100Y43';
const B = '91350100M000200Y3X';
const LIMITS = { tolerance: '0', lossThreshold: '0.07' };

function month(uscc: string, name: string, m: string, purchaseKwh: string, purchaseFen: number, transferKwh: string, chargedFen: number): StoredFiling {
  const base: StoredFiling = {
    key: `${uscc}|${m}`, uscc, name, month: m, purchaseKwh, purchaseFen, transferKwh, chargedFen, households: null, category: '一般工商业', voltage: '不满1千伏',
    purchaseAvgPrice: '', chargedAvgPrice: '', markupPerKwh: '', lossRate: '', catalogueReference: '0.6177', estimatedExcessFen: 0, flags: [], importedAt: '2026-03-02T01:00:00.000Z', source: 'f.xlsx',
  };
  return rescreened(base, LIMITS);
}

describe('the screen’s landlords', () => {
  const filings = [
    month(A, '甲商场', '2026-02', '80000', 4_960_000, '72000', 4_600_000), // markup, above catalogue, loss; 152,560 fen
    month(B, '乙大厦', '2026-01', '50000', 3_100_000, '49000', 3_000_000), // nothing
    month(A, '甲商场（更名）', '2026-03', '1000', 62_000, '1001', 59_000), // inverted
    month(A, '甲商场', '2026-01', '100000', 6_200_000, '95000', 7_600_000), // markup, above catalogue; 1,731,850 fen
  ];

  it('are ranked by estimated excess, flagged months oldest first, named as in their latest month, marked when not on the list', () => {
    const rows = landlordRows(filings, new Set([B]));
    expect(rows.map((r) => [r.rank, r.uscc, r.name, r.months, r.flaggedMonths, r.estimatedExcessFen, r.listed, r.flaggedIn])).toEqual([
      [1, A, '甲商场（更名）', 3, 3, 1_884_410, false, ['2026-01', '2026-02', '2026-03']],
      [2, B, '乙大厦', 1, 0, 0, true, []],
    ]);
    expect(rows[0]!.flagCounts).toEqual([{ flag: 'markup', count: 2 }, { flag: 'above-catalogue', count: 2 }, { flag: 'loss', count: 1 }, { flag: 'inverted', count: 1 }]);
  });

  it('give a targeted case its flagged months and the flags they carry', () => {
    expect(screeningOrigin(landlordRows(filings, new Set())[0]!)).toEqual({ kind: 'screening', months: ['2026-01', '2026-02', '2026-03'], flags: ['markup', 'above-catalogue', 'loss', 'inverted'] });
  });
});

describe('screening limits as typed', () => {
  it('are exact decimals: tolerance ≥ 0, threshold between 0 and 1, at most 6 decimals', () => {
    expect(parseLimits('0.02', '０.０５')).toEqual({ tolerance: '0.02', lossThreshold: '0.05' });
    expect(parseLimits('-0.01', '0.07')).toBeNull();
    expect(parseLimits('0', '1.01')).toBeNull();
    expect(parseLimits('0.0000001', '0.07')).toBeNull();
    expect(parseLimits('', '0.07')).toBeNull();
  });
});
