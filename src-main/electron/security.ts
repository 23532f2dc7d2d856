// The hardening every web page of the app gets: no navigation away, no new windows, no webviews,
// no permissions, a CSP header, and one running instance. Installed once, from main.ts.
import { app, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { isExternalLinkAllowed } from '../../src-shared/platform-api';
import { isAppUrl, type RendererLocation } from './renderer-location';

/**
 * Must stay equal to the meta tag in src-renderer/index.html (a test compares them). Under file://
 * the meta tag is what Chromium enforces; the header covers pages served over http (the dev
 * server) and stays in force should the meta tag ever be dropped.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self' http: https:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
  "form-action 'none'; frame-ancestors 'none'";

/** Opens a link in the system browser if the shared rule allows it; returns whether it did. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isExternalLinkAllowed(url)) return false;
  // The parsed form, so the OS handler sees exactly the URL that was checked.
  await shell.openExternal(new URL(url).href);
  return true;
}

/** Keeps a page on the app: navigation elsewhere, redirects, new windows and webviews are refused. */
export function hardenWebContents(contents: WebContents, location: RendererLocation): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(location, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(location, event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link with target=_blank becomes a request for a new window: hand https ones to the
  // system browser, and never let the app itself open a second window.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, location, notifications or clipboard reads; every request is refused. */
export function refusePermissions(session: Session, location: RendererLocation): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(mayUse(location, permission, contents.getURL(), details as { mediaTypes?: string[] })));
  session.setPermissionCheckHandler((contents, permission, origin, details) => mayUse(location, permission, contents?.getURL() ?? origin, details as { mediaType?: string }));
}

/**
 * The camera (video only: photos of meters and notices) and the position (where a photo was taken) for
 * the app's own page; everything else, and any other page, is refused.
 */
export function mayUse(location: RendererLocation, permission: string, url: string, details: { mediaTypes?: string[]; mediaType?: string }): boolean {
  if (!isAppUrl(location, url)) return false;
  if (permission === 'geolocation') return true;
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? (details.mediaType ? [details.mediaType] : []);
  return types.length > 0 && types.every((m) => m === 'video');
}

/** Adds the CSP header to every response the session receives. */
export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/**
 * Takes the single-instance lock. A second launch quits at once (two instances would share one
 * IndexedDB) and brings the first window forward instead. Returns false in the instance that quits.
 */
export function acquireSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
