// The IPC channel names, shared by the preload (which invokes them) and ipc.ts (which handles them).
// Everything in PlatformApi except the constant `kind` crosses IPC, one fixed channel per method.
import type { PlatformApi } from '../../src-shared/platform-api';

export type IpcApi = Omit<PlatformApi, 'kind'>;
export type IpcMethod = keyof IpcApi;
export type IpcChannel = `tariffcheck:${IpcMethod}`;

export function channelOf(method: IpcMethod): IpcChannel {
  return `tariffcheck:${method}`;
}
