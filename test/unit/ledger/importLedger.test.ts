import { describe, expect, it } from 'vitest';
import { importLedger } from '../../../src-shared/ledger/importLedger';
import type { BillLine } from '../../../src-shared/ledger/types';
import { kwhText, ledgerFile, type GeneratedBill, type LedgerLayout } from '../../fixtures/ledgerFiles';

/** What the importer must give for a generated bill. */
function expected(b: GeneratedBill): BillLine {
  const periods = b.periods100 && { peak: kwhText(b.periods100.peak), flat: kwhText(b.periods100.flat), valley: kwhText(b.periods100.valley) };
  const canonical = (t: string) => t.replace(/\.?0+$/, '') || '0';
  return {
    row: b.row,
    tenant: b.tenant,
    unit: b.unit,
    month: b.month,
    kwh: canonical(kwhText(b.kwh100)),
    periods: periods && { peak: canonical(periods.peak), flat: canonical(periods.flat), valley: canonical(periods.valley) },
    energyFen: b.energyFen,
    fees: b.fees,
    chargedFen: b.chargedFen,
    price: null,
  };
}

describe.each<[LedgerLayout, number]>([
  ['simple', 3],
  ['tou', 2],
  ['shuffled', 2],
])('ledger import, %s layout', (layout, headerRow) => {
  it('reads every bill line exactly, skips subtotals, totals, notes and signatures, and rejects nothing', async () => {
    const file = await ledgerFile(layout, { tenants: 5 });
    const result = await importLedger(file.bytes);
    expect(result.columns.headerRow).toBe(headerRow);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.lines.map((l) => ({ ...l, price: null }))).toEqual(file.bills.map(expected));
    expect(result.skipped).toEqual(file.skipped);
  });
});

describe('ledger import: recognised columns', () => {
  it('names each field by the header text found, the fees by their own names', async () => {
    const { columns } = await importLedger((await ledgerFile('tou')).bytes);
    expect(columns.fields).toEqual({
      tenant: { col: 1, header: '商户名称' },
      unit: { col: 2, header: '户号' },
      month: { col: 3, header: '月份' },
      kwhPeak: { col: 4, header: '电量（kWh） 峰' },
      kwhFlat: { col: 5, header: '电量（kWh） 平' },
      kwhValley: { col: 6, header: '电量（kWh） 谷' },
      energy: { col: 7, header: '电费金额' },
      total: { col: 9, header: '应收电费' },
    });
    expect(columns.fees).toEqual([{ col: 8, header: '公摊电费' }]);
    expect(columns.unmapped).toEqual([{ col: 10, header: '备注' }]);
  });

  it('leaves water, rent and dates out of the fees', async () => {
    const { columns } = await importLedger((await ledgerFile('shuffled')).bytes);
    expect(columns.fees.map((f) => f.header)).toEqual(['公摊电费', '线损费']);
    expect(columns.unmapped.map((f) => f.header)).toEqual(['缴费日期', '经办人']);
    expect(columns.fields.price).toEqual({ col: 3, header: '电价' });
  });
});
