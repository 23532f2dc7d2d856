// A list file read and checked off the window's thread: parsing a 3,841-row workbook takes about a
// second of CPU, which on the window would freeze the progress bar it is meant to move. It only reads:
// the window stores the accepted rows after the report, so ending this worker stores nothing.
import type { ListKind } from '../../src-shared/domain';
import { importList, type ListImport } from '../../src-shared/lists/importList';
import { serveTask } from './serve';

export interface ImportRequest {
  kind: ListKind;
  data: Uint8Array;
  existing: string[];
  onExisting: 'reject' | 'update';
}

export interface ImportProgress {
  done: number;
  total: number;
}

serveTask<ImportRequest, ImportProgress, ListImport<unknown>>(({ kind, data, existing, onExisting }, { progress }) =>
  importList(kind, data, { existing: new Set(existing), onExisting, onProgress: (done, total) => progress({ done, total }) }),
);
