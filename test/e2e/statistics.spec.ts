// 统计分析 in the browser (issue 15, item 4): the small world of the unit tests written into the app's own
// tables of an office laptop; the page shows the exact figures in cards and tables, a district filter
// narrows them, four charts draw, the map places the targets by result and by grade with a legend, and
// the Excel export is read back value by value.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createProfile, pickOption, screenshot } from './helpers';
import { D1, statisticsWorldDerived, statisticsWorldTables, USCC } from '../fixtures/statisticsWorld';

/** The world's tables and, written behind Dexie's back, what the app derives from them as it writes (db/derived.ts). */
function tables(): Record<string, Record<string, unknown>[]> {
  const sources = statisticsWorldTables();
  return { ...sources, ...statisticsWorldDerived(sources) };
}

/** The preview server of playwright.config.ts (its baseURL). */
const ORIGIN = '/';
async function fill(page: Page): Promise<void> {
  await page.evaluate(async (data) => {
    const open = indexedDB.open('tariffcheck');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Object.keys(data).filter((n) => idb.objectStoreNames.contains(n));
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(names, 'readwrite');
      for (const n of names) for (const r of data[n]!) tx.objectStore(n).put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, tables());
}

const cells = (page: Page, table: string) => page.getByTestId(`statistics-table-${table}`).locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));

