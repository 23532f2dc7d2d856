// The office's sight in one browser (issue 15): the office imports landlords' monthly filings, reads the
// ranking (a landlord not on the list marked), opens a targeted case from a flagged landlord's months,
// grades the targets by the credit rule (three flagged months → 黄) and finds the grade and the case on
// the target's page, then reads the statistics (the targeted case outside the random ratio, the flagged
// months), exports them to Excel (read back value by value) and sees the targets on the map.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { filingsFile } from '../fixtures/filingFiles';
import { syntheticUscc } from '../fixtures/synthetic';
import { expect, test, watchBrowser } from './fixtures';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { chooseFile, pickOption, screenshot, tempFile } from './helpers';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_INSIGHT_PORT ?? 4571);
/** A target the office lists after the draw. */
const THIRD = { uscc: syntheticUscc(6, 3), name: '新街口商业广场', address: '中山南路 1 号' };
const UNLISTED = syntheticUscc(6, 9);
let field: FieldHub | undefined;
test.use({ actionTimeout: 20_000 });

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'insight');
});
test.afterAll(() => field?.stop());

/**
 * Catalogue price 0.6177 yuan/kWh to 2026-02, 0.6093 from 2026-03 (resources/tariffs/sample-fujian.json).
 * Each of these months charges 76,000 yuan for 95,000 kWh bought at 0.62: markup and above the catalogue.
 */
const ROWS = [
  // The field hub's code for 金鹰 has a wrong check character: refused by the filings reader, named.
  [FIELD_TARGET.uscc, FIELD_TARGET.name, '2026-01', '', '', 100000, 62000, 95000, 76000, 120],
  [THIRD.uscc, THIRD.name, '2026-01', '', '', 100000, 62000, 95000, 76000, 60], // 17,318.50
  [THIRD.uscc, THIRD.name, '2026年2月', '', '', '100,000', '62,000.00', 95000, 76000, 60], // 17,318.50
  [THIRD.uscc, THIRD.name, '2026-03', '', '', 100000, 62000, 95000, 76000, 60], // 76,000 − 95,000 × 0.6093 = 18,116.50
  [UNLISTED, '未登记产业园', '2026-01', '', '', 200000, 124000, 190000, 171000, 60], // 53,637.00
];

/** Picks an option of the open Select drop-down by text it holds. */
const pick = (page: Page, text: string) => pickOption(page, { holding: text });

const cells = (page: Page, table: string) => page.getByTestId(`statistics-table-${table}`).locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));

