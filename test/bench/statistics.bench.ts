// 统计分析 (issue 15): each view of the statistics page in Chromium on the built web app served by a real hub,
// over a city's year in the app's own tables — 4,000 targets, 2,040 cases (2,000 drawn, 40 complaints),
// 200,000 bill lines in the kept ledgers, findings, refund orders and events, 48,000 screened filings —
// and the pure aggregation in Node over the same world. Goal: each view under 500 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { statColumnsOf } from '../../src-shared/statistics/facts';
import { ALL_TIME } from '../../src-shared/statistics/period';
import { statisticsOf } from '../../src-shared/statistics/statistics';
import { targetPoints } from '../../src-shared/statistics/targets';
import { bigRefundFacts, bigStatisticsInput, bigStatisticsWorld, type BigWorld } from '../fixtures/statisticsBig';
import { createProfile, launchChromium, newLaptop, requireWebBuild, startHub, stopHub } from './browser';
import { fmt, summary, time, type Timing } from './stats';

const RUNS = Number(process.env.BENCH_STATISTICS_RUNS ?? 7);
const WARMUP = 2;
const PORT = Number(process.env.BENCH_STATISTICS_PORT ?? 4561);
const HUB = `http://127.0.0.1:${PORT}`;
const GOAL_MS = 500;
const CHUNK = 400;

