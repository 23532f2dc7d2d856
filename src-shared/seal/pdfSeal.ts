// A signed PDF (签章文件) is the issued PDF, unchanged, followed by one incremental update (PDF 32000
// §7.5.6) that fills the QR code every page already draws and carries the signed envelope. The update is
// a pure function of the issued bytes and the envelope, so the verifier rebuilds it and compares byte for
// byte: a flipped byte in the document changes its hash; anything added, removed or edited after it (the
// "incremental saving" attack on PDF signatures) no longer matches the update we would have written.
import QRCode from 'qrcode';
import { sha256Hex } from '../hash/sha256';
import { decodeEnvelope, verifyEnvelope, type EnvelopeProblem, type SealSummary } from './envelope';
import type { OfficePublicKey } from './officeKey';

/** Info dictionary key naming the QR form (pdfWriter.ts writes it). */
export const SEAL_FORM_KEY = 'TCSealForm';
/** Marks the empty form in the issued document. */
export const SEAL_PLACEHOLDER = 'TariffCheck-seal';
const ENVELOPE_KEY = 'TCSealEnvelope';
const QUIET = 4;

function ascii(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let out = '';
  for (let i = from; i < to; i += 8192) out += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 8192)));
  return out;
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

interface Trailer {
  size: number;
  root: string;
  info: string;
  startxref: number;
  /** Object number of the QR form. */
  form: number;
}

export class SealError extends Error {
  constructor(readonly code: 'not-pdf' | 'not-prepared' | 'no-seal' | 'broken', message: string) {
    super(message);
  }
}

/** Reads what the update needs from the issued document: its last trailer, cross-reference table and Info. */
function trailerOf(doc: Uint8Array): Trailer {
  const tail = ascii(doc, Math.max(0, doc.length - 2048));
  const t = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!t) throw new SealError('not-pdf', 'no classic trailer at the end of the file');
  const dict = t[1] ?? '';
  const size = Number(/\/Size (\d+)/.exec(dict)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(dict)?.[1];
  const info = /\/Info (\d+) (\d+) R/.exec(dict);
  if (!size || !root || !info) throw new SealError('not-pdf', 'trailer without Size, Root or Info');
  const startxref = Number(t[2]);
  const infoDict = objectAt(doc, startxref, Number(info[1]));
  const form = new RegExp(`/${SEAL_FORM_KEY} (\\d+) 0 R`).exec(infoDict);
  if (!form) throw new SealError('not-prepared', 'the document keeps no place for a seal');
  return { size, root, info: `${info[1]} ${info[2]} R`, startxref, form: Number(form[1]) };
}

/** The text of object `n` (up to endobj), found through the cross-reference table at `xrefAt`. */
function objectAt(doc: Uint8Array, xrefAt: number, n: number): string {
  const table = ascii(doc, xrefAt, Math.min(doc.length, xrefAt + 64 + 20 * (n + 8)));
  const lines = table.split(/\r?\n/);
  if (lines[0] !== 'xref') throw new SealError('not-pdf', 'no cross-reference table');
  for (let i = 1; i < lines.length; ) {
    const head = /^(\d+) (\d+)$/.exec(lines[i] ?? '');
    if (!head) break;
    const start = Number(head[1]);
    const count = Number(head[2]);
    if (n >= start && n < start + count) {
      const entry = lines[i + 1 + n - start] ?? '';
      const at = Number(entry.slice(0, 10));
      const text = ascii(doc, at, Math.min(doc.length, at + 4096));
      return text.slice(0, text.indexOf('endobj'));
    }
    i += 1 + count;
  }
  throw new SealError('not-pdf', `object ${n} not in the cross-reference table`);
}

/** The QR code as filled rectangles in a unit square (vector: sharp on any printer), on white. */
function qrForm(envelope: string): string {
  const { modules } = QRCode.create(envelope, { errorCorrectionLevel: 'L' });
  const n = modules.size;
  const side = n + 2 * QUIET;
  const ops = ['1 g', `0 0 ${side} ${side} re`, 'f', '0 g'];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; ) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      ops.push(`${x + QUIET} ${side - QUIET - y - 1} ${run} 1 re`);
      x += run;
    }
  }
  ops.push('f');
  const scale = (1 / side).toFixed(8);
  const content = ops.join('\n');
  return `<< /Type /XObject /Subtype /Form /BBox [0 0 ${side} ${side}] /Matrix [${scale} 0 0 ${scale} 0 0] /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/** The incremental update that signs `doc` (the issued bytes) with `envelope`. */
function sealUpdate(doc: Uint8Array, envelope: string): string {
  const t = trailerOf(doc);
  const envelopeNo = t.size;
  const parts: string[] = ['\n'];
  let at = doc.length + 1;
  const offsets: number[] = [];
  const push = (n: number, body: string) => {
    offsets.push(at);
    const text = `${n} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    at += text.length;
  };
  push(t.form, qrForm(envelope));
  push(envelopeNo, `<${toHex(new TextEncoder().encode(envelope))}>`);
  const entry = (o: number) => `${String(o).padStart(10, '0')} 00000 n \n`;
  parts.push(
    'xref\n', `${t.form} 1\n`, entry(offsets[0]!), `${envelopeNo} 1\n`, entry(offsets[1]!),
    `trailer\n<< /Size ${envelopeNo + 1} /Root ${t.root} /Info ${t.info} /Prev ${t.startxref} /${ENVELOPE_KEY} ${envelopeNo} 0 R >>\n`,
    `startxref\n${at}\n%%EOF\n`,
  );
  return parts.join('');
}

