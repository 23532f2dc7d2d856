// importList in a Web Worker (import.worker.ts), with the same result and errors as in this thread.
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import { ListReadError, type ImportOptions, type ListImport } from '../../src-shared/lists/importList';
import type { ImportReply, ImportRequest } from './import.worker';

/** Reads and checks a list file off the window's thread; progress as importList reports it. */
export function checkListFile(kind: ListKind, data: Uint8Array, options: ImportOptions = {}): Promise<ListImport<Entity> | ListImport<Inspector>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        options.onProgress?.(reply.done, reply.total);
        return;
      }
      worker.terminate();
      if (reply.type === 'done') resolve(reply.result as ListImport<Entity> | ListImport<Inspector>);
      else if (reply.error.name === 'ListReadError') reject(new ListReadError(reply.error.code, reply.error.message, reply.error.missing));
      else reject(new Error(reply.error.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    const copy = data.slice();
    const request: ImportRequest = { kind, data: copy, existing: [...(options.existing ?? [])], onExisting: options.onExisting ?? 'reject' };
    worker.postMessage(request, [copy.buffer]);
  });
}
