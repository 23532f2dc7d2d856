// Screens in Chromium (issue 14): what a person waits for in the built web app, served by a real hub (the
// built CLI over PGlite) — cold start to the first screen against a static page of the same text served
// by the same hub (the floor), the target list with 3,830 and 100,000 targets (open, search, filter), the
// import of the 3,841-row list, the draw, and a reload without network. Driven only through what a user
// sees (menu names, labels, placeholders, the list's count), so it outlives changes to the pages.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { exportList } from '../../src-shared/lists/exportList';
import { syncUiMessages } from '../../src-renderer/i18n/syncUi';
import { uiMessages } from '../../src-renderer/i18n/ui';
import { messyEntityList, syntheticInspectors } from '../fixtures/listFiles';
import { syntheticLists } from '../fixtures/synthetic';
import { WEB_BUILD, countOf, createProfile, importThroughDialog, launchChromium, newLaptop, requireWebBuild, startHub, stopHub, untilShown, type ImportTimes } from './browser';
import { fmt, summary, type Timing } from './stats';

const ROWS = 3841;
const SPOILED = 11;
// BENCH_SCREENS_RUNS and BENCH_SCREENS_BIG make a quick trial of the bench itself possible.
const BIG = Number(process.env.BENCH_SCREENS_BIG ?? 100_000);
const RUNS = Number(process.env.BENCH_SCREENS_RUNS ?? 5);
const BIG_DRAW_RUNS = Math.min(RUNS, 3);
const WARMUP = 1;
const PORT = Number(process.env.BENCH_SCREENS_PORT ?? 4511);
const HUB = `http://127.0.0.1:${PORT}`;
const BASELINE = 'first-screen-baseline.html';
const TARGETS = '检查对象名录';
const INSPECTORS = '执法检查人员名录';
const DISTRICT = '鼓楼区';
const LONG = 10 * 60_000;
const zh = { ...uiMessages['zh-CN'], ...syncUiMessages['zh-CN'] };
const WELCOME = zh['profile.welcome']!;

/** One laptop holding a list, kept open across runs. */
interface Dataset {
  targets: number;
  context: BrowserContext;
  page: Page;
  /** What a user types to find a target: the start of one target's name. */
  fragment: string;
}

// ---- the first screen -------------------------------------------------------------------------------

