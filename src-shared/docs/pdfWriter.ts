// A small A4 writer over pdf-lib (a kept, dependency-free PDF library) for the office's documents:
// Chinese text in an embedded, subset font (selectable, printable anywhere), lines wrapped by width,
// images, and "第 i 页 共 n 页" on every page. The same inputs give the same bytes (no clock inside),
// so the desktop and the web build produce one file.
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFImage, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';
import { DOCUMENT_CHARS, subsetFont, type FontSource } from './fontSubset';
import { printedFingerprint } from '../seal/officeKey';
import { SEAL_FORM_KEY, SEAL_PLACEHOLDER } from '../seal/pdfSeal';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 64, bottom: 64, left: 62, right: 62 };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const BAND = rgb(0.93, 0.93, 0.93);
const HEADER_FILL = rgb(0.82, 0.82, 0.82);

/** A page's size and margins, in points. */
export interface PageLayout {
  size: readonly [number, number];
  margin: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
}
/** Portrait A4 with a letter's margins: every document's page unless it asks for another. */
export const A4_PORTRAIT: PageLayout = { size: A4, margin: MARGIN };
/**
 * Landscape A4 with narrow margins, for long lists: 780 points across keep a row of a wide table (name,
 * code, place, team) on one line, where portrait wraps it to two or three.
 */
export const A4_LANDSCAPE_LIST: PageLayout = { size: [A4[1], A4[0]], margin: { top: 26, bottom: 28, left: 30, right: 30 } };

/** A column of `grid`. */
export interface GridColumn {
  header: string;
  align?: 'left' | 'right';
  /** A column that gives up width when the table is too wide (names, teams); the others keep each cell on one line. */
  wrap?: boolean;
  /** A fixed width in points, instead of one sized to the content. */
  width?: number;
  /** An empty gutter between tables set side by side: no band or header fill across it. */
  gutter?: boolean;
  /** Labels of a label–value block, in grey as `field` prints them. */
  grey?: boolean;
}

/** A cell of `grid`: text, or items (a team's members) joined by 、 and broken between, not inside, where they fit. */
export type GridCell = string | readonly string[];

export interface GridOptions {
  /** Font size in points (default 7.5: a row of a long list is under 10 points high, 55 to a landscape page). */
  size?: number;
  /** False for a label–value block: no header row, none repeated on later pages. */
  header?: boolean;
  /** Rows laid out so far: every GRID_TELL rows and after the last (a long list's progress). */
  onRows?: (done: number) => void;
}

const GRID_TELL = 1_000;

const GRID_PAD_X = 3;
const GRID_PAD_Y = 0.5;
/** Line height in font sizes: tight, as the grey band on every other row keeps the rows apart. */
const GRID_LEADING = 1.15;
/** Share of a wrapping column's cells that size it: the few longest wrap rather than squeeze every other column. */
const GRID_SIZING_SHARE = 0.98;
/**
 * OpenType features fontkit would apply when laying text out. Off: a USCC (digits then letters) came
 * out in other digit forms, spaced wide and lost to text extraction. Plain glyphs are what a record wants.
 */
const NO_FEATURES = Object.fromEntries(['kern', 'liga', 'clig', 'calt', 'locl', 'ccmp', 'rlig', 'palt', 'pwid', 'fwid', 'hwid', 'tnum', 'pnum', 'frac', 'numr', 'dnom', 'case', 'mark', 'mkmk', 'vert', 'halt'].map((f) => [f, false]));

/** Characters that may not begin a line (标点避头): they stay at the end of the line before. */
const NO_LINE_START = new Set('，。、；：？！）》」』】”’,.;:?!)%');

export interface DocMeta {
  title: string;
  subject: string;
  /** The document's own time (UTC ISO), written as its creation date: never the clock. */
  createdAt: string;
  /**
   * The office key that will sign the document: every page keeps a box for the QR code (filled in by
   * src-shared/seal/pdfSeal.ts) and prints the key's fingerprint beside it. Absent: an unsigned document.
   */
  seal?: SealMark | undefined;
}

export interface SealMark {
  fingerprint: string;
}

