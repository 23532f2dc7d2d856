import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../src-main/electron/ipc';
import { resolveRendererLocation } from '../../../src-main/electron/renderer-location';
import { dialog, FakeWebContents, ipcHandlers, safeStorage, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const location = resolveRendererLocation({ devUrl: undefined, isPackaged: true, mainDir: '/opt/电费检查通/resources/app.asar/out/main' });
const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];
let dir = '';

/** An IPC event as the main process sees it; by default from the app page's top frame. */
function eventFrom(url = location.url, options: { subframe?: boolean; noFrame?: boolean } = {}) {
  const senderFrame = options.noFrame ? null : { url, parent: options.subframe ? {} : null };
  return { senderFrame, sender: new FakeWebContents() };
}

function invoke(channel: string, event: ReturnType<typeof eventFrom>, ...args: unknown[]): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tariffcheck-ipc-'));
  registerIpcHandlers(location);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => vi.clearAllMocks());

describe('IPC channels', () => {
  it('has one fixed channel per PlatformApi method', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(
      [
        'tariffcheck:appInfo',
        'tariffcheck:officeHub',
        'tariffcheck:openExternal',
        'tariffcheck:openFile',
        'tariffcheck:openSecret',
        'tariffcheck:printPage',
        'tariffcheck:saveFile',
        'tariffcheck:sealSecret',
      ],
    );
  });
});

describe('sender check', () => {
  const foreign = [
    ['a web page', eventFrom('https://evil.example/')],
    ['another local file', eventFrom('file:///opt/%E7%94%B5%E8%B4%B9%E6%A3%80%E6%9F%A5%E9%80%9A/resources/app.asar/out/renderer/other.html')],
    ['a dev server URL in a packaged app', eventFrom('http://localhost:5173/')],
    ['a subframe of the app page', eventFrom(location.url, { subframe: true })],
    ['a frame that is gone', eventFrom(location.url, { noFrame: true })],
  ] as const;

  for (const [name, event] of foreign) {
    it(`refuses ${name} before looking at arguments or opening a dialog`, async () => {
      for (const channel of ipcHandlers.keys()) {
        await expect(invoke(channel, event, { title: 'x', filters: [] }), channel).rejects.toThrow(/refused/);
      }
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(shell.openExternal).not.toHaveBeenCalled();
    });
  }

  it('accepts the app page with a route and query, Chinese install folder and all', async () => {
    const event = eventFrom(`${location.url}?x=1#/lists`);
    await expect(invoke('tariffcheck:appInfo', event)).resolves.toEqual({ version: '0.1.0', platform: process.platform, hostName: hostname() });
  });
});

describe('argument validation', () => {
  const invalid: [string, unknown[]][] = [
    ['tariffcheck:appInfo', ['extra']],
    ['tariffcheck:openFile', []],
    ['tariffcheck:openFile', [{ title: 'x' }]],
    ['tariffcheck:openFile', [{ title: 'x', filters: XLSX, properties: ['multiSelections'] }]],
    ['tariffcheck:openFile', [{ title: 'x', filters: [{ name: 'x', extensions: ['xlsx;rm -rf'] }] }]],
    ['tariffcheck:openFile', [{ title: 'x'.repeat(201), filters: XLSX }]],
    ['tariffcheck:saveFile', [{ title: 'x', suggestedName: '../../.bashrc', filters: XLSX, data: new Uint8Array(1) }]],
    ['tariffcheck:saveFile', [{ title: 'x', suggestedName: 'C:\\Windows\\a.xlsx', filters: XLSX, data: new Uint8Array(1) }]],
    ['tariffcheck:saveFile', [{ title: 'x', suggestedName: 'a.xlsx', filters: XLSX, data: [1, 2, 3] }]],
    ['tariffcheck:saveFile', [{ title: 'x', suggestedName: 'a.xlsx', filters: XLSX, data: 'AQID' }]],
    ['tariffcheck:printPage', [{ title: 'x', suggestedName: '/tmp/x.pdf' }]],
    ['tariffcheck:printPage', [{ title: 'x', suggestedName: 'a\u0000b.pdf' }]],
    ['tariffcheck:openExternal', [42]],
    ['tariffcheck:openExternal', [`https://example.com/${'a'.repeat(3000)}`]],
    ['tariffcheck:openExternal', ['https://example.com/', 'second']],
  ];

  for (const [channel, args] of invalid) {
    it(`${channel} refuses ${JSON.stringify(args).slice(0, 80)}`, async () => {
      await expect(invoke(channel, eventFrom(), ...args)).rejects.toThrow(/invalid arguments/);
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(shell.openExternal).not.toHaveBeenCalled();
    });
  }
});