test('filings screened and ranked, a targeted case from a flag, a grade by rule, the statistics and the map', async ({ browser, request, browserLog }) => {
  test.setTimeout(300_000);
  const hub = field!;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');

  // 0. The office lists a new target by hand, after the draw: no case yet, so a targeted case is a new one.
  await page.getByRole('menuitem', { name: '检查对象名录' }).click();
  await page.getByRole('button', { name: '新增' }).click();
  const added = page.getByRole('dialog');
  await added.getByLabel('统一社会信用代码').fill(THIRD.uscc);
  await added.getByLabel('名称', { exact: true }).fill(THIRD.name);
  await added.getByLabel('地址').fill(THIRD.address);
  await added.getByLabel('区', { exact: true }).fill('鼓楼区');
  await added.getByLabel('街镇').fill('新街口街道');
  await added.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(added).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: THIRD.uscc })).toContainText(THIRD.name);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });

  // 1. The filings: four rows screened, one refused with its row, field and reason; the ranking by
  // estimated excess, the landlord not on the list marked.
  await page.getByRole('menuitem', { name: '申报筛查' }).click();
  await page.getByRole('button', { name: '导入月度报表' }).click();
  const dialog = page.getByRole('dialog');
  await chooseFile(page, dialog.getByRole('button', { name: '选择文件…' }), tempFile('filings-insight.xlsx', await filingsFile(ROWS)));
  await expect(dialog.getByTestId('filings-rejected').locator('tbody tr')).toHaveText(['第 2 行统一社会信用代码校验位错误']);
  await dialog.getByRole('button', { name: '保存 4 行筛查结果' }).click();
  await expect(dialog).toBeHidden();
  const ranking = page.getByTestId('filing-landlords').locator('tbody > tr.ant-table-row');
  await expect(ranking).toHaveCount(2);
  await expect(ranking.nth(0)).toContainText(`1${UNLISTED}未登记产业园未在名录1153,637.00`);
  await expect(ranking.nth(1)).toContainText(`2${THIRD.uscc}${THIRD.name}3352,753.50加价 3高于目录电价 3`);
  // A landlord not on the list cannot have a case opened on it until it is listed.
  await expect(ranking.nth(0).getByTestId('open-targeted-case')).toHaveCount(0);

  // 2. A targeted case from THIRD's flags: the months and flags come with it; a team of two.
  await ranking.nth(1).getByTestId('open-targeted-case').click();
  await expect(dialog.getByText(`${THIRD.name}（${THIRD.uscc}）`)).toBeVisible();
  await expect(dialog.getByLabel('月份')).toBeAttached();
  for (const month of ['2026-01', '2026-02', '2026-03']) await expect(dialog.locator('.ant-select-selection-item', { hasText: month })).toBeVisible();
  await dialog.getByLabel('检查组（至少 2 人）').click();
  await pick(page, '王检查（GL-001）');
  await pick(page, '李检查（GL-002）');
  await dialog.getByText('投诉举报和定向检查案件在随机抽查之外立案').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, '160-insight-targeted-from-flag');
  await dialog.getByRole('button', { name: /立\s?案/ }).click();
  await expect(dialog.getByTestId('targeted-done')).toContainText(`已立案：${THIRD.name}（定向检查）`);
  await dialog.getByTestId('targeted-done').getByRole('button', { name: /关\s?闭/ }).click();
  await page.goto(`${hub.url}/#/cases`);
  await expect(page.locator('tr', { hasText: THIRD.name }).getByTestId('case-origin')).toHaveText('定向检查');
  await expect(page.locator('tr', { hasText: FIELD_TARGET.name }).getByTestId('case-origin')).toHaveText('随机抽查');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });

  // 3. The credit rule (the built-in one): three flagged months in twelve → 黄, applied; on the target's page.
  await page.goto(`${hub.url}/#/credit`);
  await page.getByRole('button', { name: /^评\s?定$/ }).click();
  const proposals = page.getByTestId('credit-proposals');
  const third = proposals.getByRole('row', { name: new RegExp(THIRD.name) });
  await expect(third).toContainText('黄');
  await screenshot(page, '161-insight-credit');
  await third.getByRole('button', { name: /^应\s?用$/ }).click();
  await expect(proposals.getByRole('row', { name: new RegExp(THIRD.name) })).toHaveCount(0);
  await page.goto(`${hub.url}/#/targets/${THIRD.uscc}`);
  await expect(page.getByTestId('target-grade-now')).toHaveText('黄');
  await expect(page.getByTestId('credit-history').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('credit-history')).toContainText('陈科长');
  await expect(page.getByTestId('target-cases')).toContainText('定向检查');
  await screenshot(page, '162-insight-target');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });

  // 4. The statistics: two targets listed, one drawn (the ratio), the targeted case on its own, four flagged months.
  await page.goto(`${hub.url}/#/statistics`);
  const card = (key: string) => page.getByTestId(`statistics-card-${key}`).locator('.ant-statistic-content');
  await expect(card('listed')).toHaveText('2');
  await expect(card('drawn')).toHaveText('1');
  await expect(card('targeted')).toHaveText('1');
  await expect(card('flagged')).toHaveText('4');
  expect(await cells(page, 'coverage')).toEqual([
    ['鼓楼区', '2', '1', '0', '0', '50.00%', '0.00%', '0', '1'],
    ['合计', '2', '1', '0', '0', '50.00%', '0.00%', '0', '1'],
  ]);
  await screenshot(page, '163-insight-statistics');
  const notice = page.locator('.ant-notification-notice-close');
  if (await notice.count()) await notice.first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '全部导出 Excel' }).click();
  const file = await download;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const row = (sheet: string, r: number) => (book.getWorksheet(sheet)!.getRow(r).values as unknown[]).slice(1);
  expect(row('抽查完成情况', 2)).toEqual(['区域', '名录对象', '抽取', '已检查', '已办结', '抽查比例', '检查比例', '投诉举报（不计比例）', '定向检查（不计比例）']);
  expect(row('抽查完成情况', 4)).toEqual(['合计', 2, 1, 0, 0, '50.00%', '0.00%', 0, 1]);
  // Filings by district: THIRD's three months in 鼓楼区, the unlisted landlord apart; flags markup, above
  // the catalogue, loss, inverted; the estimated excess in yuan (17,318.50 × 2 + 18,116.50; 53,637.00).
  const filings = book.getWorksheet('月度申报筛查')!;
  expect([3, 4, 5].map((r) => row('月度申报筛查', r))).toEqual([
    ['鼓楼区', 3, 3, 1, 3, 3, 0, 0, 52753.5],
    ['未在名录', 1, 1, 1, 1, 1, 0, 0, 53637],
    ['合计', 4, 4, 2, 4, 4, 0, 0, 106390.5],
  ]);
  expect(filings.actualRowCount).toBe(5);

  // 5. The map: 金鹰 placed (it has coordinates), the new target listed without them.
  await page.getByRole('tab', { name: '地图' }).click();
  await expect(page.getByTestId('statistics-map-placed')).toHaveText('地图上 1 个检查对象');
  await expect(page.getByTestId('statistics-map-unplaced')).toHaveText('无坐标 1 个');
  await page.getByText('按信用等级', { exact: true }).click();
  await expect(page.getByTestId('statistics-map')).toHaveAttribute('data-colour', 'grade');
  await screenshot(page, '164-insight-map');
  await context.close();
});
