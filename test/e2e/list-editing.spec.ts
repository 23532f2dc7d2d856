// Adding, editing, deactivating and filtering by hand, with the importer's own checks on the form.
import { expect, test } from './fixtures';
import { createProfile, screenshot } from './helpers';

test('office adds, fixes, edits, deactivates and filters a target by hand', async ({ page }) => {
  await createProfile(page, '张科长', '科室');
  await page.getByRole('button', { name: '新增' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await dialog.getByLabel('名称', { exact: true }).fill('福州万象城');
  await dialog.getByLabel('区', { exact: true }).fill('鼓楼区');
  await dialog.getByLabel('街镇').fill('东街街道');
  await dialog.getByLabel('联系电话').fill('0591-8765');
  await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(dialog.getByText('校验位错误')).toBeVisible();
  await expect(dialog.getByText('格式不正确：“0591-8765”')).toBeVisible();
  await screenshot(page, '08-add-target-errors');

  await dialog.getByLabel('统一社会信用代码').fill('91350100m000100y43');
  await dialog.getByLabel('联系电话').fill('0591-87654321');
  await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: '91350100M000100Y43' });
  await expect(row).toContainText('福州万象城');

  await row.getByRole('button', { name: /^编\s?辑$/ }).click();
  await expect(page.getByRole('dialog').getByLabel('统一社会信用代码')).toBeDisabled();
  await page.getByRole('dialog').getByLabel('名称', { exact: true }).fill('福州万象城（二期）');
  await page.getByRole('dialog').getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(row).toContainText('福州万象城（二期）');

  await row.getByRole('button', { name: /^停\s?用$/ }).click();
  await expect(row).toContainText('已停用');
  await page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('二期');
  await expect(page.getByTestId('list-count')).toHaveText('显示 1 条，共 1 条');
  await page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('不存在');
  await expect(page.getByTestId('list-count')).toHaveText('显示 0 条，共 1 条');
});
