import { describe, expect, it } from 'vitest';
import { importTariffs, TariffReadError } from '../../../src-shared/tariff/importTariffs';
import { tariffTemplate } from '../../../src-shared/tariff/template';
import { workbookOf } from '../../fixtures/listFiles';

const meta = { id: 'fj', name: '福建' };

describe('tariff import', () => {
  it('reads its own template back, example rows included', async () => {
    const result = await importTariffs(await tariffTemplate(), meta);
    expect(result.headerRow).toBe(1);
    expect(result.rejected).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.table.entries).toEqual([
      { region: '福建', category: '一般工商业', voltage: '不满1千伏', period: 'single', price: '0.6177', from: '2025-01-01', to: '2025-12-31' },
      { region: '福建', category: '一般工商业', voltage: '不满1千伏', period: 'single', price: '0.6093', from: '2026-01-01', to: null },
    ]);
  });

  it('finds the header under a title, reads Excel dates and numbers, and lists every bad row with its reason', async () => {
    const bytes = await workbookOf([
      {
        name: '电价',
        rows: [
          ['福建省目录电价表（2026年）'],
          ['执行截止日期', '地区', '用户类别', '电压等级', '时段', '电价（元/千瓦时）', '执行起始日期'],
          [null, '福建', '一般工商业', '不满1千伏', '峰', 0.9852, new Date(Date.UTC(2025, 0, 1))],
          ['2025-12', '福建', '一般工商业', '不满1千伏', '谷段', '0.3029', '2025年1月'],
          [null, '福建', '一般工商业', '不满1千伏', '谷', '0.2988', '2025-11'],
          [null, '福建', '一般工商业', '不满1千伏', '午间', '0.61770001', 'soon'],
          ['2024-01', '福建', '', '不满1千伏', '平', '-0.1', '2025-01'],
          [],
          ['注：电价含政府性基金及附加。'],
        ],
        merges: ['A1:G1'],
      },
    ]);
    const result = await importTariffs(bytes, meta);
    expect(result.headerRow).toBe(2);
    expect(result.rows).toEqual([3, 4, 5]);
    expect(result.table.entries.map((e) => [e.period, e.price, e.from, e.to])).toEqual([
      ['peak', '0.9852', '2025-01-01', null],
      ['valley', '0.3029', '2025-01', '2025-12'],
      ['valley', '0.2988', '2025-11', null],
    ]);
    expect(result.rejected.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([
      { row: 6, field: '时段', reason: '“午间”无法识别，应为不分时、尖峰、峰、平或谷' },
      { row: 6, field: '电价（元/千瓦时）', reason: '超过 6 位小数：“0.61770001”' },
      { row: 6, field: '执行起始日期', reason: '不是日期：“soon”（应如 2026-01-01 或 2026-01）' },
      { row: 7, field: '用户类别', reason: '不能为空' },
      { row: 7, field: '电价（元/千瓦时）', reason: '不能为负数：“-0.1”' },
      { row: 7, field: '执行截止日期', reason: '早于执行起始日期' },
    ]);
    expect(result.problems.map(({ row, reason }) => ({ row, reason }))).toEqual([{ row: 5, reason: '第 4 行与第 5 行的执行期重叠（2025-11-01 至 2025-12-31）' }]);
    expect(result.skipped).toEqual([{ row: 9, why: 'note' }]);
  });

  it('refuses a workbook that is not a tariff table, naming the missing columns', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['地区', '名称'], ['福建', 'x']] }]);
    const error = await importTariffs(bytes, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TariffReadError);
    expect((error as TariffReadError).message).toBe('找不到电价表表头，缺少列：用户类别、电压等级、时段、电价（元/千瓦时）、执行起始日期');
    await expect(importTariffs(new Uint8Array([1, 2, 3]), meta)).rejects.toMatchObject({ code: 'unreadable' });
  });
});
