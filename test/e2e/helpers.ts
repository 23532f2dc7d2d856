// Shared steps of the browser tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

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
  await chooseFile(page, page.getByRole('dialog').getByRole('button', { name: '选择文件…' }), path);
}

/**
 * Clicks a button that opens the system file chooser and gives it a file. Headless Chromium under
 * load sometimes drops the chooser of a click (CI saw it once in ~40 runs: the click landed, no
 * chooser came, the test timed out); a second click then opens it. Three clicks at most, so a
 * button that never opens a chooser still fails the test.
 */
export async function chooseFile(page: Page, button: Locator, path: string | string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await button.click();
    try {
      await (await chooser).setFiles(path);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`no file chooser after click ${attempt} on ${String(button)}; clicking again`);
    }
  }
}

/**
 * Clicks an option of the open Select drop-down: by its exact title (the option's text) or by text it
 * holds. Only once the drop-down has finished sliding open: an option pressed while
 * it moves can lose the release to the list behind it, and then nothing is chosen (CI saw a team member
 * and a target picked that way stay unpicked).
 */
export async function pickOption(page: Page, option: string | { holding: string }): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
  const item = (typeof option === 'string' ? dropdown.locator('.ant-select-item-option').and(page.getByTitle(option, { exact: true })) : dropdown.locator('.ant-select-item-option', { hasText: option.holding })).first();
  await item.waitFor();
  const owner = item.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-dropdown ")]');
  await expect(owner).not.toHaveClass(/-(appear|enter)(\s|$|-)/);
  await item.click();
}
