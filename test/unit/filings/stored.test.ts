import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFilings } from '../../../src-shared/filings/readFilings';
import { screenFilings } from '../../../src-shared/filings/screen';
import { rescreened, storedFiling, storedFilings, storedFilingSchema, type StoredFiling } from '../../../src-shared/filings/stored';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../../src-shared/tariff/types';
import { filingsFile } from '../../fixtures/filingFiles';

const sample = loadTariffTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url)), 'utf8')));
const fujian = new TariffIndex(sample);
const A = '91350100M000100Y43';
const origin = { importedAt: '2026-03-02T01:00:00.000Z', source: '一月报表.xlsx' };

async function screened(rows: (string | number)[][]) {
  const read = await readFilings(await filingsFile(rows));
  return { read, result: screenFilings(read, fujian, { region: '福建' }) };
}

const JANUARY: StoredFiling = {
  key: `${A}|2026-01`,
  uscc: A,
  name: '甲商场',
  month: '2026-01',
  purchaseKwh: '100000',
  purchaseFen: 6_200_000,
  transferKwh: '95000',
  chargedFen: 7_600_000,
  households: 120,
  category: '一般工商业',
  voltage: '不满1千伏',
  purchaseAvgPrice: '0.6200',
  chargedAvgPrice: '0.8000',
  markupPerKwh: '0.1800',
  lossRate: '0.0500',
  catalogueReference: '0.6177',
  estimatedExcessFen: 1_731_850,
  flags: ['markup', 'above-catalogue'],
  importedAt: '2026-03-02T01:00:00.000Z',
  source: '一月报表.xlsx',
};

describe('stored filing', () => {
  it('is the screened row with the figures it was screened from, keyed by landlord and month', async () => {
    const { read, result } = await screened([[A, '甲商场', '2026年1月', '', '', '100,000', 62000, 95000, '76000.00', 120]]);
    expect(storedFiling(read.filings[0]!, result.filings[0]!, origin)).toEqual(JANUARY);
    expect(storedFilingSchema.parse(JANUARY)).toEqual(JANUARY);
  });

  it('keeps only screened rows, in file order: refused rows never become stored filings', async () => {
    const { result, read } = await screened([
      [A, '甲商场', '2026-02', '', '', 1000, 600, 930, 700.5, ''], // row 2
      [A, '甲商场', '2026-02', '', '', 1000, 600, 930, 700, ''], // row 3: the same month again
      [A, '甲商场', '2024-06', '', '', 1000, 600, 930, 700, ''], // row 4: no catalogue price
      [A, '甲商场', '2026-03', '', '', 1000, 600, 1001, 590, 3], // row 5
    ]);
    const stored = storedFilings(read, result, origin);
    expect(stored.map((f) => [f.key, f.purchaseAvgPrice, f.chargedAvgPrice, f.markupPerKwh, f.lossRate, f.catalogueReference, f.estimatedExcessFen, f.flags, f.households])).toEqual([
      [`${A}|2026-02`, '0.6000', '0.7532', '0.1532', '0.0700', '0.6177', 12_604, ['markup', 'above-catalogue'], null],
      [`${A}|2026-03`, '0.6000', '0.5894', '-0.0106', '-0.0010', '0.6093', 0, ['inverted'], 3],
    ]);
    expect(result.rejected.map((i) => i.row)).toEqual([3, 4]);
  });

  it('is worked again under other limits from its own figures and reference', () => {
    expect(rescreened(JANUARY, { tolerance: '0.18', lossThreshold: '0.049' }).flags).toEqual(['above-catalogue', 'loss']);
    expect(rescreened(JANUARY, { tolerance: '0.1799', lossThreshold: '0.05' }).flags).toEqual(['markup', 'above-catalogue']);
    expect(rescreened(JANUARY, { tolerance: '0', lossThreshold: '0.07' })).toEqual(JANUARY);
  });

  it('is refused when its indicators or fixed flags contradict its figures, or its key its landlord and month', () => {
    const issues = (f: object) => storedFilingSchema.safeParse(f).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ ...JANUARY, chargedAvgPrice: '0.7000' })).toEqual([['chargedAvgPrice', 'does not follow from the figures: 0.8000']]);
    expect(issues({ ...JANUARY, estimatedExcessFen: 0 })).toEqual([['estimatedExcessFen', 'does not follow from the figures: 1731850']]);
    expect(issues({ ...JANUARY, flags: ['markup'] })).toEqual([['flags', 'above-catalogue does not follow from the figures']]);
    expect(issues({ ...JANUARY, flags: ['above-catalogue', 'markup'] })).toEqual([['flags', 'flags unique, in FILING_FLAGS order']]);
    expect(issues({ ...JANUARY, flags: ['markup', 'above-catalogue', 'loss'] })).toEqual([]);
    expect(issues({ ...JANUARY, flags: ['markup', 'above-catalogue', 'inverted'] })).toEqual([['flags', 'inverted does not follow from the figures']]);
    expect(issues({ ...JANUARY, key: `${A}|2026-02` })).toEqual([['key', 'key must be uscc|month']]);
  });
});
