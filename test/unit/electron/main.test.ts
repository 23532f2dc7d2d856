import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

type ElectronMock = typeof import('./electron-mock');

// main.ts acts on import, so each test loads a fresh copy of it. The electron mock survives
// resetModules (vitest caches the factory's result), so it is fetched through 'electron' and wiped.
async function startMain(options: { lock: boolean }) {
  const electron = (await import('electron')) as unknown as ElectronMock;
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.ipcHandlers.clear();
  electron.BrowserWindow.instances.length = 0;
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock);
  await import('../../../src-main/electron/main');
  await Promise.resolve(); // let whenReady's callback run
  return electron;
}

beforeEach(() => {
  vi.resetModules();
});

describe('main process', () => {
  it('a second instance quits without opening a window or registering anything', async () => {
    const electron = await startMain({ lock: false });
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('the first instance hardens the session, registers IPC, sets the menu and opens one window', async () => {
    const electron = await startMain({ lock: true });
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const ses = electron.session.defaultSession;
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.ipcHandlers.size).toBe(8);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('guards every web contents created, and quits when the window is closed', async () => {
    const electron = await startMain({ lock: true });
    const contents = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
