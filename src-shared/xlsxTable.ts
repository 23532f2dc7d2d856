// A lean writer of plain tables as .xlsx, for the exports of whole lists (a 100,000-target list, a city's year
// of filings, a draw's list). exceljs builds a model of every cell and renders it at once: about 10 s and
// gigabytes of garbage for 100,000 targets, with no way to tell how far it is. These tables need text,
// numbers with formats, widths, a bold head, frozen head rows, a filter and the print setup: written here as
// SpreadsheetML, row by row, and zipped as they are written with fflate (already ours, for .tcase files and
// the reader xlsxCells.ts, the other half of this). exceljs stays for the workbooks that need more
// (templates with drop-downs, the statistics' charts of sheets).
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';

export type TableCell = string | number | null;

export interface TableColumn {
  /** In characters, as Excel counts them. */
  width: number;
  /** The format of the column's cells, e.g. '@' (text, so codes keep every character) or '#,##0.00'. */
  numFmt?: string;
  /** Long text wrapped in the cell, top-aligned. */
  wrap?: boolean;
}

/** A row above the table: a caption (bold) or the column headers (bold, shaded, centred). */
export interface TableHeadRow {
  style: 'caption' | 'header';
  cells: readonly TableCell[];
}

export interface TableSheet {
  name: string;
  columns: readonly TableColumn[];
  head: readonly TableHeadRow[];
  /** The rows under the head, made one at a time as they are written (a list's rows are not copied). */
  body: TableBody;
  /** The head rows stay in view when scrolling. */
  freezeHead?: boolean;
  /** A filter on the last head row. */
  filter?: boolean;
  /** A4 landscape, every column on one page width (excelPrint.ts). */
  printWide?: boolean;
}

export interface TableBody {
  count: number;
  row(index: number): readonly TableCell[];
}

