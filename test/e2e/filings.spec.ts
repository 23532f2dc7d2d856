// 申报筛查 in the browser (issue 15 §1): the office imports a filings workbook with refused rows (a landlord's
// month filed twice, a bad code, a month with no catalogue price) and a landlord not on the target list, reads
// the report, saves; the landlords are ranked with the 未在名录 mark, the flags are named; the filings reach the
// hub for the other office devices; the ranking exported as Excel is read back value by value.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { StoredFiling } from '../../src-shared/filings/stored';
import { filingsFile } from '../fixtures/filingFiles';
import { syntheticUscc } from '../fixtures/synthetic';
import { expect, test, watchBrowser } from './fixtures';
import { startFieldHub, type FieldHub } from './fieldHub';
import { chooseFile, screenshot, tempFile } from './helpers';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_FILINGS_PORT ?? 4531);
const A = syntheticUscc(5, 1);
const B = syntheticUscc(5, 2);
const C = syntheticUscc(5, 9);
const TARGETS = [
  { uscc: A, name: '金鹰购物中心', address: '五四路 128 号', lng: null, lat: null },
  { uscc: B, name: '东街口百货', address: '八一七北路 88 号', lng: null, lat: null },
];
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'filings', TARGETS);
});

test.afterAll(() => field?.stop());

/** Rows 2–8 of the workbook: four screened, three refused. Catalogue price 0.6177 yuan/kWh in 2026-01 and -02. */
const ROWS = [
  [A, '金鹰购物中心', '2026-01', '', '', 100000, 62000, 95000, 76000, 120], // 2: markup, above catalogue; excess 17,318.50
  [A, '金鹰购物中心', '2026年2月', '', '', '80,000', '49,600.00', 72000, 46000, 120], // 3: + loss 0.1000; excess 1,525.60
  [B, '东街口百货', '2026-01', '', '', 50000, 31000, 49000, 30000, 80], // 4: no flag, no excess
  [C, '未登记商业广场', '2026-01', '', '', 200000, 124000, 190000, 171000, 60], // 5: not on the list; excess 53,637.00
  [A, '金鹰购物中心', '2026-01', '', '', 1, 1, 1, 1, ''], // 6: the same month again
  ['91350100M000100Y44', '某公司', '2026-01', '', '', 1, 1, 1, 1, ''], // 7: bad check character
  [B, '东街口百货', '2024-06', '', '', 50000, 31000, 49000, 30000, 80], // 8: no catalogue price then
];

