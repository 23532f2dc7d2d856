import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FAMILIES, rulesFor, topLevelRules } from '../../../build/antdStyles.mjs';

const sheet = readFileSync(createRequire(import.meta.url).resolve('antd/dist/antd.css'), 'utf8');

describe("antd's stylesheet for the first screen", () => {
  it('splits a sheet into its top-level rules, at-rules whole', () => {
    const css = '@layer a, b;.ant-btn{color:red}@media (min-width:576px){.ant-col-sm-1{flex:0 0 4%}.ant-col-sm-2{flex:0 0 8%}}@keyframes spin{to{transform:rotate(1turn)}}:root{--x:1}';
    expect(topLevelRules(css)).toEqual([
      '@layer a, b;',
      '.ant-btn{color:red}',
      '@media (min-width:576px){.ant-col-sm-1{flex:0 0 4%}.ant-col-sm-2{flex:0 0 8%}}',
      '@keyframes spin{to{transform:rotate(1turn)}}',
      ':root{--x:1}',
    ]);
  });

  it('keeps the rules of the given components and those of none, drops a rule naming any other', () => {
    const css = '.ant-btn{a:1}.ant-table{b:2}.ant-btn .ant-table-cell{c:3}@media print{.ant-btn-sm{d:4}}@media print{.ant-menu{e:5}}@media print{.ant-btn{g:7}.ant-menu{h:8}}@keyframes k{to{f:6}}';
    expect(rulesFor(css, new Set(['btn']))).toBe('.ant-btn{a:1}@media print{.ant-btn-sm{d:4}}@keyframes k{to{f:6}}');
  });

  it("takes from antd's own sheet its first screen's rules, in the sheet's order, and leaves out the rest", () => {
    const rules = topLevelRules(sheet);
    // Every rule whole: its braces balanced, none split inside a block (checked apart from the splitter).
    const unbalanced = rules.filter((r) => r.split('{').length !== r.split('}').length || !(r.endsWith('}') || r.endsWith(';')));
    expect(unbalanced).toEqual([]);
    expect(rules.join('')).toBe(sheet.replace(/\s+$/, ''));
    const first = topLevelRules(rulesFor(sheet, FIRST_SCREEN_FAMILIES));
    // A subsequence of the whole sheet: loaded after it, the whole sheet repeats each rule in its own order.
    let at = 0;
    for (const rule of first) {
      at = rules.indexOf(rule, at);
      expect(at).toBeGreaterThanOrEqual(0);
      at++;
    }
    const text = first.join('');
    for (const family of ['btn', 'input', 'form', 'card', 'radio', 'typography', 'spin']) expect(text).toContain(`.ant-${family}{`);
    for (const family of ['table', 'menu', 'picker', 'modal', 'tabs']) expect(text).not.toContain(`.ant-${family}`);
    expect(text.length / sheet.length).toBeLessThan(0.3);
    // The mark that tells antd's icons their reset is in the sheet, so none is generated in the page.
    expect(first.filter((r) => r.startsWith('.data-ant-cssinjs-cache-path'))).toHaveLength(rules.filter((r) => r.startsWith('.data-ant-cssinjs-cache-path')).length);
    expect(first.some((r) => r.startsWith('.data-ant-cssinjs-cache-path'))).toBe(true);
  });
});
