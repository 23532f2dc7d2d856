// The Chinese font the documents are set in and the subsetter, fetched once per thread (from the service
// worker's cache when offline): the window's documents and the PDF worker's both start here.
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { FontSource } from '../../src-shared/docs/fontSubset';

let source: Promise<FontSource> | null = null;

export function fontSource(): Promise<FontSource> {
  source ??= Promise.all([fetch(fontUrl), fetch(wasmUrl)]).then(async ([f, w]) => {
    if (!f.ok || !w.ok) throw new Error('the document font is not available');
    return { font: new Uint8Array(await f.arrayBuffer()), wasm: new Uint8Array(await w.arrayBuffer()) };
  });
  source.catch(() => (source = null));
  return source;
}