test('the statistics of a small world: cards, tables, a district filter, charts, the map by result and grade, the Excel export', async ({ page }) => {
  await createProfile(page, '陈科长', '科室', undefined, ORIGIN);
  await page.getByRole('menuitem', { name: '统计分析' }).waitFor();
  await fill(page);
  // Written behind the app's back: a reload, so no query of the app answers from what it read before.
  await page.reload();
  await page.getByRole('menuitem', { name: '统计分析' }).click();
  await expect(page).toHaveURL(/#\/statistics$/);

  // Today (the test's clock) is after the order's deadline of 2026-04-20: 书店 is overdue.
  const card = (key: string) => page.getByTestId(`statistics-card-${key}`).locator('.ant-statistic-content');
  await expect(card('listed')).toHaveText('6');
  await expect(card('drawn')).toHaveText('3');
  await expect(page.getByTestId('statistics-card-drawn')).toContainText('抽查比例 50.00%');
  await expect(card('inspected')).toHaveText('2');
  await expect(page.getByTestId('statistics-card-inspected')).toContainText('检查比例 33.33%');
  await expect(card('targeted')).toHaveText('1');
  await expect(card('findings')).toHaveText('4');
  await expect(card('overcharge')).toHaveText('1,300.51');
  await expect(card('ordered')).toHaveText('1,230.50');
  await expect(card('refunded')).toHaveText('900.00');
  await expect(card('verified')).toHaveText('800.00');
  expect(await cells(page, 'coverage')).toEqual([
    ['鼓楼区', '4', '2', '2', '1', '50.00%', '50.00%', '1', '0'],
    ['台江区', '2', '1', '0', '0', '50.00%', '0.00%', '0', '0'],
    ['合计', '6', '3', '2', '1', '50.00%', '33.33%', '1', '0'],
  ]);
  expect(await cells(page, 'groups')).toEqual([
    ['2026年上半年双随机抽查', '2026-04-01', '鼓楼区', '4', '50.00%', '2', '50.00%', '2', '50.00%'],
    ['2026年上半年双随机抽查', '2026-04-01', '台江区', '2', '50.00%', '1', '50.00%', '0', '0.00%'],
  ]);
  expect(await cells(page, 'findings')).toEqual([
    ['不合理加价', '3', '3', '129.45'],
    ['加收其他费用', '1', '1', '0.00'],
    ['合计', '4', '—', '129.45'],
  ]);
  expect(await cells(page, 'money')).toEqual([
    ['鼓楼区', '3', '2', '1,300.51', '1', '1,230.50', '900.00', '800.00', '1'],
    ['台江区', '1', '0', '0.00', '0', '0.00', '0.00', '0.00', '0'],
    ['合计', '4', '2', '1,300.51', '1', '1,230.50', '900.00', '800.00', '1'],
  ]);
  await expect(card('flagged')).toHaveText('4');
  expect((await cells(page, 'filings')).at(-1)).toEqual(['合计', '5', '4', '3', '2', '1', '1', '1', '52.00']);
  await screenshot(page, 'statistics-01-tables');

  // The day's refund reminder covers the page's corner: closed first.
  await page.locator('.ant-notification-notice-close').click();
  // Every table in one workbook, read back value by value.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '全部导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^统计分析-all-\d{12}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['抽查完成情况', '分组抽查比例', '违法事实类型', '多收电费与退还', '月度申报筛查']);
  const money = book.getWorksheet('多收电费与退还')!;
  expect(money.getCell('A1').value).toBe('多收电费与退还（全部计划（含定向检查） · 全部 · 全部区域）');
  expect([3, 4, 5].map((r) => (money.getRow(r).values as unknown[]).slice(1))).toEqual([
    ['鼓楼区', 3, 2, 1300.51, 1, 1230.5, 900, 800, 1],
    ['台江区', 1, 0, 0, 0, 0, 0, 0, 0],
    ['合计', 4, 2, 1300.51, 1, 1230.5, 900, 800, 1],
  ]);
  expect((book.getWorksheet('抽查完成情况')!.getRow(5).values as unknown[]).slice(1)).toEqual(['合计', 6, 3, 2, 1, '50.00%', '33.33%', 1, 0]);

  // One table alone.
  const one = page.waitForEvent('download');
  await page.getByTestId('statistics-table-groups').getByRole('button', { name: '导出 Excel' }).click();
  expect((await one).suggestedFilename()).toMatch(/^统计分析-分组抽查比例-all-\d{12}\.xlsx$/);

  // A district narrows everything; the address keeps the filter.
  await page.getByLabel('区域').click();
  await pickOption(page, { holding: '台江区' });
  await expect(page).toHaveURL(/district=/);
  await expect(card('listed')).toHaveText('2');
  await expect(card('targeted')).toHaveText('0');
  expect(await cells(page, 'coverage')).toEqual([
    ['台江区', '2', '1', '0', '0', '50.00%', '0.00%', '0', '0'],
    ['合计', '2', '1', '0', '0', '50.00%', '0.00%', '0', '0'],
  ]);
  await page.goto(`${ORIGIN}#/statistics?plan=${D1}&period=2026-04`);
  await expect(card('targeted')).toHaveText('0');
  await expect(card('drawn')).toHaveText('3');
  await expect(card('findings')).toHaveText('2');

  // The charts: four canvases.
  await page.goto(`${ORIGIN}#/statistics`);
  await page.getByRole('tab', { name: '图表' }).click();
  await expect(page.getByTestId('statistics-chart')).toHaveCount(4);
  await expect(page.getByTestId('statistics-chart').first().locator('canvas')).toHaveCount(1);
  await screenshot(page, 'statistics-02-charts');

  // The map: five targets placed, one without coordinates, coloured by result, then by grade.
  await page.getByRole('tab', { name: '地图' }).click();
  await expect(page).toHaveURL(/tab=map/);
  await expect(page.getByTestId('statistics-map-placed')).toHaveText('地图上 5 个检查对象');
  await expect(page.getByTestId('statistics-map-unplaced')).toHaveText('无坐标 1 个');
  const legend = page.getByTestId('statistics-map-legend');
  const count = (value: string) => legend.locator(`[data-value="${value}"]`);
  await expect(count('refund-ordered')).toHaveAttribute('data-count', '1');
  await expect(count('rectification-ordered')).toHaveAttribute('data-count', '1');
  await expect(count('open')).toHaveAttribute('data-count', '2');
  await expect(count('not-inspected')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('statistics-map').locator('.leaflet-overlay-pane canvas')).toHaveCount(1);
  await screenshot(page, 'statistics-03-map-result');
  await page.getByText('按信用等级', { exact: true }).click();
  await expect(page.getByTestId('statistics-map')).toHaveAttribute('data-colour', 'grade');
  await expect(count('green')).toHaveAttribute('data-count', '2');
  await expect(count('yellow')).toHaveAttribute('data-count', '1');
  await expect(count('red')).toHaveAttribute('data-count', '1');
  await expect(count('none')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('statistics-map').locator('.leaflet-overlay-pane canvas')).toHaveCount(1);
  // The one yellow target (金鹰购物中心): found by its colour on the canvas, its name on hover, its card on a click.
  const at = await page.getByTestId('statistics-map').locator('.leaflet-overlay-pane canvas').evaluate((c: HTMLCanvasElement) => {
    const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let sx = 0, sy = 0, n = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b, a] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!, data[i * 4 + 3]!];
      if (a > 200 && Math.abs(r - 250) < 8 && Math.abs(g - 219) < 8 && Math.abs(b - 20) < 8) { sx += i % width; sy += Math.floor(i / width); n++; }
    }
    const box = c.getBoundingClientRect();
    return n === 0 ? null : { x: box.left + (sx / n) * (box.width / width), y: box.top + (sy / n) * (box.height / height) };
  });
  expect(at).not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
  await expect(page.locator('.leaflet-tooltip')).toHaveText('金鹰购物中心');
  await page.mouse.click(at!.x, at!.y);
  await expect(page.getByTestId('statistics-map-chosen')).toContainText('金鹰购物中心');
  await expect(page.getByTestId('statistics-map-chosen')).toContainText(USCC.A1);
  await screenshot(page, 'statistics-04-map-grade');
});
