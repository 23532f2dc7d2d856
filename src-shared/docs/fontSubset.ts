// The glyphs a document uses, cut out of the full Chinese font with HarfBuzz's subsetter (harfbuzzjs,
// WebAssembly, no imports): pdf-lib's own subsetter loses the composite glyphs CJK fonts are made of.

/** The full font and the subsetter's WebAssembly bytes (read from node_modules in Node, fetched in the app). */
export interface FontSource {
  font: Uint8Array;
  wasm: Uint8Array;
}

interface HbExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const modules = new WeakMap<Uint8Array, Promise<WebAssembly.Module>>();

interface LoadedFont {
  hb: HbExports;
  face: number;
}

/**
 * One subsetter per font, its face parsed once and kept: copying the 10 MB font into a fresh instance
 * and parsing it again took most of a document's time (200 refund orders in a row, see docs/benchmarks.md).
 */
const loaded = new WeakMap<Uint8Array, Promise<LoadedFont>>();

async function load(source: FontSource): Promise<LoadedFont> {
  let module = modules.get(source.wasm);
  if (!module) modules.set(source.wasm, (module = WebAssembly.compile(new Uint8Array(source.wasm))));
  const hb = (await WebAssembly.instantiate(await module)).exports as unknown as HbExports;
  const fontPtr = hb.malloc(source.font.byteLength);
  new Uint8Array(hb.memory.buffer).set(source.font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, source.font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { hb, face };
}

/** A TrueType font holding only the characters of `text` (and the notdef glyph). */
export async function subsetFont(source: FontSource, text: string): Promise<Uint8Array> {
  let font = loaded.get(source.font);
  if (!font) {
    loaded.set(source.font, (font = load(source)));
    font.catch(() => loaded.delete(source.font));
  }
  const { hb, face } = await font;
  const input = hb.hb_subset_input_create_or_fail();
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of new Set(Array.from(text))) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) throw new Error('the font could not be subset');
  const result = hb.hb_face_reference_blob(subset);
  const data = hb.hb_blob_get_data(result, 0);
  // Read after the subsetter ran: its allocations may have grown (and replaced) the memory buffer.
  const bytes = new Uint8Array(hb.memory.buffer, data, hb.hb_blob_get_length(result)).slice();
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  return bytes;
}

/** Every character a document may print besides its data: labels, digits, Latin letters, punctuation, □. */
export const DOCUMENT_CHARS =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;!?%()[]/+-−=×→·~—_\'"#&*@' +
  '（）【】《》「」“”‘’、，。；：！？…％□' +
  '第页共编号现场检查笔录补充时间地点当事人统一社会信用代码址代表员执法证向出示了件说明的依据和内容告知有陈述申辩权利申请回避照片签字未拒绝见证' +
  '多收电费明细表初步台账文件核算方法行数能合计元一二三按户汇总月份实应租可追溯至本为现结果以办案机构最终认定准目录价网分摊';
