// The window's side of the export worker (export.worker.ts).
import type { ExportProgress, ExportRequest } from '../db/exports';
import { reviveRefusal } from './revive';
import { runTask, type TaskOptions, type WorkerLike } from './task';

export type { ExportProgress, ExportRequest };

/** The file's bytes, made in a worker; TaskCancelled when `signal` aborts (an export stores nothing). */
export function exportInWorker(
  request: ExportRequest,
  options: Pick<TaskOptions<ExportProgress>, 'onProgress' | 'signal'> = {},
  create: () => WorkerLike = () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }),
): Promise<Uint8Array> {
  return runTask<ExportRequest, ExportProgress, Uint8Array>(create, request, { ...options, reviveError: reviveRefusal });
}
