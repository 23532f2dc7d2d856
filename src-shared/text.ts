// Text that may be stored: no NUL character and well-formed UTF-16 (no lone surrogate). PostgreSQL
// refuses both in text and jsonb, IndexedDB keeps them but no other device could; so every boundary
// refuses them (DESIGN.md "Every boundary checks"), the laptop at input and the hub on every route.
import { z } from 'zod';

/** The code of the issue a schema raises for such text (translated at the edge: `text.invalid`). */
export const BAD_TEXT = 'bad-text';

// NUL, or a surrogate half without its partner (String.prototype.isWellFormed is ES2024, newer than our lib).
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNCLEAN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNCLEAN_ONE = new RegExp(UNCLEAN.source);

const hasWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';

/** True when the text has no NUL and no lone surrogate (text cut inside an emoji). */
export function isCleanText(s: string): boolean {
  // isWellFormed is native and several times faster than the pattern, which stays for older runtimes.
  if (hasWellFormed) return !s.includes('\u0000') && (s as string & { isWellFormed(): boolean }).isWellFormed();
  return !UNCLEAN_ONE.test(s);
}

/**
 * The path of the first string or object key in a JSON-like value that is not clean text, or null.
 * Walks arrays and plain objects; other values (numbers, booleans, null) are clean. One path is kept
 * while walking (a 50,000-row draw record has half a million strings), copied only when one is found.
 */
export function badTextPath(value: unknown): (string | number)[] | null {
  const path: (string | number)[] = [];
  return foundBadText(value, path) ? path : null;
}

/** True when `value` holds unclean text; `path` then leads to it. */
function foundBadText(value: unknown, path: (string | number)[]): boolean {
  if (typeof value === 'string') return !isCleanText(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      if (foundBadText(value[i], path)) return true;
      path.pop();
    }
    return false;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    if (!isCleanText(key) || foundBadText((value as Record<string, unknown>)[key], path)) return true;
    path.pop();
  }
  return false;
}

/** A zod check for a whole value: its first unclean text becomes an issue with code `bad-text` at its path. */
export function cleanTextCheck(value: unknown, ctx: z.RefinementCtx): void {
  const at = badTextPath(value);
  if (at) ctx.addIssue({ code: 'custom', path: at.map(String), message: BAD_TEXT, params: { code: BAD_TEXT } });
}

/** A string schema that refuses NUL and lone surrogates (use instead of z.string() for stored text). */
export function cleanString(): z.ZodString {
  return z.string().refine(isCleanText, { message: BAD_TEXT, params: { code: BAD_TEXT } });
}

/**
 * A copy of a value whose unclean text is made storable (NUL and lone surrogates become U+FFFD), for
 * keeping a refused input as evidence of what was sent. Never used on data that is accepted.
 */
export function scrubText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNCLEAN, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((v) => scrubText(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k), scrubText(v)])) as T;
  }
  return value;
}