describe('openFile', () => {
  it('reads the file the user picked', async () => {
    const path = join(dir, '企业名单.xlsx');
    await writeFile(path, Uint8Array.from([80, 75, 3, 4]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = await invoke('tariffcheck:openFile', eventFrom(), { title: '导入名单', filters: XLSX });
    expect(result).toEqual({ name: '企业名单.xlsx', data: Uint8Array.from([80, 75, 3, 4]) });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: '导入名单', filters: XLSX, properties: ['openFile'] });
  });

  it('gives null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(invoke('tariffcheck:openFile', eventFrom(), { title: '导入名单', filters: XLSX })).resolves.toBeNull();
  });
});

describe('saveFile', () => {
  it('writes the bytes where the user chose, starting the dialog in Documents', async () => {
    const path = join(dir, '导出.xlsx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const ok = await invoke('tariffcheck:saveFile', eventFrom(), { title: '导出', suggestedName: '导出.xlsx', filters: XLSX, data: Uint8Array.from([1, 2, 3]) });
    expect(ok).toBe(true);
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({ title: '导出', defaultPath: join('/home/inspector/Documents', '导出.xlsx'), filters: XLSX });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives false and writes nothing when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const before = await readdir(dir);
    const ok = await invoke('tariffcheck:saveFile', eventFrom(), { title: '导出', suggestedName: 'a.xlsx', filters: XLSX, data: Uint8Array.from([1]) });
    expect(ok).toBe(false);
    expect(await readdir(dir)).toEqual(before);
  });
});

describe('printPage', () => {
  it('prints the sending page to PDF and saves it under a .pdf name', async () => {
    const path = join(dir, '检查记录.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const event = eventFrom();
    const ok = await invoke('tariffcheck:printPage', event, { title: '打印', suggestedName: '检查记录' });
    expect(ok).toBe(true);
    expect(event.sender.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect((await readFile(path, 'utf8')).startsWith('%PDF')).toBe(true);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/home/inspector/Documents', '检查记录.pdf') }));
  });

  it('does not print when the user cancels the save dialog', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const event = eventFrom();
    await expect(invoke('tariffcheck:printPage', event, { title: '打印', suggestedName: 'a.pdf' })).resolves.toBe(false);
    expect(event.sender.printToPDF).not.toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('opens https links and refuses the rest', async () => {
    await expect(invoke('tariffcheck:openExternal', eventFrom(), 'https://www.samr.gov.cn/')).resolves.toBe(true);
    for (const url of ['http://www.samr.gov.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share']) {
      await expect(invoke('tariffcheck:openExternal', eventFrom(), url), url).resolves.toBe(false);
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://www.samr.gov.cn/']]);
  });
});

describe('sealed secrets (the device token)', () => {
  const ok = eventFrom();
  const token = 'tc_dev_SECRET-1234';
  const sealedByOs = { scheme: 'os', value: Buffer.from('OSKEY:' + [...token].reverse().join('')).toString('base64') };

  it('seals with the OS key store and opens it again', async () => {
    const sealed = await invoke('tariffcheck:sealSecret', ok, token);
    expect(sealed).toEqual(sealedByOs);
    expect(JSON.stringify(sealed)).not.toContain(token);
    expect(await invoke('tariffcheck:openSecret', ok, sealed)).toBe(token);
  });

  it('stores it as it is, and says so, where the OS has no key store (Linux basic_text, or none at all)', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      expect(await invoke('tariffcheck:sealSecret', ok, token)).toEqual({ scheme: 'plain', value: token });
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    expect(await invoke('tariffcheck:sealSecret', ok, token)).toEqual({ scheme: 'plain', value: token });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('opens to null what this machine cannot decrypt, and a plain secret as it is', async () => {
    expect(await invoke('tariffcheck:openSecret', ok, { scheme: 'os', value: Buffer.from('another machine').toString('base64') })).toBeNull();
    safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    expect(await invoke('tariffcheck:openSecret', ok, sealedByOs)).toBeNull();
    expect(await invoke('tariffcheck:openSecret', ok, { scheme: 'plain', value: token })).toBe(token);
  });

  it('refuses malformed arguments before touching the key store', async () => {
    await expect(invoke('tariffcheck:sealSecret', ok, '')).rejects.toThrow(/invalid arguments/);
    await expect(invoke('tariffcheck:sealSecret', ok, 'x'.repeat(4097))).rejects.toThrow(/invalid arguments/);
    await expect(invoke('tariffcheck:openSecret', ok, { scheme: 'keychain', value: 'x' })).rejects.toThrow(/invalid arguments/);
    await expect(invoke('tariffcheck:openSecret', ok, { scheme: 'os', value: 'x', extra: 1 })).rejects.toThrow(/invalid arguments/);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
  });
});
