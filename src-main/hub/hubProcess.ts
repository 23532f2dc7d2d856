// The office hub's own process (an Electron utilityProcess): the main process, which serves the
// window, never runs the hub's requests, PGlite or draws. It speaks typed messages with its parent:
// start (with the same HubStartOptions the CLI builds) → started | failed, stop → stopped.
import { z } from 'zod';
import { hubStartSchema, startHub, type RunningHub } from '../cli/commands/hub';

export const toHubSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), options: hubStartSchema }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type ToHub = z.input<typeof toHubSchema>;

export interface StartedHub {
  /** Where laptops on the LAN reach it, and where the app itself does. */
  lan: string[];
  address: string;
  storeKind: string;
}

export type FromHub = { type: 'started'; hub: StartedHub } | { type: 'failed'; message: string } | { type: 'stopped' };

/** The part of Electron's `process.parentPort` (or any message port) the hub process uses. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: FromHub): void;
}

/** Answers the parent's messages: one hub at a time; anything that is not a known message is ignored. */
export function serveHubProcess(port: ParentPortLike): void {
  let running: RunningHub | null = null;
  port.on('message', ({ data }) => {
    const message = toHubSchema.safeParse(data);
    if (!message.success) return;
    void (async () => {
      if (message.data.type === 'stop') {
        await running?.close();
        running = null;
        port.postMessage({ type: 'stopped' });
        return;
      }
      try {
        running ??= await startHub(message.data.options);
        port.postMessage({ type: 'started', hub: { lan: running.lan, address: running.address, storeKind: running.storeKind } });
      } catch (e) {
        port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
  });
}

// In Electron's utility process `process.parentPort` exists; elsewhere this module only exports.
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) serveHubProcess(parentPort);
