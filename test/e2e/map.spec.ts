// The inspector's cases on a map (issue 12, item 1), with the network off: markers by status from the
// targets' coordinates, a scale, a case opened from its marker; an MBTiles package loaded from a file
// and drawn; the office's tile server cached around the cases while online and drawn from the device
// after an offline reload. A real hub sends the cases with their targets (and later the tile source).
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { defaultOfficeSettings } from '../../src-shared/inspection/officeSettings';
import { cachePlan } from '../../src-shared/map/tiles';
import { mbtilesFile, pngTile } from '../fixtures/mbtiles';
import { expect, test, watchBrowser } from './fixtures';
import { chooseFile, screenshot } from './helpers';
import { startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, goOnline, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_MAP_PORT ?? 4184);
const TILE_PORT = Number(process.env.E2E_TILE_PORT ?? 4185);
const HUB = `http://127.0.0.1:${PORT}`;
const TILE_URL = `http://127.0.0.1:${TILE_PORT}/{z}/{x}/{y}.png`;

// 福州市鼓楼区: three targets with coordinates, one without.
const TARGETS = [
  { uscc: '91350102MA2XXXX01A', name: '金鹰购物中心', address: '五四路 128 号', lng: 119.2965, lat: 26.0745 },
  { uscc: '91350102MA2XXXX02B', name: '东街口百货', address: '八一七北路 88 号', lng: 119.3001, lat: 26.0860 },
  { uscc: '91350102MA2XXXX03C', name: '温泉写字楼', address: '温泉支路 9 号', lng: 119.3095, lat: 26.0905 },
  { uscc: '91350102MA2XXXX04D', name: '湖东路商铺', address: '湖东路 20 号', lng: null, lat: null },
];

let field: FieldHub | undefined;
let tiles: Server | undefined;
/** Paths the tile server was asked for. */
const served: string[] = [];

/** A browser of its own for an inspector, enrolled and synced, on 检查案件. */
async function inspectorPage(browser: Browser, request: APIRequestContext, browserLog: string[], username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, HUB, await pairingCode(request, HUB, field!.officeToken, username), `${username} 的笔记本`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  // Installed and in control, so the offline reloads below open from the service worker's cache.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.goto(`${HUB}/#/cases`);
  await expect(page.getByTestId('cases-count')).toHaveText('显示 4 个，共 4 个');
  return { context, page };
}

/**
 * A file for the file chooser, in this test's own folder (test-results/ is emptied by any other
 * Playwright run starting meanwhile).
 */
function tempFile(name: string, bytes: Uint8Array): string {
  const path = join(field!.dir, name);
  writeFileSync(path, bytes);
  return path;
}

const tilePane = (page: Page) => page.locator('.leaflet-tile-pane');
/** Tiles drawn from where: package, cache, server, lower (a lower zoom enlarged) or none. */
const drawn = (page: Page, origin: string) => tilePane(page).locator(`.leaflet-tile-loaded[data-tile="${origin}"]`);

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'map', TARGETS);

  // A tile server: a pale blue PNG for any /z/x/y.png, readable cross-origin as real servers make it.
  const blue = pngTile([205, 222, 245], [150, 175, 215]);
  tiles = createServer((req, res) => {
    served.push(req.url ?? '');
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(blue);
  });
  await new Promise<void>((resolve) => tiles!.listen(TILE_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => (tiles ? tiles.close(resolve) : resolve(undefined)));
  field?.stop();
});

