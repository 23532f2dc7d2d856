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
    expect(r).toEqual({ code: 0, out: '用法：tariffcheck verify-draw FILE.json --entities FILE --inspectors FILE', err: '' });
  });
  it('speaks Chinese around its commands and options (which stay as scripts write them)', async () => {
    const r = await run('--help');
    expect(r.out.split('\n')[0]).toBe('用法：tariffcheck <命令> [选项]');
    expect(r.out).toContain('  pair --data DIR | --pg URL --username U   （打印一个 10 分钟内有效的配对码）');
    expect(r.out).not.toMatch(/usage|prints|exit 0|report line/);
  });
});
