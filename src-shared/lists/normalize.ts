// Text as it comes out of real Excel files: full-width forms, odd spaces, numbers typed as text.

// Zero-width characters arrive with text copied from web pages and PDFs; they are never meaningful.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// \s covers U+3000 (ideographic space) and U+00A0; tabs and line breaks inside a cell count as spaces.
const SPACES = /\s+/g;

// ASCII and the CJK unified ideographs are their own NFKC form; most cells are only those, and skipping
// String.prototype.normalize for them is most of the importer's own time on a large list.
const MAY_CHANGE_UNDER_NFKC = /[^\t\n\r -~\u4e00-\u9fff]/;

/** NFKC (full-width letters, digits, punctuation → half-width; compatibility ideographs → unified). */
export function nfkc(raw: string): string {
  return MAY_CHANGE_UNDER_NFKC.test(raw) ? raw.normalize('NFKC') : raw;
}

/** Whitespace cleaned only: invisible characters dropped, runs of any space (incl. U+3000) → one space, trimmed. */
export function cleanSpaces(raw: string): string {
  return NEEDS_CLEANING.test(raw) ? raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim() : raw;
}
// Leading or trailing space, two spaces in a row, a space other than U+0020, or an invisible character.
const NEEDS_CLEANING = /^\s|\s$|\s\s|[^\S ]|[\u200B-\u200D\u2060\uFEFF\u00AD]/;

/** NFKC (full-width letters, digits, punctuation → half-width) plus {@link cleanSpaces}. */
export function normalizeText(raw: string): string {
  return cleanSpaces(nfkc(raw));
}

/** A code or key: NFKC, upper-case, every space removed. */
export function normalizeCode(raw: string): string {
  return CANONICAL_CODE.test(raw) ? raw : nfkc(raw).replace(INVISIBLE, '').replace(SPACES, '').toUpperCase();
}
const CANONICAL_CODE = /^[0-9A-Z.,+-]*$/;

/** A header or vocabulary word for matching: NFKC, lower-case, no spaces, no required-field stars. */
export function normalizeWord(raw: string): string {
  return nfkc(raw).replace(INVISIBLE, '').replace(/[\s*※]/g, '').toLowerCase();
}

// A decimal number as people type it: optional sign, thousands separators in groups of three.
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** Parses a number typed as text ('1,234', '１２３', ' 119.30 '); null when it is not one. */
export function parseNumberText(raw: string): number | null {
  return parseNumberCode(normalizeCode(raw));
}

/** {@link parseNumberText} for text already through {@link normalizeCode}. */
export function parseNumberCode(code: string): number | null {
  if (!NUMBER_TEXT.test(code)) return null;
  const value = Number(code.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** The plain decimal text ('-1234.5') of a number typed as text ('1,234.50', '＋１２', '.5'); null when it is not one. Exact: no float. */
export function decimalText(raw: string): string | null {
  const code = normalizeCode(raw);
  if (!NUMBER_TEXT.test(code)) return null;
  return code.replace(/[,+]/g, '').replace(/^(-?)\./, (_, sign: string) => `${sign}0.`);
}

/** Splits a list cell on the separators people use (、，,；; / and line breaks), dropping empty parts. */
export function splitList(raw: string, alsoSpaces = false): string[] {
  const separators = alsoSpaces ? /[、,，;；/\s]+/ : /[、,，;；/\n\r]+/;
  return raw
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
