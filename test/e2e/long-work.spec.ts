// Issue 14 §2–3 in the web build: long work runs in a worker with a progress bar and Cancel, and a long
// table renders only the rows in view. A 15,000-row list import is cancelled (nothing stored, the next
// import works); a 20,000-line ledger is read with progress (once cancelled, once to the end) and its 4,000
// tenants scroll in a virtual table. Cancel is clicked while the worker parses the workbook (seconds here):
// the rows after that are checked too fast for a click to land in between reliably. E2E_PORT in 4521–4529.
import type { Page } from '@playwright/test';
import type { Month } from '../../src-shared/billingMonth';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { exportList } from '../../src-shared/lists/exportList';
import { fenOfYuan, formatFen, type Fen } from '../../src-shared/money';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { bigLedger } from '../fixtures/ledgerFiles';
import { syntheticEntities } from '../fixtures/listFiles';
import { expect, test } from './fixtures';
import { chooseFile, createProfile, importFile, SCREENS, screenshot, tempFile } from './helpers';

/** Waits on work that takes seconds on a loaded 2-core machine; a limit, not a timed assertion. */
const LONG = { timeout: 90_000 };

/** Rows of an object store of the app's IndexedDB database, read in the page. */
function storedCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tariffcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    store,
  );
}

test('a large list import shows its progress, is cancelled with nothing stored, and the next import works', async ({ page }) => {
  test.setTimeout(240_000);
  const big = tempFile('targets-15000.xlsx', await exportList('entities', syntheticEntities(15_000, 3)));
  const small = syntheticEntities(5, 4);
  const smallPath = tempFile('targets-5.xlsx', await exportList('entities', small));

  await createProfile(page, '张科长', '科室');
  await importFile(page, '检查对象名录', big);
  const dialog = page.getByRole('dialog');
  // Cancelled while the worker parses the workbook (see the top of this file).
  await expect(dialog.getByTestId('import-progress')).toBeVisible();
  await dialog.getByRole('button', { name: '取消导入' }).click();
  await expect(dialog.getByTestId('import-cancelled')).toContainText('已取消导入');
  await expect(dialog.getByTestId('import-cancelled')).toContainText('没有保存任何一行');
  await expect(dialog.getByTestId('import-progress')).toHaveCount(0);
  await screenshot(page, 'long-work-02-import-cancelled');
  expect(await storedCount(page, 'entities')).toBe(0);
  expect(await storedCount(page, 'listHistory')).toBe(0);
  expect(await storedCount(page, 'outbox')).toBe(0);

  // The same dialog takes the next file, checks it to the end and stores it.
  await chooseFile(page, dialog.getByRole('button', { name: '选择文件…' }), smallPath);
  await dialog.getByRole('button', { name: '导入 5 条有效记录' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => storedCount(page, 'entities')).toBe(5);
});

test('a 20,000-line ledger reads with progress and Cancel, and its 4,000 tenants scroll in a window of rows', async ({ page }) => {
  test.setTimeout(240_000);
  const { bytes } = await bigLedger(20_000);
  const path = tempFile('ledger-20000.xlsx', bytes);
  const ledger = await importLedger(bytes);
  const months = [...new Set(ledger.lines.map((l) => l.month))].sort();
  const bills = new Map<Month, Fen>(months.map((m) => [m, fenOfYuan('150000')]));
  const expected = computeOvercharge(ledger, { method: 'grid-bill', gridBills: bills });
  expect(expected.tenants.length).toBe(4000);
  const last = expected.tenants.at(-1)!;

  await page.setViewportSize({ width: 1280, height: 800 });
  await createProfile(page, '张科长', '科室');
  await page.getByRole('menuitem', { name: '账单核算' }).click();
  const choose = page.getByRole('button', { name: '选择台账 Excel…' });

  // First read cancelled: nothing is read, and the page takes the file again.
  await chooseFile(page, choose, path);
  const progress = page.getByTestId('ledger-progress');
  await expect(progress).toBeVisible();
  // The window only (a full-page one waits for toasts); the workbook takes seconds to parse.
  await page.screenshot({ path: `${SCREENS}/long-work-01-ledger-progress.png` });
  await progress.getByRole('button', { name: /^取\s?消$/ }).click();
  await expect(page.getByText('已取消，台账未读入。')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('ledger-info')).toHaveCount(0);

  await chooseFile(page, choose, path);
  await expect(page.getByTestId('ledger-progress')).toBeVisible();
  await expect(page.getByTestId('ledger-info')).toContainText('读取 20000 行账单', LONG);

  await page.getByText('按电网电费分摊').click();
  for (const m of months) await page.getByLabel(m, { exact: true }).fill('150000');
  await page.getByRole('button', { name: /核\s?算/ }).click();
  await expect(page.getByTestId('oc-total')).toContainText(formatFen(expected.totalOverchargeFen), LONG);

  // Only a window of the 4,000 rows is in the page; scrolled to the end, the last tenant is there.
  const tenants = page.getByTestId('oc-tenants');
  const rows = tenants.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(60);
  await tenants.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const lastRow = rows.filter({ hasText: last.tenant }).filter({ hasText: formatFen(last.chargedFen) });
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(formatFen(last.overchargeFen));
  expect(await rows.count()).toBeLessThan(60);
  await screenshot(page, 'long-work-03-tenants-virtual-1280');
});
