// A lean reader of an .xlsx's cells for the importers: the values Excel shows, number formats, merges,
// which sheets are hidden. exceljs builds a whole workbook model (styles, validations, drawings) from a
// SAX parse, about 1 s for a 3,841-row list and a megabyte of script; an import needs none of it, so
// here the zip is opened with fflate (already ours, for .tcase files) and the few parts read are scanned.
// The cells mimic exceljs's (value, numFmt, master, isMerged), so the importers and their tests read both.
import type { CellValue } from 'exceljs';
import { unzipSync } from 'fflate';

/** A cell's value as exceljs gives it, limited to what an importer meets: text, number, boolean, date. */
export type CellRead = string | number | boolean | Date | null;

export interface ReadCell {
  readonly value: CellValue;
  readonly numFmt?: string;
  /** The row number (exceljs types it as a string; only compared). */
  readonly row: number | string;
  /** The top-left cell of the merged range this cell is in; the cell itself when it is not merged. */
  readonly master: ReadCell;
  readonly isMerged: boolean;
}

export interface ReadRow {
  /** The cells holding a value or continuing a merged range, by column number, in column order. */
  eachCell(each: (cell: ReadCell, col: number) => void): void;
}

export interface ReadSheet {
  readonly name: string;
  readonly state: string;
  /** The number of the last row, empty formatted rows included. */
  readonly rowCount: number;
  /** How many rows hold a value. */
  readonly actualRowCount: number;
  findRow(row: number): ReadRow | undefined;
  findCell(row: number, col: number): ReadCell | undefined;
}

export interface ReadBook {
  readonly worksheets: readonly ReadSheet[];
  getWorksheet(name: string): ReadSheet | undefined;
}

/**
 * Why a package that is a workbook is still refused whole: what an importer tells the clerk (src-shared/lists/workbook.ts).
 * `where` names the reference or the element, for the message.
 */
export class XlsxRefused extends Error {
  override readonly name = 'XlsxRefused';
  constructor(
    readonly reason: 'too-large' | 'damaged' | 'out-of-range',
    readonly where: string,
  ) {
    super(`${reason}: ${where}`);
  }
}

/**
 * The workbook in `data` (.xlsx bytes); throws when it is not one (not a zip, no workbook part), and
 * XlsxRefused when it is one too large, damaged, or referring past Excel's rows and columns.
 */
