// The public notice of a plan's results as Excel (双随机抽查结果公示): the title, one sentence, a bordered
// table — 序号, 检查对象名称, 统一社会信用代码, 地址, 检查日期/办结日期, 检查结果, 处理情况, 公示日期 — and the
// office and date under it as a notice is signed. Dates are written as text ('2026-10-08'), as the notice
// shows them; A4 landscape one page wide, the header row repeated on every printed page.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { PRINT_A4_WIDE } from '../excelPrint';
import { categoryText, noticeTitle, type PublicationNotice } from '../publication/notice';
import { chinaDateText } from './refundOrderPdf';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const FOOTER = '&C第 &P 页 共 &N 页';

/** The table's columns and their widths in Excel's units (a Chinese character takes two). */
export const PUBLICATION_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '检查对象名称', width: 32 },
  { header: '统一社会信用代码', width: 21 },
  { header: '地址', width: 34 },
  { header: '检查日期/办结日期', width: 12 },
  { header: '检查结果', width: 16 },
  { header: '处理情况', width: 40 },
  { header: '公示日期', width: 12 },
] as const;

/** The sentence under the title (the PDF prints the same). */
export function noticeIntro(n: PublicationNotice): string {
  return `按照“双随机、一公开”监管要求，现将「${n.planName}」抽查检查结果公示如下（共 ${n.rows.length} 户）。`;
}

/** The notice workbook (.xlsx bytes), one sheet 抽查结果公示. */
export async function publicationWorkbook(n: PublicationNotice): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  workbook.title = noticeTitle(n.planName);
  // The workbook's own dates are the notice's, not the clock's.
  workbook.created = new Date(`${n.date}T00:00:00+08:00`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('抽查结果公示', { pageSetup: { ...PRINT_A4_WIDE, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } }, headerFooter: { oddFooter: FOOTER } });
  const last = PUBLICATION_COLUMNS.length;
  sheet.columns = PUBLICATION_COLUMNS.map((c) => ({ width: c.width }));
  const title = sheet.addRow([noticeTitle(n.planName)]);
  sheet.mergeCells(title.number, 1, title.number, last);
  Object.assign(title.getCell(1), { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } });
  title.height = 30;
  const intro = sheet.addRow([noticeIntro(n)]);
  sheet.mergeCells(intro.number, 1, intro.number, last);
  intro.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  intro.height = 20;
  const header = sheet.addRow(PUBLICATION_COLUMNS.map((c) => c.header));
  header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  n.rows.forEach((r, i) => {
    const row = sheet.addRow([i + 1, r.name, r.uscc, r.address, r.closedOn, categoryText(r.category), r.handling, r.publishedOn]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 ? 'center' : 'left' };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  // Signed under the table as a notice is: the office, then the date.
  sheet.addRow([]);
  for (const text of [n.office, chinaDateText(n.date)].filter((x) => x !== '')) {
    const row = sheet.addRow([]);
    row.getCell(last - 1).value = text;
    sheet.mergeCells(row.number, last - 1, row.number, last);
    row.getCell(last - 1).alignment = { horizontal: 'right' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
