// 责令退还多收电费通知书 as an A4 PDF laid out as an official document (GB/T 9704 in spirit): the page's
// 版心 156 × 225 mm; the issuing authority and the title centred, the document number under the title, the
// party, the body (4号, a two-character first-line indent) with the amount in figures and in capitals
// (大写金额), the basis and the deadline, the 附件 line, and the office and the date at the bottom right (the
// date four characters from the right edge, the office centred over it, where the seal goes). The tenants
// follow as the attachment 多收电费退还明细表 on pages of their own (GB/T 9704: 附件另面编排): 序号, 租户,
// 多收月份, 多收金额, the header repeated on every page, a 合计 row. So the notice and its 落款 stay together
// on the first page however many tenants there are. The same order gives the same bytes.
import { formatFen } from '../money';
import { fenToChineseCapital } from '../refund/capital';
import type { RefundOrder } from '../refund/order';
import type { FontSource } from './fontSubset';
import { PdfWriter, type GridCell, type GridColumn, type PageLayout, type SealMark } from './pdfWriter';

const MM = 72 / 25.4;
/** GB/T 9704's page: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (the rest is the foot, where the page numbers go). */
export const OFFICIAL_A4: PageLayout = { size: [595.28, 841.89], margin: { top: 37 * MM, left: 28 * MM, right: (210 - 28 - 156) * MM, bottom: (297 - 37 - 225) * MM } };

const AUTHORITY_SIZE = 22;
const TITLE_SIZE = 20;
/** 正文: 4号 (14 pt) as enforcement documents set it, 31 characters to the line across the 版心. */
const BODY_SIZE = 14;
const INDENT = '\u3000\u3000';
/** The table: 5号 (10.5 pt), about 45 tenants to a page. */
const TABLE_SIZE = 10.5;
/** The note under the table: small enough for the ledger's SHA-256 (64 characters) to stay on one line. */
const NOTE_SIZE = 9.5;

const ATTACHMENT_TITLE = '多收电费退还明细表';
const HEADERS = ['序号', '租户', '多收月份', '多收金额（元）'] as const;

/**
 * The tenants' table: the months column as wide as a range and a month (2025-10至2026-03、2026-05), broken
 * between them; the tenant's name takes the rest and wraps; number and amount as wide as their content.
 */
function columns(pdf: PdfWriter): GridColumn[] {
  const months = pdf.textWidth('0000-00至0000-00、0000-00', TABLE_SIZE) + 8;
  return [{ header: HEADERS[0], align: 'right' }, { header: HEADERS[1], wrap: true }, { header: HEADERS[2], width: months }, { header: HEADERS[3], align: 'right' }];
}

/** A China date 'YYYY-MM-DD' as documents print it: '2026-12-06' → '2026年12月6日'. */
export function chinaDateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Ascending months 'YYYY-MM' with runs of consecutive months as ranges: 2026-01至2026-03, 2026-05 (across a year end too). */
export function monthRanges(months: readonly string[]): string[] {
  const out: string[] = [];
  let start = 0;
  months.forEach((month, i) => {
    const next = months[i + 1];
    if (next !== undefined && monthIndex(next) === monthIndex(month) + 1) return;
    out.push(i === start ? month : `${months[start]!}至${month}`);
    start = i + 1;
  });
  return out;
}

/** Everything the notice prints, as text: what the font is cut down to and what is laid out. */
interface NoticeText {
  authority: string;
  title: string;
  docNo: string;
  party: string[];
  body: string[];
  closing: string;
  attachment: string;
  date: string;
  rows: GridCell[][];
  note: string[];
  footer: string;
}

function noticeText(order: RefundOrder): NoticeText {
  const { party } = order;
  const amount = `${formatFen(order.totalFen)} 元（大写：${fenToChineseCapital(order.totalFen)}）`;
  const calendar = order.calendarBasis.trim() === '' ? '' : `，按${order.calendarBasis.trim()}计算`;
  return {
    authority: order.office,
    title: '责令退还多收电费通知书',
    docNo: order.docNo,
    party: [`当事人：${party.name}`, `统一社会信用代码：${party.uscc}`, ...(party.address.trim() ? [`住所（经营场所）：${party.address.trim()}`] : [])],
    body: [
      `经检查，你单位在转供电过程中向租户收取的电费超过依法应收的电费。经对你单位提供的电费台账逐户逐月核算，你单位向 ${order.tenants.length} 户租户多收电费共计 ${amount}。`,
      `依据${order.basis.join('、')}，责令你单位自收到本通知书之日起 ${order.workingDays} 个工作日内（即 ${chinaDateText(order.deadline)}前${calendar}）将多收电费退还给附件所列租户，并将退还凭证报送本局。`,
    ],
    closing: '难以查找的租户，应当公告查找。逾期不退还的，本局将依法处理。',
    attachment: ATTACHMENT_TITLE,
    date: chinaDateText(order.issuedOn),
    rows: [
      ...order.tenants.map((t, i): GridCell[] => [String(i + 1), t.tenant, monthRanges(t.months.map((m) => m.month)), formatFen(t.totalFen)]),
      ['', `合计（${order.tenants.length} 户）`, '', formatFen(order.totalFen)],
    ],
    // The hash on a line of its own: broken by characters inside a sentence, it would split 'SHA-256'.
    note: [`注：多收金额依据你单位提供的电费台账《${order.ledger.name}》逐户逐月核算，各月金额及对应的台账行号见退费台账（Excel）。`, `台账文件 SHA-256：${order.ledger.sha256}`],
    footer: order.docNo,
  };
}