/** The welcome page's text as plain HTML: what any page must at least cost to show it. */
function baselinePage(): string {
  const t = (key: string) => zh[key]!;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>电费检查通 TariffCheck</title></head>
<body style="margin:0;min-height:100vh;display:grid;place-items:center;background:#f0f2f5;font-family:sans-serif">
<main style="max-width:520px;width:100%;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:16px">${WELCOME}</h1>
<p>${t('profile.intro')}</p><p><a href="#/sync">${t('profile.enrollInstead')}</a></p>
<p><label>${t('profile.name')}<br><input></label></p>
<p>${t('profile.role')}<br><label><input type="radio" name="r" checked>${t('role.office')}</label> <label><input type="radio" name="r">${t('role.lead')}</label> <label><input type="radio" name="r">${t('role.inspector')}</label></p>
<p><label>${t('profile.district')}<br><input placeholder="${t('profile.districtHint')}"></label></p>
<button>${t('profile.start')}</button>
</main></body></html>
`;
}

/**
 * Milliseconds from the navigation's start until `text` is in the page, checked in the page at every frame
 * from its first script on (the same clock and check for the static page and the app).
 */
async function firstScreen(browser: Browser, url: string, text: string): Promise<number> {
  const context = await newLaptop(browser);
  const page = await context.newPage();
  try {
    await page.addInitScript((text) => {
      const w = window as unknown as { benchShown?: number };
      const check = () => {
        if (document.body?.textContent?.includes(text)) w.benchShown = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, text);
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(() => (window as unknown as { benchShown?: number }).benchShown, undefined, { timeout: 60_000 });
    return (await shown.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

interface Size {
  bytes: number;
  gzip: number;
}

const sizeOf = (files: string[]): Size => {
  const data = files.map((f) => readFileSync(join(WEB_BUILD, f)));
  return { bytes: data.reduce((s, d) => s + d.length, 0), gzip: data.reduce((s, d) => s + gzipSync(d).length, 0) };
};
const kB = (s: Size) => `${(s.bytes / 1000).toFixed(0)} kB (${(s.gzip / 1000).toFixed(0)} kB gzipped)`;

/** The entry chunk, and everything index.html has the browser fetch before the first screen can run. */
function entrySizes(): { entry: string; entrySize: Size; upFront: Size; files: number } {
  const html = readFileSync(join(WEB_BUILD, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const linked = [...html.matchAll(/<link rel="(?:modulepreload|stylesheet)"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!);
  return { entry, entrySize: sizeOf([entry]), upFront: sizeOf([entry, ...linked]), files: linked.length + 1 };
}

// ---- helpers on a kept laptop -------------------------------------------------------------------------

/**
 * Opens `hash` as on a first visit: no HTTP cache, no service worker, no Cache Storage (the lists stay in
 * IndexedDB); then waits until the page has settled (the service worker installed and its precache
 * fetched), so the step timed next does not share the machine with that download.
 */
async function openCold(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin: HUB, storageTypes: 'cache_storage,service_workers' });
  await cdp.detach();
  await page.goto(`${HUB}/${hash}`);
  await page.getByRole('menuitem', { name: TARGETS }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 60_000))]));
}

/** Starts collecting the window's long tasks (PerformanceObserver), forgetting earlier ones. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTasks?: { observer: PerformanceObserver; tasks: number[] } };
    w.benchTasks?.observer.disconnect();
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    w.benchTasks = { observer, tasks };
  });
}

/** The longest task since watchLongTasks (0 when none reached 50 ms). */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { observer, tasks } = (window as unknown as { benchTasks: { observer: PerformanceObserver; tasks: number[] } }).benchTasks;
    for (const entry of observer.takeRecords()) tasks.push(entry.duration);
    observer.disconnect();
    return Math.max(0, ...tasks);
  });
}

/** The list's count names `n` and a target's code is on screen (the list shows rows). */
async function untilListShown(page: Page, n: number): Promise<void> {
  await untilShown(page, '[data-testid="list-count"]', countOf(n));
  await untilShown(page, '.lean-body-row');
}

const listCount = (page: Page) => page.getByTestId('list-count');

/**
 * From `act` until the list's count says something else (with a number in it): as Playwright sees it (ms, its
 * round trip included) and in the page (inPage: from the first input or click event `act` fires to the frame
 * whose rAF callback follows the count's change, the time a person waits for the screen to answer). The page's
 * probe is set before `act` and is a MutationObserver: polling from Playwright would run its own script on the
 * window's thread while the page answers, and count it.
 */
async function untilCountChanges(page: Page, act: () => Promise<void>): Promise<{ ms: number; inPage: number }> {
  await page.evaluate(() => {
    const count = () => document.querySelector('[data-testid="list-count"]')?.textContent ?? '';
    const before = count();
    let input = 0;
    const mark = (e: Event) => void (input ||= e.timeStamp);
    const types = ['input', 'click'];
    for (const type of types) document.addEventListener(type, mark, { capture: true });
    (window as unknown as { benchShown: Promise<number> }).benchShown = new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('the list count did not change within 60 s')), 60_000);
      const seen = new MutationObserver(() => {
        const text = count();
        if (text === before || !/\d/.test(text)) return;
        seen.disconnect();
        clearTimeout(late);
        types.forEach((type) => document.removeEventListener(type, mark, { capture: true }));
        if (!input) reject(new Error('no input or click event reached the page'));
        else requestAnimationFrame(() => resolve(performance.now() - input));
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  const t0 = performance.now();
  await act();
  const inPage = await page.evaluate(() => (window as unknown as { benchShown: Promise<number> }).benchShown);
  return { ms: performance.now() - t0, inPage };
}

interface Step {
  ms: number;
  longest: number;
  /** For a search or filter: the time measured in the page (untilCountChanges). */
  inPage?: number;
}

/** `act`'s time and the longest main-thread task meanwhile. */
async function step(page: Page, act: () => Promise<number>): Promise<Step> {
  await watchLongTasks(page);
  const ms = await act();
  return { ms, longest: await longestTask(page) };
}

/** A search or filter: its times (untilCountChanges) and the longest main-thread task meanwhile. */
async function countStep(page: Page, act: () => Promise<void>): Promise<Step> {
  await watchLongTasks(page);
  const { ms, inPage } = await untilCountChanges(page, act);
  return { ms, inPage, longest: await longestTask(page) };
}

// ---- the target list ----------------------------------------------------------------------------------

interface ListRun {
  open: Step;
  search: Step;
  filter: Step;
  /** Playwright's part of the search and filter figures: a bare input filled, a bare button clicked (harnessFloor). */
  floor: { fill: number; click: number };
}

/**
 * The harness's floor under "search" and "filter": the same Playwright action (fill, click) on a bare element
 * that nothing listens to, then one evaluate, as untilCountChanges makes after its action. What the app adds
 * is the step's figure less this; the in-page figure measures it directly.
 */
async function harnessFloor(page: Page, text: string): Promise<{ fill: number; click: number }> {
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'bench-floor';
    box.style.cssText = 'position:fixed;top:0;left:0;z-index:10000;background:#fff';
    box.innerHTML = '<input aria-label="bench floor"><button type="button">bench floor</button>';
    document.body.append(box);
  });
  const time = async (act: () => Promise<void>) => {
    const t0 = performance.now();
    await act();
    await page.evaluate(() => Promise.resolve(0));
    return performance.now() - t0;
  };
  const fill = await time(() => page.getByLabel('bench floor').fill(text));
  const click = await time(() => page.getByRole('button', { name: 'bench floor' }).click());
  await page.evaluate(() => document.getElementById('bench-floor')?.remove());
  return { fill, click };
}

/** From another page: the list opened from the menu, searched, then filtered by district. */
async function listRun(d: Dataset): Promise<ListRun> {
  const { page } = d;
  await openCold(page, '#/profile');
  const open = await step(page, async () => {
    const t0 = performance.now();
    await page.getByRole('menuitem', { name: TARGETS }).click();
    await untilListShown(page, d.targets);
    return performance.now() - t0;
  });
  const all = await listCount(page).textContent();
  const search = page.getByPlaceholder(/^名称/);
  const searched = await countStep(page, () => search.fill(d.fragment));
  await search.fill('');
  await page.waitForFunction((text) => document.querySelector('[data-testid="list-count"]')?.textContent === text, all, { timeout: 60_000 });
  await page.getByRole('combobox', { name: '区', exact: true }).click();
  // The district's entry in the open drop-down (table cells carry the same title).
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(DISTRICT, { exact: true });
  await option.waitFor();
  // Only once the drop-down has finished sliding open: Playwright waits for a moving target to settle before
  // clicking it, which the step would otherwise count.
  await option.click({ trial: true });
  const filtered = await countStep(page, () => option.click());
  return { open, search: searched, filter: filtered, floor: await harnessFloor(page, d.fragment) };
}

// ---- the draw -----------------------------------------------------------------------------------------

interface DrawRun {
  commit: Step;
  draw: Step;
}

/** A new plan at 50 %: its commitment (both lists hashed), then the draw up to its result on screen. */
async function drawRun(d: Dataset, run: number): Promise<DrawRun> {
  const { page } = d;
  await openCold(page, '#/draw');
  await page.getByLabel('计划名称').fill(`基准抽查 ${d.targets} 第 ${run + 1} 次`);
  await page.getByLabel('抽查比例').fill('50');
  const commit = await step(page, async () => {
    const t0 = performance.now();
    await page.getByRole('button', { name: '生成抽查承诺' }).click();
    await untilShown(page, '[data-testid="commitment"]', null, LONG);
    return performance.now() - t0;
  });
  await page.getByLabel('随机种子 · 见证人 1').fill(`2026-12-06 见证人 ${run}-7-1-8`);
  const draw = await step(page, async () => {
    const t0 = performance.now();
    await page.getByRole('button', { name: '开始抽取' }).click();
    await untilShown(page, '[data-testid="draw-record"]', null, LONG);
    return performance.now() - t0;
  });
  return { commit, draw };
}

// ---- offline -----------------------------------------------------------------------------------------

/** Reloads of the target list with the network off, until its rows show; the service worker installed first. */
async function offlineReloads(d: Dataset, runs: number): Promise<Timing> {
  const { page, context } = d;
  await page.goto('about:blank');
  await page.goto(`${HUB}/#/lists/entities`);
  await listCount(page).filter({ hasText: countOf(d.targets) }).waitFor({ timeout: 60_000 });
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const ms: number[] = [];
  for (let i = 0; i < runs + WARMUP; i++) {
    // The service worker's own fetches go past setOffline (see test/e2e/offline-reload.spec.ts).
    await context.setOffline(true);
    await context.route('**/*', (route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback()));
    const t0 = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await untilListShown(page, d.targets);
    if (i >= WARMUP) ms.push(performance.now() - t0);
    await context.unrouteAll();
    await context.setOffline(false);
  }
  return summary(ms);
}

