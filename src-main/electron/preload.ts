// Runs sandboxed in the page's process before the page. It exposes exactly one object, the
// PlatformApi, each method bound to its own fixed channel: no generic send/invoke, no process.env.
import { contextBridge, ipcRenderer } from 'electron';
import type { PlatformApi } from '../../src-shared/platform-api';
import { channelOf, type IpcApi, type IpcMethod } from './channels';

// ipcRenderer.invoke is untyped; the main process's handlers are typed against the same IpcApi.
function call<K extends IpcMethod>(method: K, ...args: Parameters<IpcApi[K]>): ReturnType<IpcApi[K]> {
  return ipcRenderer.invoke(channelOf(method), ...args) as ReturnType<IpcApi[K]>;
}

const api = {
  kind: 'electron',
  appInfo: () => call('appInfo'),
  openFile: (options) => call('openFile', options),
  saveFile: (options) => call('saveFile', options),
  printPage: (options) => call('printPage', options),
  openExternal: (url) => call('openExternal', url),
  officeHub: () => call('officeHub'),
  sealSecret: (plain) => call('sealSecret', plain),
  openSecret: (sealed) => call('openSecret', sealed),
} satisfies PlatformApi;

contextBridge.exposeInMainWorld('tariffcheck', api);
