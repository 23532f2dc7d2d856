// The window's side of the PDF worker (pdf.worker.ts).
import type { DrawPdfProgress, DrawPdfRequest } from '../db/drawDocs';
import { reviveRefusal } from './revive';
import { runTask, type TaskOptions, type WorkerLike } from './task';

export type { DrawPdfProgress };

/** A draw's PDF made in a worker; TaskCancelled when `signal` aborts (it stores nothing). */
export function drawPdfInWorker(
  request: DrawPdfRequest,
  options: Pick<TaskOptions<DrawPdfProgress>, 'onProgress' | 'signal'> = {},
  create: () => WorkerLike = () => new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' }),
): Promise<Uint8Array> {
  return runTask<DrawPdfRequest, DrawPdfProgress, Uint8Array>(create, request, { ...options, reviveError: reviveRefusal });
}
