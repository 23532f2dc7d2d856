// A small A4 writer over pdf-lib (a kept, dependency-free PDF library) for the office's documents:
// Chinese text in an embedded, subset font (selectable, printable anywhere), lines wrapped by width,
// images, and "第 i 页 共 n 页" on every page. The same inputs give the same bytes (no clock inside),
// so the desktop and the web build produce one file.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { DOCUMENT_CHARS, subsetFont, type FontSource } from './fontSubset';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 64, bottom: 64, left: 62, right: 62 };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
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
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private chars: Set<number> | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.addPage();
  }

  /**
   * A new document printing every character of `text` (its data; DOCUMENT_CHARS are added) in the
   * source font, cut down to those characters and embedded whole: a few hundred kB, not 10 MB.
   */
  static async create(source: FontSource, text: string, meta: DocMeta): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(await subsetFont(source, text + DOCUMENT_CHARS + meta.title + meta.subject), { subset: false, features: NO_FEATURES });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setProducer('TariffCheck 电费检查通');
    doc.setCreator('TariffCheck 电费检查通');
    doc.setLanguage('zh-CN');
    doc.setCreationDate(new Date(meta.createdAt));
    doc.setModificationDate(new Date(meta.createdAt));
    return new PdfWriter(doc, font);
  }

  private get width(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }

  private addPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  /** Room for `height` more points on this page, else a new page. */
  private need(height: number): void {
    if (this.y - height < MARGIN.bottom) this.addPage();
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
    this.page.drawText(t, { x: (A4[0] - w) / 2, y: this.y - size, size, font: this.font, color: BLACK });
    this.y -= size * 2.2;
  }

  /** A paragraph, wrapped, with an optional first-line label in bold-ish grey. */
  paragraph(text: string, options: { size?: number; indent?: number; color?: 'black' | 'grey'; gap?: number } = {}): void {
    const size = options.size ?? 11;
    const indent = options.indent ?? 0;
    const leading = size * 1.6;
    for (const line of this.wrap(this.drawable(text), size, this.width - indent)) {
      this.need(leading);
      this.page.drawText(line, { x: MARGIN.left + indent, y: this.y - size, size, font: this.font, color: options.color === 'grey' ? GREY : BLACK });
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
      if (i === 0) this.page.drawText(this.drawable(label), { x: MARGIN.left, y: this.y - size, size, font: this.font, color: GREY });
      this.page.drawText(line, { x: MARGIN.left + lw, y: this.y - size, size, font: this.font, color: BLACK });
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
      const x = MARGIN.left + k * cell;
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
      if (this.y - height < MARGIN.bottom) {
        this.addPage();
        if (cells !== header) drawRow(header, GREY);
      }
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          const w = this.font.widthOfTextAtSize(line, size);
          this.page.drawText(line, { x: right.has(i) ? x + cols[i]! - 4 - w : x + 2, y: this.y - size - 2 - j * leading, size, font: this.font, color });
        });
        x += cols[i]!;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y + 1 }, end: { x: MARGIN.left + this.width, y: this.y + 1 }, thickness: 0.3, color: GREY });
    };
    drawRow(header, GREY);
    for (const row of rows) drawRow(row);
    this.y -= 6;
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
      page.drawText(text, { x: (A4[0] - w) / 2, y: MARGIN.bottom / 2, size: 8.5, font: this.font, color: GREY });
    });
    return this.doc.save({ useObjectStreams: true });
  }
}
