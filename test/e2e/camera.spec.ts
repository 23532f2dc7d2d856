// Evidence from the device's camera (issue 12), offline: 拍照 opens the camera in a dialog, 拍摄 keeps the
// frame as a JPEG (its SHA-256, the capture time, the device's position), the camera is released when the
// dialog closes, and the photo is still there after a reload. A camera refused or absent is said in Chinese.
// Chromium's fake camera (a test pattern) stands in for a real one; the fake UI grants it without a prompt.
import { existsSync } from 'node:fs';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { screenshot } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_CAMERA_PORT ?? 4185);
const HUB = `http://127.0.0.1:${PORT}`;
const CASE = FIELD_TARGET.name;
const debianChromium = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));

test.use({
  launchOptions: {
    ...(debianChromium ? { executablePath: debianChromium } : {}),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    ],
  },
});

let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'camera');
});

test.afterAll(() => field?.stop());

/** Every camera stream the page opens, kept where the test can ask whether its tracks were stopped. */
function watchStreams(): void {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) return;
  const open = media.getUserMedia.bind(media);
  const streams: MediaStream[] = [];
  (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = streams;
  media.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    streams.push(stream);
    return stream;
  };
}

const liveTracks = (page: Page) => page.evaluate(() => (window as unknown as { cameraStreams?: MediaStream[] }).cameraStreams?.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length ?? 0);

/** An inspector's laptop enrolled at the hub, holding the case, then cut off; the case's photo tab open. */
async function laptopWithCase(context: BrowserContext, request: APIRequestContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await enrollInBrowser(page, HUB, await pairingCode(request, HUB, field!.officeToken, username), `${username} 的笔记本`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${HUB}/#/cases`);
  await expect(page.getByText(CASE)).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await goOffline(context);
  await expect(page.getByTestId('sync-badge')).toContainText('离线');
  await page.getByText(CASE).click();
  await page.getByRole('tab', { name: '照片证据' }).click();
  return page;
}

test('a photo taken with the camera offline is kept with its SHA-256, time and position, the camera released, and still there after a reload', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, geolocation: { latitude: 26.0745, longitude: 119.2965, accuracy: 20 }, permissions: ['geolocation'] });
  watchBrowser(context, browserLog);
  await context.addInitScript(watchStreams);
  const page = await laptopWithCase(context, request, 'wang');
  await page.getByLabel('说明', { exact: true }).fill('配电房总表铭牌');
  await page.getByRole('button', { name: '拍照' }).click();
  const dialog = page.getByRole('dialog', { name: '拍照取证' });
  await expect(dialog).toBeVisible();
  // The fake camera plays its test pattern; the device's position is offered with the shot.
  await expect.poll(() => dialog.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && v.readyState >= 2)).toBe(true);
  await expect(dialog.getByTestId('camera-position')).toHaveText('本机位置 26.07450, 119.29650（随照片保存）');
  await screenshot(page, '76-camera-dialog');
  // A click on the mask does not close the dialog (maskClosable off): a stray tap loses nothing.
  await page.mouse.click(10, 10);
  await expect(dialog).toBeVisible();
  const before = Date.now();
  await dialog.getByRole('button', { name: /拍\s?摄/ }).click();
  await expect(dialog.getByTestId('camera-taken')).toHaveText('本次已拍摄并保存 1 张');
  const after = Date.now();
  await expect(page.getByText(/^已保存照片：拍照-\d{8}-\d{6}\.jpg$/)).toBeVisible();
  expect(await liveTracks(page)).toBe(1);
  await dialog.getByRole('button', { name: /完\s?成/ }).click();
  await expect(dialog).toHaveCount(0);
  // Closing the dialog stopped the camera.
  expect(await liveTracks(page)).toBe(0);

  const photo = page.getByTestId('photo');
  await expect(photo).toHaveCount(1);
  await expect(photo).toContainText('配电房总表铭牌');
  await expect(photo).toContainText('位置 26.07450, 119.29650');
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);
  // What is stored: the JPEG's own bytes under their SHA-256, the capture time, the position from the device.
  const kept = await page.evaluate(async () => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('tariffcheck');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T,>(store: string): Promise<T[]> => new Promise((resolve, reject) => {
      const req = idb.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result as T[]);
      req.onerror = () => reject(req.error);
    });
    const photos = (await all<{ kind: string; data: { sha256: string; name: string; type: string; size: number; takenAt: string; position: unknown } }>('records')).filter((r) => r.kind === 'photo');
    const blob = (await all<{ sha256: string; bytes: Uint8Array; type: string }>('blobs')).find((b) => b.sha256 === photos[0]?.data.sha256);
    const digest = blob ? [...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(blob.bytes)))].map((b) => b.toString(16).padStart(2, '0')).join('') : null;
    const queued = (await all<{ name: string }>('outbox')).map((m) => m.name);
    idb.close();
    return { photos: photos.map((p) => p.data), digest, jpeg: blob ? [...blob.bytes.slice(0, 3)] : null, blobType: blob?.type, blobSize: blob?.bytes.length, queued };
  });
  expect(kept.photos).toHaveLength(1);
  const data = kept.photos[0]!;
  expect(data.name).toMatch(/^拍照-\d{8}-\d{6}\.jpg$/);
  expect(data.type).toBe('image/jpeg');
  expect(kept.digest).toBe(data.sha256);
  expect(kept.jpeg).toEqual([0xff, 0xd8, 0xff]);
  expect(kept.blobSize).toBe(data.size);
  expect(Date.parse(data.takenAt)).toBeGreaterThanOrEqual(before - 1000);
  expect(Date.parse(data.takenAt)).toBeLessThanOrEqual(after);
  expect(data.position).toEqual({ lat: 26.0745, lng: 119.2965, source: 'device' });
  expect(kept.queued).toContain('addRecord');
  await expect(photo).toContainText(`SHA-256 ${data.sha256.slice(0, 12)}…`);
  await screenshot(page, '77-camera-photo-kept');

  // A reload, still offline: the photo and its thumbnail are there.
  await page.reload();
  await page.getByRole('tab', { name: '照片证据' }).click();
  await expect(photo).toHaveCount(1);
  await expect(photo).toContainText(`SHA-256 ${data.sha256.slice(0, 12)}…`);
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);
  await context.close();
});

test('a refused camera is explained in Chinese, and no camera button shows where the browser has no camera API', async ({ browser, request, browserLog }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  // The user (or the system) says no: getUserMedia rejects as browsers do.
  await context.addInitScript(() => {
    if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const page = await laptopWithCase(context, request, 'li');
  await page.getByRole('button', { name: '拍照' }).click();
  const dialog = page.getByRole('dialog', { name: '拍照取证' });
  await expect(dialog.getByTestId('camera-problem')).toHaveText('无法使用摄像头：没有得到使用摄像头的许可。请在浏览器或系统设置中允许本应用使用摄像头，或改用“选择照片…”添加照片文件。');
  await expect(dialog.getByRole('button', { name: /拍\s?摄/ })).toBeDisabled();
  await screenshot(page, '78-camera-refused');
  await dialog.getByRole('button', { name: /完\s?成/ }).click();
  await expect(page.getByTestId('photo')).toHaveCount(0);

  // Without the camera API (plain http on a LAN address, an old browser) the button is not offered.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined }));
  await page.reload();
  await page.getByRole('tab', { name: '照片证据' }).click();
  await expect(page.getByRole('button', { name: '选择照片…' })).toBeVisible();
  await expect(page.getByRole('button', { name: '拍照' })).toHaveCount(0);
  await context.close();
});
