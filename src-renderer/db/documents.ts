// The documents a case prints, made on this device (offline): the on-site record and the overcharge
// schedule as PDF, in the Chinese font the app carries (precached by the service worker) and saved
// where the user chooses. The same bytes come out of the desktop app and the web build.
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { drawNoticePdf } from '../../src-shared/docs/drawNoticePdf';
import { drawRecordPdf } from '../../src-shared/docs/drawRecordPdf';
import type { FontSource } from '../../src-shared/docs/fontSubset';
import { onSiteRecordPdf } from '../../src-shared/docs/onSiteRecordPdf';
import { refundOrderPdf } from '../../src-shared/docs/refundOrderPdf';
import { refundOrderWorkbook } from '../../src-shared/docs/refundOrderXlsx';
import { schedulePdf } from '../../src-shared/docs/schedulePdf';
import type { RefundOrder } from '../../src-shared/refund/order';
import type { Photo } from '../../src-shared/inspection/evidence';
import type { LedgerCheck } from '../../src-shared/inspection/ledgerCheck';
import { chinaDate } from '../../src-shared/inspection/meters';
import type { OnSiteRecord, OnSiteSignature } from '../../src-shared/inspection/onSiteRecord';
import { platform } from '../platform';
import { db } from './db';
import type { SavedDraw } from './savedDraw';

let source: Promise<FontSource> | null = null;

/** The font and the subsetter, fetched once (from the service worker's cache when offline). */
function fontSource(): Promise<FontSource> {
  source ??= Promise.all([fetch(fontUrl), fetch(wasmUrl)]).then(async ([f, w]) => {
    if (!f.ok || !w.ok) throw new Error('the document font is not available');
    return { font: new Uint8Array(await f.arrayBuffer()), wasm: new Uint8Array(await w.arrayBuffer()) };
  });
  source.catch(() => (source = null));
  return source;
}

const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const fileDate = (iso: string) => chinaDate(new Date(iso)).replaceAll('-', '');

/** Saves the on-site record (with its photos' thumbnails and the signatures) as PDF; false when the user cancelled. */
export async function saveOnSiteRecordPdf(entry: { id: string; record: OnSiteRecord; signatures: readonly OnSiteSignature[] }, photos: readonly Photo[]): Promise<boolean> {
  const thumbs = await db.thumbs.bulkGet(photos.map((p) => p.sha256));
  const images = await db.blobs.bulkGet(entry.signatures.flatMap((s) => (s.image ? [s.image] : [])));
  const bytes = await onSiteRecordPdf(await fontSource(), {
    id: entry.id, record: entry.record, signatures: entry.signatures,
    photos: photos.map((p, i) => ({ caption: p.caption || p.name, takenAt: p.takenAt, sha256: p.sha256, thumb: thumbs[i]?.bytes ?? null })),
    signatureImages: new Map(images.flatMap((b) => (b ? [[b.sha256, new Uint8Array(b.bytes)] as [string, Uint8Array]] : []))),
  });
  const kind = entry.record.supplementOf ? '补充笔录' : '现场检查笔录';
  return platform.saveFile({ title: kind, suggestedName: `${kind}-${entry.record.party.name}-${fileDate(entry.record.startedAt)}.pdf`, filters: PDF, data: bytes });
}

/** Saves a kept ledger's overcharge schedule as PDF. */
export async function saveSchedulePdf(id: string, check: LedgerCheck, party: { name: string; uscc: string }, createdAt: string): Promise<boolean> {
  const bytes = await schedulePdf(await fontSource(), { id, check, party, createdAt });
  return platform.saveFile({ title: '多收电费明细表', suggestedName: `多收电费明细表-${party.name}-${fileDate(createdAt)}.pdf`, filters: PDF, data: bytes });
}

const DRAW_DOCS = {
  record: { title: '双随机抽查记录', make: drawRecordPdf },
  notice: { title: '双随机抽查结果公示', make: drawNoticePdf },
} as const;

/** A plan name as part of a file name: the characters a file name may not hold (the save dialog refuses them) replaced. */
const fileNamePart = (text: string) => Array.from(text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')).slice(0, 60).join('');

/**
 * Saves a draw's record (抽查记录) or its public notice (抽查结果公示) as PDF, the teams named from this
 * device's inspectors list; the file is named with the draw's date in China. False when the user cancelled.
 */
export async function saveDrawPdf(kind: keyof typeof DRAW_DOCS, saved: SavedDraw): Promise<boolean> {
  const inspectors = await db.inspectors.toArray();
  const { title, make } = DRAW_DOCS[kind];
  const bytes = await make(await fontSource(), { result: saved.result, inspectorNames: new Map(inspectors.map((i) => [i.certNo, i.name])), drawnBy: saved.drawnBy });
  const { plan, drawnAt } = saved.result.record;
  return platform.saveFile({ title, suggestedName: `${title}-${fileNamePart(plan.name)}-${fileDate(drawnAt)}.pdf`, filters: PDF, data: bytes });
}

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

/** Saves a numbered refund order as PDF (the document served) or as its Excel ledger (for tracking). */
export async function saveRefundOrder(order: RefundOrder, as: 'pdf' | 'xlsx'): Promise<boolean> {
  const name = `责令退还多收电费通知书-${fileNamePart(order.docNo)}-${fileNamePart(order.party.name)}`;
  if (as === 'pdf') return platform.saveFile({ title: '责令退还多收电费通知书', suggestedName: `${name}.pdf`, filters: PDF, data: await refundOrderPdf(await fontSource(), order) });
  return platform.saveFile({ title: '退费台账', suggestedName: `${name}-台账.xlsx`, filters: XLSX, data: await refundOrderWorkbook(order) });
}