/** The QR box at the bottom right of every page, in points (2 cm: a phone reads it from a sheet of paper). */
const SEAL_BOX = 58;
const SEAL_LINES = (fingerprint: string) => ['电子签章', `公钥指纹 ${printedFingerprint(fingerprint)}`, '扫码或以 tariffcheck verify-doc 核验'];

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private chars: Set<number> | null = null;
  /** Advance of each character measured so far, at 1000 points. */
  private readonly advances = new Map<string, number>();
  private readonly layout: PageLayout;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    layout: PageLayout,
    private readonly seal: SealMark | undefined,
  ) {
    // A signed document keeps the bottom of every page for its QR code: the text stops above the box.
    const bottom = seal ? Math.max(layout.margin.bottom, SEAL_BOX + 12) : layout.margin.bottom;
    this.layout = { size: layout.size, margin: { ...layout.margin, bottom } };
    this.addPage();
  }

  /**
   * A new document printing every character of `text` (its data; DOCUMENT_CHARS are added) in the
   * source font, cut down to those characters and embedded whole: a few hundred kB, not 10 MB.
   */
  static async create(source: FontSource, text: string, meta: DocMeta, layout: PageLayout = A4_PORTRAIT): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const sealText = meta.seal ? SEAL_LINES(meta.seal.fingerprint).join('') : '';
    const font = await doc.embedFont(await subsetFont(source, text + DOCUMENT_CHARS + meta.title + meta.subject + sealText), { subset: false, features: NO_FEATURES });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setProducer('TariffCheck 电费检查通');
    doc.setCreator('TariffCheck 电费检查通');
    doc.setLanguage('zh-CN');
    doc.setCreationDate(new Date(meta.createdAt));
    doc.setModificationDate(new Date(meta.createdAt));
    return new PdfWriter(doc, font, layout, meta.seal);
  }

  /** Width between the margins, in points. */
  get contentWidth(): number {
    return this.width;
  }

  private get width(): number {
    return this.layout.size[0] - this.layout.margin.left - this.layout.margin.right;
  }

  private addPage(): void {
    this.page = this.doc.addPage([...this.layout.size]);
    this.y = this.layout.size[1] - this.layout.margin.top;
  }

  /** Room for `height` more points on this page, else a new page. */
  private need(height: number): void {
    if (this.y - height < this.layout.margin.bottom) this.addPage();
  }

  /** Splits text into lines no wider than `width` at `size`, by characters (Chinese has no spaces to break at). */
  wrap(text: string, size: number, width = this.width): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const ch of Array.from(paragraph)) {
        const next = line + ch;
        if (line !== '' && this.font.widthOfTextAtSize(next, size) > width && !NO_LINE_START.has(ch)) {
          lines.push(line);
          line = ch;
        } else line = next;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Text the font cannot draw is replaced by □ rather than failing the whole document. */
  private drawable(text: string): string {
    this.chars ??= new Set(this.font.getCharacterSet());
    const chars = this.chars;
    return Array.from(text).map((ch) => (ch === ' ' || chars.has(ch.codePointAt(0)!) ? ch : '□')).join('');
  }

  title(text: string, size = 20): void {
    const t = this.drawable(text);
    this.need(size * 2);
    const w = this.font.widthOfTextAtSize(t, size);
    this.page.drawText(t, { x: (this.layout.size[0] - w) / 2, y: this.y - size, size, font: this.font, color: BLACK });
    this.y -= size * 2.2;
  }

  /** A paragraph, wrapped, with an optional first-line label in bold-ish grey. */
  paragraph(text: string, options: { size?: number; indent?: number; color?: 'black' | 'grey'; gap?: number } = {}): void {
    const size = options.size ?? 11;
    const indent = options.indent ?? 0;
    const leading = size * 1.6;
    for (const line of this.wrap(this.drawable(text), size, this.width - indent)) {
      this.need(leading);
      this.page.drawText(line, { x: this.layout.margin.left + indent, y: this.y - size, size, font: this.font, color: options.color === 'grey' ? GREY : BLACK });
      this.y -= leading;
    }
    this.y -= options.gap ?? 2;
  }

  /** A heading, kept on one page with what follows it (room for a row of images under it). */
  heading(text: string): void {
    this.need(110);
    this.y -= 6;
    this.paragraph(text, { size: 13, gap: 4 });
  }

  /** Label and value on one line, the value wrapped beside the label. */
  field(label: string, value: string, size = 11): void {
    const lw = this.font.widthOfTextAtSize(this.drawable(label), size) + 6;
    const leading = size * 1.6;
    const lines = this.wrap(this.drawable(value), size, this.width - lw);
    lines.forEach((line, i) => {
      this.need(leading);
      if (i === 0) this.page.drawText(this.drawable(label), { x: this.layout.margin.left, y: this.y - size, size, font: this.font, color: GREY });
      this.page.drawText(line, { x: this.layout.margin.left + lw, y: this.y - size, size, font: this.font, color: BLACK });
      this.y -= leading;
    });
  }

  /** Embeds a JPEG or PNG once per call. */
  async image(bytes: Uint8Array, type: 'image/jpeg' | 'image/png'): Promise<PDFImage> {
    return type === 'image/png' ? this.doc.embedPng(bytes) : this.doc.embedJpg(bytes);
  }

  /** A row of images (thumbnails, signatures) each in a cell `cell` wide with a caption under it. */
  imageRow(items: readonly { image: PDFImage | null; caption: string }[], cell: number, height: number): void {
    const captionSize = 9;
    const captionLines = Math.max(...items.map((i) => this.wrap(this.drawable(i.caption), captionSize, cell - 8).length), 1);
    this.need(height + captionLines * captionSize * 1.5 + 10);
    items.forEach((item, k) => {
      const x = this.layout.margin.left + k * cell;
      if (item.image) {
        const scale = Math.min((cell - 8) / item.image.width, height / item.image.height);
        const [w, h] = [item.image.width * scale, item.image.height * scale];
        this.page.drawImage(item.image, { x, y: this.y - h, width: w, height: h });
      } else {
        this.page.drawRectangle({ x, y: this.y - height, width: cell - 8, height, borderColor: GREY, borderWidth: 0.5 });
      }
      this.wrap(this.drawable(item.caption), captionSize, cell - 8).forEach((line, i) => {
        this.page.drawText(line, { x, y: this.y - height - 4 - (i + 1) * captionSize * 1.4, size: captionSize, font: this.font, color: GREY });
      });
    });
    this.y -= height + captionLines * captionSize * 1.5 + 12;
  }

  /** A table: header row and rows; `widths` of every column but the last (which takes the rest), in points; right-aligned columns by index. */
  table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], right: ReadonlySet<number> = new Set()): void {
    const size = 9.5;
    const leading = size * 1.5;
    const cols = [...widths, this.width - widths.reduce((a, b) => a + b, 0)];
    const drawRow = (cells: readonly string[], color = BLACK) => {
      const wrapped = cells.map((c, i) => this.wrap(this.drawable(c), size, cols[i]! - 6));
      const height = Math.max(...wrapped.map((w) => w.length)) * leading + 4;
      if (this.y - height < this.layout.margin.bottom) {
        this.addPage();
        if (cells !== header) drawRow(header, GREY);
      }
      let x = this.layout.margin.left;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          const w = this.font.widthOfTextAtSize(line, size);
          this.page.drawText(line, { x: right.has(i) ? x + cols[i]! - 4 - w : x + 2, y: this.y - size - 2 - j * leading, size, font: this.font, color });
        });
        x += cols[i]!;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: this.layout.margin.left, y: this.y + 1 }, end: { x: this.layout.margin.left + this.width, y: this.y + 1 }, thickness: 0.3, color: GREY });
    };
    drawRow(header, GREY);
    for (const row of rows) drawRow(row);
    this.y -= 6;
  }

  /**
   * Width of `text` at `size`, in points: the sum of its glyphs' advances (layout features are off, so
   * nothing moves them), each character measured once. `wrap` lays out the line on every character,
   * which a table of thousands of rows cannot afford.
   */
  textWidth(text: string, size: number): number {
    let width = 0;
    for (const ch of text) {
      let advance = this.advances.get(ch);
      if (advance === undefined) this.advances.set(ch, (advance = this.font.widthOfTextAtSize(ch, 1000)));
      width += advance;
    }
    return (width * size) / 1000;
  }

  /** `wrap` by the measured advances: lines no wider than `width`, broken between characters, 标点避头. */
  private breakText(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let used = 0;
      for (const ch of paragraph) {
        const w = this.textWidth(ch, size);
        if (line !== '' && used + w > width && !NO_LINE_START.has(ch)) {
          lines.push(line);
          [line, used] = ['', 0];
        }
        line += ch;
        used += w;
      }
      lines.push(line);
    }
    return lines;
  }

  /** A cell's lines: text broken by characters, items kept whole on a line where they fit (the 、 stays at the line's end). */
  private cellLines(cell: GridCell, size: number, width: number): string[] {
    if (typeof cell === 'string') return this.breakText(this.drawable(cell), size, width);
    const lines: string[] = [];
    let line = '';
    cell.forEach((item, i) => {
      const piece = this.drawable(i < cell.length - 1 ? `${item}、` : item);
      if (line !== '' && this.textWidth(line + piece, size) <= width) {
        line += piece;
        return;
      }
      if (line !== '') lines.push(line);
      // An item wider than the cell by itself is broken by characters, as text is.
      const broken = this.breakText(piece, size, width);
      lines.push(...broken.slice(0, -1));
      line = broken[broken.length - 1]!;
    });
    lines.push(line);
    return lines;
  }

  /**
   * Column widths from the content: each column as wide as its header and its cells (a wrapping column as
   * wide as nearly all of them), the room left over given to the wrapping columns; when the table is
   * too wide, the wrapping columns share what the others leave.
   */
  private gridWidths(columns: readonly GridColumn[], rows: readonly (readonly GridCell[])[], size: number): number[] {
    const natural = columns.map((c, i) => c.width ?? this.naturalWidth(c, rows.map((r) => r[i] ?? ''), size));
    const flexible = columns.flatMap((c, i) => (c.width === undefined && c.wrap ? [i] : []));
    const flexWidth = flexible.reduce((s, i) => s + natural[i]!, 0);
    const fixed = natural.reduce((s, w) => s + w, 0) - flexWidth;
    // Nothing may wrap: the columns keep their widths, or all shrink alike when they would leave the page.
    if (flexible.length === 0 || flexWidth === 0) return fixed + flexWidth <= this.width ? natural : natural.map((w) => (w * this.width) / (fixed + flexWidth));
    const least = size * 6 + 2 * GRID_PAD_X;
    const room = this.width - fixed;
    // Too little room even for six characters a wrapping column: everything shrinks alike (and wraps).
    if (room < least * flexible.length) return natural.map((w) => (w * this.width) / (fixed + flexWidth));
    const widths = natural.slice();
    for (const i of flexible) widths[i] = Math.max(least, (room * natural[i]!) / flexWidth);
    const over = widths.reduce((s, w) => s + w, 0) - this.width;
    // A column raised to `least` is paid for by the widest one.
    if (over > 0) widths[flexible.reduce((a, b) => (widths[a]! >= widths[b]! ? a : b))]! -= over;
    return widths;
  }

  private naturalWidth(column: GridColumn, cells: readonly GridCell[], size: number): number {
    const widths = cells.map((c) => this.textWidth(typeof c === 'string' ? c : c.join('、'), size)).sort((a, b) => a - b);
    const at = column.wrap ? Math.floor(GRID_SIZING_SHARE * (widths.length - 1)) : widths.length - 1;
    return Math.max(this.textWidth(column.header, size), widths[at] ?? 0) + 2 * GRID_PAD_X;
  }

  /**
   * A dense table across the page: widths from the content (gridWidths), a cell's text wrapped within it,
   * every other row on a grey band, a row never split, the header row repeated at the top of every page.
   */
  grid(columns: readonly GridColumn[], rows: readonly (readonly GridCell[])[], options: GridOptions = {}): void {
    const size = options.size ?? 7.5;
    const widths = this.gridWidths(columns, rows, size);
    const header = options.header === false ? null : columns.map((c) => c.header);
    const headerHeight = header ? this.gridRowHeight(header, widths, size) : 0;
    const drawHeader = () => header && this.gridRow(header, widths, columns, size, HEADER_FILL);
    this.need(headerHeight + this.gridRowHeight(rows[0] ?? [], widths, size));
    drawHeader();
    rows.forEach((row, k) => {
      if (this.y - this.gridRowHeight(row, widths, size) < this.layout.margin.bottom) {
        this.addPage();
        drawHeader();
      }
      this.gridRow(row, widths, columns, size, k % 2 === 1 ? BAND : null);
      if ((k + 1) % GRID_TELL === 0 || k === rows.length - 1) options.onRows?.(k + 1);
    });
    this.y -= 8;
  }

  private gridRowHeight(cells: readonly GridCell[], widths: readonly number[], size: number): number {
    const lines = Math.max(1, ...cells.map((c, i) => this.cellLines(c, size, widths[i]! - 2 * GRID_PAD_X).length));
    return lines * size * GRID_LEADING + 2 * GRID_PAD_Y;
  }

  private gridRow(cells: readonly GridCell[], widths: readonly number[], columns: readonly GridColumn[], size: number, fill: RGB | null): void {
    const wrapped = cells.map((c, i) => this.cellLines(c, size, widths[i]! - 2 * GRID_PAD_X));
    const leading = size * GRID_LEADING;
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * leading + 2 * GRID_PAD_Y;
    const left = this.layout.margin.left;
    if (fill) this.fillRuns(widths, columns, height, fill);
    let x = left;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, j) => {
        // The baseline sits so that an ideograph (0.88 em up, 0.12 em down) is centred in its line.
        const baseline = this.y - GRID_PAD_Y - j * leading - (leading + 0.76 * size) / 2;
        const dx = columns[i]?.align === 'right' ? widths[i]! - GRID_PAD_X - this.textWidth(line, size) : GRID_PAD_X;
        this.page.drawText(line, { x: x + dx, y: baseline, size, font: this.font, color: columns[i]?.grey ? GREY : BLACK });
      });
      x += widths[i]!;
    });
    this.y -= height;
  }

  /** The row's band, drawn in one piece between gutters (touching pieces show seams in some viewers). */
  private fillRuns(widths: readonly number[], columns: readonly GridColumn[], height: number, fill: RGB): void {
    let x = this.layout.margin.left;
    let from = x;
    widths.forEach((w, i) => {
      if (columns[i]?.gutter) {
        if (x > from) this.page.drawRectangle({ x: from, y: this.y - height, width: x - from, height, color: fill });
        from = x + w;
      }
      x += w;
    });
    if (x > from) this.page.drawRectangle({ x: from, y: this.y - height, width: x - from, height, color: fill });
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Numbers every page (第 i 页 共 n 页) with `footer` beside it, and returns the file's bytes. */
  async finish(footer: string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = this.drawable(`${footer}    第 ${i + 1} 页 共 ${pages.length} 页`);
      const w = this.font.widthOfTextAtSize(text, 8.5);
      const y = this.seal ? 14 : this.layout.margin.bottom / 2;
      page.drawText(text, { x: (this.layout.size[0] - w) / 2, y, size: 8.5, font: this.font, color: GREY });
    });
    if (!this.seal) return this.doc.save({ useObjectStreams: true });
    this.markSeal(pages, this.seal);
    // A classic cross-reference table: the signature is appended to it as an incremental update (pdfSeal.ts).
    return this.doc.save({ useObjectStreams: false });
  }

  /**
   * Every page draws one shared, still empty form (the QR code the signature fills in) at its bottom
   * right, with the key's fingerprint beside it; the document's Info names the form so that the signer
   * and the verifier find it.
   */
  private markSeal(pages: readonly PDFPage[], seal: SealMark): void {
    const form = this.doc.context.formXObject([], { BBox: [0, 0, 1, 1], TCPlaceholder: SEAL_PLACEHOLDER });
    const ref: PDFRef = this.doc.context.register(form);
    const info = this.doc.context.lookup(this.doc.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of(SEAL_FORM_KEY), ref);
    const lines = SEAL_LINES(seal.fingerprint);
    for (const page of pages) {
      const x = this.layout.size[0] - this.layout.margin.right - SEAL_BOX;
      const y = 6;
      const name = page.node.newXObject('TCSeal', ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(SEAL_BOX, 0, 0, SEAL_BOX, x, y), drawObject(name), popGraphicsState());
      lines.forEach((line, i) => {
        const t = this.drawable(line);
        const w = this.font.widthOfTextAtSize(t, 7);
        page.drawText(t, { x: x - 6 - w, y: y + SEAL_BOX - 12 - i * 10, size: 7, font: this.font, color: GREY });
      });
    }
  }
}
