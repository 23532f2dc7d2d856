// The window's side of the workbook worker (workbook.worker.ts): a filings or tariff workbook read and checked
// there, its refusal rebuilt here as the class the dialogs tell apart.
import { FilingsReadError } from '../../src-shared/filings/readFilings';
import { TariffReadError, type TariffImport } from '../../src-shared/tariff/importTariffs';
import { plainError, runTask, type SentError, type TaskOptions } from './task';
import type { FilingsCheck, FilingsRequest, WorkbookProgress, WorkbookReply, WorkbookRequest } from './workbook.worker';

export type { FilingsCheck, FilingsRequest, WorkbookProgress };

type Options = Pick<TaskOptions<WorkbookProgress>, 'onProgress' | 'signal'>;

/** The refusal the worker threw, as its class again (the dialogs say why a file is unusable by it). */
export function reviveError(e: SentError): Error {
  const code = e.fields.code as never;
  if (e.name === 'FilingsReadError') return new FilingsReadError(code, e.message);
  if (e.name === 'TariffReadError') return new TariffReadError(code, e.message);
  return plainError(e);
}

function ask(request: WorkbookRequest, options: Options = {}): Promise<WorkbookReply> {
  // A copy handed over: the caller keeps its bytes (a file shown again, imported again).
  const data = request.data.slice();
  return runTask<WorkbookRequest, WorkbookProgress, WorkbookReply>(() => new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module' }), { ...request, data }, { ...options, reviveError, transfer: [data.buffer] });
}

/**
 * Reads, checks and screens a filings file off the window's thread, its rows read reported as it goes. Throws
 * FilingsReadError for an unusable file, TaskCancelled when `signal` aborts (the worker ended, nothing kept).
 */
export async function checkFilingsFile(request: FilingsRequest, options: Options = {}): Promise<FilingsCheck> {
  const reply = await ask({ kind: 'filings', ...request }, options);
  if (reply.kind !== 'filings') throw new Error('unexpected answer of the workbook worker');
  return reply.check;
}

/** importTariffs off the window's thread: the same result, or TariffReadError for an unusable file; TaskCancelled when `signal` aborts. */
export async function checkTariffFile(data: Uint8Array, meta: { id: string; name: string }, options: Pick<Options, 'signal'> = {}): Promise<TariffImport> {
  const reply = await ask({ kind: 'tariffs', data, meta }, options);
  if (reply.kind !== 'tariffs') throw new Error('unexpected answer of the workbook worker');
  return reply.result;
}
