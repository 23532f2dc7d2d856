// A landlord's ledger read and its overcharge computed off the window's thread: a 20,000-line workbook
// takes seconds to parse and most of a second to compute. Neither stores anything (keeping the result with
// a case is the window's step after), so Cancel just ends this worker.
import type { Month } from '../../src-shared/billingMonth';
import { importLedger } from '../../src-shared/ledger/importLedger';
import type { LedgerImport, LedgerMapping } from '../../src-shared/ledger/types';
import type { Fen } from '../../src-shared/money';
import { computeOvercharge, type OverchargeResult } from '../../src-shared/refund/overcharge';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import type { TariffKey, TariffTable } from '../../src-shared/tariff/types';
import { serveTask } from './serve';

/** The method's input as it crosses threads (a table, not its index; month → fen pairs, not a Map). */
export type OverchargeInput = { method: 'catalogue'; table: TariffTable; key: TariffKey } | { method: 'grid-bill'; gridBills: [Month, Fen][] };

export type LedgerRequest =
  | { type: 'read'; data: Uint8Array; mapping?: LedgerMapping }
  | { type: 'compute'; ledger: Pick<LedgerImport, 'lines' | 'columns' | 'unread'>; input: OverchargeInput };

/** Rows read so far (reading only; computing reports nothing until done). */
export interface LedgerProgress {
  done: number;
  total: number;
}

export type LedgerReply = { type: 'read'; ledger: LedgerImport } | { type: 'computed'; result: OverchargeResult };

function compute(ledger: Pick<LedgerImport, 'lines' | 'columns' | 'unread'>, input: OverchargeInput): OverchargeResult {
  return input.method === 'catalogue'
    ? computeOvercharge(ledger, { method: 'catalogue', tariffs: new TariffIndex(input.table), key: input.key })
    : computeOvercharge(ledger, { method: 'grid-bill', gridBills: new Map(input.gridBills) });
}

serveTask<LedgerRequest, LedgerProgress, LedgerReply>(async (request, { progress }) => {
  if (request.type === 'compute') return { type: 'computed', result: compute(request.ledger, request.input) };
  const options = { onProgress: (done: number, total: number) => progress({ done, total }), ...(request.mapping ? { mapping: request.mapping } : {}) };
  return { type: 'read', ledger: await importLedger(request.data, options) };
});