export interface TableWorkbookOptions {
  creator?: string;
  /** The workbook's own time (and its parts'): a draw's notice carries the draw's, so it is the same file each time. */
  created?: Date;
  /** Rows written so far, of every sheet; called every ROW_SLICE rows and at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** The rows given to the zip at once: enough to deflate well, few enough to tell progress often. */
export const ROW_SLICE = 5_000;

/** A table's body over records, each made into cells when its row is written. */
export function bodyOf<R>(records: readonly R[], cells: (record: R, index: number) => readonly TableCell[]): TableBody {
  return { count: records.length, row: (i) => cells(records[i]!, i) };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Excel's built-in number formats need no declaration; any other gets an id from 164.
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const CAPTION_XF = 1;
const HEADER_XF = 2;
const SHEET_NAME_BAD = /[[\]:*?/\\]/;

/** The workbook as .xlsx bytes. */
export function tableWorkbook(sheets: readonly TableSheet[], options: TableWorkbookOptions = {}): Uint8Array {
  sheets.forEach(checkName);
  const created = options.created ?? new Date();
  const styles = new Styles();
  const layouts = sheets.map((s) => s.columns.map((c) => styles.cellXf(c)));
  const zip = new ZipOut(created);
  zip.whole('[Content_Types].xml', contentTypes(sheets.length));
  zip.whole('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`);
  zip.whole('docProps/core.xml', coreProperties(options.creator ?? '', created));
  zip.whole('xl/workbook.xml', workbookXml(sheets));
  zip.whole('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  zip.whole('xl/styles.xml', styles.xml());
  const total = sheets.reduce((n, s) => n + s.body.count, 0);
  let done = 0;
  sheets.forEach((sheet, i) => {
    const part = zip.streamed(`xl/worksheets/sheet${i + 1}.xml`);
    const xfs = layouts[i]!;
    part.push(sheetStart(sheet, xfs, i === 0));
    for (let from = 0; from < sheet.body.count; from += ROW_SLICE) {
      const to = Math.min(from + ROW_SLICE, sheet.body.count);
      let xml = '';
      for (let r = from; r < to; r++) xml += rowXml(sheet.head.length + r + 1, sheet.body.row(r), xfs, null);
      part.push(xml);
      done += to - from;
      options.onProgress?.(done, total);
    }
    part.end(sheetEnd(sheet));
  });
  if (total === 0) options.onProgress?.(0, 0);
  return zip.bytes();
}

function checkName(sheet: TableSheet): void {
  if (sheet.name === '' || sheet.name.length > 31 || SHEET_NAME_BAD.test(sheet.name)) throw new Error(`sheet name not allowed by Excel: ${sheet.name}`);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Characters XML 1.0 cannot carry at all (Excel would need its own _xHHHH_ escapes): dropped, as exceljs does.
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is looked for
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// eslint-disable-next-line no-control-regex -- as NOT_XML, with the markup
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function escapeXml(text: string): string {
  // Most cells need neither: one test instead of two replaces.
  return NEEDS_ESCAPE.test(text) ? text.replace(NOT_XML, '').replace(MARKUP, (c) => ENTITY[c]!) : text;
}

const KEEP_SPACE = /^\s|\s$|\n/;
// The letters of the first columns, made once: a cell's reference is made for every cell written.
const LETTERS = Array.from({ length: 64 }, (_, i) => columnName(i));
const letters = (index: number) => LETTERS[index] ?? columnName(index);

function cellXml(ref: string, value: TableCell, xf: number): string {
  const s = xf === 0 ? '' : ` s="${xf}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (value === null || value === '') return '';
  // Spaces at either end and line breaks are kept only when said so.
  const keep = KEEP_SPACE.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${keep}>${escapeXml(value)}</t></is></c>`;
}

/** A row; `rowXf` styles the whole row (a head row), else each cell takes its column's. */
function rowXml(number: number, cells: readonly TableCell[], columnXfs: readonly number[], rowXf: number | null): string {
  let xml = rowXf === null ? `<row r="${number}">` : `<row r="${number}" s="${rowXf}" customFormat="1">`;
  for (let c = 0; c < cells.length; c++) xml += cellXml(letters(c) + number, cells[c] ?? null, rowXf ?? columnXfs[c] ?? 0);
  return xml + '</row>';
}

function sheetStart(sheet: TableSheet, xfs: readonly number[], selected: boolean): string {
  const width = Math.max(1, sheet.columns.length, ...sheet.head.map((h) => h.cells.length));
  const last = sheet.head.length + sheet.body.count;
  const frozen = sheet.freezeHead && sheet.head.length > 0 ? sheet.head.length : 0;
  const top = `A${frozen + 1}`;
  const pane = frozen ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` : '';
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${xfs[i] ? ` style="${xfs[i]}"` : ''}/>`).join('');
  const head = sheet.head.map((h, i) => rowXml(i + 1, h.cells, xfs, h.style === 'header' ? HEADER_XF : CAPTION_XF)).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    (sheet.printWide ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${columnName(width - 1)}${Math.max(1, last)}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${head}`
  );
}

function filterRef(sheet: TableSheet): string | null {
  if (!sheet.filter || sheet.head.length === 0 || sheet.columns.length === 0) return null;
  const row = sheet.head.length;
  return `A${row}:${columnName(sheet.columns.length - 1)}${row}`;
}

function sheetEnd(sheet: TableSheet): string {
  const filter = filterRef(sheet);
  return (
    '</sheetData>' +
    (filter ? `<autoFilter ref="${filter}"/>` : '') +
    (sheet.printWide ? '<printOptions horizontalCentered="1"/>' : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (sheet.printWide ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '') +
    '</worksheet>'
  );
}

function contentTypes(sheets: number): string {
  const overrides = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `${overrides}</Types>`
  );
}

function coreProperties(creator: string, created: Date): string {
  const at = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

function workbookXml(sheets: readonly TableSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel keeps a filter's range as a hidden name; without it some versions drop the filter.
  const names = sheets
    .map((s, i) => [i, s, filterRef(s)] as const)
    .filter(([, , ref]) => ref !== null)
    .map(([i, s, ref]) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replace(/'/g, "''"))}'!${ref!.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}</definedName>`)
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** The cell formats: 0 plain, 1 caption, 2 header, then one per (number format, wrap) the columns use. */
class Styles {
  private readonly custom = new Map<string, number>();
  private readonly xfs = new Map<string, number>();

  cellXf(column: TableColumn): number {
    if (!column.numFmt && !column.wrap) return 0;
    const id = this.formatId(column.numFmt ?? 'General');
    const key = `${id}|${column.wrap ? 1 : 0}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) this.xfs.set(key, (xf = HEADER_XF + 1 + this.xfs.size));
    return xf;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.custom.get(code);
    if (id === undefined) this.custom.set(code, (id = 164 + this.custom.size));
    return id;
  }

  xml(): string {
    const formats = [...this.custom].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    const columnXfs = [...this.xfs.keys()].map((key) => {
      const [id, wrap] = key.split('|');
      return wrap === '1'
        ? `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
        : `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    });
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>',
      ...columnXfs,
    ];
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
      (formats ? `<numFmts count="${this.custom.size}">${formats}</numFmts>` : '') +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/** The zip being written: parts whole or streamed, every part dated `mtime`, the bytes gathered. */
class ZipOut {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private error: Error | null = null;

  constructor(private readonly mtime: Date) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.error = error;
      else this.chunks.push(chunk);
    });
  }

  private add(name: string): ZipInputFile & { push(data: Uint8Array, final?: boolean): void } {
    // Level 3: at 100,000 targets (81 MB of XML) level 6 takes a second longer for a file a tenth smaller.
    const file = new ZipDeflate(name, { level: 3 });
    file.mtime = this.mtime;
    this.zip.add(file);
    return file;
  }

  whole(name: string, text: string): void {
    this.add(name).push(strToU8(text), true);
  }

  streamed(name: string): { push(text: string): void; end(text: string): void } {
    const file = this.add(name);
    return { push: (text) => file.push(strToU8(text)), end: (text) => file.push(strToU8(text), true) };
  }

  bytes(): Uint8Array {
    this.zip.end();
    if (this.error) throw this.error;
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
