// 退还多收电费催告通知书: the reminder for a refund order whose deadline passed with tenants still owed, laid
// out like the order itself (refundOrderPdf.ts: GB/T 9704 page, authority and title centred, 4号 body, the
// office and the date at the bottom right) — the order it reminds of (number, date, deadline), the amount
// still owed in figures and capitals, the new deadline in working days with the calendar's notices, and the
// tenants still owed as the attachment: ordered, refunded, left. Made from the order and the reminder as
// recorded (a 'reminded' refund event), so the same reminder gives the same bytes.
import { formatFen } from '../money';
import { fenToChineseCapital } from '../refund/capital';
import type { RefundOrder } from '../refund/order';
import type { RefundReminder } from '../refund/tracking';
import type { FontSource } from './fontSubset';
import { PdfWriter, type GridCell, type GridColumn, type SealMark } from './pdfWriter';
import { bodyParagraph, chinaDateText, lineAt, OFFICIAL_A4, pageBreak, signature } from './refundOrderPdf';

const AUTHORITY_SIZE = 22;
const TITLE_SIZE = 20;
const BODY_SIZE = 14;
const TABLE_SIZE = 10.5;
const NOTE_SIZE = 9.5;
const INDENT = '\u3000\u3000';

export const REMINDER_TITLE = '退还多收电费催告通知书';
const ATTACHMENT_TITLE = '逾期未退还租户明细表';
const HEADERS = ['序号', '租户', '应退金额（元）', '已退金额（元）', '未退金额（元）'] as const;

interface ReminderText {
  authority: string;
  docNo: string;
  party: string[];
  body: string[];
  closing: string;
  date: string;
  rows: GridCell[][];
  note: string[];
}

/** Everything the reminder prints, as text (what the font is cut to and what is laid out). */
export function reminderText(order: RefundOrder, reminder: RefundReminder): ReminderText {
  const { party } = order;
  const ordered = new Map(order.tenants.map((t) => [t.tenant, t.totalFen]));
  const owedFen = reminder.tenants.reduce((s, t) => s + t.remainingFen, 0);
  const orderedFen = reminder.tenants.reduce((s, t) => s + (ordered.get(t.tenant) ?? t.remainingFen), 0);
  return {
    authority: order.office,
    docNo: `原通知书文号：${order.docNo}`,
    party: [`当事人：${party.name}`, `统一社会信用代码：${party.uscc}`, ...(party.address.trim() ? [`住所（经营场所）：${party.address.trim()}`] : [])],
    body: [
      `本局于 ${chinaDateText(order.issuedOn)}向你单位制发《责令退还多收电费通知书》（${order.docNo}），责令你单位于 ${chinaDateText(order.deadline)}前将多收电费退还给租户。截至 ${chinaDateText(reminder.issuedOn)}，你单位仍有 ${reminder.tenants.length} 户租户的多收电费共计 ${formatFen(owedFen)} 元（大写：${fenToChineseCapital(owedFen)}）未退还，已逾期。`,
      `现依法催告你单位：自收到本催告通知书之日起 ${reminder.workingDays} 个工作日内（即 ${chinaDateText(reminder.deadline)}前）将上述多收电费退还给附件所列租户，并将退还凭证报送本局。`,
    ],
    closing: '难以查找的租户，应当公告查找。逾期仍不退还的，本局将依法处理。',
    date: chinaDateText(reminder.issuedOn),
    rows: [
      ...reminder.tenants.map((t, i): GridCell[] => {
        const total = ordered.get(t.tenant) ?? t.remainingFen;
        return [String(i + 1), t.tenant, formatFen(total), formatFen(total - t.remainingFen), formatFen(t.remainingFen)];
      }),
      ['', `合计（${reminder.tenants.length} 户）`, formatFen(orderedFen), formatFen(orderedFen - owedFen), formatFen(owedFen)],
    ],
    note: [`注：应退金额为原通知书（${order.docNo}）所列金额，已退金额为本局截至 ${chinaDateText(reminder.issuedOn)}登记的退还金额。`, ...(reminder.calendarBasis.trim() ? [`${reminder.calendarBasis.trim()}。`] : [])],
  };
}

const columns: GridColumn[] = [{ header: HEADERS[0], align: 'right' }, { header: HEADERS[1], wrap: true }, { header: HEADERS[2], align: 'right' }, { header: HEADERS[3], align: 'right' }, { header: HEADERS[4], align: 'right' }];

/**
 * The reminder as PDF bytes; `font` is the embedded Chinese font, `seal` the office key that will sign it (as
 * refundOrderPdf's). Throws while the order has no document number.
 */
export async function refundReminderPdf(font: FontSource, order: RefundOrder, reminder: RefundReminder, seal?: SealMark): Promise<Uint8Array> {
  if (order.docNo.trim() === '') throw new Error('the refund order has no document number yet: the hub gives it when it takes the order');
  const text = reminderText(order, reminder);
  const meta = { title: `${REMINDER_TITLE} ${order.docNo}`, subject: `${order.party.name}（${order.party.uscc}）`, createdAt: `${reminder.issuedOn}T00:00:00+08:00`, seal };
  const pdf = await PdfWriter.create(font, JSON.stringify(text) + REMINDER_TITLE + ATTACHMENT_TITLE + HEADERS.join('') + INDENT + '附件：', meta, OFFICIAL_A4);
  pdf.title(text.authority, Math.min(AUTHORITY_SIZE, Math.floor((10 * pdf.contentWidth) / pdf.textWidth(text.authority, 1)) / 10));
  pdf.title(REMINDER_TITLE, TITLE_SIZE);
  lineAt(pdf, text.docNo, BODY_SIZE - 2, 0);
  pdf.space(BODY_SIZE);
  for (const line of text.party) pdf.paragraph(line, { size: BODY_SIZE, gap: 0 });
  pdf.space(BODY_SIZE / 2);
  for (const paragraph of text.body) bodyParagraph(pdf, paragraph, BODY_SIZE);
  bodyParagraph(pdf, text.closing, BODY_SIZE);
  pdf.heading(`${INDENT}附件：${ATTACHMENT_TITLE}`);
  pdf.space(BODY_SIZE / 2);
  signature(pdf, text.authority, text.date, BODY_SIZE);

  pageBreak(pdf);
  pdf.paragraph('附件', { size: BODY_SIZE, gap: 4 });
  pdf.title(ATTACHMENT_TITLE, TITLE_SIZE - 2);
  pdf.grid(columns, text.rows, { size: TABLE_SIZE });
  text.note.forEach((line) => pdf.paragraph(line, { size: NOTE_SIZE, color: 'grey', gap: 0 }));
  return pdf.finish(`${order.docNo} 催告`);
}
