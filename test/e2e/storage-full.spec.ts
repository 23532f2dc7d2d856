// A full disk while storing: nothing is half-written, the user reads why in Chinese, and the same work
// goes in once there is room again. The browser's refusal is simulated where it would come from:
// IndexedDB's put throws QuotaExceededError, in the import's worker, which stores the rows it checked.
import { exportList } from '../../src-shared/lists/exportList';
import { syntheticEntities } from '../fixtures/listFiles';
import { expect, test } from './fixtures';
import { createProfile, importFile, screenshot, tempFile } from './helpers';

test('a list import meeting a full disk stores nothing, says why, and goes in once there is room', async ({ page }) => {
  const rows = syntheticEntities(30, 41).map((e) => ({ ...e, active: true }));
  const path = tempFile('targets-30.xlsx', await exportList('entities', rows));
  await createProfile(page, '张科长', '科室');
  await importFile(page, '检查对象名录', path);
  await expect(page.getByRole('button', { name: '导入 30 条有效记录' })).toBeEnabled();
  // The disk fills for the window and for the worker holding the checked rows.
  const fill = () => {
    const put = IDBObjectStore.prototype.put;
    (self as unknown as { restorePut: () => void }).restorePut = () => void (IDBObjectStore.prototype.put = put);
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'entities') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  };
  const worker = page.workers().find((w) => w.url().includes('import.worker'));
  expect(worker).toBeDefined();
  await worker!.evaluate(fill);
  await page.evaluate(fill);
  await page.getByRole('button', { name: '导入 30 条有效记录' }).click();
  await expect(page.getByText('本机存储空间已满，这次的内容没有保存（已保存的内容不受影响）。请释放磁盘空间后重试。')).toBeVisible();
  await screenshot(page, '80-storage-full');
  await expect(page.getByTestId('list-count')).toHaveText('显示 0 条，共 0 条');
  // Room again: the worker that failed is gone; the window stores the rows it was shown.
  await page.evaluate(() => (self as unknown as { restorePut: () => void }).restorePut());
  await page.getByRole('button', { name: '导入 30 条有效记录' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('显示 30 条，共 30 条');
  // Nothing of the refused attempt was queued: one import, 30 rows, one mutation.
  await expect(page.getByTestId('sync-badge')).toContainText('待同步 1');
});