/** A paragraph of the body: the first line indented by two characters, the others full width. */
export function bodyParagraph(pdf: PdfWriter, text: string, size: number): void {
  const indent = 2 * size;
  const [first = ''] = pdf.wrap(text, size, pdf.contentWidth - indent);
  const rest = text.slice(first.length);
  pdf.paragraph(first, { size, indent, gap: rest ? 0 : 4 });
  if (rest) pdf.paragraph(rest, { size, gap: 4 });
}

/** One line whose right end sits `fromRight` points from the right margin. */
export function lineAt(pdf: PdfWriter, text: string, size: number, fromRight: number): void {
  const indent = Math.max(0, pdf.contentWidth - fromRight - pdf.textWidth(text, size) - 0.5);
  pdf.paragraph(text, { size, indent, gap: 0 });
}

/**
 * 署名 and 成文日期: the date four characters from the right edge, the office centred over it, or two
 * characters from the edge when it is the longer; a name too long for the line is set smaller, never wrapped.
 */
export function signature(pdf: PdfWriter, office: string, date: string, size: number): void {
  const officeSize = Math.min(size, Math.floor((10 * (pdf.contentWidth - 2 * size)) / pdf.textWidth(office, 1)) / 10);
  const centred = 4 * size + (pdf.textWidth(date, size) - pdf.textWidth(office, officeSize)) / 2;
  lineAt(pdf, office, officeSize, Math.max(2 * size, centred));
  lineAt(pdf, date, size, 4 * size);
}

/** What follows starts a new page: the writer turns the page for anything that no longer fits, and nothing fits below the page. */
export function pageBreak(pdf: PdfWriter): void {
  pdf.space(OFFICIAL_A4.size[1]);
}

/** The notice as PDF bytes; `font` is the embedded Chinese font. Throws while the order has no document number. */
/** `seal`: the office key that signs it (a QR box and the key's fingerprint on every page). */
export async function refundOrderPdf(font: FontSource, order: RefundOrder, seal?: SealMark): Promise<Uint8Array> {
  if (order.docNo.trim() === '') throw new Error('the refund order has no document number yet: the hub gives it when it takes the order');
  const text = noticeText(order);
  const meta = { title: `${text.title} ${text.docNo}`, subject: `${order.party.name}（${order.party.uscc}）`, createdAt: `${order.issuedOn}T00:00:00+08:00`, seal };
  const pdf = await PdfWriter.create(font, JSON.stringify(text) + HEADERS.join('') + INDENT + '附件：', meta, OFFICIAL_A4);
  // A long authority's name (over 20 characters) is set smaller rather than run off the page: a title is one line.
  pdf.title(text.authority, Math.min(AUTHORITY_SIZE, Math.floor((10 * pdf.contentWidth) / pdf.textWidth(text.authority, 1)) / 10));
  pdf.title(text.title, TITLE_SIZE);
  lineAt(pdf, text.docNo, BODY_SIZE - 2, 0);
  pdf.space(BODY_SIZE);
  for (const line of text.party) pdf.paragraph(line, { size: BODY_SIZE, gap: 0 });
  pdf.space(BODY_SIZE / 2);
  for (const paragraph of text.body) bodyParagraph(pdf, paragraph, BODY_SIZE);
  bodyParagraph(pdf, text.closing, BODY_SIZE);
  // A heading is kept on one page with the 110 points after it, room for the 落款: office and date never
  // stand alone on a page. Two ideographic spaces indent it as the body's first lines.
  pdf.heading(`${INDENT}附件：${text.attachment}`);
  pdf.space(BODY_SIZE / 2);
  signature(pdf, text.authority, text.date, BODY_SIZE);

  pageBreak(pdf);
  pdf.paragraph('附件', { size: BODY_SIZE, gap: 4 });
  pdf.title(text.attachment, TITLE_SIZE - 2);
  pdf.grid(columns(pdf), text.rows, { size: TABLE_SIZE });
  text.note.forEach((line) => pdf.paragraph(line, { size: NOTE_SIZE, color: 'grey', gap: 0 }));
  return pdf.finish(text.footer);
}
