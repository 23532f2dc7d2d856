// The list import's work in its worker (import.worker.ts): read the keys already stored, check the file,
// hold the accepted rows until the user has read the report and chosen 导入, then store them through
// the putListRows mutator, as the window would. Nothing is stored before that request.
import type { ListKind } from '../../src-shared/domain';
import { importList, type ListImport } from '../../src-shared/lists/importList';
import type { TariffDb } from '../db/db';
import { listKeys } from '../db/listQuery';
import { putListRows, type ListRow } from '../sync/referenceMutators';
import type { TaskContext } from './serve';

export type ImportRequest =
  /** Read and check a file against the rows stored here; the accepted rows are held under `checkId`. */
  | { type: 'check'; kind: ListKind; data: Uint8Array; onExisting: 'reject' | 'update' }
  /** Store the rows held under `checkId` (the report was read, 导入 chosen). */
  | { type: 'store'; checkId: string };

export type ImportReply =
  | { type: 'checked'; checkId: string; result: ListImport<unknown> }
  | { type: 'stored'; count: number }
  /** No such check is held here (another file was checked since): the window stores its own copy. */
  | { type: 'not-held' };

export interface ImportProgress {
  done: number;
  total: number;
}

/** The worker's answer to each request, over `db`; it holds the rows of the last check only. */
export function listImportWork(db: TariffDb): (request: ImportRequest, context: TaskContext<ImportProgress>) => Promise<ImportReply> {
  let held: { checkId: string; kind: ListKind; rows: ListRow[] } | null = null;
  return async (request, { progress }) => {
    if (request.type === 'store') {
      if (held?.checkId !== request.checkId) return { type: 'not-held' };
      const { kind, rows } = held;
      held = null;
      await putListRows(db, kind, rows, 'import');
      return { type: 'stored', count: rows.length };
    }
    held = null;
    const { kind, data, onExisting } = request;
    const existing = await listKeys(db, kind);
    const result = await importList(kind, data, { existing, onExisting, onProgress: (done, total) => progress({ done, total }) });
    const checkId = crypto.randomUUID();
    held = { checkId, kind, rows: result.accepted.map((a) => a.value as ListRow) };
    return { type: 'checked', checkId, result };
  };
}
