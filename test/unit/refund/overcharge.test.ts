import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BillLine, LedgerImport } from '../../../src-shared/ledger/types';
import { computeOvercharge, type OverchargeOptions } from '../../../src-shared/refund/overcharge';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../../src-shared/tariff/types';

const sample = loadTariffTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url)), 'utf8')));
const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
const catalogue: OverchargeOptions = { method: 'catalogue', tariffs: new TariffIndex(sample), key };

let nextRow = 2;
/** A bill line; charged = energy + fees. */
function line(tenant: string, month: string, kwh: string, energyFen: number, more: Partial<BillLine> = {}): BillLine {
  const fees = more.fees ?? [];
  return { row: nextRow++, tenant, unit: '', month, kwh, periods: null, energyFen, fees, chargedFen: energyFen + fees.reduce((s, f) => s + f.fen, 0), price: null, ...more };
}
const ledger = (...lines: BillLine[]): Pick<LedgerImport, 'lines' | 'columns' | 'unread'> => ({
  lines,
  unread: [],
  columns: { sheet: 'S', headerRow: 1, fields: { month: { col: 3, header: '计费月份' } }, fees: [], unmapped: [] },
});

describe('overcharge, catalogue method', () => {
  it('rounds the lawful charge half-up at exactly half a fen', () => {
    // 1.5 kWh × 0.6177 = 0.92655 yuan → 0.93; 2.5 kWh × 0.6177 = 1.54425 → 1.54
    const result = computeOvercharge(ledger(line('甲', '2026-01', '1.5', 94), line('乙', '2026-01', '2.5', 154)), catalogue);
    expect(result.lines.map((l) => [l.lawfulFen, l.overchargeFen])).toEqual([
      [93, 1],
      [154, 0],
    ]);
  });

  it('rounds once per line, not per period', () => {
    // 2026-01 prices: peak 0.9852, valley 0.3029 yuan/kWh
    const l = line('甲', '2026-01', '0.1', 0, { periods: { peak: '0.05', valley: '0.05' } });
    // 0.04926 + 0.015145 = 0.064405 yuan → 6 fen; rounding each period first would give 5 + 2 = 7.
    expect(computeOvercharge(ledger(l), catalogue).lines[0]!.lawfulFen).toBe(6);
  });

  it('uses the price in force in each billing month across a price cut inside the ledger', () => {
    const result = computeOvercharge(ledger(line('甲', '2026-02', '1000', 90000), line('甲', '2026-03', '1000', 90000)), catalogue);
    expect(result.lines.map((l) => ({ lawful: l.lawfulFen, over: l.overchargeFen, prices: l.prices }))).toEqual([
      { lawful: 61770, over: 28230, prices: { single: '0.6177' } },
      { lawful: 60930, over: 29070, prices: { single: '0.6093' } },
    ]);
    expect(result.totalOverchargeFen).toBe(57300);
  });

  it('prices time-of-use lines period by period', () => {
    const l = line('甲', '2026-03', '600', 40000, { periods: { peak: '100', flat: '200', valley: '300' } });
    const [computed] = computeOvercharge(ledger(l), catalogue).lines;
    // 100 × 0.9718 + 200 × 0.6093 + 300 × 0.2988 = 97.18 + 121.86 + 89.64 = 308.68 yuan
    expect(computed).toMatchObject({ lawfulFen: 30868, overchargeFen: 9132, prices: { peak: '0.9718', flat: '0.6093', valley: '0.2988' } });
  });

  it('never lets an undercharged month offset an overcharged one', () => {
    const result = computeOvercharge(ledger(line('甲', '2026-01', '1000', 60000), line('甲', '2026-02', '1000', 65000)), catalogue);
    expect(result.lines.map((l) => l.overchargeFen)).toEqual([0, 3230]);
    expect(result.tenants).toEqual([{ tenant: '甲', overchargeFen: 3230, chargedFen: 125000, lawfulFen: 123540, months: ['2026-01', '2026-02'], lines: [expect.any(Number), expect.any(Number)] }]);
  });

  it('counts every fee by name as charged, and attributes the overcharge to the markup first, then the fees', () => {
    const fees = [
      { name: '用电服务费', fen: 5000 },
      { name: '损耗分摊费', fen: 1234 },
    ];
    const exact = line('甲', '2026-01', '1000', 61770, { fees });
    const markedUp = line('乙', '2026-01', '1000', 70000, { fees: [{ name: '公摊电费', fen: 3000 }] });
    const under = line('丙', '2026-01', '1000', 58000, { fees });
    const result = computeOvercharge(ledger(exact, markedUp, under), catalogue);
    expect(result.lines.map((l) => [l.overchargeFen, l.parts])).toEqual([
      [6234, fees],
      [11230, [{ name: '电费', fen: 8230 }, { name: '公摊电费', fen: 3000 }]],
      // 580.00 + 62.34 − 617.70 = 24.64: the fees cover the shortfall of the energy charge first
      [2464, [{ name: '用电服务费', fen: 2464 }]],
    ]);
    expect(result.fees).toEqual([
      { fee: '电费', billedFen: 189770, overchargeFen: 8230, lines: [exact.row, markedUp.row, under.row] },
      { fee: '用电服务费', billedFen: 10000, overchargeFen: 7464, lines: [exact.row, under.row] },
      { fee: '损耗分摊费', billedFen: 2468, overchargeFen: 1234, lines: [exact.row, under.row] },
      { fee: '公摊电费', billedFen: 3000, overchargeFen: 3000, lines: [markedUp.row] },
    ]);
    expect(result.totalOverchargeFen).toBe(6234 + 11230 + 2464);
  });

  it('counts a line only above the tolerance, and then in full', () => {
    const lines = [line('甲', '2026-01', '1000', 61775), line('乙', '2026-01', '1000', 61776)];
    expect(computeOvercharge(ledger(...lines), { ...catalogue, toleranceFen: 5 }).lines.map((l) => l.overchargeFen)).toEqual([0, 6]);
    expect(computeOvercharge(ledger(...lines), catalogue).lines.map((l) => l.overchargeFen)).toEqual([5, 6]);
  });

  it('leaves out a month with no tariff in force, says why, and computes the rest', () => {
    const old = line('甲', '2024-12', '1000', 90000);
    const result = computeOvercharge(ledger(old, line('甲', '2026-01', '1000', 61800)), catalogue);
    expect(result.lines.map((l) => l.overchargeFen)).toEqual([30]);
    expect(result.leftOut).toEqual([
      {
        line: old.row,
        tenant: '甲',
        month: '2024-12',
        issues: [
          {
            row: old.row,
            field: '计费月份',
            code: 'tariff.missing',
            params: { month: '2024-12', period: '不分时', ...key },
            reason: '2024-12 没有执行中的不分时目录电价（福建，一般工商业，不满1千伏）',
          },
        ],
      },
    ]);
  });

  it('groups a tenant written with full-width or extra spaces, keeping the first spelling', () => {
    const result = computeOvercharge(ledger(line('ABC 商店', '2026-01', '0', 100), line('ＡＢＣ  商店', '2026-02', '0', 200)), catalogue);
    expect(result.tenants.map((t) => [t.tenant, t.overchargeFen])).toEqual([['ABC 商店', 300]]);
  });
});

