// A list file read and checked off the window's thread: parsing a 3,841-row workbook takes about a
// second of CPU, which on the window would freeze the progress bar it is meant to move.
import type { ListKind } from '../../src-shared/domain';
import { importList, ListReadError, type ListImport } from '../../src-shared/lists/importList';

export interface ImportRequest {
  kind: ListKind;
  data: Uint8Array;
  existing: string[];
  onExisting: 'reject' | 'update';
}

export type ImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ListImport<unknown> }
  | { type: 'failed'; error: { name: 'ListReadError'; code: ListReadError['code']; message: string; missing: string[] } | { name: 'Error'; message: string } };

const post = (reply: ImportReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { kind, data, existing, onExisting } = event.data;
  try {
    const result = await importList(kind, data, { existing: new Set(existing), onExisting, onProgress: (done, total) => post({ type: 'progress', done, total }) });
    post({ type: 'done', result });
  } catch (e) {
    post({
      type: 'failed',
      error: e instanceof ListReadError ? { name: 'ListReadError', code: e.code, message: e.message, missing: [...e.missing] } : { name: 'Error', message: e instanceof Error ? e.message : String(e) },
    });
  }
};