// ---- setting the laptops up ------------------------------------------------------------------------------

/** Imports of the 3,841-row list, each on a new laptop; the last laptop is kept, its inspectors added. */
async function importRuns(browser: Browser, dir: string): Promise<{ times: ImportTimes[]; small: Dataset }> {
  const list = await messyEntityList({ seed: 2024, good: ROWS - SPOILED });
  const inspectors = syntheticInspectors(300, 2024);
  const listFile = join(dir, 'targets-3841.xlsx');
  const inspectorFile = join(dir, 'inspectors-300.xlsx');
  writeFileSync(listFile, list.bytes);
  writeFileSync(inspectorFile, await exportList('inspectors', inspectors));
  const times: ImportTimes[] = [];
  for (let i = 0; ; i++) {
    const context = await newLaptop(browser);
    const page = await context.newPage();
    await createProfile(page, HUB);
    const t = await importThroughDialog(page, TARGETS, listFile, list.accepted.length);
    if (i >= WARMUP) times.push(t);
    if (i < WARMUP + RUNS - 1) {
      await context.close();
      continue;
    }
    await page.getByRole('menuitem', { name: INSPECTORS }).click();
    await importThroughDialog(page, INSPECTORS, inspectorFile, inspectors.length);
    const fragment = list.accepted[0]!.value.name.slice(0, 6);
    return { times, small: { targets: list.accepted.length, context, page, fragment } };
  }
}

