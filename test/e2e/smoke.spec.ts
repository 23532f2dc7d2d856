import { expect, test } from './fixtures';
import { createProfile, screenshot } from './helpers';

test('first run asks who uses the device, remembers it, and switches to English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('欢迎使用电费检查通')).toBeVisible();
  await screenshot(page, '00-first-run');
  await createProfile(page, '李组长', '组长');
  // A lead lands on the draw page.
  await expect(page.getByText('抽查计划', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText('李组长')).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByText('Draw plan', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Draw plan', { exact: true })).toBeVisible();
});

test('an inspector sees only their own menu', async ({ page }) => {
  await createProfile(page, '王执法', '执法人员', '35011000037');
  // An inspector lands on the cases synced to this device (none before enrolling at the hub).
  await expect(page.getByText('本机还没有案件。登记本机并同步后，抽中的检查案件会出现在这里。')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '检查案件' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '检查对象名录' })).toHaveCount(0);
});

test('a page that fails on damaged local data says what failed, keeps the menu, and the rest of the app works', async ({ page }) => {
  await createProfile(page, '张科长', '科室');
  await expect(page.getByTestId('list-count')).toBeVisible();
  // A draw without its result, as a damaged local database could hold it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tariffcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('draws', 'readwrite');
          tx.objectStore('draws').put({ id: 'damaged', drawnAt: '2026-11-23T01:00:00.000Z' });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto('/#/draws/damaged');
  await expect(page.getByText('这个页面出错了')).toBeVisible();
  await expect(page.getByTestId('page-error')).toContainText('TypeError');
  await expect(page.getByRole('menuitem', { name: '检查对象名录' })).toBeVisible();
  await screenshot(page, '09-page-failed');
  // Going elsewhere leaves the failed page behind.
  await page.getByRole('menuitem', { name: '检查对象名录' }).click();
  await expect(page.getByText('这个页面出错了')).toHaveCount(0);
  await expect(page.getByTestId('list-count')).toHaveText('显示 0 条，共 0 条');
});
