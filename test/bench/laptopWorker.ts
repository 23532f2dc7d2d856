// The fleet bench's laptops in worker threads: each worker holds some of the 50 laptops (Dexie on
// fake-indexeddb, the renderer's own sync code) and syncs all of them at once when told, so that the
// laptops share the machine's cores the way the real ones each have their own.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { workerCalls } from './workerCalls';
import { syncOnce } from '../../src-renderer/sync/engine';
import { HubClient, type Fetch } from '../../src-renderer/sync/hubClient';
import { addRecord } from '../../src-renderer/sync/mutators';
import type { TariffDb } from '../../src-renderer/db/db';
import { discard, laptop, reading, type Device } from './syncWorld';

interface LaptopsRequest {
  kind: 'laptops';
  base: string;
  devices: Device[];
  /** The case each device writes its records to. */
  caseIds: string[];
}

type Command = { do: 'sync' } | { do: 'write'; round: number; perDevice: number } | { do: 'outbox' } | { do: 'close' };

/** What one 'sync' gives back: the whole time, push latencies as each laptop saw them, and failures. */
export interface SyncRound {
  ms: number;
  latencies: number[];
  errors: string[];
}

type Reply = { type: 'ready' } | { type: 'synced'; round: SyncRound } | { type: 'done' } | { type: 'outbox'; counts: number[] } | { type: 'failed'; message: string };

/** A group of laptops in one worker thread. */
export interface LaptopGroup {
  sync(): Promise<SyncRound>;
  write(round: number, perDevice: number): Promise<void>;
  outboxCounts(): Promise<number[]>;
  close(): Promise<void>;
}

/** Starts a worker of `script` (this bundle) holding a laptop per device. */
export async function startLaptops(script: URL, base: string, devices: Device[], caseIds: string[]): Promise<LaptopGroup> {
  const request: LaptopsRequest = { kind: 'laptops', base, devices, caseIds };
  const worker = new Worker(script, { workerData: request });
  const calls = workerCalls<Reply>(worker, 'laptops');
  const ready = await calls.next();
  if (ready.type !== 'ready') throw new Error(`laptops: unexpected ${ready.type}`);
  return {
    sync: async () => (await calls.ask({ do: 'sync' } satisfies Command, 'synced')).round,
    write: async (round, perDevice) => void (await calls.ask({ do: 'write', round, perDevice } satisfies Command, 'done')),
    outboxCounts: async () => (await calls.ask({ do: 'outbox' } satisfies Command, 'outbox')).counts,
    async close() {
      await calls.ask({ do: 'close' } satisfies Command, 'done');
      await worker.terminate();
    },
  };
}

/** True when this thread was started by startLaptops. */
export function isLaptopWorker(): boolean {
  return parentPort !== null && (workerData as LaptopsRequest | undefined)?.kind === 'laptops';
}

/** Syncs every laptop at once; times each POST /push from sending to its answer read whole. */
export async function syncAll(base: string, devices: readonly Device[], dbs: readonly TariffDb[]): Promise<SyncRound> {
  const latencies: number[] = [];
  const timed: Fetch = async (input, init) => {
    if (!input.endsWith('/api/v1/push')) return fetch(input, init);
    const t0 = performance.now();
    const response = await fetch(input, init);
    const body = await response.text();
    latencies.push(performance.now() - t0);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const t0 = performance.now();
  const settled = await Promise.allSettled(dbs.map((db, i) => syncOnce(db, new HubClient(base, devices[i]!.token, timed))));
  const ms = performance.now() - t0;
  const errors: string[] = [];
  for (const s of settled) {
    if (s.status === 'rejected') errors.push(String(s.reason instanceof Error ? s.reason.message : s.reason));
    else if (s.value.rejected || s.value.mismatched.length) errors.push(`rejected ${s.value.rejected}, mismatched ${s.value.mismatched.length}`);
  }
  return { ms, latencies, errors };
}

/** `perDevice` new meter readings on every laptop, in its case. */
export async function writeAll(dbs: readonly TariffDb[], caseIds: readonly string[], round: number, perDevice: number): Promise<void> {
  await Promise.all(
    dbs.map(async (db, i) => {
      for (let k = 0; k < perDevice; k++) await addRecord(db, caseIds[i]!, 'meterReading', reading(round * perDevice + k));
    }),
  );
}

/** The worker side of startLaptops. */
export async function runLaptopWorker(): Promise<void> {
  const port = parentPort!;
  const { base, devices, caseIds } = workerData as LaptopsRequest;
  const fail = (e: unknown) => port.postMessage({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply);
  try {
    const dbs = await Promise.all(devices.map((d) => laptop(base, d)));
    port.on('message', (command: Command) => {
      void (async (): Promise<Reply> => {
        switch (command.do) {
          case 'sync':
            return { type: 'synced', round: await syncAll(base, devices, dbs) };
          case 'write':
            await writeAll(dbs, caseIds, command.round, command.perDevice);
            return { type: 'done' };
          case 'outbox':
            return { type: 'outbox', counts: await Promise.all(dbs.map((db) => db.outbox.count())) };
          case 'close':
            await Promise.all(dbs.map(discard));
            return { type: 'done' };
        }
      })().then((reply) => port.postMessage(reply), fail);
    });
    port.postMessage({ type: 'ready' } satisfies Reply);
  } catch (e) {
    fail(e);
  }
}