export function readXlsx(data: Uint8Array): ReadBook {
  const parts = xmlParts(data);
  const part = (path: string): string | undefined => parts.get(path.toLowerCase());
  const bookPath = relTargets(part('_rels/.rels'), '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookXml = part(bookPath);
  if (bookXml === undefined) throw new Error('no workbook part');
  const dir = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  const rels = relTargets(part(`${dir}_rels/${bookPath.slice(dir.length)}.rels`), dir);
  const relOf = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target;
  const context: SheetContext = {
    strings: sharedStrings(part(relOf('/sharedStrings') ?? `${dir}sharedStrings.xml`)),
    formats: cellFormats(part(relOf('/styles') ?? `${dir}styles.xml`)),
    date1904: ['1', 'true'].includes(attributes(startTags(bookXml, 'workbookPr')[0] ?? '').date1904 ?? ''),
  };
  const sheets: ReadSheet[] = [];
  for (const tag of startTags(bookXml, 'sheet')) {
    const a = attributes(tag);
    const target = rels.find((r) => r.id === a['r:id'])?.target;
    const xml = target === undefined ? undefined : part(target);
    if (xml === undefined || !xml.includes('<sheetData')) continue; // a chart sheet, or a part that is missing
    sheets.push(readSheet(a.name ?? '', a.state ?? 'visible', xml, context));
  }
  return { worksheets: sheets, getWorksheet: (name) => sheets.find((s) => s.name === name) };
}

// ---- the zip and its relationships --------------------------------------------------------------------

/**
 * What the parts read may inflate to: a 100,000-row list is some 40 MB of XML. A file that claims more is
 * refused before anything is inflated (a "zip bomb" would otherwise take the window's memory).
 */
export const MAX_XML_BYTES = 256 * 1024 * 1024;
// Parts of a package an importer never reads (pictures, charts, pivot caches, comments, themes…).
const NOT_READ = /^(?:customXml\/|docProps\/|xl\/(?:media|drawings|charts|chartsheets|printerSettings|pivotCache|pivotTables|externalLinks|theme|comments|threadedComments|persons|tables|queryTables|slicers|slicerCaches|timelines|richData|ctrlProps|activeX|embeddings)\/)/i;

/** The package's XML parts by lower-cased path (some writers vary the case of part names). */
function xmlParts(data: Uint8Array): Map<string, string> {
  let total = 0;
  const files = unzipSync(data, {
    filter: (f) => {
      if (!/\.(?:xml|rels)$/i.test(f.name) || NOT_READ.test(f.name)) return false;
      total += f.originalSize;
      if (total > MAX_XML_BYTES) throw new XlsxRefused('too-large', f.name);
      return true;
    },
  });
  const decoder = new TextDecoder();
  return new Map(Object.entries(files).map(([name, bytes]) => [name.toLowerCase(), decoder.decode(bytes)]));
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

/** A .rels part's relationships, targets resolved against `dir` (or the root for an absolute target). */
function relTargets(xml: string | undefined, dir: string): Rel[] {
  return startTags(xml ?? '', 'Relationship').map((tag) => {
    const a = attributes(tag);
    const target = a.Target ?? '';
    return { id: a.Id ?? '', type: a.Type ?? '', target: target.startsWith('/') ? target.slice(1) : resolve(dir + target) };
  });
}

function resolve(path: string): string {
  const out: string[] = [];
  for (const step of path.split('/')) {
    if (step === '..') out.pop();
    else if (step !== '.' && step !== '') out.push(step);
  }
  return out.join('/');
}

// ---- shared strings and styles ------------------------------------------------------------------------

function sharedStrings(xml: string | undefined): string[] {
  return elements(xml ?? '', 'si').map((si) => stringText(si.inner));
}

// The text of a string item (<si>, <is>): its <t> runs joined, the phonetic guide (<rPh>) left out.
function stringText(xml: string): string {
  let text = '';
  for (const t of elements(xml, 't', 'rPh')) text += t.inner;
  // Characters XML cannot carry are written _xHHHH_ (ECMA-376 §22.9.2.19), as exceljs decodes them.
  return decodeXml(text).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The number format of each cell style (cellXfs), by style index; undefined for General. */
function cellFormats(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = elements(xml, 'cellXfs')[0]?.inner ?? '';
  return startTags(cellXfs, 'xf').map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    return id === 0 ? undefined : (custom.get(id) ?? BUILT_IN_FORMATS[id]);
  });
}

// The built-in formats a file names by number only; 27–36 and 50–58 as a Chinese Excel shows them.
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** Whether a number format shows a date or time (exceljs's test: a date letter outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// ---- a sheet ------------------------------------------------------------------------------------------

interface SheetContext {
  readonly strings: readonly string[];
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
}

class Cell implements ReadCell {
  master: Cell = this;
  /** Cells of a merged range after its first; on the first, how many follow. */
  merges = 0;
  constructor(
    readonly row: number,
    private own: CellRead,
    readonly numFmt: string | undefined,
  ) {}
  get value(): CellRead {
    return this.master === this ? this.own : this.master.value;
  }
  get isMerged(): boolean {
    return this.master !== this || this.merges > 0;
  }
  /** Shown by eachCell: it holds a value or continues a merged range (exceljs's non-null cells). */
  get listed(): boolean {
    return this.master !== this || this.own !== null;
  }
}

class Row implements ReadRow {
  readonly cells: Cell[] = [];
  eachCell(each: (cell: ReadCell, col: number) => void): void {
    this.cells.forEach((cell, col) => {
      if (cell.listed) each(cell, col);
    });
  }
}

/** Excel's own limits: a reference past them is a damaged file, not a big one. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
/** Cells a sheet's merged ranges may cover; each is an object here, as in exceljs. */
export const MAX_MERGED_CELLS = 1_000_000;

function readSheet(name: string, state: string, xml: string, context: SheetContext): ReadSheet {
  const rows: Row[] = [];
  let rowCount = 0;
  let rowNumber = 0;
  let col = 0;
  const start = xml.indexOf('<sheetData');
  const open = tagAt(xml, start, 'sheetData');
  const end = open && !open.closed ? closingTag(xml, 'sheetData', open.end) : -1;
  // <sheetData/> is an empty sheet; one never closed was cut short.
  if (open && !open.closed && end < 0) throw new XlsxRefused('damaged', '<sheetData>');
  const data = end < 0 ? '' : xml.slice(start, end);
  // One pass over the tags, each '<' looked at once: the time is linear in the sheet's size whatever it holds.
  for (let at = data.indexOf('<', 1); at >= 0; ) {
    const tag = tagAt(data, at, 'row') ?? tagAt(data, at, 'c');
    if (!tag) {
      at = data.indexOf('<', at + 1);
      continue;
    }
    const a = attributes(tag.attrs);
    if (tag.name === 'row') {
      // Rows and cells may omit their reference (r); then each follows the one before.
      rowNumber = a.r === undefined ? rowNumber + 1 : inRange(parseInt(a.r, 10), MAX_ROW, a.r);
      rowCount = Math.max(rowCount, rowNumber);
      col = 0;
      at = data.indexOf('<', tag.end);
      continue;
    }
    let inner = '';
    let next = tag.end;
    if (!tag.closed) {
      const close = data.indexOf('</c>', tag.end);
      if (close < 0) throw new XlsxRefused('damaged', `<c r="${a.r ?? ''}">`);
      inner = data.slice(tag.end, close);
      next = close + 4;
    }
    col = a.r === undefined ? col + 1 : inRange(columnNumber(a.r), MAX_COL, a.r);
    const style = a.s === undefined ? 0 : Number(a.s);
    const numFmt = style === 0 ? undefined : context.formats[style];
    const value = cellValue(a.t, inner, numFmt, context);
    if (value !== null) (rows[Math.max(rowNumber, 1)] ??= new Row()).cells[col] = new Cell(Math.max(rowNumber, 1), value, numFmt);
    at = data.indexOf('<', next);
  }
  const sheet = { rows, rowCount };
  mergeRanges(sheet, end < 0 ? '' : xml.slice(end));
  return {
    name,
    state,
    rowCount: sheet.rowCount,
    actualRowCount: rows.filter((row) => row.cells.some((c) => c.listed)).length,
    findRow: (n) => rows[n],
    findCell: (n, c) => rows[n]?.cells[c],
  };
}

function inRange(n: number, max: number, ref: string): number {
  if (!(n >= 1 && n <= max)) throw new XlsxRefused('out-of-range', ref);
  return n;
}

// A cell's value by its type (t): shared or inline string, formula text, boolean, error, ISO date or number.
// A formula is read by the result Excel saved with it; a number under a date format is that date.
function cellValue(type: string | undefined, inner: string, numFmt: string | undefined, context: SheetContext): CellRead {
  if (type === 'inlineStr') return inner.includes('<is') ? stringText(inner) : null;
  const v = elements(inner, 'v')[0]?.inner;
  // A formula saved without its result shows nothing, as in exceljs (a cell, not an empty one).
  if (v === undefined || v === '') return tagAt(inner, inner.indexOf('<f'), 'f') ? '' : null;
  switch (type) {
    case 's':
      return context.strings[Number(v)] ?? null;
    case 'str':
      return decodeXml(v);
    case 'b':
      return Number(v) !== 0;
    case 'e':
      return null; // #N/A, #REF!… carry no data
    case 'd': {
      // An ISO date without an offset (as openpyxl writes it) is the day Excel shows, not a local time.
      const text = decodeXml(v);
      const date = new Date(/T[\d:.]+$/.test(text) ? `${text}Z` : text);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      const n = parseFloat(v);
      if (Number.isNaN(n)) return null;
      return isDateFormat(numFmt) ? excelDate(n, context.date1904) : n;
    }
  }
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// Each merged range: its first cell is the master; the others show its value (created where the file has none).
function mergeRanges(sheet: { rows: Row[]; rowCount: number }, rest: string): void {
  let covered = 0;
  for (const tag of startTags(rest, 'mergeCell')) {
    const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(attributes(tag).ref ?? '');
    if (!m) continue;
    const [top, left] = [inRange(Number(m[2]), MAX_ROW, m[0]), inRange(columnNumber(m[1]!), MAX_COL, m[0])];
    const [bottom, right] = m[3] === undefined ? [top, left] : [inRange(Number(m[4]), MAX_ROW, m[0]), inRange(columnNumber(m[3]), MAX_COL, m[0])];
    covered += (bottom - top + 1) * (right - left + 1);
    if (covered > MAX_MERGED_CELLS) throw new XlsxRefused('too-large', m[0]);
    const cellAt = (r: number, c: number): Cell => ((sheet.rows[r] ??= new Row()).cells[c] ??= new Cell(r, null, undefined));
    const master = cellAt(top, left);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        cellAt(r, c).master = master;
        master.merges++;
      }
    }
    sheet.rowCount = Math.max(sheet.rowCount, bottom);
  }
}

// ---- XML text ------------------------------------------------------------------------------------------
// Scanned with indexOf and bounded patterns, never a lazy match to a closing tag: a damaged or hostile file
// (tags never closed) must cost time in proportion to its size, as a parser's would.

interface Tag {
  name: string;
  /** The text after the name, up to the tag's end. */
  attrs: string;
  /** Whether it closes itself (<c/>). */
  closed: boolean;
  /** Where the text after the tag begins. */
  end: number;
}

/** The start tag `<name …>` at `at`, or null when another tag (or none) is there. */
function tagAt(xml: string, at: number, name: string): Tag | null {
  if (at < 0 || !xml.startsWith(name, at + 1) || xml[at] !== '<') return null;
  const after = at + 1 + name.length;
  const c = xml[after];
  if (c !== '>' && c !== '/' && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return null;
  const gt = xml.indexOf('>', after);
  if (gt < 0) throw new XlsxRefused('damaged', `<${name}`);
  const closed = xml[gt - 1] === '/';
  return { name, attrs: xml.slice(after, closed ? gt - 1 : gt), closed, end: gt + 1 };
}

/** Where `</name>` (or `</name >`) begins after `from`; -1 when it never comes. */
function closingTag(xml: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}\\s*>`, 'g');
  pattern.lastIndex = from;
  return pattern.exec(xml)?.index ?? -1;
}

/** Every start tag `<name …>` in `xml`, as text; each scan stops at the next '<'. */
function startTags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^<>]*>`, 'g'))].map((m) => m[0]);
}

