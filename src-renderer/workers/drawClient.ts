// The window's side of the draw worker (draw.worker.ts): a request, its stages, Cancel before it records.
import type { Commitment } from '../../src-shared/draw/commitment';
import { DrawError, type DrawErrorCode, type DrawRule } from '../../src-shared/draw/draw';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { DrawHead } from '../db/drawHead';
import type { DrawReply, DrawRequest, DrawStage } from './draw.worker';
import { standbyWorker } from './standby';
import { runTask, type SentError, type TaskOptions } from './task';

export type { DrawStage } from './draw.worker';

/** Progress and Cancel of a draw or commitment: `signal` aborts until the worker starts recording. */
export type DrawTaskOptions = Pick<TaskOptions<DrawStage>, 'onProgress' | 'onStoring' | 'signal'>;

function reviveError(e: SentError): Error {
  if (e.name !== 'DrawError') return new Error(e.message);
  const f = e.fields;
  return new DrawError(f.code as DrawErrorCode, String(f.group), f.rule as DrawRule, e.message, f.rules as DrawRule[]);
}

/**
 * The draw page's worker: started as the page opens, it reads the lists while the plan is filled in, serves
 * the commitment, and is kept for the draw with the lists still in its memory (read again if they were
 * written meanwhile).
 */
export const drawWorker = standbyWorker(() => new Worker(new URL('./draw.worker.ts', import.meta.url), { type: 'module' }));

function askDrawWorker(request: DrawRequest, options: DrawTaskOptions): Promise<DrawReply> {
  return runTask<DrawRequest, DrawStage, DrawReply>(drawWorker.take, request, { ...options, reviveError, keep: drawWorker.keep });
}

/** The commitment of `plan` over this device's lists, made in the worker. */
export async function commitInWorker(plan: DrawPlan, leaveOutOpenCases: boolean, options: DrawTaskOptions = {}): Promise<Commitment> {
  const reply = await askDrawWorker({ type: 'commit', plan, leaveOutOpenCases }, options);
  if (reply.type !== 'committed') throw new Error('unexpected answer of the draw worker');
  return reply.commitment;
}

/** Draws and records in the worker; resolves with what the result page shows first. */
export async function drawInWorker(id: string, plan: DrawPlan, seed: string, by: string, commitment: Commitment, options: DrawTaskOptions = {}): Promise<DrawHead> {
  const reply = await askDrawWorker({ type: 'draw', id, plan, seed, by, commitment }, options);
  if (reply.type !== 'drawn') throw new Error('unexpected answer of the draw worker');
  return reply.head;
}
