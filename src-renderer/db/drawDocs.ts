// A draw's PDFs (抽查记录, 抽查结果公示), made by the PDF worker (workers/pdf.worker.ts) from the draw kept on this
// device, the teams named from its inspectors list. A draw of 100,000 targets prints 50,000 rows on about a
// thousand pages: set on the window it held it for 18 s in one task.
import type { DrawDocProgress } from '../../src-shared/docs/drawRecordPdf';
import type { SealMark } from '../../src-shared/docs/pdfWriter';
import { LocalRefusal } from '../sync/mutators';
import type { TariffDb } from './db';
import { fontSource } from './documentFont';

export type DrawDocKind = 'record' | 'notice';

export interface DrawPdfRequest {
  which: DrawDocKind;
  drawId: string;
  /** The seal box's mark, when the hub is to sign it. */
  seal?: SealMark;
}

/** Reading the draw and the font, then the document's own progress. */
export type DrawPdfProgress = { stage: 'prepare' } | DrawDocProgress;

const WRITERS = {
  record: async () => (await import('../../src-shared/docs/drawRecordPdf')).drawRecordPdf,
  notice: async () => (await import('../../src-shared/docs/drawNoticePdf')).drawNoticePdf,
} as const;

/** The PDF's bytes. */
export async function drawPdf(database: TariffDb, { which, drawId, seal }: DrawPdfRequest, progress: (p: DrawPdfProgress) => void = () => {}): Promise<Uint8Array> {
  progress({ stage: 'prepare' });
  const [saved, inspectors, font, write] = await Promise.all([database.draws.get(drawId), database.inspectors.toArray(), fontSource(), WRITERS[which]()]);
  if (!saved) throw new LocalRefusal('draw-not-here', `draw ${drawId} is not on this device`);
  return write(font, { result: saved.result, inspectorNames: new Map(inspectors.map((i) => [i.certNo, i.name])), drawnBy: saved.drawnBy }, seal, progress);
}
