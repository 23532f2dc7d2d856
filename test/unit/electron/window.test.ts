import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererLocation } from '../../../src-main/electron/renderer-location';
import { createMainWindow, mainWindowOptions, preloadPath } from '../../../src-main/electron/window';
import { BrowserWindow } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

beforeEach(() => {
  BrowserWindow.instances.length = 0;
});

describe('main window', () => {
  it('is hardened: isolated, sandboxed, no Node, web security on', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs').webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('is titled 电费检查通, has a minimum size and waits to be painted before showing', () => {
    const options = mainWindowOptions('/p');
    expect(options).toMatchObject({ title: '电费检查通', minWidth: 1024, minHeight: 640, show: false });
  });

  it('loads the CommonJS preload built beside the main bundle', () => {
    expect(preloadPath('/app/out/main')).toBe(join('/app/out/preload/index.cjs'));
  });

  it('loads the app page and shows itself when ready', () => {
    const location = resolveRendererLocation({ devUrl: undefined, isPackaged: true, mainDir: '/app/out/main' });
    createMainWindow(location, '/app/out/main');
    const [win] = BrowserWindow.instances;
    expect(win?.options).toEqual(mainWindowOptions(join('/app/out/preload/index.cjs')));
    expect(win?.loadURL).toHaveBeenCalledWith('file:///app/out/renderer/index.html');
    expect(win?.show).not.toHaveBeenCalled();
    win?.emit('ready-to-show');
    expect(win?.show).toHaveBeenCalled();
  });

  it('keeps its own title when a page sets document.title', () => {
    const location = resolveRendererLocation({ devUrl: undefined, isPackaged: true, mainDir: '/app/out/main' });
    createMainWindow(location, '/app/out/main');
    const event = { preventDefault: vi.fn() };
    BrowserWindow.instances[0]?.emit('page-title-updated', event, '名单');
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
