import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveRendererLocation } from '../../../src-main/electron/renderer-location';

const mainDir = '/opt/电费检查通/resources/app.asar/out/main';

describe('renderer location', () => {
  it('is the built index.html beside the main bundle', () => {
    expect(resolveRendererLocation({ devUrl: undefined, isPackaged: false, mainDir })).toEqual({
      kind: 'file',
      path: '/opt/电费检查通/resources/app.asar/out/renderer/index.html',
      url: 'file:///opt/%E7%94%B5%E8%B4%B9%E6%A3%80%E6%9F%A5%E9%80%9A/resources/app.asar/out/renderer/index.html',
    });
  });

  it('uses the dev server only in an unpackaged app', () => {
    expect(resolveRendererLocation({ devUrl: 'http://localhost:5173', isPackaged: false, mainDir })).toEqual({ kind: 'dev', url: 'http://localhost:5173' });
    expect(resolveRendererLocation({ devUrl: 'https://evil.example', isPackaged: true, mainDir }).kind).toBe('file');
  });
});

describe('isAppUrl', () => {
  const file = resolveRendererLocation({ devUrl: undefined, isPackaged: true, mainDir });
  const dev = resolveRendererLocation({ devUrl: 'http://localhost:5173', isPackaged: false, mainDir });

  it('accepts the app page, with any route or query, however the path is encoded', () => {
    expect(isAppUrl(file, file.url)).toBe(true);
    expect(isAppUrl(file, `${file.url}#/draw?id=1`)).toBe(true);
    expect(isAppUrl(file, 'file:///opt/电费检查通/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5173/#/lists')).toBe(true);
  });

  it('refuses other files, other origins and nonsense', () => {
    expect(isAppUrl(file, 'file:///opt/电费检查通/resources/app.asar/out/renderer/evil.html')).toBe(false);
    expect(isAppUrl(file, 'file:///opt/电费检查通/resources/app.asar/out/renderer/index.html/../../../../etc/passwd')).toBe(false);
    expect(isAppUrl(file, 'file://server/opt/电费检查通/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isAppUrl(file, 'https://example.com/index.html')).toBe(false);
    expect(isAppUrl(file, 'not a url')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'https://localhost:5173/')).toBe(false);
  });
});
