// Steps of the browser tests against a real hub: pairing codes, enrolling a browser, the network cut.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';

/** A pairing code for `username`, made with the office's token. */
export async function pairingCode(request: APIRequestContext, hub: string, officeToken: string, username: string): Promise<string> {
  const reply = await request.post(`${hub}/api/v1/pairing-codes`, { headers: { authorization: `Bearer ${officeToken}` }, data: { username } });
  return ((await reply.json()) as { code: string }).code;
}

/** Enrolls the browser at the hub through 同步's form. */
export async function enrollInBrowser(page: Page, hub: string, code: string, deviceName: string): Promise<void> {
  await page.goto(`${hub}/#/sync`);
  await page.getByLabel('配对码').fill(code);
  await page.getByLabel('本机名称').fill(deviceName);
  await page.getByRole('button', { name: /登\s?记/ }).click();
}

/** Cuts the network of the page and of its service worker. */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', (route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback()));
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*');
  await context.setOffline(false);
}
