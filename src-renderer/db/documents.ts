// The documents a case prints, made on this device (offline): the on-site record and the overcharge
// schedule as PDF, in the Chinese font the app carries (precached by the service worker) and saved
// where the user chooses. The same bytes come out of the desktop app and the web build.
import { noticeTitle, type PublicationNotice } from '../../src-shared/publication/notice';
import type { RefundReminder } from '../../src-shared/refund/tracking';
import type { RefundOrder } from '../../src-shared/refund/order';
import type { Photo } from '../../src-shared/inspection/evidence';
import type { LedgerCheck } from '../../src-shared/inspection/ledgerCheck';
import { chinaDate } from '../../src-shared/inspection/meters';
import type { OnSiteRecord, OnSiteSignature } from '../../src-shared/inspection/onSiteRecord';
import { platform } from '../platform';
import type { Issued, UnsealedReason } from './seal';
import type { SealMark } from '../../src-shared/docs/pdfWriter';
import { signatureStatus } from '../../src-shared/inspection/onSiteRecord';
import { drawSummary, onSiteRecordSummary, publicationSummary, refundOrderSummary, reminderSummary, scheduleSummary, type PublishedList } from '../../src-shared/seal/summaries';
import { db } from './db';
import { fontSource } from './documentFont';
import type { DrawDocKind } from './drawDocs';
import { keepDrawHere } from './draws';
import type { DrawRecord } from '../../src-shared/draw/draw';
import { drawPdfInWorker } from '../workers/pdfClient';

// The writers (pdf-lib, fontkit, exceljs, the QR code of the seal) load on the first save, not with
// the pages that offer one: each save imports its writer, and issueSealed, where it is used.
const issueSealed: typeof import('./seal').issueSealed = async (...args) => (await import('./seal')).issueSealed(...args);

const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const fileDate = (iso: string) => chinaDate(new Date(iso)).replaceAll('-', '');

/**
 * What saving a document came to: false when the user cancelled, else whether the office's signature is
 * on it (and why not: offline, not enrolled …), for the page to say so.
 */
export type Saved = false | { sealed: true } | { sealed: false; reason: UnsealedReason };

async function saveIssued(issued: Issued, file: { title: string; suggestedName: string }): Promise<Saved> {
  const saved = await platform.saveFile({ ...file, filters: PDF, data: issued.bytes });
  if (!saved) return false;
  return issued.sealed ? { sealed: true } : { sealed: false, reason: issued.reason };
}

/** Saves the on-site record (with its photos' thumbnails and the signatures) as PDF, signed once fully signed on site. */
export async function saveOnSiteRecordPdf(entry: { id: string; record: OnSiteRecord; signatures: readonly OnSiteSignature[] }, photos: readonly Photo[]): Promise<Saved> {
  const thumbs = await db.thumbs.bulkGet(photos.map((p) => p.sha256));
  const images = await db.blobs.bulkGet(entry.signatures.flatMap((s) => (s.image ? [s.image] : [])));
  const font = await fontSource();
  const { onSiteRecordPdf } = await import('../../src-shared/docs/onSiteRecordPdf');
  const doc = {
    id: entry.id, record: entry.record, signatures: entry.signatures,
    photos: photos.map((p, i) => ({ caption: p.caption || p.name, takenAt: p.takenAt, sha256: p.sha256, thumb: thumbs[i]?.bytes ?? null })),
    signatureImages: new Map(images.flatMap((b) => (b ? [[b.sha256, new Uint8Array(b.bytes)] as [string, Uint8Array]] : []))),
  };
  const render = (seal?: SealMark) => onSiteRecordPdf(font, doc, seal);
  // An unsigned record is a draft: the office signs only what everyone present has signed.
  const issued: Issued = signatureStatus(entry.record, entry.signatures).complete
    ? await issueSealed('onsite-record', entry.id, render, (c) => onSiteRecordSummary(entry, c))
    : { bytes: await render(), sealed: false, reason: 'unsigned' };
  const kind = entry.record.supplementOf ? '补充笔录' : '现场检查笔录';
  return saveIssued(issued, { title: kind, suggestedName: `${kind}-${entry.record.party.name}-${fileDate(entry.record.startedAt)}.pdf` });
}

/** Saves a kept ledger's overcharge schedule as PDF. */
export async function saveSchedulePdf(id: string, check: LedgerCheck, party: { name: string; uscc: string }, createdAt: string): Promise<Saved> {
  const font = await fontSource();
  const { schedulePdf } = await import('../../src-shared/docs/schedulePdf');
  const entry = { id, check, party, createdAt };
  const issued = await issueSealed('overcharge-schedule', id, (seal) => schedulePdf(font, entry, seal), (c) => scheduleSummary(entry, c));
  return saveIssued(issued, { title: '多收电费明细表', suggestedName: `多收电费明细表-${party.name}-${fileDate(createdAt)}.pdf` });
}

