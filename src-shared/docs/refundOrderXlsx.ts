// The refund order's Excel ledger (退费台账), the office's working copy for tracking each refund: sheet 退费台账
// with the order's facts on top and one row per tenant and month (the amount as a number in yuan, exactly the
// order's fen / 100, formatted #,##0.00; the ledger rows it sums; the refund status, 待退还 at issue), and
// sheet 按租户汇总 with one row per tenant as the notice lists them. Totals are written as values, the exact
// sums of the order's integer fen, never as formulas a spreadsheet would add up in binary floating point.
// Both sheets print on A4 landscape, one page wide, their column headers repeated on every page.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { PRINT_A4_WIDE } from '../excelPrint';
import { fenToChineseCapital } from '../refund/capital';
import type { RefundOrder } from '../refund/order';
import { chinaDateText, monthRanges } from './refundOrderPdf';

const AMOUNT_FORMAT = '#,##0.00';
/** The states a refund goes through (issue: 待退还 → 已退还 → 已核实, or 无法联系 and a public notice). */
const STATUSES = ['待退还', '已退还', '已核实', '无法联系'] as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const FOOTER = '&C第 &P 页 共 &N 页';

/** Points per line of 11-point text in a row Excel is told the height of. */
const LINE_HEIGHT = 15;

/** Width of text in Excel's column units: a Chinese character (or a full-width sign) takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

/** Yuan as a spreadsheet number: fen / 100, the double nearest the exact amount (what Excel itself would hold). */
const yuan = (fen: number): number => fen / 100;

/** The order's facts above the table, a label and its value a row. */
function factRows(order: RefundOrder): [string, string | number][] {
  return [
    ['文号', order.docNo],
    ['签发机关', order.office],
    ['签发日期', chinaDateText(order.issuedOn)],
    ['当事人', `${order.party.name}（统一社会信用代码 ${order.party.uscc}）`],
    ...(order.party.address.trim() ? [['住所（经营场所）', order.party.address.trim()] as [string, string]] : []),
    ['退还期限', `自收到通知书之日起 ${order.workingDays} 个工作日内（签发当日送达的，至 ${chinaDateText(order.deadline)}）`],
    ...(order.calendarBasis.trim() ? [['工作日计算依据', order.calendarBasis.trim()] as [string, string]] : []),
    ['法律依据', order.basis.join('、')],
    ['多收电费合计（元）', yuan(order.totalFen)],
    ['合计大写', fenToChineseCapital(order.totalFen)],
    ['租户数', order.tenants.length],
    ['电费台账', `${order.ledger.name}（SHA-256 ${order.ledger.sha256}）`],
  ];
}

interface Column {
  header: string;
  width: number;
  amount?: boolean;
}

/** A sheet with the title, the facts, and a bordered table whose header row is frozen, filtered and repeated when printed. */
function tableSheet(workbook: ExcelJS.Workbook, name: string, title: string, order: RefundOrder, columns: readonly Column[], rows: readonly (readonly (string | number)[])[], total: readonly (string | number)[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { pageSetup: { ...PRINT_A4_WIDE }, headerFooter: { oddFooter: FOOTER } });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, last);
  Object.assign(sheet.getCell(1, 1), { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } });
  // Label across the first two columns, the value across the rest; Excel does not fit a merged cell's height to
  // its wrapped text, so a long value's row is given the height of its lines.
  const valueWidth = columns.slice(2).reduce((s, c) => s + c.width, 0);
  for (const [label, value] of factRows(order)) {
    const row = sheet.addRow([label, '', value]);
    sheet.mergeCells(row.number, 1, row.number, 2);
    sheet.mergeCells(row.number, 3, row.number, last);
    Object.assign(row.getCell(1), { font: { bold: true }, alignment: { horizontal: 'right', vertical: 'top' } });
    row.getCell(3).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    if (typeof value === 'number' && label.includes('（元）')) row.getCell(3).numFmt = AMOUNT_FORMAT;
    const lines = Math.ceil(displayWidth(String(value)) / valueWidth);
    if (lines > 1) row.height = LINE_HEIGHT * lines;
  }
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  for (const cells of [...rows, total]) {
    const row = sheet.addRow([...cells]);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: !c.amount };
      if (c.amount) cell.numFmt = AMOUNT_FORMAT;
    });
  }
  sheet.lastRow!.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: last } };
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  return sheet;
}

/** The status column: 待退还 at issue, a drop-down of the states for the clerk. */
function statusList(sheet: ExcelJS.Worksheet, column: number, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r += 1) {
    sheet.getCell(r, column).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${STATUSES.join(',')}"`] };
  }
}

/** The ledger workbook (.xlsx bytes): 退费台账 (a row per tenant and month) and 按租户汇总 (a row per tenant). */
export async function refundOrderWorkbook(order: RefundOrder): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  workbook.title = `责令退还多收电费台账 ${order.docNo}`;
  // The workbook's own dates are the order's, not the clock's.
  workbook.created = new Date(`${order.issuedOn}T00:00:00+08:00`);
  workbook.modified = workbook.created;

  const monthRows = order.tenants.flatMap((t) => t.months.map((m) => ({ tenant: t.tenant, ...m })));
  const ledger = tableSheet(
    workbook, '退费台账', '责令退还多收电费台账', order,
    [{ header: '序号', width: 7 }, { header: '租户', width: 36 }, { header: '月份', width: 10 }, { header: '多收金额（元）', width: 16, amount: true }, { header: '账单行号', width: 22 }, { header: '退还状态', width: 11 }],
    monthRows.map((r, i) => [i + 1, r.tenant, r.month, yuan(r.overchargeFen), r.lines.join('、'), STATUSES[0]]),
    ['', `合计（${order.tenants.length} 户，${monthRows.length} 个户月）`, '', yuan(order.totalFen), '', ''],
  );
  statusList(ledger, 6, ledger.rowCount - monthRows.length, ledger.rowCount - 1);

  const summary = tableSheet(
    workbook, '按租户汇总', '责令退还多收电费汇总（按租户）', order,
    [{ header: '序号', width: 7 }, { header: '租户', width: 36 }, { header: '多收月份', width: 30 }, { header: '月数', width: 7 }, { header: '多收金额（元）', width: 16, amount: true }, { header: '退还状态', width: 11 }],
    order.tenants.map((t, i) => [i + 1, t.tenant, monthRanges(t.months.map((m) => m.month)).join('、'), t.months.length, yuan(t.totalFen), STATUSES[0]]),
    ['', `合计（${order.tenants.length} 户）`, '', monthRows.length, yuan(order.totalFen), ''],
  );
  statusList(summary, 6, summary.rowCount - order.tenants.length, summary.rowCount - 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

