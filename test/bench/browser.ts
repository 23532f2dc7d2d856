// Chromium on the built web app served by a real hub (the built CLI over PGlite): what the in-browser
// benches (app.bench.ts, screens.bench.ts) share. Only what a user sees is used to drive the app: menu
// names, labels, button texts and the list's count, so the benches keep working as the pages change.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FileChooser, type Page } from '@playwright/test';

const CLI = join(process.cwd(), 'bin', 'tariffcheck.cjs');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The built web app, which every browser bench serves. */
export const WEB_BUILD = join(process.cwd(), 'out', 'renderer');

export function requireWebBuild(): void {
  if (!existsSync(join(WEB_BUILD, 'index.html'))) throw new Error('build the app first (npm run build)');
}

/** Runs `tariffcheck ARGS` (stdin `input`) and returns its output; throws with its stderr on failure. */
export function cli(args: string[], input?: string): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tariffcheck ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Debian's Chromium where installed, else Playwright's own. */
export function launchChromium(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
  return chromium.launch({ executablePath, args: ARGS });
}

/** A new laptop: a fresh browser context (its own cache, storage and service worker) in China. */
export function newLaptop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** `tariffcheck hub` over the data folder on the port (serving `webRoot` when given), once it answers. */
export async function startHub(data: string, port: number, webRoot?: string): Promise<ChildProcess> {
  const web = webRoot ? ['--web', webRoot] : [];
  const hub = spawn(process.execPath, [CLI, 'hub', '--data', data, '--port', String(port), ...web], { stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false)) return hub;
    await new Promise((r) => setTimeout(r, 200));
  }
  hub.kill('SIGTERM');
  throw new Error('the hub did not start');
}

export async function stopHub(hub: ChildProcess): Promise<void> {
  if (hub.exitCode !== null) return;
  const exited = new Promise((resolve) => hub.once('exit', resolve));
  hub.kill('SIGTERM');
  await exited;
}

/** The first run of the app at `url`: an office profile, up to the office's menu. */
export async function createProfile(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('姓名').fill('陈科长');
  await page.getByText('科室', { exact: true }).click();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('menuitem', { name: '检查对象名录' }).waitFor();
}

/** The list's count once it names `n` (with or without thousands separators), e.g. 共 3830 条. */
export function countOf(n: number): RegExp {
  const digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,，]?');
  return new RegExp(`(^|\\D)${digits}(\\D|$)`);
}

/** The file chooser of the import dialog; asked again once when a busy machine swallowed the first click. */
async function chooseFile(page: Page): Promise<FileChooser> {
  const button = page.getByRole('dialog').getByRole('button', { name: '选择文件…' });
  for (let attempt = 0; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await button.click();
    try {
      return await chooser;
    } catch (e) {
      if (attempt > 0) throw e;
    }
  }
}

export interface ImportTimes {
  /** File chosen → the row report. */
  report: number;
  /** 导入 clicked → the list counts every row. */
  saved: number;
}

/**
 * Waits until an element matching `selector` (with text matching `text`, when given) is on screen, checked at
 * every frame in the page. Playwright's own waits retry at growing intervals, up to 500 ms apart: too coarse
 * to time a step of a few hundred milliseconds.
 */
export async function untilShown(page: Page, selector: string, text: RegExp | null = null, timeout = 60_000): Promise<void> {
  await page.waitForFunction(({ selector, source, flags }) => {
    const re = source === null ? null : new RegExp(source, flags);
    return Array.from(document.querySelectorAll(selector)).some((el) => el.getClientRects().length > 0 && (re === null || re.test(el.textContent ?? '')));
  }, { selector, source: text?.source ?? null, flags: text?.flags ?? '' }, { polling: 'raf', timeout });
}

/**
 * One list file through the import dialog of the list page `title` (检查对象名录 or 执法检查人员名录),
 * already open, into a list holding `before` rows: the report, then the `accepted` rows stored.
 */
export async function importThroughDialog(page: Page, title: string, file: string, accepted: number, before = 0, timeout = 60_000): Promise<ImportTimes> {
  const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
  await card.getByRole('button', { name: '导入 Excel' }).click();
  const chooser = await chooseFile(page);
  const t0 = performance.now();
  await chooser.setFiles(file);
  await untilShown(page, '.ant-modal button', new RegExp(`^导入 ?${accepted} ?条有效记录$`), timeout);
  const t1 = performance.now();
  await page.getByRole('button', { name: `导入 ${accepted} 条有效记录` }).click();
  await untilShown(page, '[data-testid="list-count"]', countOf(before + accepted), timeout);
  return { report: t1 - t0, saved: performance.now() - t1 };
}

/** The app's own modules, bundled for a page: evaluated through the debugging protocol (the app's CSP refuses inline scripts). */
export async function bundleForPage(code: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

/** Where a page shows its count and its rows (the lists' and the cases page's differ). */
export interface CountedPage {
  count: string;
  rows: string;
}

/**
 * Milliseconds, measured in the page, from the user's `event` (the key or click that `act` makes) until the
 * count says something new with a row (or the empty notice) on screen, at the next frame; Playwright's own
 * waiting before it clicks is left out.
 */
export async function inPage(page: Page, where: CountedPage, event: 'input' | 'mousedown', act: () => Promise<void>): Promise<number> {
  await page.evaluate(({ ev, count, rows }) => {
    const step = { t0: 0, ms: 0 };
    (window as unknown as { benchStep: typeof step }).benchStep = step;
    const text = () => document.querySelector(count)?.textContent ?? '';
    const before = text();
    document.addEventListener(ev, () => void (step.t0 ||= performance.now()), { capture: true });
    const seen = new MutationObserver(() => {
      if (!step.t0 || text() === before || !/\d/.test(text()) || !document.querySelector(`${rows}, .ant-empty`)) return;
      seen.disconnect();
      // Shown at the next frame.
      requestAnimationFrame(() => (step.ms = performance.now() - step.t0));
    });
    seen.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, { ev: event, ...where });
  await act();
  await page.waitForFunction(() => (window as unknown as { benchStep: { ms: number } }).benchStep.ms > 0, null, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { benchStep: { ms: number } }).benchStep.ms);
}

/** Opens a select's drop-down and waits until `title` can be clicked (the opening is not timed). */
export async function dropDown(page: Page, select: string, title: string) {
  await page.getByRole('combobox', { name: select, exact: true }).click();
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true });
  await option.waitFor();
  await page.waitForTimeout(400);
  return option;
}

/** A bench's browser, hub and data directory, all put away. */
export async function putAway(browser: Browser, hub: ChildProcess | null, dir: string): Promise<void> {
  await browser.close();
  if (hub) await stopHub(hub);
  rmSync(dir, { recursive: true, force: true });
}

/** A hub and Chromium for a bench, an office profile at `port` and the app's modules in `code` bundled into its page. */
export async function officeWithAppCode(dir: string, port: number, code: string): Promise<{ browser: Browser; hub: ChildProcess; page: Page }> {
  const browser = await launchChromium();
  let hub: ChildProcess | null = null;
  try {
    hub = await startHub(join(dir, 'hub'), port);
    const page = await (await newLaptop(browser)).newPage();
    await createProfile(page, `http://127.0.0.1:${port}`);
    // Evaluated through the debugging protocol: the app's CSP refuses inline scripts.
    await page.evaluate(await bundleForPage(code));
    return { browser, hub, page };
  } catch (e) {
    await putAway(browser, hub, dir);
    throw e;
  }
}
