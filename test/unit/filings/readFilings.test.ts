import { describe, expect, it } from 'vitest';
import { FilingsReadError, readFilings } from '../../../src-shared/filings/readFilings';
import { filingsTemplate } from '../../../src-shared/filings/template';
import { workbookOf } from '../../fixtures/listFiles';
import { filingsFile } from '../../fixtures/filingFiles';

const A = '91350100M000100Y43';
const B = '91350103MA31ABCD2R';
const issues = (read: Awaited<ReturnType<typeof readFilings>>) => read.rejected.map(({ row, field, reason }) => ({ row, field, reason }));

describe('filings reader', () => {
  it('reads a platform export: title rows, other column names in another order, category and voltage absent', async () => {
    const bytes = await filingsFile(
      [
        [1, '2026年1月', A, '福州万象商业管理有限公司', '１００，０００．５', '６２，０００．００', '95,000', '76,000.00', '120户'],
        [2, '2026-02', B, '金山科技园', 100000, 62000, 95000, 76000, null],
      ],
      {
        above: [['2026年第一季度转供电主体月度报表'], ['填报单位：福州市市场监督管理局']],
        header: ['序号', '所属期', '社会信用代码', '转供电主体名称', '购电量(kWh)', '购电费(元)', '转供电量(kWh)', '收取电费金额(元)', '终端用户数'],
      },
    );
    const read = await readFilings(bytes);
    expect(read.headerRow).toBe(3);
    expect(read.columns).toEqual({ month: '所属期', uscc: '社会信用代码', name: '转供电主体名称', purchaseKwh: '购电量(kWh)', purchaseYuan: '购电费(元)', resoldKwh: '转供电量(kWh)', chargedYuan: '收取电费金额(元)', tenants: '终端用户数' });
    expect(read.rejected).toEqual([]);
    expect(read.filings).toEqual([
      { row: 4, uscc: A, name: '福州万象商业管理有限公司', month: '2026-01', category: '一般工商业', voltage: '不满1千伏', purchaseKwh: '100000.5', purchaseFen: 6_200_000, resoldKwh: '95000', chargedFen: 7_600_000, tenants: 120 },
      { row: 5, uscc: B, name: '金山科技园', month: '2026-02', category: '一般工商业', voltage: '不满1千伏', purchaseKwh: '100000', purchaseFen: 6_200_000, resoldKwh: '95000', chargedFen: 7_600_000, tenants: null },
    ]);
  });

  it('reads months as 2026年1月, 2026年01月份, 2026-01, 2026/1, 2026.1, 202601 (text or number) and Excel dates', async () => {
    const months = ['2026年1月', '2026年02月份', '2026-03', '2026/4', '2026.5', '202606', 202607, new Date(Date.UTC(2026, 7, 15)), '２０２６年９月'];
    const rows = months.map((m) => [A, '某商场', m, '', '', 100, 62, 95, 76, 1]);
    const read = await readFilings(await filingsFile(rows));
    expect(read.rejected).toEqual([]);
    expect(read.filings.map((f) => f.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
  });

  it('keeps category and voltage as written (NFKC), defaults only blank cells', async () => {
    const read = await readFilings(await filingsFile([
      [A, '', '2026-01', '大工业', '1-10千伏', 100, 62, 95, 76, ''],
      [A, '', '2026-02', ' ', '—', 100, 62, 95, 76, ''],
      [A, '', '2026-03', '一般工商业', '１－１０千伏', 100, 62, 95, 76, ''],
    ]));
    expect(read.filings.map((f) => [f.category, f.voltage])).toEqual([
      ['大工业', '1-10千伏'],
      ['一般工商业', '不满1千伏'],
      ['一般工商业', '1-10千伏'],
    ]);
  });

  it('refuses each bad row with its Excel row, the column and the reason, and screens the rest', async () => {
    const read = await readFilings(await filingsFile([
      [A, '好', '2026-01', '', '', 100, 62, 95, 76, 3], // row 2: fine
      ['91350100M000100Y44', '坏码', '2026-01', '', '', 100, 62, 95, 76, 3], // row 3
      ['9135010', '短码', '2026-01', '', '', 100, 62, 95, 76, 3], // row 4
      [B, '无月份', '', '', '', 100, 62, 95, 76, 3], // row 5
      [B, '月份不对', '1月', '', '', 100, 62, 95, 76, 3], // row 6
      [B, '零购电', '2026-02', '', '', 0, 62, 95, 76, 3], // row 7
      [B, '负转供', '2026-03', '', '', 100, 62, '-5', 76, 3], // row 8
      [B, '负金额', '2026-04', '', '', 100, -62, 95, '-0.01', 3], // row 9
      [B, '空金额', '2026-05', '', '', 100, '', 95, 'abc', 3], // row 10
      [B, '小数多', '2026-06', '', '', '100.12345', '62.123', 95, 76, '1.5'], // row 11
      ['', '无代码', '2026-07', '', '', 100, 62, 95, 76, 3], // row 12
    ]));
    expect(read.filings.map((f) => f.row)).toEqual([2]);
    expect(issues(read)).toEqual([
      { row: 3, field: '统一社会信用代码', reason: '校验位错误' },
      { row: 4, field: '统一社会信用代码', reason: '应为 18 位，实际为 7 位' },
      { row: 5, field: '月份', reason: '不能为空' },
      { row: 6, field: '月份', reason: '不是月份：“1月”（应如 2026-01 或 2026年1月）' },
      { row: 7, field: '购电量（千瓦时）', reason: '应大于 0：“0”' },
      { row: 8, field: '转供电量（千瓦时）', reason: '应大于 0：“-5”' },
      { row: 9, field: '购电电费（元）', reason: '不能为负数：“-62”' },
      { row: 9, field: '收取电费（元）', reason: '不能为负数：“-0.01”' },
      { row: 10, field: '购电电费（元）', reason: '不能为空' },
      { row: 10, field: '收取电费（元）', reason: '不是数字：“abc”' },
      { row: 11, field: '购电量（千瓦时）', reason: '超过 4 位小数：“100.12345”' },
      { row: 11, field: '购电电费（元）', reason: '超过 2 位小数：“62.123”' },
      { row: 11, field: '户数', reason: '应为非负整数：“1.5”' },
      { row: 12, field: '统一社会信用代码', reason: '不能为空' },
    ]);
  });

  it('refuses the later of two rows for the same landlord and month, even when the first was refused', async () => {
    const read = await readFilings(await filingsFile([
      [A, '', '2026-01', '', '', 100, 62, 95, 76, ''], // row 2
      [A.toLowerCase(), '', '2026年1月', '', '', 100, 62, 95, 80, ''], // row 3: the same code and month written otherwise
      [B, '', '2026-01', '', '', 0, 62, 95, 76, ''], // row 4: refused (kWh 0)
      [B, '', '202601', '', '', 100, 62, 95, 76, ''], // row 5: still a duplicate of row 4
      [B, '', '2026-02', '', '', 100, 62, 95, 76, ''], // row 6
    ]));
    expect(read.filings.map((f) => f.row)).toEqual([2, 6]);
    expect(issues(read)).toEqual([
      { row: 3, field: '月份', reason: '重复：该主体该月份已在第 2 行填报' },
      { row: 4, field: '购电量（千瓦时）', reason: '应大于 0：“0”' },
      { row: 5, field: '月份', reason: '重复：该主体该月份已在第 4 行填报' },
    ]);
  });

  it('skips blank rows inside the table, totals and notes under it', async () => {
    const read = await readFilings(await filingsFile([[A, '', '2026-01', '', '', 100, 62, 95, 76, ''], [], [B, '', '2026-01', '', '', 100, 62, 95, 76, '']], {
      below: [['合计', '', '', '', '', 200, 124, 190, 152], ['注：本表由转供电主体按月填报。']],
    }));
    expect(read.filings.map((f) => f.row)).toEqual([2, 4]);
    expect(read.skipped).toEqual([
      { row: 3, why: 'blank' },
      { row: 5, why: 'subtotal' },
      { row: 6, why: 'note' },
    ]);
  });

  it('refuses a file that is not a workbook, has no header, or lacks required columns', async () => {
    await expect(readFilings(new TextEncoder().encode('not a workbook'))).rejects.toMatchObject({ code: 'unreadable', message: '无法读取该文件，请确认是 Excel 工作簿（.xlsx）' });
    await expect(readFilings(await workbookOf([{ name: 'S', rows: [] }]))).rejects.toMatchObject({ code: 'empty' });
    await expect(readFilings(await workbookOf([{ name: 'S', rows: [['商户名称', '电费'], ['张三', 5]] }]))).rejects.toBeInstanceOf(FilingsReadError);
    await expect(readFilings(await filingsFile([], { header: ['统一社会信用代码', '月份', '购电量', '购电电费'] }))).rejects.toMatchObject({
      code: 'missing-columns',
      message: '表头缺少必填列：转供电量（千瓦时）、收取电费（元）',
    });
  });

  it('reads its own template: the example row and nothing else', async () => {
    const read = await readFilings(await filingsTemplate());
    expect(read.sheet).toBe('月度报表');
    expect(read.rejected).toEqual([]);
    expect(read.filings).toEqual([
      { row: 2, uscc: A, name: '福州某某商业管理有限公司', month: '2026-01', category: '一般工商业', voltage: '不满1千伏', purchaseKwh: '100000', purchaseFen: 6_200_000, resoldKwh: '95000', chargedFen: 7_600_000, tenants: 120 },
    ]);
  });

  it('reports its rows read every 2,000 and once at the end, of the rows under the header', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [A, '某商场', `2026-${String((i % 12) + 1).padStart(2, '0')}`, '', '', 100, 62, 95, 76, 1]);
    const seen: [number, number][] = [];
    const read = await readFilings(await filingsFile(rows), { onProgress: (done, total) => seen.push([done, total]) });
    expect(read.headerRow).toBe(1);
    expect(seen).toEqual([[2000, 4500], [4000, 4500], [4500, 4500]]);
  });
});