test('the office imports filings, sees the refused rows, the ranking with 未在名录 and exports it', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.getByRole('menuitem', { name: '申报筛查' }).click();
  await expect(page.getByText('还没有导入月度报表。')).toBeVisible();

  // A city's year (5,000 landlords × 12 months) is read in a worker with its rows counted, and cancelled while
  // the workbook is parsed (seconds here): nothing read, nothing saved, the dialog takes the next file.
  const year = Array.from({ length: 60_000 }, (_, i) => [syntheticUscc(6, Math.floor(i / 12)), '某商业广场', `2025-${String((i % 12) + 1).padStart(2, '0')}`, '', '', 100000, 62000, 95000, 76000, 10]);
  const big = tempFile('filings-year.xlsx', await filingsFile(year));
  await page.getByRole('button', { name: '导入月度报表' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('电价地区')).toBeVisible();
  await chooseFile(page, dialog.getByRole('button', { name: '选择文件…' }), big);
  const progress = dialog.getByTestId('filings-progress');
  await expect(progress).toContainText('正在读取并测算：已读');
  await expect(progress).toContainText('/ 60000 行');
  await progress.getByRole('button', { name: '取消读取' }).click();
  await expect(page.getByText('已取消，月度报表未读入。')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(dialog.getByTestId('filings-report')).toHaveCount(0);

  // The import: read and screened in a worker, reported before anything is saved.
  const file = tempFile('filings-2026.xlsx', await filingsFile(ROWS));
  await chooseFile(page, dialog.getByRole('button', { name: '选择文件…' }), file);
  const report = dialog.getByTestId('filings-report');
  await expect(report).toContainText('filings-2026.xlsx：工作表“月度报表”，表头在第 1 行');
  for (const [title, value] of [['可筛查的行', '4'], ['拒收的行', '3'], ['主体', '3'], ['其中未在名录', '1'], ['有标记的月份', '3'], ['替换已有月份', '0']] as const) {
    await expect(report.locator('.ant-statistic').filter({ hasText: title }).first().locator('.ant-statistic-content')).toHaveText(value);
  }
  await expect(report).toContainText('有 1 个主体不在检查对象名录中');
  const refused = dialog.getByTestId('filings-rejected').locator('tbody tr');
  await expect(refused).toHaveCount(3);
  await expect(refused.nth(0)).toHaveText(['第 6 行', '月份', '重复：该主体该月份已在第 2 行填报'].join(''));
  await expect(refused.nth(1)).toHaveText(['第 7 行', '统一社会信用代码', '校验位错误'].join(''));
  await expect(refused.nth(2)).toHaveText(['第 8 行', '月份', '没有该月的目录电价（福建、一般工商业、不满1千伏，2024-06）'].join(''));
  await screenshot(page, '150-filings-report');
  await dialog.getByRole('button', { name: '保存 4 行筛查结果' }).click();
  await expect(dialog).toBeHidden();

  // The ranking: estimated excess, then months flagged; C marked as not on the list.
  const counts = page.getByTestId('filings-counts');
  await expect(counts).toContainText('主体3');
  await expect(counts).toContainText('有标记月份3');
  await expect(counts).toContainText('估算多收电费合计（元）72,481.10');
  await expect(counts).toContainText('未在名录主体1');
  const ranking = page.getByTestId('filing-landlords').locator('tbody > tr.ant-table-row');
  await expect(ranking).toHaveCount(3);
  await expect(ranking.nth(0)).toContainText(`1${C}未登记商业广场未在名录1153,637.00加价 1高于目录电价 1`);
  await expect(ranking.nth(1)).toContainText(`2${A}金鹰购物中心2218,844.10加价 2高于目录电价 2损耗偏高 1`);
  await expect(ranking.nth(2)).toContainText(`3${B}东街口百货100.00`);
  await expect(ranking.nth(1).getByTestId('unlisted')).toHaveCount(0);
  await expect(ranking.nth(0).getByTestId('unlisted')).toHaveText('未在名录');
  await expect(ranking.nth(0).getByTestId(`landlord-actions-${C}`)).toBeAttached();

  // A landlord's months with their indicators and flags.
  await ranking.nth(1).getByRole('button', { name: /展开/ }).click();
  const months = page.getByTestId('filing-months').locator('tbody > tr.ant-table-row');
  await expect(months).toHaveCount(2);
  await expect(months.nth(1)).toContainText('2026-028000049,600.007200046,000.000.62000.63890.01890.10000.61771,525.60加价高于目录电价损耗偏高');
  await screenshot(page, '151-filings-ranking');

  // The filings reach the hub for the other office devices (the hub's pull with another office token).
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect.poll(async () => {
    const pulled = await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=500`, { headers: { authorization: `Bearer ${hub.officeToken}` } });
    const changes = ((await pulled.json()) as { changes: { table: string; row: StoredFiling }[] }).changes;
    return changes.filter((c) => c.table === 'filings').map((c) => [c.row.key, c.row.estimatedExcessFen, c.row.flags]).sort();
  }).toEqual([
    [`${A}|2026-01`, 1_731_850, ['markup', 'above-catalogue']],
    [`${A}|2026-02`, 152_560, ['markup', 'above-catalogue', 'loss']],
    [`${B}|2026-01`, 0, []],
    [`${C}|2026-01`, 5_363_700, ['markup', 'above-catalogue']],
  ].sort());

  // Screened again with a tolerance above A's February markup (0.0189): that month keeps two flags.
  await page.getByLabel('加价容差（元/千瓦时）').fill('0.02');
  await page.getByRole('button', { name: '重新筛查' }).click();
  await expect(page.getByTestId('filings-limits')).toHaveText('当前按加价容差 0.02 元/千瓦时、损耗率阈值 0.07 筛查');
  await expect(months.nth(1)).toContainText('高于目录电价损耗偏高');
  await expect(months.nth(1)).not.toContainText('加价');
  // Saved (by the screening worker, through the filings mutator): the stored month now carries the new flags.
  await page.getByRole('button', { name: '保存新标记（1 个月份）' }).click();
  await expect(page.getByText('已保存 1 个月份的新标记')).toBeVisible();
  await expect(page.getByRole('button', { name: /保存新标记/ })).toHaveCount(0);
  // Back to no tolerance: the stored February differs from it again, and is saved back.
  await page.getByLabel('加价容差（元/千瓦时）').fill('0');
  await page.getByRole('button', { name: '重新筛查' }).click();
  await expect(months.nth(1)).toContainText('加价高于目录电价损耗偏高');
  await page.getByRole('button', { name: '保存新标记（1 个月份）' }).click();
  await expect(page.getByRole('button', { name: /保存新标记/ })).toHaveCount(0);

  // The ranking as Excel, read back value by value.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出排名' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^申报筛查-主体排名-\d{12}\.xlsx$/);
  const path = join(process.cwd(), 'test-results', 'documents', 'filings-ranking.xlsx');
  await saved.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const texts = (sheet: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, i) => sheet.getRow(r).getCell(i + 1).text);
  const values = (sheet: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, i) => sheet.getRow(r).getCell(i + 1).value);
  const rank = wb.getWorksheet('主体排名')!;
  expect(rank.getCell('A1').text).toMatch(/^转供电主体月度报表筛查：当前按加价容差 0 元\/千瓦时、损耗率阈值 0\.07 筛查（导出于 \d{12}）$/);
  expect(texts(rank, 2, 8)).toEqual(['名次', '统一社会信用代码', '主体名称', '名录', '月份数', '有标记月数', '估算多收电费（元）', '标记']);
  expect(values(rank, 3, 8)).toEqual([1, C, '未登记商业广场', '未在名录', 1, 1, 53637, '加价 1、高于目录电价 1']);
  expect(values(rank, 4, 8)).toEqual([2, A, '金鹰购物中心', null, 2, 2, 18844.1, '加价 2、高于目录电价 2、损耗偏高 1']);
  expect(values(rank, 5, 8)).toEqual([3, B, '东街口百货', null, 1, 0, 0, null]);
  expect(rank.rowCount).toBe(5);
  const detail = wb.getWorksheet('月度明细')!;
  expect(texts(detail, 2, 18)).toEqual([
    '统一社会信用代码', '主体名称', '月份', '用户类别', '电压等级', '购电量（千瓦时）', '购电电费（元）', '转供电量（千瓦时）', '收取电费（元）', '户数',
    '购电均价（元/千瓦时）', '收费均价（元/千瓦时）', '每千瓦时加价（元）', '损耗率', '目录电价（元/千瓦时）', '估算多收电费（元）', '标记', '来源',
  ]);
  expect(values(detail, 3, 18)).toEqual([C, '未登记商业广场', '2026-01', '一般工商业', '不满1千伏', 200000, 124000, 190000, 171000, 60, 0.62, 0.9, 0.28, 0.05, 0.6177, 53637, '加价、高于目录电价', 'filings-2026.xlsx']);
  // February was screened again and saved twice: its source says by what limits.
  expect(values(detail, 5, 18)).toEqual([A, '金鹰购物中心', '2026-02', '一般工商业', '不满1千伏', 80000, 49600, 72000, 46000, 120, 0.62, 0.6389, 0.0189, 0.1, 0.6177, 1525.6, '加价、高于目录电价、损耗偏高', '重新筛查（容差 0，阈值 0.07）']);
  expect(values(detail, 6, 18)).toEqual([B, '东街口百货', '2026-01', '一般工商业', '不满1千伏', 50000, 31000, 49000, 30000, 80, 0.62, 0.6122, -0.0078, 0.02, 0.6177, 0, null, 'filings-2026.xlsx']);
  expect(detail.getCell('K3').numFmt).toBe('0.0000');
  expect(detail.rowCount).toBe(6);
  await context.close();
});