describe('overcharge, grid-bill method', () => {
  it('shares the bill by kWh, remaining fen by largest remainder, ties in ledger order', () => {
    // 10 fen over 1, 2, 2, 1 kWh: 1.67, 3.33, 3.33, 1.67 → floors 1, 3, 3, 1; the 2 fen left go to the two .67s
    const lines = ['1', '2', '2', '1'].map((kwh, i) => line(`T${i}`, '2026-01', kwh, 5));
    const result = computeOvercharge(ledger(...lines), { method: 'grid-bill', gridBills: new Map([['2026-01', 10]]) });
    expect(result.lines.map((l) => l.lawfulFen)).toEqual([2, 3, 3, 2]);
    const three = ['1', '1', '1'].map((kwh, i) => line(`U${i}`, '2026-02', kwh, 40));
    const r3 = computeOvercharge(ledger(...three), { method: 'grid-bill', gridBills: new Map([['2026-02', 100]]) });
    expect(r3.lines.map((l) => [l.lawfulFen, l.overchargeFen])).toEqual([
      [34, 6],
      [33, 7],
      [33, 7],
    ]);
  });

  it('leaves out a month without a bill or with an unread row, and reports a bill for a month the ledger lacks', () => {
    const jan = line('甲', '2026-01', '100', 10000);
    const feb = line('甲', '2026-02', '100', 10000);
    const mar = line('甲', '2026-03', '100', 10000);
    const input = { ...ledger(jan, feb, mar), unread: [{ row: 99, month: '2026-02' }] };
    const result = computeOvercharge(input, { method: 'grid-bill', gridBills: new Map([['2026-01', 6000], ['2026-02', 6000], ['2025-12', 1]]) });
    expect(result.lines.map((l) => [l.line, l.overchargeFen])).toEqual([[jan.row, 4000]]);
    expect(result.leftOut.map((l) => [l.line, l.issues.map((i) => i.reason)])).toEqual([
      [feb.row, ['2026-02 有无法读取的行（第 99 行），无法按电量分摊电网电费']],
      [mar.row, ['2026-03 没有提供电网电费账单']],
    ]);
    expect(result.inputIssues).toEqual([{ month: '2025-12', code: 'gridBill.noLines', reason: '电网电费账单的月份 2025-12 在台账中没有任何账单行' }]);
  });
});