test('offline: the cases as markers on a grey map with a scale, a case opened from its marker, an MBTiles package loaded and drawn', async ({ browser, request, browserLog }) => {
  const { context, page } = await inspectorPage(browser, request, browserLog, 'wang');
  await goOffline(context);
  await page.locator('.ant-segmented').getByText('地图', { exact: true }).click();
  await expect(page).toHaveURL(/#\/cases\?view=map$/);

  // No tile server, no package: markers by status, the scale, the case without coordinates counted.
  const markers = page.locator('path.tc-case-marker');
  await expect(markers).toHaveCount(3);
  await expect(page.getByTestId('map-placed')).toHaveText('地图上 3 个案件');
  await expect(page.getByTestId('map-unplaced')).toHaveText('无坐标 1 个');
  await expect(page.locator('.leaflet-control-scale-line')).toHaveText(/\d+ (m|km)/);
  await expect(page.getByTestId('map-no-server')).toBeVisible();
  await expect(page.getByText('当前离线：只显示本机保存的地图')).toBeVisible();
  await expect(page.getByTestId('map-legend')).toContainText('待检查');
  // Assigned cases are blue (antd's blue-6), as their tags in the list.
  await expect(markers.first()).toHaveAttribute('fill', /^#1677ff$/i);
  await expect(drawn(page, 'none').first()).toBeAttached();
  await expect(tilePane(page).locator('img')).toHaveCount(0);
  await page.getByTestId('map-unplaced').hover();
  await expect(page.getByRole('link', { name: '湖东路商铺' })).toBeVisible();
  await page.mouse.move(5, 5);
  await screenshot(page, 'map-01-no-tiles');

  // A marker opens its popup; 打开案件 opens the case; back, the map again.
  await page.locator('path[aria-label="金鹰购物中心"]').click();
  const popup = page.getByTestId('map-popup');
  await expect(popup).toContainText('金鹰购物中心');
  await expect(popup).toContainText('五四路 128 号');
  await expect(page.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
  await screenshot(page, 'map-02-popup');
  await popup.getByRole('button', { name: '打开案件' }).click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
  await expect(page.locator('.ant-card-head-title').first()).toContainText('金鹰购物中心');
  await page.goBack();
  await expect(markers).toHaveCount(3);

  // A file that is no map package: refused, said why, nothing listed.
  await chooseFile(page, page.getByRole('button', { name: '加载地图包…' }), tempFile('not-a-map.mbtiles', pngTile([1, 2, 3])));
  await expect(page.getByTestId('map-package-problem')).toContainText('“not-a-map.mbtiles”不是 MBTiles 地图包');
  await expect(page.getByTestId('map-package')).toHaveCount(0);

  // An MBTiles package over the cases' area, zooms 10–15: every tile stored, listed, drawn.
  const green = pngTile([214, 236, 206], [160, 196, 150]);
  const area = cachePlan(TARGETS.filter((x) => x.lng !== null).map((x) => ({ lng: x.lng!, lat: x.lat! })), { minZoom: 10, maxZoom: 15, radius: 3000, cap: 10_000 });
  const packagePath = tempFile('鼓楼区-z10-15.mbtiles', await mbtilesFile({ tiles: area.tiles.map((x) => ({ ...x, bytes: green })), metadata: { name: '鼓楼区底图', format: 'png', attribution: '<b>福州市测绘院</b>' } }));
  await chooseFile(page, page.getByRole('button', { name: '加载地图包…' }), packagePath);
  const listed = page.getByTestId('map-package');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('鼓楼区-z10-15.mbtiles');
  await expect(listed).toContainText(`${area.tiles.length} 块，缩放级别 10–15`);
  await expect(drawn(page, 'package').first()).toBeAttached();
  await expect(tilePane(page).locator('[data-tile="package"] img[src^="blob:"]').first()).toBeAttached();
  expect(await drawn(page, 'none').count()).toBe(0);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('福州市测绘院');
  await expect(page.locator('.leaflet-control-attribution b')).toHaveCount(0);
  await page.mouse.move(5, 5);
  await screenshot(page, 'map-03-package');

  // Zoomed in past the package's zoom 15: its tiles enlarged, never an empty map.
  await page.locator('.leaflet-control-zoom-in').click();
  await expect(drawn(page, 'lower').first()).toBeAttached();
  expect(await drawn(page, 'none').count()).toBe(0);

  // The same file again is refused (a newer one goes in after removing the old), then removed.
  await chooseFile(page, page.getByRole('button', { name: '加载地图包…' }), packagePath);
  await expect(page.getByTestId('map-package-problem')).toContainText('已加载同名地图包');
  await listed.getByRole('button', { name: '移除' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(listed).toHaveCount(0);
  await expect(drawn(page, 'none').first()).toBeAttached();
  await expect(tilePane(page).locator('img')).toHaveCount(0);
  expect(served).toEqual([]);
  await context.close();
});

test('the office\'s tile server: tiles around the cases kept while online, drawn from the device after an offline reload', async ({ browser, request, browserLog }) => {
  await field!.officePush(request, 'putOfficeSettings', {
    settings: { ...defaultOfficeSettings(), tileSource: { url: TILE_URL, subdomains: '', attribution: '测试底图', minZoom: 3, maxZoom: 18 } },
  });
  const { context, page } = await inspectorPage(browser, request, browserLog, 'li');
  await page.locator('.ant-segmented').getByText('地图', { exact: true }).click();
  await expect(page.getByText(`在线底图：127.0.0.1:${TILE_PORT}`)).toBeVisible();
  // Online, the map draws from the server and keeps what it drew.
  await expect(drawn(page, 'server').first()).toBeAttached();
  await expect(page.locator('.leaflet-control-attribution')).toContainText('测试底图');

  // Zooms 10–16, 1 km around each of the three cases.
  const points = TARGETS.filter((x) => x.lng !== null).map((x) => ({ lng: x.lng!, lat: x.lat! }));
  const plan = cachePlan(points, { minZoom: 10, maxZoom: 16, radius: 1000, cap: 3000 });
  const coverage = page.getByTestId('tile-cache-coverage');
  await expect(coverage).toContainText(`/ ${plan.tiles.length} 块`);
  await page.getByRole('button', { name: '缓存案件周边地图' }).click();
  await expect(page.getByText(/^已缓存 \d+ 块地图$/)).toBeVisible();
  await expect(coverage).toHaveText(`已缓存 ${plan.tiles.length} / ${plan.tiles.length} 块`);
  await screenshot(page, 'map-04-server-cached');
  // Pressed again: nothing left to fetch.
  const asked = served.length;
  await page.getByRole('button', { name: '缓存案件周边地图' }).click();
  await expect(page.getByText('案件周边地图均已缓存')).toBeVisible();
  expect(served.length).toBe(asked);

  // Offline and reloaded: the same view drawn from the device, nothing asked of the server.
  await page.waitForTimeout(500); // the layer's own writes (batched every 300 ms)
  await goOffline(context);
  await page.reload();
  await expect(page.locator('path.tc-case-marker')).toHaveCount(3);
  await expect(page.getByText('当前离线：只显示本机保存的地图')).toBeVisible();
  await expect(tilePane(page).locator('[data-tile="cache"] img[src^="blob:"]').first()).toBeAttached();
  await expect(page.getByRole('button', { name: '缓存案件周边地图' })).toBeDisabled();
  // Every tile of the view settled: from the device, none fetched.
  await expect.poll(async () => (await tilePane(page).locator('.leaflet-tile:not(.leaflet-tile-loaded)').count())).toBe(0);
  expect(await drawn(page, 'server').count()).toBe(0);
  expect(served.length).toBe(asked);
  await page.mouse.move(5, 5);
  await screenshot(page, 'map-05-cached-offline');

  // Zoomed out beyond the cached zooms' area, the grey background stays plain: no broken image.
  await page.locator('.leaflet-control-zoom-out').click();
  await page.locator('.leaflet-control-zoom-out').click();
  await expect.poll(async () => (await tilePane(page).locator('.leaflet-tile:not(.leaflet-tile-loaded)').count())).toBe(0);
  expect(await tilePane(page).locator('img:not([src^="blob:"])').count()).toBe(0);
  await goOnline(context);
  await context.close();
});
