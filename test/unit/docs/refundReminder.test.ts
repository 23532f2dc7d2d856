// 退还多收电费催告通知书 as PDF: the order it reminds of, the amount still owed in figures and capitals,
// the new deadline counted on the calendar across 清明, the tenants still owed (ordered, refunded, left) as
// the attachment, the office and the date; the same reminder gives the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { refundReminderPdf } from '../../../src-shared/docs/refundReminderPdf';
import { REFUND_BASIS, refundOrderSchema, type RefundOrder } from '../../../src-shared/refund/order';
import { reminderFor } from '../../../src-shared/refund/reminders';
import type { RefundEvent, RefundReminder } from '../../../src-shared/refund/tracking';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'docs');
mkdirSync(OUT, { recursive: true });
const run = (...args: string[]): string => execFileSync('pdftotext', args, { encoding: 'utf8' });
const squeeze = (s: string): string => s.replace(/\s+/g, '');

const ORDER: RefundOrder = refundOrderSchema.parse({
  id: '0195d0a0-0000-7000-8000-0000000000a1', caseId: '0195d0a0-0000-7000-8000-0000000000c1', docNo: '榕市监价退〔2026〕37号',
  issuedOn: '2026-02-27', workingDays: 15, deadline: '2026-03-20', office: '福州市鼓楼区市场监督管理局',
  party: { name: '福州万象城商业管理有限公司', uscc: '91350100M000100Y43', address: '福州市鼓楼区五四路 128 号' }, basis: [REFUND_BASIS],
  ledger: { recordId: '0195d0a0-0000-7000-8000-0000000000d1', sha256: 'ab'.repeat(32), name: '台账.xlsx' },
  tenants: [
    { tenant: '奶茶店', months: [{ month: '2026-01', overchargeFen: 9766, lines: [3] }], totalFen: 9766 },
    { tenant: '书店', months: [{ month: '2026-02', overchargeFen: 2000, lines: [5] }], totalFen: 2000 },
    { tenant: '花店', months: [{ month: '2026-02', overchargeFen: 150, lines: [6] }], totalFen: 150 },
  ],
  totalFen: 11916, calendarBasis: '',
} satisfies RefundOrder);
const EVENTS: RefundEvent[] = [
  { id: '0195d0a0-0000-7000-8000-000000000e01', orderId: ORDER.id, tenant: '奶茶店', kind: 'paid', amountFen: 5000, paidOn: '2026-03-10', proof: { sha256: 'cd'.repeat(32), name: '回单.pdf', type: 'application/pdf' }, note: '' },
  { id: '0195d0a0-0000-7000-8000-000000000e02', orderId: ORDER.id, tenant: '花店', kind: 'paid', amountFen: 150, paidOn: '2026-03-11', proof: { sha256: 'ce'.repeat(32), name: '回单.pdf', type: 'application/pdf' }, note: '' },
];

describe('the refund reminder (催告通知书) as PDF', () => {
  let reminder: RefundReminder;
  let file: string;
  beforeAll(async () => {
    // Issued Wednesday 2026-04-01; five working days, 4–6 April (清明) off: 2, 3, 7, 8, 9 April.
    reminder = reminderFor(ORDER, EVENTS, '2026-04-01', 5, workdayCalendarOf({ calendar: null }))!;
    expect(reminder.deadline).toBe('2026-04-09');
    file = join(OUT, 'refund-reminder.pdf');
    writeFileSync(file, await refundReminderPdf(FONT, ORDER, reminder));
  });

  it('page 1: authority, title, the order reminded of, party, what is owed in figures and capitals, the new deadline, office and date', () => {
    const first = squeeze(run('-layout', '-f', '1', '-l', '1', file, '-'));
    for (const expected of [
      '福州市鼓楼区市场监督管理局退还多收电费催告通知书原通知书文号：榕市监价退〔2026〕37号',
      '当事人：福州万象城商业管理有限公司统一社会信用代码：91350100M000100Y43住所（经营场所）：福州市鼓楼区五四路128号',
      '本局于2026年2月27日向你单位制发《责令退还多收电费通知书》（榕市监价退〔2026〕37号），责令你单位于2026年3月20日前将多收电费退还给租户。截至2026年4月1日，你单位仍有2户租户的多收电费共计67.66元（大写：陆拾柒元陆角陆分）未退还，已逾期。',
      '现依法催告你单位：自收到本催告通知书之日起5个工作日内（即2026年4月9日前）将上述多收电费退还给附件所列租户，并将退还凭证报送本局。',
      '难以查找的租户，应当公告查找。逾期仍不退还的，本局将依法处理。附件：逾期未退还租户明细表',
      '福州市鼓楼区市场监督管理局2026年4月1日',
    ]) expect(first).toContain(expected);
  });

  it('page 2: the tenants still owed with ordered, refunded and left, the 合计 row and the calendar the deadline was counted on', () => {
    const second = squeeze(run('-raw', '-f', '2', '-l', '2', file, '-'));
    expect(second).toContain('逾期未退还租户明细表序号租户应退金额（元）已退金额（元）未退金额（元）1奶茶店97.6650.0047.662书店20.000.0020.00合计（2户）117.6650.0067.66');
    expect(second).toContain('依据《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）');
    expect(second).not.toContain('花店');
    expect(squeeze(run('-raw', file, '-'))).toContain('第2页共2页');
  });

  it('is the same file every time, and waits for the order\'s number', async () => {
    expect(Buffer.from(await refundReminderPdf(FONT, ORDER, reminder)).equals(readFileSync(file))).toBe(true);
    await expect(refundReminderPdf(FONT, { ...ORDER, docNo: '' }, reminder)).rejects.toThrow(/document number/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, 'refund-reminder-first')]);
  });
});
