// The window's side of hash.worker.ts.
import type { HashProgress } from './chunkedSha256';
import { runTask, type TaskOptions } from './task';

/** From this size (bytes) a hash runs in a worker: below it, starting one costs more than hashing here. */
export const HASH_IN_WORKER_BYTES = 8 * 1024 * 1024;

/** Whether bytes of `size` are hashed in a worker where the platform has workers (tests under Node have none). */
export function hashesInWorker(size: number, hasWorker = typeof Worker !== 'undefined'): boolean {
  return hasWorker && size >= HASH_IN_WORKER_BYTES;
}

/** Lower-case hex SHA-256 of `bytes`, computed in a worker on a copy (the caller keeps its bytes). */
export function sha256InWorker(bytes: Uint8Array, options: Pick<TaskOptions<HashProgress>, 'onProgress' | 'signal'> = {}): Promise<string> {
  const copy = bytes.slice();
  return runTask<Uint8Array, HashProgress, string>(() => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }), copy, { ...options, transfer: [copy.buffer] });
}
