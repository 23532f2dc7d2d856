// Shared steps of the browser tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENS = join(process.cwd(), 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

/** A full-page screenshot to look at after the run (test-results/screens/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Toasts fade out after a few seconds; wait so they do not cover what the screen shows.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/** Writes bytes to a temporary file for a file chooser; returns its path. */
export function tempFile(name: string, data: Uint8Array): string {
  const dir = join(process.cwd(), 'test-results', 'files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Fills the first-run profile form. */
export async function createProfile(page: Page, name: string, role: '科室' | '组长' | '执法人员', certNo?: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('姓名').fill(name);
  await page.getByText(role, { exact: true }).click();
  if (certNo) await page.getByLabel('执法证号').fill(certNo);
  await page.getByRole('button', { name: '开始使用' }).click();
}

/** Opens the import dialog of the current list page and feeds it a file. */
export async function importFile(page: Page, path: string): Promise<void> {
  const choose = page.getByRole('button', { name: '选择文件…' });
  await page.getByRole('button', { name: '导入 Excel' }).click();
  // Seen once in CI right after the first-run profile: the dialog did not open (the click came while
  // the list page was still mounting). Click again rather than wait out the test.
  const opened = await choose.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
  if (!opened) await page.getByRole('button', { name: '导入 Excel' }).click();
  const chooser = page.waitForEvent('filechooser');
  await choose.click();
  await (await chooser).setFiles(path);
}
