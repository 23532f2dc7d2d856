// importList in a Web Worker (import.worker.ts), with the same result and errors as in this thread.
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { ListReadError, type ImportOptions, type ListImport } from '../../src-shared/lists/importList';
import type { ImportProgress, ImportRequest } from './import.worker';
import { standbyWorker } from './standby';
import { runTask, type SentError } from './task';

/** Started as the import dialog opens, so the Excel reader has loaded by the time a file is chosen. */
const listWorker = standbyWorker(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));

/** Starts the list reader ahead of the file (the import dialog, as it opens). */
export const prepareListWorker = (): void => listWorker.prepare();

/** Ends the waiting list reader (the import dialog, as it closes). */
export const endListWorker = (): void => listWorker.end();

const reviveError = (e: SentError) =>
  e.name === 'ListReadError' ? new ListReadError(e.fields.code as ListReadError['code'], e.message, e.fields.missing as string[]) : new Error(e.message);

/** Reads and checks a list file off the window's thread; progress as importList reports it; `signal` cancels (TaskCancelled). */
export function checkListFile(kind: ListKind, data: Uint8Array, options: ImportOptions & { signal?: AbortSignal } = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  const copy = data.slice();
  const request: ImportRequest = { kind, data: copy, existing: [...(options.existing ?? [])], onExisting: options.onExisting ?? 'reject' };
  return runTask<ImportRequest, ImportProgress, ListImport<Entity> | ListImport<Inspector>>(
    listWorker.take,
    request,
    { transfer: [copy.buffer], signal: options.signal, onProgress: (p) => options.onProgress?.(p.done, p.total), reviveError, keep: listWorker.keep },
  );
}
