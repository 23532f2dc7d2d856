// The statistics as an Excel workbook: a sheet per table, a title row naming the filter, the header, the
// rows (yuan with two decimals shown, ratios as their exact text), widths that fit Chinese headers.
import { newWorkbook } from '../excel';
import type { StatSheet } from './sheets';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

/** The .xlsx bytes of the sheets; `caption` (plan, period, district) is the first row of each. */
export async function statisticsWorkbook(sheets: readonly StatSheet[], caption: string, created: Date): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  workbook.created = created;
  workbook.modified = created;
  for (const s of sheets) {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    const sheet = workbook.addWorksheet(s.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    sheet.addRow([`${s.title}（${caption}）`]).font = { bold: true, size: 13 };
    const header = sheet.addRow(s.columns.map((c) => c.header));
    header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
    for (const r of s.rows) sheet.addRow(r);
    s.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.kind === 'text' ? 22 : 14;
      if (c.kind === 'yuan') column.numFmt = '#,##0.00';
      if (c.kind !== 'text') column.alignment = { horizontal: 'right' };
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
