// The exports of whole lists, made by the export worker (workers/export.worker.ts) on its own connection: the
// target or inspector list as filtered, 申报筛查's ranking with its months, a draw's public notice. At a city's
// scale (100,000 targets, 46,092 months, a draw of 50,000) reading and writing them took the window for
// seconds; the window now sends what to export and gets the file's bytes.
import type { FlagLimits } from '../../src-shared/filings/indicators';
import { buildNoticeWorkbook } from '../../src-shared/draw/notice';
import type { Locale } from '../../src-shared/i18n/format';
import type { ListKind } from '../../src-shared/domain';
import { exportList } from '../../src-shared/lists/exportList';
import { landlordsWorkbook } from '../components/filings/filingsExport';
import type { LandlordRow } from '../components/filings/landlordRows';
import { appWords } from '../i18n/words';
import type { ListFilter } from '../state/listFilter';
import { LocalRefusal } from '../sync/mutators';
import type { TariffDb } from './db';
import { monthsOfAll } from './filingsScreen';
import { matchingRows } from './listQuery';

export type ExportRequest =
  /** The list's rows matching the page's filter, in the page's order. */
  | { type: 'list'; kind: ListKind; filter: ListFilter }
  /** The landlords shown, in their order, and their months screened with `limits`. */
  | { type: 'landlords'; rows: LandlordRow[]; limits: FlagLimits; caption: string; locale: Locale }
  /** A draw kept on this device. */
  | { type: 'notice'; drawId: string };

/** Reading (rows unknown yet) or writing `done` of `total` rows. */
export type ExportProgress = { stage: 'read' } | { stage: 'write'; done: number; total: number };

/** The file's bytes. */
export async function makeExport(database: TariffDb, request: ExportRequest, progress: (p: ExportProgress) => void): Promise<Uint8Array> {
  progress({ stage: 'read' });
  const onProgress = (done: number, total: number) => progress({ stage: 'write', done, total });
  if (request.type === 'list') return exportList(request.kind, await matchingRows(database, request.kind, request.filter), onProgress);
  if (request.type === 'landlords') {
    const [months, t] = await Promise.all([monthsOfAll(database, request.rows.map((r) => r.uscc), request.limits), appWords(request.locale)]);
    return landlordsWorkbook(request.rows, months, t, request.caption, onProgress);
  }
  const [draw, inspectors] = await Promise.all([database.draws.get(request.drawId), database.inspectors.toArray()]);
  if (!draw) throw new LocalRefusal('draw-not-here', `draw ${request.drawId} is not on this device`);
  return buildNoticeWorkbook(draw.result, draw.result.record.plan, inspectors, onProgress);
}
