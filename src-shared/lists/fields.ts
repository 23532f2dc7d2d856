// Parsers for the cells of one row: each turns the cell text into a value or a problem with a stable code.
import { MAX_TENANT_COUNT, type CreditGrade, type EntityKind } from '../domain';
import { USCC_ALPHABET, usccProblem } from '../uscc';
import { cleanSpaces, nfkc, normalizeCode, normalizeText, normalizeWord, parseNumberCode, splitList } from './normalize';

export interface FieldProblem {
  code: string;
  params?: Record<string, string | number>;
}
export type Parsed<V> = { ok: true; value: V } | ({ ok: false } & FieldProblem);

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const problem = (code: string, params?: Record<string, string | number>): Parsed<never> =>
  params ? { ok: false, code, params } : { ok: false, code };

/** Longest free text accepted in one cell, in characters; longer is almost always a pasted block. */
export const MAX_TEXT = 200;

/** Free text (names, addresses): characters kept as typed (full-width brackets of official names too), spaces cleaned. */
export function parseText(text: string): Parsed<string> {
  const value = cleanSpaces(text);
  return value.length > MAX_TEXT ? problem('text.tooLong', { max: MAX_TEXT }) : ok(value);
}

/** Grouping text (district, sub-district): NFKC as well, so 'ＸＸ区' and 'XX区' fall into one group. */
export function parsePlace(text: string): Parsed<string> {
  const value = normalizeText(text);
  return value.length > MAX_TEXT ? problem('text.tooLong', { max: MAX_TEXT }) : ok(value);
}

/** A unified social credit code, canonical (upper-case, half-width, no spaces), check character verified. */
export function parseUscc(text: string): Parsed<string> {
  // normalizeCode also drops zero-width characters pasted from web pages, which normalizeUscc would keep.
  const code = normalizeCode(text);
  const why = usccProblem(code);
  if (why === null) return ok(code);
  if (why === 'length') return problem('uscc.length', { length: code.length });
  if (why === 'character') return problem('uscc.character', { char: firstIllegal(code) });
  return problem('uscc.check');
}

function firstIllegal(code: string): string {
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return ch;
  return '';
}

/** A certificate number (执法证号) as its key: NFKC, upper-case, no spaces. */
export function parseCertNo(text: string): Parsed<string> {
  const value = normalizeCode(text);
  return value.length > MAX_TEXT ? problem('text.tooLong', { max: MAX_TEXT }) : ok(value);
}

/** Builds a lookup from the words people write to a code; keys are compared after {@link normalizeWord}. */
function vocabulary<C extends string>(words: readonly (readonly [C, readonly string[]])[]): ReadonlyMap<string, C> {
  const map = new Map<string, C>();
  for (const [code, list] of words) {
    map.set(normalizeWord(code), code);
    for (const word of list) map.set(normalizeWord(word), code);
  }
  return map;
}

/** Looks a cell up in a vocabulary: undefined for a blank cell, null for a word not in it. */
function lookup<C>(map: ReadonlyMap<string, C>, text: string): C | null | undefined {
  const word = normalizeWord(text);
  if (word === '') return undefined;
  // A bracketed remark after the word ("存续（在营、开业、在册）", "红色(高风险)") does not change its meaning.
  return map.get(word) ?? map.get(word.replace(/\(.*\)$/, '')) ?? null;
}

const KINDS = vocabulary<EntityKind>([
  ['mall', ['商业综合体', '综合体', '商场', '购物中心', '购物广场', '商业广场', '商业体']],
  ['industrial_park', ['产业园区', '产业园', '园区', '工业园区', '工业园', '科技园区', '科技园']],
  ['office_building', ['写字楼', '商务楼宇', '商务楼', '楼宇', '办公楼']],
  ['other', ['其他', '其它']],
]);

/** The kind of target from its Chinese word; blank → 'other'. */
export function parseKind(text: string): Parsed<EntityKind> {
  const kind = lookup(KINDS, text);
  if (kind === undefined) return ok('other');
  return kind ? ok(kind) : problem('kind.unknown', { value: cleanSpaces(text) });
}

