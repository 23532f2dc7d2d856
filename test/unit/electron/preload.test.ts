import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlatformApi } from '../../../src-shared/platform-api';
import { contextBridge, ipcRenderer } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

let exposed: { name: unknown; api: PlatformApi };

beforeAll(async () => {
  await import('../../../src-main/electron/preload');
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, PlatformApi];
  exposed = { name, api };
});

describe('preload', () => {
  it('exposes exactly one object, window.tariffcheck, with the PlatformApi methods and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposed.name).toBe('tariffcheck');
    expect(Object.keys(exposed.api).sort()).toEqual(['appInfo', 'kind', 'officeHub', 'openExternal', 'openFile', 'openSecret', 'printPage', 'saveFile', 'sealSecret']);
    expect(exposed.api.kind).toBe('electron');
  });

  it('sends every method on its own fixed channel', async () => {
    const data = Uint8Array.from([1]);
    await exposed.api.appInfo();
    await exposed.api.openFile({ title: 't', filters: [] });
    await exposed.api.saveFile({ title: 't', suggestedName: 'a.xlsx', filters: [], data });
    await exposed.api.printPage({ title: 't', suggestedName: 'a.pdf' });
    await exposed.api.openExternal('https://example.com/');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['tariffcheck:appInfo'],
      ['tariffcheck:openFile', { title: 't', filters: [] }],
      ['tariffcheck:saveFile', { title: 't', suggestedName: 'a.xlsx', filters: [], data }],
      ['tariffcheck:printPage', { title: 't', suggestedName: 'a.pdf' }],
      ['tariffcheck:openExternal', 'https://example.com/'],
    ]);
  });
});
