// Canonical encodings and SHA-256 hashes of the draw's inputs and output (docs/draw-algorithm.md §2, §3, §10).
// The inputs are each the UTF-8 of one JSON text as ECMAScript JSON.stringify writes it: a header naming the
// format and the fields, then one array per row. JSON gives exact, well-known escaping for any string. The
// output is binary: uint32 indices into the canonical lists, whose hashes already fix every name.
import { createSha256, gatherSha256, sha256Hex } from '../hash/sha256';
import { CREDIT_GRADES, type Entity, type Inspector } from '../domain';
import { normalizePlan, ratioBasisPoints, type DrawPlan, type GroupDimension } from './plan';

export const ENTITIES_FORMAT = 'tariffcheck-entities/1';
export const INSPECTORS_FORMAT = 'tariffcheck-inspectors/1';
export const PLAN_FORMAT = 'tariffcheck-plan/1';
export const OUTPUT_FORMAT = 'tariffcheck-draw-output/2';

/** Every field of Entity, in hashing order. */
export const ENTITY_FIELDS = [
  'uscc', 'name', 'kind', 'district', 'subdistrict', 'address', 'lng', 'lat',
  'tenantCount', 'contact', 'phone', 'credit', 'lastInspectors', 'active',
] as const satisfies readonly (keyof Entity)[];

/** Every field of Inspector, in hashing order. */
export const INSPECTOR_FIELDS = [
  'certNo', 'name', 'unit', 'district', 'subdistrict', 'phone', 'conflicts', 'active',
] as const satisfies readonly (keyof Inspector)[];

// Compile-time proof that the field lists name every field: adding a field to domain.ts breaks the build here.
type Missing<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number]>;
const allEntityFields: [Missing<Entity, typeof ENTITY_FIELDS>] extends [never] ? true : never = true;
const allInspectorFields: [Missing<Inspector, typeof INSPECTOR_FIELDS>] extends [never] ? true : never = true;
void allEntityFields;
void allInspectorFields;

type Json = string | number | boolean | null | readonly Json[];

/** Rows per JSON.stringify call: large enough to keep the native fast path busy, small enough to keep memory flat. */
const CHUNK_ROWS = 2048;
const utf8 = new TextEncoder();

/** A copy sorted by UTF-16 code units (JavaScript's default order). */
function sortedStrings(values: readonly string[]): string[] {
  return values.length < 2 ? values.slice() : values.slice().sort();
}

/** The JSON row of an entity: its fields in ENTITY_FIELDS order, lastInspectors sorted. */
export function entityRow(e: Entity): Json[] {
  return [
    e.uscc, e.name, e.kind, e.district, e.subdistrict, e.address, e.lng, e.lat,
    e.tenantCount, e.contact, e.phone, e.credit, sortedStrings(e.lastInspectors), e.active,
  ];
}

/** The JSON row of an inspector: its fields in INSPECTOR_FIELDS order, conflicts sorted. */
export function inspectorRow(i: Inspector): Json[] {
  return [i.certNo, i.name, i.unit, i.district, i.subdistrict, i.phone, sortedStrings(i.conflicts), i.active];
}

/** Where a list's encoding goes: a SHA-256 that hashes as it goes, or one that gathers first. */
interface ByteSink {
  update(data: Uint8Array): unknown;
}

/** Writes the UTF-8 of JSON.stringify([header, ...rows.map(toRow)]) to `sink`, in chunks. */
function encodeRows<T>(sink: ByteSink, header: Json, rows: readonly T[], toRow: (row: T, index: number) => Json): void {
  const bytes = new Utf8Buffer();
  sink.update(bytes.encode('[' + JSON.stringify(header)));
  const chunk: Json[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    chunk.length = 0;
    for (let i = start; i < end; i++) chunk.push(toRow(rows[i]!, i));
    // The chunk's outer brackets (one byte each) are dropped; its rows continue the one array of the
    // whole list. Encoding the JSON as it is spares a copy of it joined to the comma.
    sink.update(COMMA);
    const encoded = bytes.encode(JSON.stringify(chunk));
    sink.update(encoded.subarray(1, encoded.length - 1));
  }
  sink.update(bytes.encode(']'));
}

const COMMA = new Uint8Array([0x2c]);

