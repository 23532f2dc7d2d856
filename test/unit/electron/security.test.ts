import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserWindow as ElectronWindow, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererLocation } from '../../../src-main/electron/renderer-location';
import {
  acquireSingleInstance,
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  openExternalSafely,
  refusePermissions,
} from '../../../src-main/electron/security';
import { app, BrowserWindow, FakeWebContents, navigationEvent, session, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const location = resolveRendererLocation({ devUrl: undefined, isPackaged: true, mainDir: '/opt/tariffcheck/resources/app.asar/out/main' });
const appPage = 'file:///opt/tariffcheck/resources/app.asar/out/renderer/index.html';

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, location);
  return contents;
}

beforeEach(() => {
  vi.clearAllMocks();
  app.removeAllListeners();
});

describe('navigation guard', () => {
  it('denies navigation away from the app', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'file:///opt/tariffcheck/other.html']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets the app page navigate to itself', () => {
    const contents = hardened();
    const event = navigationEvent(`${appPage}?reload=1#/lists`);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies a redirect that leaves the app', () => {
    const contents = hardened();
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('never opens a window, and hands an https link to the system browser', async () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://www.samr.gov.cn/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://www.samr.gov.cn/'));
  });

  it('denies http, file and javascript links without opening anything', async () => {
    const contents = hardened();
    for (const url of ['http://example.com/', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('openExternalSafely', () => {
  it('opens https only', async () => {
    expect(await openExternalSafely('https://example.com/a?b=c')).toBe(true);
    expect(await openExternalSafely('http://example.com/')).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd')).toBe(false);
    expect(await openExternalSafely('javascript:alert(1)')).toBe(false);
    expect(await openExternalSafely('HTTPS://EXAMPLE.COM/')).toBe(true);
    expect(await openExternalSafely('https://www.gov.cn@evil.example/')).toBe(false);
    expect(await openExternalSafely('not a url')).toBe(false);
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a?b=c'], ['https://example.com/']]);
  });
});

describe('permissions', () => {
  const location = { kind: 'file' as const, path: '/app/out/renderer/index.html', url: 'file:///app/out/renderer/index.html' };
  const app = 'file:///app/out/renderer/index.html#/cases/1';

  it("gives the app's own page the camera (video only) and the position; refuses every other permission and every other page", () => {
    const fake = session.fake();
    refusePermissions(fake as unknown as Session, location);
    const [requestHandler] = fake.setPermissionRequestHandler.mock.calls[0] as [(c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void];
    const ask = (url: string, permission: string, details: unknown = {}) => {
      const callback = vi.fn();
      requestHandler({ getURL: () => url }, permission, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(ask(app, 'media', { mediaTypes: ['video'] })).toBe(true);
    expect(ask(app, 'geolocation')).toBe(true);
    expect(ask(app, 'media', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask(app, 'media', { mediaTypes: ['audio'] })).toBe(false);
    expect(ask(app, 'media', {})).toBe(false);
    for (const permission of ['notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(ask(app, permission), permission).toBe(false);
    expect(ask('https://evil.example/', 'media', { mediaTypes: ['video'] })).toBe(false);
    expect(ask('file:///etc/other.html', 'geolocation')).toBe(false);
    const [checkHandler] = fake.setPermissionCheckHandler.mock.calls[0] as [(...args: unknown[]) => boolean];
    expect(checkHandler({ getURL: () => app }, 'media', 'file://', { mediaType: 'video' })).toBe(true);
    expect(checkHandler({ getURL: () => app }, 'media', 'file://', { mediaType: 'audio' })).toBe(false);
    expect(checkHandler(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
  });
});

describe('Content-Security-Policy header', () => {
  it('adds the policy to every response and keeps the other headers', () => {
    const fake = session.fake();
    applyContentSecurityPolicy(fake as unknown as Session);
    const [listener] = fake.webRequest.onHeadersReceived.mock.calls[0] as [(details: unknown, cb: (r: unknown) => void) => void];
    const callback = vi.fn();
    listener({ url: 'http://127.0.0.1:5173/', responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('is strict: no inline or eval script (WebAssembly only, for the documents\' font subsetter), no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('matches the meta tag in src-renderer/index.html, so the two never drift apart', () => {
    const html = readFileSync(resolve(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    // frame-ancestors only works as a header; browsers ignore it (with a console error) in a meta tag.
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('single instance', () => {
  it('quits the second instance at once', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(acquireSingleInstance(() => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first window forward when a second launch is attempted', () => {
    const win = new BrowserWindow({});
    win.isMinimized.mockReturnValue(true);
    expect(acquireSingleInstance(() => win as unknown as ElectronWindow)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['tariffcheck'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});