const GRADES = vocabulary<CreditGrade>([
  ['green', ['绿', '绿色']],
  ['blue', ['蓝', '蓝色']],
  ['yellow', ['黄', '黄色']],
  ['red', ['红', '红色']],
  ['black', ['黑', '黑色']],
]);

/** The credit grade from its Chinese colour; blank → null (not graded). */
export function parseCredit(text: string): Parsed<CreditGrade | null> {
  const grade = lookup(GRADES, text);
  if (grade === undefined) return ok(null);
  return grade ? ok(grade) : problem('credit.unknown', { value: cleanSpaces(text) });
}

const STATUS = vocabulary<'active' | 'inactive'>([
  ['active', ['正常', '在册', '存续', '在营', '开业', '在业', '有效', '启用', '在岗', '在职', '是', 'true']],
  ['inactive', ['注销', '停用', '吊销', '撤销', '歇业', '无效', '离岗', '离职', '调离', '退休', '否', 'false']],
]);

/** Whether the record is active, from 状态; blank → active. */
export function parseActive(text: string): Parsed<boolean> {
  const status = lookup(STATUS, text);
  if (status === undefined) return ok(true);
  return status ? ok(status === 'active') : problem('status.unknown', { value: cleanSpaces(text) });
}

/** A coordinate in degrees within [min, max]; blank → null. A trailing ° is tolerated. */
export function parseDegrees(text: string, min: number, max: number): Parsed<number | null> {
  const raw = normalizeCode(text).replace(/°$/, '');
  if (raw === '') return ok(null);
  const value = parseNumberCode(raw);
  if (value === null) return problem('number.invalid', { value: cleanSpaces(text) });
  return value >= min && value <= max ? ok(value) : problem('coord.range', { value: raw, min, max });
}

/** A count of tenants: a non-negative integer, thousands separators and a unit (户、家、个) tolerated; blank → null. */
export function parseCount(text: string): Parsed<number | null> {
  const raw = normalizeCode(text).replace(/[户家个]$/, '');
  if (raw === '') return ok(null);
  const value = parseNumberCode(raw);
  return value !== null && Number.isSafeInteger(value) && value >= 0 && value <= MAX_TENANT_COUNT
    ? ok(value)
    : problem('count.invalid', { value: cleanSpaces(text) });
}

const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
// Area code 0xx or 0xxx, with or without a hyphen or brackets, 7–8 digits, an optional extension.
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(?:(?:-|转|ext\.?|x|#)\d{1,6})?$/i;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

function isPhone(part: string): boolean {
  return MOBILE.test(part.replace(/-/g, '')) || LANDLINE.test(part) || SERVICE.test(part);
}

/** One or more phone numbers; stored canonical (half-width, no spaces) and joined by 、. Blank → ''. */
export function parsePhone(text: string): Parsed<string> {
  const numbers: string[] = [];
  for (const part of splitList(nfkc(text))) {
    const compact = normalizeCode(part);
    if (isPhone(compact)) numbers.push(compact);
    else {
      // "0591-87654321 13800138000": several numbers separated only by spaces.
      const pieces = splitList(part, true).map(normalizeCode);
      if (pieces.length < 2 || !pieces.every(isPhone)) return problem('phone.invalid', { value: cleanSpaces(part) });
      numbers.push(...pieces);
    }
  }
  return ok(numbers.join('、'));
}

/** Certificate numbers of the last inspectors; duplicates dropped, order kept. */
export function parseCertList(text: string): Parsed<string[]> {
  return ok([...new Set(splitList(nfkc(text), true).map(normalizeCode))]);
}

/** Credit codes of conflict-of-interest targets; every one must be a valid code. */
export function parseUsccList(text: string): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of splitList(nfkc(text), true)) {
    const code = parseUscc(part);
    if (!code.ok) return problem(`conflicts.${code.code}`, { value: normalizeCode(part), ...code.params });
    if (!codes.includes(code.value)) codes.push(code.value);
  }
  return ok(codes);
}