/** Writes the world into the app's database as its tables hold it (setup, not timed); false for a table the build lacks. */
async function fill(page: Page, world: BigWorld): Promise<string[]> {
  const tables: [string, Record<string, unknown>[]][] = [
    ['entities', world.entities], ['draws', world.draws], ['cases', world.cases], ['records', world.records],
    ['refundOrders', world.refundOrders], ['refundEvents', world.refundEvents], ['filings', world.filings],
    // What the app's write paths derive in the same transaction (db/derived.ts).
    ['statColumns', statColumnsOf(world as unknown as Parameters<typeof statColumnsOf>[0]) as unknown as Record<string, unknown>[]],
    ['refundFacts', bigRefundFacts(world) as unknown as Record<string, unknown>[]],
  ];
  const stores = await page.evaluate(async () => {
    const open = indexedDB.open('tariffcheck');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Array.from(idb.objectStoreNames);
    idb.close();
    return names;
  });
  const skipped: string[] = [];
  for (const [name, rows] of tables) {
    if (!stores.includes(name)) {
      skipped.push(name);
      continue;
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      await page.evaluate(async ({ name, rows }) => {
        const open = indexedDB.open('tariffcheck');
        const idb: IDBDatabase = await new Promise((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = idb.transaction([name], 'readwrite');
          for (const r of rows) tx.objectStore(name).put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        idb.close();
      }, { name, rows: rows.slice(i, i + CHUNK) });
    }
  }
  return skipped;
}

/** Milliseconds, measured in the page, from going to `hash` until `selector` is in the document and a frame is painted. */
function timeView(page: Page, hash: string, selector: string): Promise<number> {
  return page.evaluate(async ({ hash, selector }) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    location.hash = hash;
    for (let i = 0; !document.querySelector(selector); i++) {
      if (i > 6000) throw new Error(`not shown: ${selector}`);
      await frame();
    }
    await frame();
    return performance.now() - t0;
  }, { hash, selector });
}

/** Leaves the page (so the next view mounts afresh and reads the database again). */
async function leave(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/profile'));
  await page.waitForFunction(() => !document.querySelector('[data-testid="statistics-filters"]') && document.querySelector('form'));
}

interface View {
  name: string;
  hash: string;
  selector: string;
}

function views(world: BigWorld): View[] {
  const ready = (query: Record<string, string>) => `[data-testid="statistics-ready"][data-filter="${new URLSearchParams(query).toString()}"]`;
  const plan = String(world.draws[0]!.id);
  return [
    { name: 'tables, everything (all plans, all time, all districts)', hash: '#/statistics', selector: `${ready({})} [data-testid="statistics-table-filings"] tbody tr` },
    { name: 'tables, one district (鼓楼区)', hash: `#/statistics?district=${encodeURIComponent('鼓楼区')}`, selector: `${ready({ district: '鼓楼区' })} [data-testid="statistics-table-filings"] tbody tr` },
    { name: 'tables, one plan (1,000 cases)', hash: `#/statistics?plan=${plan}`, selector: `${ready({ plan })} [data-testid="statistics-table-filings"] tbody tr` },
    { name: 'tables, one quarter (2026 Q2)', hash: '#/statistics?period=2026-Q2', selector: `${ready({ period: '2026-Q2' })} [data-testid="statistics-table-filings"] tbody tr` },
    { name: 'charts (4 ECharts), everything', hash: '#/statistics?tab=charts', selector: '[data-testid="statistics-charts"] > .ant-col:nth-child(4) canvas' },
    { name: 'map of the targets by result, everything', hash: '#/statistics?tab=map', selector: '[data-testid="statistics-map"] .leaflet-overlay-pane canvas' },
  ];
}

async function browserTimings(world: BigWorld): Promise<{ rows: [string, Timing][]; skipped: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tariffcheck-bench-statistics-'));
  let hub: ChildProcess | null = null;
  const browser = await launchChromium();
  try {
    hub = await startHub(join(dir, 'hub'), PORT);
    const context = await newLaptop(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await createProfile(page, HUB);
    const skipped = await fill(page, world);
    // Written behind the app's back: a reload, so no query answers from what it read before; then the figures checked.
    await page.reload();
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    for (const [key, text] of [['listed', '4,000'], ['drawn', '2,000'], ['targeted', '40']]) {
      await page.getByTestId(`statistics-card-${key}`).locator('.ant-statistic-content').filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 60_000 });
    }
    const rows: [string, Timing][] = [];
    for (const v of views(world)) {
      const ms: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        await leave(page);
        const t = await timeView(page, v.hash, v.selector);
        if (i >= WARMUP) ms.push(t);
      }
      rows.push([v.name, summary(ms)]);
    }
    await context.close();
    return { rows, skipped };
  } finally {
    await browser.close();
    if (hub) await stopHub(hub);
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<string> {
  requireWebBuild();
  const world = bigStatisticsWorld();
  const input = bigStatisticsInput(world);
  const filter = { drawId: null, period: ALL_TIME, district: null };
  const node = await time(() => statisticsOf(input, filter, '2026-12-06'), RUNS, WARMUP);
  const nodeMap = await time(() => targetPoints(input, filter), RUNS, WARMUP);
  const { rows, skipped } = await browserTimings(world);
  const mark = (t: Timing) => (t.median < GOAL_MS ? '✓' : '✗');
  return [
    '## Statistics (issue 15)',
    '',
    `The statistics page (统计分析) in Chromium on the built web app served by \`tariffcheck hub\`, over ${world.entities.length.toLocaleString('en-US')} targets in 16 districts, ` +
      `${world.cases.length.toLocaleString('en-US')} cases (2,000 drawn in two draws, 40 complaint cases), ${world.billLines.toLocaleString('en-US')} bill lines in ${input.ledgers.length.toLocaleString('en-US')} kept ledgers, ` +
      `${input.findings.length.toLocaleString('en-US')} findings, ${world.refundOrders.length} refund orders with ${world.refundEvents.length.toLocaleString('en-US')} events and ${world.filings.length.toLocaleString('en-US')} screened filings, written into the app's own tables. ` +
      'Each view is timed in the page from the address change to its last element shown and a frame painted: the page mounts, reads the database (targets, cases, ledgers, findings and filings from the facts kept column by column as they are written, refund orders from their standing) and computes on the main thread.' +
      (skipped.length ? ` Tables absent from this build and left empty: ${skipped.join(', ')}.` : ''),
    '',
    '| view | time |',
    '|---|---|',
    ...rows.map(([name, t]) => `| ${name} | ${fmt(t)} ${mark(t)} (goal < ${GOAL_MS} ms) |`),
    '',
    `The pure aggregation in Node over the same world (src-shared/statistics, every table, all time): ${fmt(node)}; the map's target points: ${fmt(nodeMap)}.`,
    '',
  ].join('\n');
}