/** The issued document with its signature: the QR code filled on every page and the envelope inside. */
export function sealPdf(doc: Uint8Array, envelope: string): Uint8Array {
  const update = new TextEncoder().encode(sealUpdate(doc, envelope));
  const out = new Uint8Array(doc.length + update.length);
  out.set(doc);
  out.set(update, doc.length);
  return out;
}

const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** Where the first %%EOF starts (a byte search: no text made of a megabyte file). */
function indexOfEof(file: Uint8Array): number {
  for (let i = file.indexOf(0x25); i >= 0 && i <= file.length - 5; i = file.indexOf(0x25, i + 1)) {
    if (EOF_MARK.every((b, j) => file[i + j] === b)) return i;
  }
  return -1;
}

/** The issued part of a signed file (up to its first %%EOF) and the envelope its update carries. */
export function splitSealedPdf(file: Uint8Array): { doc: Uint8Array; envelope: string } {
  if (ascii(file, 0, Math.min(file.length, 5)) !== '%PDF-') throw new SealError('not-pdf', 'not a PDF file');
  // The issued document ends at its only %%EOF: pdf-lib writes one and the update adds the second.
  const eof = indexOfEof(file);
  if (eof < 0) throw new SealError('not-pdf', 'no end of file marker');
  const end = eof + '%%EOF'.length + (file[eof + 5] === 0x0a ? 1 : 0);
  const rest = ascii(file, end);
  const m = new RegExp(`^\\d+ 0 obj\\n<([0-9a-f]+)>\\nendobj$`, 'm').exec(rest.slice(rest.indexOf('endstream')));
  if (!m) throw new SealError('no-seal', rest.length === 0 ? 'the file carries no signature' : 'no signature in what follows the document');
  const hex = m[1] ?? '';
  const envelope = new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
  // The issued part ends with "%%EOF" and no newline; the update starts with one.
  return { doc: file.subarray(0, eof + '%%EOF'.length), envelope };
}

export type PdfProblem =
  | { code: 'not-pdf' | 'no-seal' | 'not-prepared'; detail: string }
  | EnvelopeProblem
  /** The document's bytes are not those signed: `signed` and `actual` are their SHA-256. */
  | { code: 'content-changed'; signed: string; actual: string }
  /** Something was added to or changed in the signature's update after signing. */
  | { code: 'update-changed' };

export type PdfCheck = { ok: true; summary: SealSummary; key: OfficePublicKey } | { ok: false; problems: PdfProblem[]; summary?: SealSummary };

/** Checks a signed PDF against the office's public keys: the signature, the document's hash, the update. */
export function verifySealedPdf(file: Uint8Array, keys: readonly OfficePublicKey[]): PdfCheck {
  let split: { doc: Uint8Array; envelope: string };
  try {
    split = splitSealedPdf(file);
  } catch (e) {
    if (e instanceof SealError) return { ok: false, problems: [{ code: e.code === 'broken' ? 'no-seal' : e.code, detail: e.message }] };
    throw e;
  }
  const problems: PdfProblem[] = [];
  const check = verifyEnvelope(split.envelope, keys);
  const decoded = decodeEnvelope(split.envelope);
  const summary = decoded.ok ? decoded.envelope.summary : undefined;
  if (!check.ok) problems.push(check.problem);
  if (summary) {
    const actual = sha256Hex(split.doc);
    if (actual !== summary.pdf) problems.push({ code: 'content-changed', signed: summary.pdf, actual });
  }
  let expected: string | null = null;
  try {
    expected = sealUpdate(split.doc, split.envelope);
  } catch (e) {
    if (!(e instanceof SealError)) throw e;
  }
  const update = file.subarray(split.doc.length);
  if (expected === null || ascii(update) !== expected) problems.push({ code: 'update-changed' });
  if (problems.length === 0 && check.ok) return { ok: true, summary: check.summary, key: check.key };
  return { ok: false, problems, ...(summary ? { summary } : {}) };
}

/** SHA-256 of the issued document, as the summary names it. */
export function issuedPdfHash(doc: Uint8Array): string {
  return sha256Hex(doc);
}