const DRAW_DOCS = {
  record: { title: '双随机抽查记录', kind: 'draw-record' },
  notice: { title: '双随机抽查结果公示', kind: 'draw-notice' },
} as const;

/** A plan name as part of a file name: the characters a file name may not hold (the save dialog refuses them) replaced. */
const fileNamePart = (text: string) => Array.from(text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')).slice(0, 60).join('');

/**
 * Saves a draw's record (抽查记录) or its public notice (抽查结果公示) as PDF, the teams named from this
 * device's inspectors list; the file is named with the draw's date in China. False when the user cancelled.
 */
export async function saveDrawPdf(which: DrawDocKind, id: string, record: DrawRecord, options: Parameters<typeof drawPdfInWorker>[1] = {}): Promise<Saved> {
  const { title, kind } = DRAW_DOCS[which];
  // Set in the PDF worker from the draw kept here (a hub's draw is fetched and kept first).
  await keepDrawHere(id);
  const issued = await issueSealed(kind, id, (seal) => drawPdfInWorker({ which, drawId: id, seal }, options), (c) => drawSummary(kind, record, c));
  return saveIssued(issued, { title, suggestedName: `${title}-${fileNamePart(record.plan.name)}-${fileDate(record.drawnAt)}.pdf` });
}

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

/** Saves a numbered refund order as PDF (the document served) or as its Excel ledger (for tracking). */
export async function saveRefundOrder(order: RefundOrder, as: 'pdf' | 'xlsx'): Promise<Saved | boolean> {
  const name = `责令退还多收电费通知书-${fileNamePart(order.docNo)}-${fileNamePart(order.party.name)}`;
  if (as === 'xlsx') {
    const { refundOrderWorkbook } = await import('../../src-shared/docs/refundOrderXlsx');
    return platform.saveFile({ title: '退费台账', suggestedName: `${name}-台账.xlsx`, filters: XLSX, data: await refundOrderWorkbook(order) });
  }
  const font = await fontSource();
  const { refundOrderPdf } = await import('../../src-shared/docs/refundOrderPdf');
  const issued = await issueSealed('refund-order', order.id, (seal) => refundOrderPdf(font, order, seal), (c) => refundOrderSummary(order, c));
  return saveIssued(issued, { title: '责令退还多收电费通知书', suggestedName: `${name}.pdf` });
}

/** Saves a plan's public notice of results (双随机抽查结果公示) as PDF or Excel; false when the user cancelled. */
/**
 * Saves a plan's public notice of results (双随机抽查结果公示) as PDF or Excel; false when the user cancelled.
 * The PDF is signed when it is exactly one publication the hub holds (`list`); a preview or a mix is not.
 */
export async function savePublication(notice: PublicationNotice, as: 'pdf' | 'xlsx', list: PublishedList | null = null): Promise<Saved | boolean> {
  const title = noticeTitle(notice.planName);
  const name = `${fileNamePart(title)}-${notice.date.replaceAll('-', '')}`;
  if (as === 'xlsx') {
    const { publicationWorkbook } = await import('../../src-shared/docs/publicationXlsx');
    return platform.saveFile({ title, suggestedName: `${name}.xlsx`, filters: XLSX, data: await publicationWorkbook(notice) });
  }
  const font = await fontSource();
  const { publicationPdf } = await import('../../src-shared/docs/publicationPdf');
  const issued: Issued = list
    ? await issueSealed('publication', list.id, (seal) => publicationPdf(font, notice, seal), (c) => publicationSummary(list, c))
    : { bytes: await publicationPdf(font, notice), sealed: false, reason: 'not-published' };
  return saveIssued(issued, { title, suggestedName: `${name}.pdf` });
}

/** Saves the reminder (催告通知书) of an overdue order as PDF, as it was recorded; false when the user cancelled. */
export async function saveRefundReminder(order: RefundOrder, event: { id: string; reminder: RefundReminder }): Promise<Saved> {
  const { reminder } = event;
  const { REMINDER_TITLE, refundReminderPdf } = await import('../../src-shared/docs/refundReminderPdf');
  const name = `${REMINDER_TITLE}-${fileNamePart(order.docNo)}-${fileNamePart(order.party.name)}-${reminder.issuedOn.replaceAll('-', '')}`;
  const font = await fontSource();
  const issued = await issueSealed('refund-reminder', event.id, (seal) => refundReminderPdf(font, order, reminder, seal), (c) => reminderSummary(order, reminder, c));
  return saveIssued(issued, { title: REMINDER_TITLE, suggestedName: `${name}.pdf` });
}
