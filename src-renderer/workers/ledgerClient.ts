// The window's side of the ledger worker (ledger.worker.ts): read a ledger, compute its overcharge.
import { LedgerReadError } from '../../src-shared/ledger/importLedger';
import type { LedgerColumns, LedgerImport, LedgerMapping } from '../../src-shared/ledger/types';
import type { OverchargeResult } from '../../src-shared/refund/overcharge';
import type { LedgerProgress, LedgerReply, LedgerRequest, OverchargeInput } from './ledger.worker';
import { runTask, type SentError, type TaskOptions } from './task';

export type { OverchargeInput } from './ledger.worker';

type Options = Pick<TaskOptions<LedgerProgress>, 'onProgress' | 'signal'>;

function reviveError(e: SentError): Error {
  if (e.name !== 'LedgerReadError') return new Error(e.message);
  return new LedgerReadError(e.fields.code as LedgerReadError['code'], e.message, e.fields.columns as LedgerColumns | undefined);
}

function ask(request: LedgerRequest, options: Options & { transfer?: Transferable[] }): Promise<LedgerReply> {
  return runTask<LedgerRequest, LedgerProgress, LedgerReply>(() => new Worker(new URL('./ledger.worker.ts', import.meta.url), { type: 'module' }), request, { ...options, reviveError });
}

/** importLedger in the worker: the same ledger or LedgerReadError; TaskCancelled when `signal` aborts. */
export async function readLedgerInWorker(data: Uint8Array, mapping: LedgerMapping | undefined, options: Options = {}): Promise<LedgerImport> {
  const copy = data.slice();
  const reply = await ask({ type: 'read', data: copy, ...(mapping ? { mapping } : {}) }, { ...options, transfer: [copy.buffer] });
  if (reply.type !== 'read') throw new Error('unexpected answer of the ledger worker');
  return reply.ledger;
}

/** computeOvercharge in the worker. */
export async function computeInWorker(ledger: LedgerImport, input: OverchargeInput, options: Options = {}): Promise<OverchargeResult> {
  const reply = await ask({ type: 'compute', ledger: { lines: ledger.lines, columns: ledger.columns, unread: ledger.unread }, input }, options);
  if (reply.type !== 'computed') throw new Error('unexpected answer of the ledger worker');
  return reply.result;
}