/** UTF-8 into one reused buffer: a list's chunks would otherwise allocate tens of megabytes. */
class Utf8Buffer {
  private buffer = new Uint8Array(1 << 16);

  /** The bytes of `text`, valid until the next call. */
  encode(text: string): Uint8Array {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.buffer.length < text.length * 3) this.buffer = new Uint8Array(text.length * 3);
    const { written } = utf8.encodeInto(text, this.buffer);
    return this.buffer.subarray(0, written);
  }
}

/** One list made ready for the draw: the active rows in canonical order, and what was left out. */
export interface PreparedList<T> {
  /** Active rows sorted by key (UTF-16 code units). */
  rows: T[];
  /** Inactive rows, sorted by key. */
  inactive: T[];
  /** Keys that occur on more than one active row (the draw refuses such a list). */
  duplicates: string[];
  /** Lower-case hex SHA-256 of the canonical encoding of `rows`. */
  hash: string;
}

/** Active rows sorted by key; rows with equal keys (only in a faulty list) are ordered by their JSON row. */
function canonicalOrder<T extends { active: boolean }>(list: readonly T[], keyOf: (row: T) => string, toRow: (row: T) => Json): Omit<PreparedList<T>, 'hash'> {
  const active: T[] = [];
  const inactive: T[] = [];
  for (const row of list) (row.active ? active : inactive).push(row);
  // Inactive rows are reported, not drawn; sorted too, so the report does not depend on the file's row order.
  inactive.sort((a, b) => compareCodeUnits(keyOf(a), keyOf(b)));
  const keys = active.map(keyOf);
  const order = codeKeyOrder(keys) ?? stringOrder(keys);
  if (order !== null) return { rows: Array.from(order, (i) => active[i]!), inactive, duplicates: [] };
  const decorated = active.map((row, i) => ({ row, key: keys[i]!, json: JSON.stringify(toRow(row)) }));
  decorated.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.json, b.json));
  const duplicates = decorated.filter((d, i) => i > 0 && d.key === decorated[i - 1]!.key).map((d) => d.key);
  return { rows: decorated.map((d) => d.row), inactive, duplicates: [...new Set(duplicates)] };
}

/** Characters of a code key: digits and capital letters, as USCCs are (canonical upper case). */
const CODE_DIGITS = 43; // '0' (48) … 'Z' (90)
/** Characters per number: 43^9 < 2^53, so nine of them fit a double exactly. */
const CODE_CHUNK = 9;

/**
 * The order of `keys` by UTF-16 code units, when every key has the same length (at most 18) and only
 * characters 0–9 and A–Z: each key is then two exact numbers whose order is the keys' order, and sorting
 * numbers is several times faster than sorting 100,000 strings scattered in memory. Null when some key is
 * not such a code, or two keys are equal (the caller orders those by their rows).
 */
function codeKeyOrder(keys: readonly string[]): Int32Array | null {
  const n = keys.length;
  const length = keys[0]?.length ?? 0;
  if (n === 0 || length > 2 * CODE_CHUNK) return null;
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (key.length !== length) return null;
    let h = 0;
    let l = 0;
    for (let c = 0; c < length; c++) {
      const digit = key.charCodeAt(c) - 48;
      // Between '9' and 'A' are :;<=>?@ — not code characters, but still ordered correctly if present.
      if (digit < 0 || digit >= CODE_DIGITS) return null;
      if (c < CODE_CHUNK) h = h * CODE_DIGITS + digit;
      else l = l * CODE_DIGITS + digit;
    }
    hi[i] = h;
    lo[i] = l;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]!);
  for (let k = 1; k < n; k++) if (hi[order[k]!] === hi[order[k - 1]!] && lo[order[k]!] === lo[order[k - 1]!]) return null;
  return order;
}

/** The order of `keys` by UTF-16 code units when no two are equal, else null. */
function stringOrder(keys: readonly string[]): number[] | null {
  const at = new Map<string, number>();
  keys.forEach((key, i) => at.set(key, i));
  if (at.size !== keys.length) return null;
  // The built-in order of bare strings is code units, and markedly faster than sorting with a comparator.
  return [...at.keys()].sort().map((key) => at.get(key)!);
}

