// The window's side of caseFile.worker.ts.
import type { CaseFileReply, CaseFileRequest } from './caseFile.worker';
import { reviveRefusal } from './revive';
import { runTask, type WorkerLike } from './task';

/** The case file of this device's unsynced work (of one case and what came before it, with `caseId`), made in a worker. */
export function exportCaseFileInWorker(caseId?: string, create: () => WorkerLike = caseFileWorker): Promise<CaseFileReply> {
  const request: CaseFileRequest = caseId === undefined ? {} : { caseId };
  return runTask<CaseFileRequest, never, CaseFileReply>(create, request, { reviveError: reviveRefusal });
}

const caseFileWorker = (): WorkerLike => new Worker(new URL('./caseFile.worker.ts', import.meta.url), { type: 'module' });
