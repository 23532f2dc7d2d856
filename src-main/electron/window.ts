// The app's one window. Its web preferences are the security boundary between the page and the
// machine, so they are spelled out in full rather than left to Electron's defaults.
import { join } from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { RendererLocation } from './renderer-location';

export const WINDOW_TITLE = '电费检查通';

/** The preload is built as CommonJS beside the main bundle: a sandboxed preload cannot be ESM. */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    // Narrower than this and the list tables and the case form stop being usable.
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
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
    },
  };
}

export function createMainWindow(location: RendererLocation, mainDir: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath(mainDir)));
  // Shown once painted, so the inspector never sees a blank white frame.
  win.once('ready-to-show', () => win.show());
  // The taskbar keeps the app's name whatever page the router shows.
  win.on('page-title-updated', (event) => event.preventDefault());
  // loadURL with the very URL the sender check compares against (see renderer-location.ts).
  void win.loadURL(location.url);
  return win;
}
