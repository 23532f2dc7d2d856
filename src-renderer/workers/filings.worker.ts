// A filings workbook read and screened off the window's thread: a city's year (3,841 landlords × 12 months)
// takes seconds of CPU, which on the window would freeze the page while it says it is working.
import { FilingsReadError, readFilings } from '../../src-shared/filings/readFilings';
import { screenFilings } from '../../src-shared/filings/screen';
import { storedFilings, type FilingOrigin, type StoredFiling } from '../../src-shared/filings/stored';
import type { RowIssue } from '../../src-shared/lists/types';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import type { TariffTable } from '../../src-shared/tariff/types';

export interface FilingsRequest {
  data: Uint8Array;
  table: TariffTable;
  region: string;
  tolerance: string;
  lossThreshold: string;
  origin: FilingOrigin;
}

/** What an import would store and what it refuses, for the report before saving. */
export interface FilingsCheck {
  sheet: string;
  headerRow: number;
  rows: StoredFiling[];
  rejected: RowIssue[];
  skipped: number;
}

export type FilingsReply =
  | { type: 'done'; check: FilingsCheck }
  | { type: 'failed'; error: { name: 'FilingsReadError'; code: FilingsReadError['code']; message: string } | { name: 'Error'; message: string } };

const post = (reply: FilingsReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<FilingsRequest>) => {
  const { data, table, region, tolerance, lossThreshold, origin } = event.data;
  try {
    const read = await readFilings(data);
    const result = screenFilings(read, new TariffIndex(table), { region, tolerance, lossThreshold });
    post({ type: 'done', check: { sheet: read.sheet, headerRow: read.headerRow, rows: storedFilings(read, result, origin), rejected: result.rejected, skipped: read.skipped.length } });
  } catch (e) {
    post({ type: 'failed', error: e instanceof FilingsReadError ? { name: 'FilingsReadError', code: e.code, message: e.message } : { name: 'Error', message: e instanceof Error ? e.message : String(e) } });
  }
};
