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
export async function createProfile(page: Page, name: string, role: '科室' | '组长' | '执法人员', certNo?: string, origin = '/'): Promise<void> {
  await page.goto(origin);
  await page.getByLabel('姓名').fill(name);
  await page.getByText(role, { exact: true }).click();
  if (certNo) await page.getByLabel('执法证号').fill(certNo);
  await page.getByRole('button', { name: '开始使用' }).click();
}

/**
 * Opens the import dialog of a list page and feeds it a file. The import button is looked up inside the
 * card titled with the list's name: a menu click renders the next page in a transition, and until that
 * commits the old page (whose import button has the same label) still takes clicks. Its dialog then
 * vanished with it, which CI saw twice.
 */
export async function importFile(page: Page, list: '检查对象名录' | '执法检查人员名录', path: string): Promise<void> {
  const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: list }) });
  await card.getByRole('button', { name: '导入 Excel' }).click();
  const dialog = page.getByRole('dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles(path);
}
