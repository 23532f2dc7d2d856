// A stand-in for the `electron` module (the binary cannot be installed here). Test files route
// `electron` to this with vi.mock('electron', () => import('./electron-mock')) and import the same
// objects from here to drive and inspect them.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** ipcMain.handle registrations, by channel. */
export const ipcHandlers = new Map<string, Listener>();

export const ipcMain = {
  handle: vi.fn((channel: string, listener: Listener) => {
    ipcHandlers.set(channel, listener);
  }),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  getVersion = vi.fn(() => '0.1.0');
  getPath = vi.fn((_name: string) => '/home/inspector/Documents');
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
}
export const app = new FakeApp();

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** Enough of WebContents for the guards: events, the window-open handler, printing. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static fromWebContents = vi.fn((_contents: unknown): BrowserWindow | null => null);
  readonly webContents = new FakeWebContents();
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  loadURL = vi.fn(async (_url: string) => undefined);

  constructor(readonly options: unknown) {
    super();
    BrowserWindow.instances.push(this);
  }
}

function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
}
export type FakeSession = ReturnType<typeof fakeSession>;
export const session = { defaultSession: fakeSession(), fake: fakeSession };

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => undefined) };

/** An event as will-navigate and will-redirect hand it to listeners. */
export function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

/** safeStorage with a fake OS key: "ciphertext" is the text reversed behind a marker, so tests can see it is not the plain text. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from('OSKEY:' + [...plain].reverse().join(''))),
  decryptString: vi.fn((cipher: Buffer) => {
    const text = cipher.toString();
    if (!text.startsWith('OSKEY:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return [...text.slice(6)].reverse().join('');
  }),
};

/** utilityProcess.fork records what it was asked to start; tests hand office mode their own child. */
export const utilityProcess = {
  fork: vi.fn((_modulePath: string, _args?: string[], _options?: unknown): unknown => {
    throw new Error('utilityProcess.fork is not available in tests: inject a fork');
  }),
};
