// What a new device's first screen loads: the modules the entry imports statically (what index.html
// preloads), found by bundling the renderer's entry with its dynamic imports split off, as the build does.
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The build's virtual modules (antd's two stylesheets, build/antdStyles.mts), present by name and empty. */
const virtualModules: Plugin = {
  name: 'virtual',
  setup(b) {
    b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: '', loader: 'empty' }));
  },
};

async function staticModules(): Promise<Set<string>> {
  const { outputs, inputs } = (await bundle()).metafile;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'src-renderer/main.tsx')!;
  const reached = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (reached.has(o)) continue;
    reached.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') stack.push(i.path);
  }
  // Modules that add no bytes (the stylesheets, empty here) are in no output: followed by their importers.
  const modules = new Set([...reached].flatMap((o) => Object.keys(outputs[o]!.inputs)));
  for (const m of [...modules]) for (const i of inputs[m]?.imports ?? []) if (i.kind === 'import-statement' && i.path.startsWith('virtual:')) modules.add(i.path);
  return modules;
}

function bundle() {
  return build({
    entryPoints: ['src-renderer/main.tsx'], bundle: true, splitting: true, format: 'esm', outdir: 'out/first-screen-test', write: false,
    metafile: true, jsx: 'automatic', logLevel: 'silent', loader: { '.css': 'empty', '.ttf': 'empty', '.wasm': 'empty' }, plugins: [virtualModules],
  });
}

describe('the first screen', () => {
  it('loads the welcome page with the entry, and neither the shell, the sync engine nor the write paths', async () => {
    const modules = await staticModules();
    expect(modules.has('src-renderer/pages/ProfilePage.tsx')).toBe(true);
    expect(modules.has('src-renderer/App.tsx')).toBe(true);
    const absent = ['components/AppShell.tsx', 'sync/controller.ts', 'sync/engine.ts', 'sync/hubClient.ts', 'sync/referenceMutators.ts', 'db/write.ts', 'pages/ListPage.tsx'];
    expect(absent.filter((m) => modules.has(`src-renderer/${m}`))).toEqual([]);
    expect([...modules].filter((m) => /node_modules\/(exceljs|leaflet|echarts|pdf-lib)\//.test(m))).toEqual([]);
    // antd's rules for the first screen's components, not its whole sheet.
    expect([...modules].filter((m) => /antd.*\.css$/.test(m)).sort()).toEqual(['virtual:virtual:antd-first-screen.css']); // esbuild's name: namespace, then path
  }, 60_000);
});
