// antd's static stylesheet (ConfigProvider zeroRuntime) in two parts, as Vite modules:
// - `virtual:antd-first-screen.css`: the rules of the components a first screen shows (the welcome page, the
//   lock screen, the spinner, the error page), about a quarter of the sheet, in the entry;
// - `virtual:antd-all.css`: the whole sheet, loaded once the first screen is shown (src-renderer/antdAll.ts).
// Parsing and matching the whole 976 kB sheet before the first render cost a new device's welcome page about
// a quarter of a second on a 2-core laptop. Both parts are in the cascade layer `antd`: the whole sheet,
// loaded later, repeats the first part's rules in their own order, so the page ends as with the sheet alone;
// our own styles.css, outside any layer, comes after antd's whichever loads last.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The antd components (class families: `.ant-btn-primary` is `btn`) a first screen shows. */
export const FIRST_SCREEN_FAMILIES: ReadonlySet<string> = new Set([
  'app', 'btn', 'wave', 'card', 'row', 'col', 'form', 'input', 'radio', 'typography', 'spin', 'space', 'flex', 'result',
  'motion', 'show', 'fade', 'zoom',
]);

const FAMILY = /\.ant-([a-z]+)/g;

/** The top-level rules of a stylesheet (a rule, or an at-rule with its block), in order. */
export function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1).trim());
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      // A statement at-rule (@charset, @import, @layer a, b;).
      rules.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return rules.filter((r) => r !== '');
}

/** The rules of `css` that style only these families, or no antd component at all (variables, keyframes, resets). */
export function rulesFor(css: string, families: ReadonlySet<string>): string {
  return topLevelRules(css)
    .filter((rule) => [...rule.matchAll(FAMILY)].every((m) => families.has(m[1]!)))
    .join('');
}

const layered = (css: string) => `@layer antd{${css}}`;

const FIRST = 'virtual:antd-first-screen.css';
const ALL = 'virtual:antd-all.css';

/** The Vite plugin serving both modules from the installed antd's sheet. */
export function antdStyles(): Plugin {
  const sheet = () => readFileSync(createRequire(import.meta.url).resolve('antd/dist/antd.css'), 'utf8');
  return {
    name: 'tariffcheck:antd-styles',
    resolveId: (id) => (id === FIRST || id === ALL ? `\0${id}` : null),
    load(id) {
      if (id === `\0${FIRST}`) return layered(rulesFor(sheet(), FIRST_SCREEN_FAMILIES));
      if (id === `\0${ALL}`) return layered(sheet());
      return null;
    },
  };
}
