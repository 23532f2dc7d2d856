import { expect, test } from '@playwright/test';

test('the web build opens in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '电费检查通' })).toBeVisible();
});
