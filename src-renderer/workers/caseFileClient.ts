// The window's side of caseFile.worker.ts.
import { LocalRefusal } from '../sync/mutators';
import type { CaseFileReply, CaseFileRequest } from './caseFile.worker';
import { runTask, type SentError, type WorkerLike } from './task';

/** A refusal (not enrolled) as the worker threw it; any other error by its message. */
function reviveError(e: SentError): Error {
  return e.name === 'LocalRefusal' ? new LocalRefusal(e.fields.code as LocalRefusal['code'], e.message) : new Error(e.message);
}

/** The case file of this device's unsynced work (of one case and what came before it, with `caseId`), made in a worker. */
export function exportCaseFileInWorker(caseId?: string, create: () => WorkerLike = caseFileWorker): Promise<CaseFileReply> {
  const request: CaseFileRequest = caseId === undefined ? {} : { caseId };
  return runTask<CaseFileRequest, never, CaseFileReply>(create, request, { reviveError });
}

const caseFileWorker = (): WorkerLike => new Worker(new URL('./caseFile.worker.ts', import.meta.url), { type: 'module' });
