// What a new device's first screen loads: the modules the entry imports statically (what index.html
// preloads), found by bundling the renderer's entry with its dynamic imports split off, as the build does.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function staticModules(): Promise<Set<string>> {
  const result = await build({
    entryPoints: ['src-renderer/main.tsx'], bundle: true, splitting: true, format: 'esm', outdir: 'out/first-screen-test', write: false,
    metafile: true, jsx: 'automatic', logLevel: 'silent', loader: { '.css': 'empty', '.ttf': 'empty', '.wasm': 'empty' },
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'src-renderer/main.tsx')!;
  const reached = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (reached.has(o)) continue;
    reached.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') stack.push(i.path);
  }
  return new Set([...reached].flatMap((o) => Object.keys(outputs[o]!.inputs)));
}

describe('the first screen', () => {
  it('loads the welcome page with the entry, and neither the shell, the sync engine nor the write paths', async () => {
    const modules = await staticModules();
    expect(modules.has('src-renderer/pages/ProfilePage.tsx')).toBe(true);
    expect(modules.has('src-renderer/App.tsx')).toBe(true);
    const absent = ['components/AppShell.tsx', 'sync/controller.ts', 'sync/engine.ts', 'sync/hubClient.ts', 'sync/referenceMutators.ts', 'db/write.ts', 'pages/ListPage.tsx'];
    expect(absent.filter((m) => modules.has(`src-renderer/${m}`))).toEqual([]);
    expect([...modules].filter((m) => /node_modules\/(exceljs|leaflet|echarts|pdf-lib)\//.test(m))).toEqual([]);
  }, 60_000);
});
