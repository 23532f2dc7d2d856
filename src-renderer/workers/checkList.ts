// importList in a Web Worker (import.worker.ts), with the same result and errors as in this thread; the
// same worker then stores the rows it accepted, so they never cross back to be stored from the window.
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { ListReadError, type ImportOptions, type ListImport } from '../../src-shared/lists/importList';
import type { ImportProgress, ImportReply, ImportRequest } from './listImport';
import { standbyWorker } from './standby';
import { plainError, runTask, type SentError } from './task';

/**
 * Started as the import dialog opens, so the worker is running by the time a file is chosen; ended, with the
 * rows it holds, as the dialog closes.
 */
export const listWorker = standbyWorker(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));

const reviveError = (e: SentError) =>
  e.name === 'ListReadError' ? new ListReadError(e.fields.code as ListReadError['code'], e.message, e.fields.missing as string[]) : plainError(e);

/** A file checked in the worker: the report, and the id under which the worker holds its accepted rows. */
export interface CheckedList {
  checkId: string;
  result: ListImport<Entity> | ListImport<Inspector>;
}

type CheckOptions = Pick<ImportOptions, 'onExisting' | 'onProgress'> & { signal?: AbortSignal };

function ask(request: ImportRequest, options: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void; transfer?: Transferable[] } = {}): Promise<ImportReply> {
  return runTask<ImportRequest, ImportProgress, ImportReply>(listWorker.take, request, { ...options, reviveError, keep: listWorker.keep });
}

/** Reads and checks a list file off the window's thread, against the keys stored here; `signal` cancels (TaskCancelled). */
export async function checkListFile(kind: ListKind, data: Uint8Array, options: CheckOptions = {}): Promise<CheckedList> {
  const copy = data.slice();
  const reply = await ask(
    { type: 'check', kind, data: copy, onExisting: options.onExisting ?? 'reject' },
    { transfer: [copy.buffer], signal: options.signal, onProgress: (p) => options.onProgress?.(p.done, p.total) },
  );
  if (reply.type !== 'checked') throw new Error('unexpected answer of the list worker');
  return { checkId: reply.checkId, result: reply.result as CheckedList['result'] };
}

/**
 * Stores the accepted rows of a check through the putListRows mutator in the worker that holds them.
 * False when that worker no longer holds them; the caller then stores its own copy.
 */
export async function storeCheckedList(checkId: string): Promise<boolean> {
  const reply = await ask({ type: 'store', checkId });
  return reply.type === 'stored';
}
