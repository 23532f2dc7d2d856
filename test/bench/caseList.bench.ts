// The cases page (检查案件) over 100,000 cases (issue 14: counts and filters under 100 ms at 100,000 rows), in
// Chromium on the built web app served by the hub. The cases are written into the app's own database through
// its own openDb, so the page's filter column is kept by the same middleware as on a real device (db/derived.ts);
// an office's cases arrive by sync, which sync.bench.ts times.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dropDown, inPage, officeWithAppCode, putAway, requireWebBuild, type CountedPage } from './browser';
import { fmt, summary, type Timing } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_CASES_RUNS ?? 5);
const WARMUP = 1;
const PORT = Number(process.env.BENCH_CASES_PORT ?? 4521);
const HUB = `http://127.0.0.1:${PORT}`;
const DISTRICTS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '福清市', '闽侯县'];
const STATUSES = ['assigned', 'submitted', 'returned', 'approved'];

/** Cases of four draws and eight districts, a team of two of 400 inspectors, each district's statuses in turn. */
const PAGE_CODE = `
import { openDb } from './src-renderer/db/db';
const db = openDb();
const DISTRICTS = ${JSON.stringify(DISTRICTS)};
const STATUSES = ${JSON.stringify(STATUSES)};
const hex = (i, w) => i.toString(16).padStart(w, '0');
window.benchCases = async (n) => {
  for (let i = 0; i < n; i += 5000) {
    const cases = [];
    for (let j = i; j < Math.min(n, i + 5000); j++) {
      cases.push({
        id: '0190' + hex(j, 4) + '-0000-7000-8000-' + hex(j, 12), drawId: '01900000-0000-7000-8000-00000000000' + (j % 4),
        uscc: ('91350100MA' + hex(j, 8)).toUpperCase(), entityName: '福州某某商业广场' + j + '号有限公司', address: '福州市五四路' + j + '号',
        district: DISTRICTS[j % DISTRICTS.length], subdistrict: '东街街道', inspectors: ['FJ-' + (j % 400), 'FJ-' + ((j + 7) % 400)],
        status: STATUSES[Math.floor(j / DISTRICTS.length) % STATUSES.length], reviewNote: '', missingMedia: [], closedOn: null, version: 1,
      });
    }
    await db.cases.bulkPut(cases);
  }
};
`;

const count = (page: Page) => page.getByTestId('cases-count');
const CASES_PAGE: CountedPage = { count: '[data-testid="cases-count"]', rows: '.ant-table-row' };

interface Run {
  open: number;
  firstSearch: number;
  search: number;
  district: number;
  status: number;
  team: number;
  nextPage: number;
}

/** From the profile page: the cases opened, searched twice, filtered by district, status and team, paged. */
async function casesRun(page: Page): Promise<Run> {
  await page.goto(`${HUB}/#/profile`);
  await page.reload();
  const menu = page.getByRole('menuitem', { name: '检查案件' });
  await menu.waitFor();
  const open = await inPage(page, CASES_PAGE, 'mousedown', () => menu.click());
  await count(page).filter({ hasText: `共 ${CASES} 个` }).waitFor({ timeout: 60_000 });
  const search = page.getByRole('searchbox', { name: /名称/ });
  const firstSearch = await inPage(page, CASES_PAGE, 'input', () => search.fill('商业广场1234'));
  const second = await inPage(page, CASES_PAGE, 'input', () => search.fill('MA0000FF'));
  await inPage(page, CASES_PAGE, 'input', () => search.fill(''));
  const districtOption = await dropDown(page, '区', DISTRICTS[1]!);
  const district = await inPage(page, CASES_PAGE, 'mousedown', () => districtOption.click());
  const statusTag = page.getByTestId('status-counts').getByText(/已提交/);
  const status = await inPage(page, CASES_PAGE, 'mousedown', () => statusTag.click());
  const member = await dropDown(page, '检查组', 'FJ-0');
  const team = await inPage(page, CASES_PAGE, 'mousedown', () => member.click());
  const nextPage = await (async () => {
    const first = await page.locator('.ant-table-row').first().textContent();
    await page.evaluate(() => {
      const step = { t0: 0, ms: 0 };
      (window as unknown as { benchStep: typeof step }).benchStep = step;
      document.addEventListener('mousedown', () => void (step.t0 ||= performance.now()), { capture: true });
    });
    await page.getByTitle('2', { exact: true }).click();
    await page.waitForFunction((was) => document.querySelector('.ant-table-row')?.textContent !== was, first);
    return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - (window as unknown as { benchStep: { t0: number } }).benchStep.t0))));
  })();
  return { open, firstSearch, search: second, district, status, team, nextPage };
}

export default async function (): Promise<string> {
  requireWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'tariffcheck-bench-cases-'));
  const { browser, hub, page } = await officeWithAppCode(dir, PORT, PAGE_CODE);
  try {
    const f0 = performance.now();
    await page.evaluate((n) => (window as unknown as { benchCases(n: number): Promise<void> }).benchCases(n), CASES);
    const fillMs = performance.now() - f0;
    const runs: Run[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const run = await casesRun(page);
      if (i >= WARMUP) runs.push(run);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', `cases-${CASES}.png`), fullPage: true });
    const of = (pick: (r: Run) => number): Timing => summary(runs.map(pick));
    const goal = (t: Timing, ms: number) => `${fmt(t)} ${t.median < ms ? '✓' : '✗'}`;
    return [
      `## The cases page with ${CASES.toLocaleString('en-US')} cases (Chromium, the built web app served by the hub)`,
      '',
      `Each run reloads the app on 本机使用者 and clicks 检查案件 (20 cases a page). Timed in the page, from the click (mousedown) or keystroke (input event) to the frame after the count (显示 … 个，共 … 个) changed with rows on screen. ` +
        `Searches: “商业广场1234” (part of a name), then “MA0000FF” (part of a code). The filters add up: district ${DISTRICTS[1]}, then the status 已提交 (its count clicked), then the team member FJ-0. ` +
        `The cases were written through the app's database, their filter column with them, in ${(fillMs / 1000).toFixed(1)} s (setup, not timed below).`,
      '',
      '| step | time | goal |',
      '|---|---|---|',
      `| open: menu clicked → count of all, the counts per status and the first page on screen | ${goal(of((r) => r.open), 300)} | < 300 ms |`,
      `| first search after opening (the texts joined once per read) | ${fmt(of((r) => r.firstSearch))} | |`,
      `| search | ${goal(of((r) => r.search), 100)} | < 100 ms |`,
      `| filter by district | ${goal(of((r) => r.district), 100)} | < 100 ms |`,
      `| + status (its count clicked) | ${goal(of((r) => r.status), 100)} | < 100 ms |`,
      `| + team member | ${goal(of((r) => r.team), 100)} | < 100 ms |`,
      `| next page (its cases read by id) | ${fmt(of((r) => r.nextPage))} | |`,
      '',
    ].join('\n');
  } finally {
    await putAway(browser, hub, dir);
  }
}