/** Every `<name …>inner</name>` (or `<name/>`, inner '') in `xml`, in order, passing over `skip` elements whole. */
function elements(xml: string, name: string, skip?: string): { inner: string }[] {
  const out: { inner: string }[] = [];
  const close = `</${name}>`;
  for (let at = xml.indexOf('<'); at >= 0; ) {
    const passed = skip === undefined ? null : tagAt(xml, at, skip);
    if (passed) {
      const end = passed.closed ? passed.end : xml.indexOf(`</${skip}>`, passed.end);
      if (end < 0) throw new XlsxRefused('damaged', `<${skip}>`);
      at = xml.indexOf('<', end + 1);
      continue;
    }
    const tag = tagAt(xml, at, name);
    if (!tag) {
      at = xml.indexOf('<', at + 1);
      continue;
    }
    if (tag.closed) {
      out.push({ inner: '' });
      at = xml.indexOf('<', tag.end);
      continue;
    }
    const end = xml.indexOf(close, tag.end);
    if (end < 0) throw new XlsxRefused('damaged', `<${name}>`);
    out.push({ inner: xml.slice(tag.end, end) });
    at = xml.indexOf('<', end + close.length);
  }
  return out;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + ch.charCodeAt(0) - 64;
  }
  return n;
}

/** The attributes of a start tag (or the text after its name), names as written, values decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's character references and entities replaced, line ends normalised as a parser would. */
function decodeXml(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!lines.includes('&')) return lines;
  return lines.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
