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

describe('ledger import: bad input', () => {
  const header = ['商户名称', '铺位号', '月份', '用电量', '单价', '电费', '损耗分摊费', '合计'];
  async function read(rows: unknown[][], mapping?: Parameters<typeof importLedger>[1]) {
    const { workbookOf } = await import('../../fixtures/listFiles');
    return importLedger(await workbookOf([{ name: 'S', rows: rows as never }]), mapping);
  }

  it('names the row, the column and the reason of every unreadable cell, and reads the rest', async () => {
    const result = await read([
      header,
      ['甲', 'A1', '2026年01月', '100', '0.9', '90', '', '90'],
      ['乙', 'A2', '1月', '-3', '0.6177001', '', '1.234', ''],
      ['丙', 'A3', '2026-01', '20000000', '', '12,34', '', ''],
      ['', 'A4', '2026-01', '5', '', '5', '', ''],
      ['丁', 'A5', '2026-01', '10', '', '9', '1', '11'],
    ]);
    expect(result.lines.map((l) => [l.row, l.chargedFen])).toEqual([
      [2, 9000],
      [6, 1000],
    ]);
    expect(result.rejected.map(({ row, field, reason }) => `${row} ${field} ${reason}`)).toEqual([
      '3 月份 无法识别的月份：“1月”（应如 2026-01、2026年1月）',
      '3 用电量 为负数：-3',
      '3 单价 单价超过 6 位小数：“0.6177001”',
      '3 损耗分摊费 金额小数超过 2 位：“1.234”',
      '4 用电量 超出合理范围：20000000 千瓦时（单行上限 10000000 千瓦时）',
      '4 电费 不是数字：“12,34”',
      '5 商户名称 未填写',
    ]);
    expect(result.warnings.map(({ row, field, reason }) => `${row} ${field} ${reason}`)).toEqual(['6 合计 合计 11.00 元与电费及各项费用之和 10.00 元不符，按分项计算']);
  });

  it('derives the energy charge from the total less the fees, or from kWh × the stated price, rounded per line', async () => {
    const result = await read([header, ['甲', 'A1', '2026-01', '1.5', '', '', '1', '3.00'], ['乙', 'A2', '2026-01', '1.5', '0.6177', '', '', '']]);
    expect(result.lines.map((l) => [l.energyFen, l.chargedFen])).toEqual([
      [200, 300],
      [93, 93],
    ]);
  });

  it('refuses a sheet with no recognisable header, or one missing the month', async () => {
    await expect(read([['a', 'b'], ['1', '2']])).rejects.toMatchObject({ code: 'no-header', message: expect.stringContaining('找不到台账表头') });
    await expect(read([['商户名称', '用电量', '电费'], ['甲', '1', '1']])).rejects.toMatchObject({ code: 'missing-columns', message: '台账表头缺少必需的列：计费月份' });
  });

  it('gives back a mapping that, applied again, reads the same lines; a mapping by column number works too', async () => {
    const rows = [['2026年1月台账'], ['户名', '房间', '期间', '度数', '金额'], ['甲', 'A1', '2026-01', '10', '9']];
    // 金额 is too vague to guess: the import stops, handing back what it recognised for the inspector to complete.
    const error = await read(rows).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no-charge', columns: { headerRow: 2, fields: { tenant: { col: 1, header: '户名' }, month: { col: 3, header: '期间' }, kwh: { col: 4, header: '度数' } } } });
    const remembered = { fields: { tenant: '户名', unit: '房间', month: '期间', kwh: 4, energy: '金额' } };
    const mapped = await read(rows, { mapping: remembered });
    expect(mapped.lines.map((l) => [l.tenant, l.unit, l.month, l.kwh, l.energyFen])).toEqual([['甲', 'A1', '2026-01', '10', 900]]);
    const { mappingOf } = await import('../../../src-shared/ledger/importLedger');
    expect(mappingOf(mapped.columns)).toEqual({ sheet: 'S', headerRow: 2, fields: { tenant: '户名', unit: '房间', month: '期间', kwh: '度数', energy: '金额' }, fees: [] });
    expect((await read(rows, { mapping: mappingOf(mapped.columns) })).lines).toEqual(mapped.lines);
  });
});
