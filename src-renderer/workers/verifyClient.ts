// The window's side of the verify worker (verify.worker.ts).
import type { DrawVerdict } from '../db/drawVerify';
import { reviveRefusal } from './revive';
import { runTask, type WorkerLike } from './task';

export type { DrawVerdict };

/** 复核 of a draw kept on this device, in a worker. */
export function verifyInWorker(
  drawId: string,
  create: () => WorkerLike = () => new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' }),
): Promise<DrawVerdict> {
  return runTask<{ drawId: string }, never, DrawVerdict>(create, { drawId }, { reviveError: reviveRefusal });
}