/** A laptop with 100,000 targets and 5,000 inspectors, imported once through the dialogs (timed once). */
async function bigLaptop(browser: Browser, dir: string): Promise<{ big: Dataset; imported: ImportTimes }> {
  const lists = syntheticLists({ seed: 2025, entities: BIG, inspectors: 5_000, districts: 16, subdistrictsPerDistrict: 8 });
  const listFile = join(dir, 'targets-100000.xlsx');
  const inspectorFile = join(dir, 'inspectors-5000.xlsx');
  writeFileSync(listFile, await exportList('entities', lists.entities));
  writeFileSync(inspectorFile, await exportList('inspectors', lists.inspectors));
  const context = await newLaptop(browser);
  const page = await context.newPage();
  await createProfile(page, HUB);
  const imported = await importThroughDialog(page, TARGETS, listFile, BIG, 0, LONG);
  await page.getByRole('menuitem', { name: INSPECTORS }).click();
  await importThroughDialog(page, INSPECTORS, inspectorFile, lists.inspectors.length, 0, LONG);
  return { big: { targets: BIG, context, page, fragment: lists.entities[0]!.name.slice(0, 6) }, imported };
}

// ---- the report --------------------------------------------------------------------------------------

interface Figures {
  lists: ListRun[];
  draws: DrawRun[];
  offline: Timing;
}

