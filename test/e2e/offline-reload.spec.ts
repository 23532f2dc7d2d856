import { expect, test } from './fixtures';
import type { Response } from '@playwright/test';
import { createProfile, screenshot } from './helpers';

// The web build's service worker precaches the app shell: a page reloaded without network opens
// again, on the data it keeps in IndexedDB.
test('a reload without network still opens the app with its data', async ({ page, context }) => {
  await createProfile(page, '陈科长', '科室');
  await expect(page.getByRole('menuitem', { name: '本机使用者' })).toBeVisible();

  // Installed and activated; one reload so the page is certainly under its control.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);

  // Something new in IndexedDB, written through the UI.
  await page.goto('/#/profile');
  await page.getByLabel('姓名').fill('陈科长（离线）');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // No network, for the page and for the service worker's own fetches.
  await context.setOffline(true);
  await context.route('**/*', (route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback()));
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  const reloaded = await page.reload();

  // The shell came from the service worker's cache, not from the server.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByText('电费检查通').first()).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '本机使用者' })).toBeVisible();
  await expect(page.getByText('陈科长（离线）').first()).toBeVisible();
  await page.goto('/#/profile');
  await expect(page.getByLabel('姓名')).toHaveValue('陈科长（离线）');
  expect(responses.length).toBeGreaterThan(0);
  expect(responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
  await screenshot(page, '40-offline-reload');
});
