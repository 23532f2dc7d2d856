// The public notice of a plan's results (双随机抽查结果公示): one row per inspected target with its closing
// date, result category and what was done about it, as the Excel (docs/publicationXlsx.ts) and the PDF
// (docs/publicationPdf.ts) print it. Built from the cases, their refund orders and the publication entries.
import { formatFen } from '../money';
import { CATEGORY_TEXT, type PublicationCategory } from './category';

export interface PublicationNoticeRow {
  name: string;
  uscc: string;
  address: string;
  /** The China date the case closed ('' when not known). */
  closedOn: string;
  category: PublicationCategory;
  /** 处理情况: the refund orders (number and total in yuan) and the office's note. */
  handling: string;
  /** The China date it was published ('' when not yet). */
  publishedOn: string;
}

export interface PublicationNotice {
  /** The plan (draw) whose results these are. */
  planName: string;
  /** The office publishing them ('' when the settings name none). */
  office: string;
  /** The notice's date (China date): the latest publication date of its rows, or the day it was made. */
  date: string;
  rows: PublicationNoticeRow[];
}

/** A refund order as the notice names it: its number ('' until the hub numbers it) and its total in fen. */
export interface NoticeOrder {
  docNo: string;
  totalFen: number;
}

/** 处理情况: each refund order as "{number}，责令退还 {yuan} 元", then the note; '—' when there is neither. */
export function handlingText(orders: readonly NoticeOrder[], note: string): string {
  const parts = orders.map((o) => `${o.docNo || '（待编号）'}，责令退还 ${formatFen(o.totalFen)} 元`);
  if (note.trim()) parts.push(note.trim());
  return parts.length > 0 ? parts.join('；') : '—';
}

/** The category as printed: 其他 carries its note in 处理情况, so the category stays short. */
export function categoryText(category: PublicationCategory): string {
  return CATEGORY_TEXT[category];
}

/** The notice's title for a plan. */
export function noticeTitle(planName: string): string {
  return `${planName} 双随机抽查结果公示`;
}

/** What the notice shows of a case. */
export interface NoticeCase {
  entityName: string;
  uscc: string;
  address: string;
  closedOn?: string | null;
}

/** One row of the notice: the case, the category and note it is (or is to be) published with, its refund orders. */
export function noticeRow(c: NoticeCase, entry: { category: PublicationCategory; note: string }, orders: readonly NoticeOrder[], publishedOn: string): PublicationNoticeRow {
  return { name: c.entityName, uscc: c.uscc, address: c.address, closedOn: c.closedOn ?? '', category: entry.category, handling: handlingText(orders, entry.note), publishedOn };
}