async function measure(d: Dataset, drawRuns: number): Promise<Figures> {
  const lists: ListRun[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const run = await listRun(d);
    if (i >= WARMUP) lists.push(run);
  }
  const draws: DrawRun[] = [];
  for (let i = 0; i < drawRuns + WARMUP; i++) {
    const run = await drawRun(d, i);
    if (i >= WARMUP) draws.push(run);
  }
  return { lists, draws, offline: await offlineReloads(d, RUNS) };
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const ok = (yes: boolean) => (yes ? '✓' : '✗');
const steps = <R>(runs: R[], pick: (r: R) => Step) => ({ time: summary(runs.map((r) => pick(r).ms)), longest: summary(runs.map((r) => pick(r).longest)) });
/** Time, and the longest main-thread task as median (max). */
const cell = (s: { time: Timing; longest: Timing }) => `${fmt(s.time)}; longest task ${ms(s.longest.median)} (max ${ms(s.longest.max)})`;

function section(o: { cold: Timing; floor: Timing; sizes: ReturnType<typeof entrySizes>; imports: ImportTimes[]; bigImport: ImportTimes; small: Figures; big: Figures; small3830: number; load: number[]; fragments: [string, string] }): string {
  const { small, big } = o;
  const list = (f: Figures, k: 'open' | 'search' | 'filter') => steps(f.lists, (r) => r[k]);
  const draw = (f: Figures, k: keyof DrawRun) => steps(f.draws, (r) => r[k]);
  const reported = summary(o.imports.map((t) => t.report));
  const saved = summary(o.imports.map((t) => t.saved));
  const bigOpen = list(big, 'open');
  const bigSearch = list(big, 'search');
  const bigFilter = list(big, 'filter');
  const inPage = (f: Figures, k: 'search' | 'filter') => summary(f.lists.map((r) => r[k].inPage!));
  const harness = (f: Figures, k: 'fill' | 'click') => summary(f.lists.map((r) => r.floor[k]));
  const bigSearchIn = inPage(big, 'search');
  const bigFilterIn = inPage(big, 'filter');
  const smallDraw = draw(small, 'draw');
  const bigDraw = draw(big, 'draw');
  const n = o.small3830.toLocaleString('en-US');
  const bigN = BIG.toLocaleString('en-US');
  return [
    '## Screens in Chromium (issue 14)',
    '',
    `Written by \`npm run bench -- screens\` (test/bench/screens.bench.ts). Debian's Chromium headless on the built web app, served by \`tariffcheck hub\` over PGlite on 127.0.0.1. ` +
      `Machine: ${availableParallelism()} cores (\`nproc\`), ${cpus()[0]?.model ?? 'unknown CPU'}; ${new Date().toISOString().slice(0, 10)}; load average when the run began ${o.load.map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min). ` +
      `Times are median (min–max, n runs after ${WARMUP} warm-up). The first screens are timed in the page, from the navigation's start until the text is in the document, checked at every frame (the same for the static page). ` +
      'Every other step is timed by Playwright from its action until what it waits for is on screen, checked in the page at every frame (Playwright\'s own waits retry up to 500 ms apart), so each includes a round trip; search and filter are also timed in the page, from the input or click event to the frame that follows the new count (a MutationObserver set before the action), and the harness\'s own part of them is timed on a bare input and button. ' +
      'Cold: the first screen and each import on a new browser context; every list and draw run reopens its page after clearing the HTTP cache, the service worker and Cache Storage (the lists stay in IndexedDB), and starts once the page has settled (service worker installed). ' +
      'Long tasks: PerformanceObserver, main thread, 50 ms and over (0 = none).',
    '',
    `First screen: the entry chunk \`${o.sizes.entry}\` is ${kB(o.sizes.entrySize)}; with what index.html preloads before the first screen (${o.sizes.files} files, scripts and CSS) ${kB(o.sizes.upFront)}.`,
    '',
    '| what | figure | goal (issue 14) |',
    '|---|---|---|',
    `| floor: a static page with the welcome page's text, served by the same hub, new context: navigation start → text in the page | ${fmt(o.floor)} | |`,
    `| cold start: new context: navigation start → the first-run welcome page (${WELCOME}) in the page | ${fmt(o.cold)} | under 1 s ${ok(o.cold.median < 1000)} |`,
    `| import the 3,841-row list (${n} valid): file chosen → the row report | ${fmt(reported)} | under 1 s ${ok(reported.median < 1000)} |`,
    `| import the 3,841-row list: 导入 clicked → saved (the list counts every row) | ${fmt(saved)} | under 1 s ${ok(saved.median < 1000)} |`,
    `| import ${bigN} targets (once, to set up): report / saved | ${ms(o.bigImport.report)} / ${ms(o.bigImport.saved)} | |`,
    '',
    `${TARGETS}: open = from 本机使用者, the menu item clicked → the count of every row and a row on screen; search = “${o.fragments[0]}” / “${o.fragments[1]}” (the start of a target's name) typed → the count changed; filter = 区 ${DISTRICT} chosen → the count changed. ` +
      'Draw: a new 50 % plan over every district (team of 2), its commitment (生成抽查承诺 → the commitment shown), then 开始抽取 → the result page with its record shown.',
    '',
    `| what | ${n} targets | ${bigN} targets | goal (issue 14) |`,
    '|---|---|---|---|',
    `| open the list | ${cell(list(small, 'open'))} | ${cell(bigOpen)} | 100,000: under 300 ms ${ok(bigOpen.time.median < 300)} |`,
    `| search by name | ${cell(list(small, 'search'))} | ${cell(bigSearch)} | 100,000: under 100 ms ${ok(bigSearch.time.median < 100)} |`,
    `| filter by district | ${cell(list(small, 'filter'))} | ${cell(bigFilter)} | 100,000: under 100 ms ${ok(bigFilter.time.median < 100)} |`,
    `| floor under search / filter: Playwright's fill of a bare input / click of a bare button, then one evaluate | ${fmt(harness(small, 'fill'))} / ${fmt(harness(small, 'click'))} | ${fmt(harness(big, 'fill'))} / ${fmt(harness(big, 'click'))} | |`,
    `| search by name, in the page: the input event → the frame with the new count | ${fmt(inPage(small, 'search'))} | ${fmt(bigSearchIn)} | 100,000: under 100 ms ${ok(bigSearchIn.median < 100)} |`,
    `| filter by district, in the page: the option's click → the frame with the new count | ${fmt(inPage(small, 'filter'))} | ${fmt(bigFilterIn)} | 100,000: under 100 ms ${ok(bigFilterIn.median < 100)} |`,
    `| draw: commitment | ${cell(draw(small, 'commit'))} | ${cell(draw(big, 'commit'))} | |`,
    `| draw: click → result | ${cell(smallDraw)} | ${cell(bigDraw)} | ${n}: under 500 ms ${ok(smallDraw.time.median < 500)}; 100,000: under 2 s ${ok(bigDraw.time.median < 2000)}, no task over 100 ms ${ok(bigDraw.longest.max <= 100)} |`,
    `| reload with the network off → the list with its rows | ${fmt(small.offline)} | ${fmt(big.offline)} | under 1.5 s: ${n} ${ok(small.offline.median < 1500)}, ${bigN} ${ok(big.offline.median < 1500)} |`,
    '',
  ].join('\n');
}

export default async function (): Promise<string> {
  requireWebBuild();
  const load = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'tariffcheck-bench-screens-'));
  // The web build with one more file, the floor's static page, served by the same hub.
  const web = join(dir, 'web');
  cpSync(WEB_BUILD, web, { recursive: true });
  writeFileSync(join(web, BASELINE), baselinePage());
  const browser = await launchChromium();
  let hub: ChildProcess | null = null;
  const laptops: Dataset[] = [];
  try {
    hub = await startHub(join(dir, 'hub'), PORT, web);
    const cold: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const f = await firstScreen(browser, `${HUB}/${BASELINE}`, WELCOME);
      const c = await firstScreen(browser, `${HUB}/`, WELCOME);
      if (i < WARMUP) continue;
      floor.push(f);
      cold.push(c);
    }
    const { times, small } = await importRuns(browser, dir);
    laptops.push(small);
    const smallFigures = await measure(small, RUNS);
    await small.context.close();
    const { big, imported } = await bigLaptop(browser, dir);
    laptops.push(big);
    const bigFigures = await measure(big, BIG_DRAW_RUNS);
    return section({
      cold: summary(cold), floor: summary(floor), sizes: entrySizes(), imports: times, bigImport: imported,
      small: smallFigures, big: bigFigures, small3830: small.targets, load, fragments: [small.fragment, big.fragment],
    });
  } finally {
    for (const d of laptops) await d.context.close().catch(() => undefined);
    await browser.close();
    if (hub) await stopHub(hub);
    rmSync(dir, { recursive: true, force: true });
  }
}
