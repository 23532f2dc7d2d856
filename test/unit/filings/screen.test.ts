import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFilings } from '../../../src-shared/filings/readFilings';
import { catalogueReference, rankLandlords, screenFilings } from '../../../src-shared/filings/screen';
import type { ScreenedFiling } from '../../../src-shared/filings/types';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable, type TariffEntry } from '../../../src-shared/tariff/types';
import { filingsFile } from '../../fixtures/filingFiles';

const sample = loadTariffTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url)), 'utf8')));
const fujian = new TariffIndex(sample);
const key = (category = '一般工商业', voltage = '不满1千伏') => ({ region: '福建', category, voltage });
const entry = (e: Partial<TariffEntry>): TariffEntry => ({ region: '福建', category: '一般工商业', voltage: '不满1千伏', period: 'single', price: '0.6', from: '2025-01', to: null, ...e });

describe('catalogue reference', () => {
  it('is the 不分时 price of the version in force for the whole month', () => {
    expect(catalogueReference(fujian, key(), '2026-02')).toEqual({ ok: true, price: '0.6177' });
    expect(catalogueReference(fujian, key(), '2026-03')).toEqual({ ok: true, price: '0.6093' });
    expect(catalogueReference(fujian, key('一般工商业', '1-10千伏'), '2026-03')).toEqual({ ok: true, price: '0.5846' });
  });
  it('is the highest period price when the table has no 不分时 price', () => {
    expect(catalogueReference(fujian, key('大工业', '1-10千伏'), '2026-01')).toEqual({ ok: true, price: '1.0218' });
  });
  it('is refused when no version covers the month, two do, or the price changes inside it', () => {
    expect(catalogueReference(fujian, key(), '2024-12')).toEqual({ ok: false, problem: 'missing' });
    expect(catalogueReference(fujian, key('居民生活', '1-10千伏'), '2026-01')).toEqual({ ok: false, problem: 'missing' });
    const split = new TariffIndex({ ...sample, entries: [entry({ to: '2026-01-15' }), entry({ from: '2026-01-16', price: '0.5' })] });
    expect(catalogueReference(split, key(), '2026-01')).toEqual({ ok: false, problem: 'split' });
    const overlap = new TariffIndex({ ...sample, entries: [entry({}), entry({ from: '2026-01', price: '0.5' })] });
    expect(catalogueReference(overlap, key(), '2026-01')).toEqual({ ok: false, problem: 'overlap' });
    const peakSplit = new TariffIndex({ ...sample, entries: [entry({ period: 'peak', to: '2026-01-15' }), entry({ period: 'peak', from: '2026-01-16', price: '0.9' }), entry({ period: 'valley', price: '0.3' })] });
    expect(catalogueReference(peakSplit, key(), '2026-01')).toEqual({ ok: false, problem: 'split' });
  });
});

describe('screening', () => {
  it('screens each row, refuses rows without a catalogue price with the reason, and keeps the reader’s refusals in row order', async () => {
    const A = '91350100M000100Y43';
    const read = await readFilings(await filingsFile([
      [A, '甲', '2026-01', '', '', 100000, 62000, 95000, 76000, ''], // row 2
      ['91350100M000100Y44', '', '2026-01', '', '', 1, 1, 1, 1, ''], // row 3: bad code
      [A, '甲', '2024-06', '', '', 100, 62, 95, 76, ''], // row 4: no price in 2024
      [A, '甲', '2026-02', '居民生活', '1-10千伏', 100, 62, 95, 76, ''], // row 5: no such tariff
    ]));
    const result = screenFilings(read, fujian, { region: '福建' });
    expect(result.filings.map((f) => [f.row, f.estimatedExcessFen, f.flags])).toEqual([[2, 1_731_850, ['markup', 'above-catalogue']]]);
    expect(result.rejected.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([
      { row: 3, field: '统一社会信用代码', reason: '校验位错误' },
      { row: 4, field: '月份', reason: '没有该月的目录电价（福建、一般工商业、不满1千伏，2024-06）' },
      { row: 5, field: '月份', reason: '没有该月的目录电价（福建、居民生活、1-10千伏，2026-02）' },
    ]);
    expect(result.landlords).toEqual([{ uscc: A, name: '甲', flaggedMonths: 1, estimatedExcessFen: 1_731_850, months: 1 }]);
  });

  it('refuses a tolerance or threshold that is not a decimal ≥ 0', async () => {
    const read = await readFilings(await filingsFile([]));
    expect(() => screenFilings(read, fujian, { region: '福建', tolerance: '-0.01' })).toThrow(RangeError);
    expect(() => screenFilings(read, fujian, { region: '福建', lossThreshold: '0.0000001' })).toThrow(RangeError);
  });

  it('ranks landlords by estimated excess, then months flagged, then code; sums their months', () => {
    const f = (uscc: string, excess: number, flagged: boolean): ScreenedFiling => ({
      row: 0, uscc, name: uscc.slice(0, 2), month: '2026-01', purchaseAvgPrice: '0.6000', chargedAvgPrice: '0.6000', markupPerKwh: '0.0000', lossRate: '0.0000', catalogueReference: '0.6177', estimatedExcessFen: excess, flags: flagged ? ['loss'] : [],
    });
    const ranked = rankLandlords([f('C', 0, true), f('B', 100, false), f('A', 0, true), f('D', 50, true), f('D', 50, false), f('C', 0, true), f('E', 0, false)]);
    expect(ranked.map(({ uscc, flaggedMonths, estimatedExcessFen, months }) => [uscc, flaggedMonths, estimatedExcessFen, months])).toEqual([
      ['D', 1, 100, 2], // ties B on excess, more months flagged
      ['B', 0, 100, 1],
      ['C', 2, 0, 2],
      ['A', 1, 0, 1],
      ['E', 0, 0, 1],
    ]);
  });
});
