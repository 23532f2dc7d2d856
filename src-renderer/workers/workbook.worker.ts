// The office's small workbooks read and checked off the window's thread: a tariff table, the monthly filings (a
// city's year, 3,841 landlords × 12 months, takes seconds of CPU, which on the window would freeze the page
// while it says it is working). The workbook reader (xlsxCells) and the checks load here, not in the window.
import { readFilings } from '../../src-shared/filings/readFilings';
import { screenFilings } from '../../src-shared/filings/screen';
import { storedFilings, type FilingOrigin, type StoredFiling } from '../../src-shared/filings/stored';
import type { RowIssue } from '../../src-shared/lists/types';
import { importTariffs, type TariffImport } from '../../src-shared/tariff/importTariffs';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import type { TariffTable } from '../../src-shared/tariff/types';
import { serveTask } from './serve';

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

export type WorkbookRequest = ({ kind: 'filings' } & FilingsRequest) | { kind: 'tariffs'; data: Uint8Array; meta: { id: string; name: string } };

export type WorkbookReply = { kind: 'filings'; check: FilingsCheck } | { kind: 'tariffs'; result: TariffImport };

/** Rows read so far (a filings workbook; a tariff table is read at once). */
export interface WorkbookProgress {
  done: number;
  total: number;
}

async function filingsCheck({ data, table, region, tolerance, lossThreshold, origin }: FilingsRequest, progress: (p: WorkbookProgress) => void): Promise<FilingsCheck> {
  const read = await readFilings(data, { onProgress: (done, total) => progress({ done, total }) });
  const result = screenFilings(read, new TariffIndex(table), { region, tolerance, lossThreshold });
  return { sheet: read.sheet, headerRow: read.headerRow, rows: storedFilings(read, result, origin), rejected: result.rejected, skipped: read.skipped.length };
}

serveTask<WorkbookRequest, WorkbookProgress, WorkbookReply>(async (request, { progress }) =>
  request.kind === 'filings' ? { kind: 'filings', check: await filingsCheck(request, progress) } : { kind: 'tariffs', result: await importTariffs(request.data, request.meta) },
);