/** -1, 0 or 1 by UTF-16 code units, the order of every sort in the draw. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each active target's grouping values as small integer codes, in canonical order, with the value behind
 * each code (credit '' = no grade). Built while hashing, when each row is in cache anyway: reading 100,000
 * scattered rows again for grouping would cost the draw more than all its arithmetic.
 */
export interface TargetCodes {
  codes: Record<GroupDimension, Int32Array>;
  values: Record<GroupDimension, string[]>;
}

/**
 * The fields of the active targets the draw reads per selected target, as columns in canonical order.
 * Taken while hashing, like TargetCodes: the draw then never touches a scattered row object.
 */
export interface TargetColumns {
  uscc: string[];
  name: string[];
  /** Row i's last inspectors are lastValues[lastCodes[k]] for lastStart[i] ≤ k < lastStart[i + 1]. */
  lastStart: Int32Array;
  lastCodes: Int32Array;
  /** Each certificate number named as a last inspector, once. */
  lastValues: string[];
}

/** The target list made ready for the draw: canonical rows, hash, grouping codes and columns. */
export interface PreparedEntities extends PreparedList<Entity> {
  groupCodes: TargetCodes;
  columns: TargetColumns;
}

class CodeBook {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  code(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** The target list in canonical order with its hash (only active rows count). */
export function prepareEntities(list: readonly Entity[]): PreparedEntities {
  const hash = createSha256();
  return { ...entitiesInto(hash, list), hash: hash.hex() };
}

/** prepareEntities with the encoding hashed by gatherSha256 (WebCrypto in the renderer). */
export async function prepareEntitiesAsync(list: readonly Entity[]): Promise<PreparedEntities> {
  const hash = gatherSha256();
  const prepared = entitiesInto(hash, list);
  return { ...prepared, hash: await hash.hex() };
}

/** The target list in canonical order, its encoding written to `sink`, its grouping codes and columns. */
function entitiesInto(sink: ByteSink, list: readonly Entity[]): Omit<PreparedEntities, 'hash'> {
  const ordered = canonicalOrder(list, (e) => e.uscc, entityRow);
  const n = ordered.rows.length;
  const books = { district: new CodeBook(), subdistrict: new CodeBook(), kind: new CodeBook(), credit: new CodeBook() };
  const codes = { district: new Int32Array(n), subdistrict: new Int32Array(n), kind: new Int32Array(n), credit: new Int32Array(n) };
  // Filled by push, in row order: new Array(n) of 100,000 or more would start in slow dictionary mode.
  const usccs: string[] = [];
  const names: string[] = [];
  const lastStart = new Int32Array(n + 1);
  const lastCodes: number[] = [];
  const lastBook = new CodeBook();
  encodeRows(sink, [ENTITIES_FORMAT, ...ENTITY_FIELDS], ordered.rows, (e, i) => {
    usccs.push(e.uscc);
    names.push(e.name);
    for (const certNo of e.lastInspectors) lastCodes.push(lastBook.code(certNo));
    lastStart[i + 1] = lastCodes.length;
    codes.district[i] = books.district.code(e.district);
    codes.subdistrict[i] = books.subdistrict.code(e.subdistrict);
    codes.kind[i] = books.kind.code(e.kind);
    codes.credit[i] = books.credit.code(e.credit ?? '');
    return entityRow(e);
  });
  const values = { district: books.district.values, subdistrict: books.subdistrict.values, kind: books.kind.values, credit: books.credit.values };
  const columns: TargetColumns = { uscc: usccs, name: names, lastStart, lastCodes: Int32Array.from(lastCodes), lastValues: lastBook.values };
  return { ...ordered, groupCodes: { codes, values }, columns };
}

/** The inspector list in canonical order with its hash (only active rows count). */
export function prepareInspectors(list: readonly Inspector[]): PreparedList<Inspector> {
  const hash = createSha256();
  return { ...inspectorsInto(hash, list), hash: hash.hex() };
}

/** prepareInspectors with the encoding hashed by gatherSha256 (WebCrypto in the renderer). */
export async function prepareInspectorsAsync(list: readonly Inspector[]): Promise<PreparedList<Inspector>> {
  const hash = gatherSha256();
  const prepared = inspectorsInto(hash, list);
  return { ...prepared, hash: await hash.hex() };
}

function inspectorsInto(sink: ByteSink, list: readonly Inspector[]): Omit<PreparedList<Inspector>, 'hash'> {
  const ordered = canonicalOrder(list, (i) => i.certNo, inspectorRow);
  encodeRows(sink, [INSPECTORS_FORMAT, ...INSPECTOR_FIELDS], ordered.rows, inspectorRow);
  return ordered;
}

/** Hex SHA-256 of the target list's canonical encoding. */
export function entitiesHash(list: readonly Entity[]): string {
  return prepareEntities(list).hash;
}

/** Hex SHA-256 of the inspector list's canonical encoding. */
export function inspectorsHash(list: readonly Inspector[]): string {
  return prepareInspectors(list).hash;
}

/** The JSON array a plan is hashed as: ratios in basis points, groupBy and grades in canonical order. */
export function planEncoding(plan: DrawPlan): Json[] {
  const p = normalizePlan(plan);
  const risk: Json[] = [];
  for (const grade of CREDIT_GRADES) {
    const r = p.riskRatios[grade];
    if (r !== undefined) risk.push([grade, ratioBasisPoints(r)]);
  }
  return [
    PLAN_FORMAT, p.name, ratioBasisPoints(p.ratio), p.groupBy, risk, p.teamSize,
    p.maxPerInspector, p.recusal.sameSubdistrict, p.recusal.lastInspector,
    // The scope (§3): only when the plan names districts, so earlier plans keep their hashes.
    ...(p.districts ? [p.districts] : []),
  ];
}

/** Hex SHA-256 of a plan's canonical encoding; equivalent plans (e.g. groupBy in another order) hash alike. */
export function planHash(plan: DrawPlan): string {
  return sha256Hex(utf8.encode(JSON.stringify(planEncoding(plan))));
}

/** What the output hash covers: each selected target's USCC and its team, in selection and seat order. */
export interface SelectionLine {
  uscc: string;
  inspectors: readonly string[];
}

/** The index written for a USCC or certificate number that is not in the list (never a real index). */
export const UNKNOWN_INDEX = 0xffffffff;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const OUTPUT_HEADER = utf8.encode(OUTPUT_FORMAT);

/**
 * Hex SHA-256 of the output encoding (docs/draw-algorithm.md §10): the UTF-8 bytes of OUTPUT_FORMAT, then
 * for each selected target, in selection order, uint32le(target index), uint32le(team size) and
 * uint32le(inspector index) per seat, indices into the canonical active lists. `words` holds exactly
 * those 32-bit words after the header.
 */
export function outputHashOfWords(words: Uint32Array): string {
  return createSha256().update(OUTPUT_HEADER).update(littleEndianBytes(words)).hex();
}

/** outputHashOfWords by gatherSha256 (WebCrypto in the renderer). */
export function outputHashOfWordsAsync(words: Uint32Array): Promise<string> {
  return gatherSha256().update(OUTPUT_HEADER).update(littleEndianBytes(words)).hex();
}

/** The words as uint32le bytes: their own memory on a little-endian machine. */
function littleEndianBytes(words: Uint32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const bytes = new Uint8Array(words.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return bytes;
}

/** Position of each key in canonical order, for encoding a result file's lines. */
function indexByKey<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(keyOf(row), i));
  return index;
}

/**
 * The output hash of saved lines (USCC and team by name) against canonical lists: the lists the draw was
 * made from give the recorded hash back. A name missing from its list is written as UNKNOWN_INDEX.
 */
export function outputHash(selected: readonly SelectionLine[], entities: readonly Entity[], inspectors: readonly Inspector[]): string {
  const targetIndex = indexByKey(entities, (e) => e.uscc);
  const inspectorIndex = indexByKey(inspectors, (i) => i.certNo);
  const words = new Uint32Array(selected.reduce((n, s) => n + 2 + s.inspectors.length, 0));
  let w = 0;
  for (const s of selected) {
    words[w++] = targetIndex.get(s.uscc) ?? UNKNOWN_INDEX;
    words[w++] = s.inspectors.length;
    for (const certNo of s.inspectors) words[w++] = inspectorIndex.get(certNo) ?? UNKNOWN_INDEX;
  }
  return outputHashOfWords(words);
}
