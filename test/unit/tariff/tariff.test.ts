import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTariffTable } from '../../../src-shared/tariff/check';
import { priceInForce, TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable, type TariffEntry, type TariffTable } from '../../../src-shared/tariff/types';

const sampleJson: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url)), 'utf8'));
const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
const entry = (price: string, from: string, to: string | null, period: TariffEntry['period'] = 'single'): TariffEntry => ({ ...key, period, price, from, to });
const table = (...entries: TariffEntry[]): TariffTable => ({ id: 't', name: 't', sample: false, note: '', entries });

describe('tariff: the price in force for a billing month', () => {
  const sample = loadTariffTable(sampleJson);

  it('loads the sample table, which says it is a sample', () => {
    expect(sample.sample).toBe(true);
    expect(sample.note).toContain('不是官方公布的电价');
    expect(checkTariffTable(sample)).toEqual([]);
  });

  it('uses the version valid in the billing month, on both sides of a price cut', () => {
    const index = new TariffIndex(sample);
    expect(index.price(key, 'single', '2026-02')).toMatchObject({ ok: true, price: '0.6177' });
    expect(index.price(key, 'single', '2026-03')).toMatchObject({ ok: true, price: '0.6093' });
    expect(index.price(key, 'valley', '2030-12')).toMatchObject({ ok: true, price: '0.2988' });
    expect(index.periods(key)).toEqual(['single', 'critical', 'peak', 'flat', 'valley']);
  });

  it('matches region, category and voltage as written, full-width or spaced', () => {
    expect(priceInForce(sample, { region: '福建', category: ' 一般工商业', voltage: '不满１千伏' }, 'peak', '2025-06')).toMatchObject({ ok: true, price: '0.9852' });
  });

  it('reports a month with no price, two prices, or a price changing mid-month — never guesses', () => {
    const t = table(entry('0.60', '2026-01-01', '2026-01-31'), entry('0.61', '2026-02-15', null), entry('0.62', '2026-03', '2026-03'), entry('0.63', '2026-03', null));
    expect(priceInForce(t, key, 'single', '2025-12')).toMatchObject({ ok: false, problem: 'missing' });
    expect(priceInForce(t, key, 'single', '2026-02')).toMatchObject({ ok: false, problem: 'missing' });
    expect(priceInForce(t, key, 'single', '2026-03')).toMatchObject({ ok: false, problem: 'overlap' });
    expect(priceInForce(t, key, 'peak', '2026-01')).toMatchObject({ ok: false, problem: 'missing' });
    const split = table(entry('0.60', '2026-01-01', '2026-01-14'), entry('0.61', '2026-01-15', null));
    expect(priceInForce(split, key, 'single', '2026-01')).toMatchObject({ ok: false, problem: 'split' });
    expect(priceInForce(split, key, 'single', '2026-02')).toMatchObject({ ok: true, price: '0.61' });
  });
});

describe('tariff: overlapping and missing periods', () => {
  it('reports an overlap and a gap between versions of one price, with the days concerned', () => {
    const t = table(
      entry('0.60', '2025-01', '2025-06'),
      entry('0.61', '2025-06-15', '2025-09-30'),
      entry('0.62', '2025-11-01', null),
      entry('0.30', '2025-01', null, 'valley'),
    );
    expect(checkTariffTable(t)).toEqual([
      { code: 'overlap', entries: [0, 1], from: '2025-06-15', to: '2025-06-30' },
      { code: 'gap', entries: [1, 2], from: '2025-10-01', to: '2025-10-31' },
    ]);
  });

  it('reports an open-ended version followed by another as an overlap', () => {
    expect(checkTariffTable(table(entry('0.60', '2025-01', null), entry('0.61', '2026-01', null)))).toEqual([{ code: 'overlap', entries: [0, 1], from: '2026-01-01', to: null }]);
  });

  it('refuses JSON with a price of more than 6 decimals or a bad date', () => {
    expect(() => loadTariffTable(table(entry('0.6177001', '2025-01', null)))).toThrow(/6 decimals/);
    expect(() => loadTariffTable(table(entry('0.6', '2025-1', null)))).toThrow();
  });
});
