import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/index';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tariffcheck', () => {
  it('lists its commands and exits 2 when given none', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    for (const c of ['check-list', 'draw', 'verify-draw', 'overcharge']) expect(r.out).toContain(`  ${c} `);
  });
  it('refuses an unknown command', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有这个命令：“frobnicate”');
  });
  it('shows one command’s usage for --help', async () => {
    const r = await run('verify-draw', '--help');
    expect(r).toEqual({ code: 0, out: 'usage: tariffcheck verify-draw FILE.json --entities FILE --inspectors FILE', err: '' });
  });
});
