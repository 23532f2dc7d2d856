// The public notice of a plan's results as a PDF (双随机抽查结果公示): what the Excel notice holds
// (publicationXlsx.ts) on landscape A4 — title, sentence, the table with its header on every page, the
// office and date at the end, numbered pages. The same notice gives the same bytes.
import { categoryText, noticeTitle, type PublicationNotice } from '../publication/notice';
import type { FontSource } from './fontSubset';
import { A4_LANDSCAPE_LIST, PdfWriter, type GridColumn, type SealMark } from './pdfWriter';
import { noticeIntro, PUBLICATION_COLUMNS } from './publicationXlsx';
import { chinaDateText } from './refundOrderPdf';

/** Points: the table large enough to read on a notice board; a row still fits a line in most cases. */
const TABLE_SIZE = 9;
const TEXT_SIZE = 11;

/** The columns that wrap: names, addresses and 处理情况. */
const WRAPPING = new Set(['检查对象名称', '地址', '处理情况']);

/**
 * Widths in points: the other columns keep their natural widths; the wrapping ones share what is left,
 * the narrowest first taking what it needs up to an equal share (a short column leaves room to the long).
 */
function columnWidths(natural: readonly number[], total: number): number[] {
  const widths = natural.slice();
  const flexible = PUBLICATION_COLUMNS.flatMap((c, i) => (WRAPPING.has(c.header) ? [i] : [])).sort((a, b) => natural[a]! - natural[b]!);
  let left = total - natural.reduce((s, w, i) => (WRAPPING.has(PUBLICATION_COLUMNS[i]!.header) ? s : s + w), 0);
  flexible.forEach((i, k) => {
    const share = left / (flexible.length - k);
    // The last (widest) column takes all that is left, so the table spans the page.
    widths[i] = k === flexible.length - 1 ? left : Math.min(natural[i]!, share);
    left -= widths[i]!;
  });
  return widths;
}

/** The notice as a landscape A4 PDF. */
export async function publicationPdf(font: FontSource, n: PublicationNotice, seal?: SealMark): Promise<Uint8Array> {
  const title = noticeTitle(n.planName);
  const rows = n.rows.map((r, i) => [String(i + 1), r.name, r.uscc, r.address, r.closedOn, categoryText(r.category), r.handling, r.publishedOn]);
  const closing = [n.office, chinaDateText(n.date)].filter((x) => x !== '');
  // The document's own date (midnight of the notice's date in China), never the clock.
  const meta = { title, subject: `${n.planName} 抽查检查结果公示，共 ${n.rows.length} 户`, createdAt: new Date(`${n.date}T00:00:00+08:00`).toISOString(), seal };
  const pdf = await PdfWriter.create(font, JSON.stringify(rows) + PUBLICATION_COLUMNS.map((c) => c.header).join('') + title + noticeIntro(n) + closing.join(''), meta, A4_LANDSCAPE_LIST);
  pdf.title(title, 16);
  pdf.paragraph(noticeIntro(n), { size: TEXT_SIZE, gap: 6 });
  // Columns that never wrap (number, code, dates, category) are as wide as their widest text and a little more,
  // so that rounding never breaks a code over two lines; the names, addresses and handling share the rest.
  const natural = PUBLICATION_COLUMNS.map((c, i) => Math.max(...[c.header, ...rows.map((r) => r[i]!)].map((x) => pdf.textWidth(x, TABLE_SIZE))) + 10);
  const columns: GridColumn[] = columnWidths(natural, pdf.contentWidth).map((width, i) => ({ header: PUBLICATION_COLUMNS[i]!.header, width, ...(i === 0 ? { align: 'right' as const } : {}) }));
  pdf.grid(columns, rows, { size: TABLE_SIZE });
  pdf.space(12);
  // The office and the date flush right, as a notice is signed.
  for (const line of closing) pdf.paragraph(line, { size: TEXT_SIZE, indent: Math.max(0, pdf.contentWidth - pdf.textWidth(line, TEXT_SIZE) - 24), gap: 0 });
  return pdf.finish(title);
}
