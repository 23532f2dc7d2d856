import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { auditCommand } from '../../../src-main/cli/commands/audit';
import { hubOptions, startHub } from '../../../src-main/cli/commands/hub';
import { pairCommand } from '../../../src-main/cli/commands/pair';
import { makeUserCommand } from '../../../src-main/cli/commands/user';
import { main } from '../../../src-main/cli/index';
import { CliError, type CliIo } from '../../../src-main/cli/command';
import { openStore } from '../../../src-main/hub/store/open';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t) };
}

interface Place {
  name: string;
  /** The store option and its value, for argv. */
  args: string[];
  dispose(): Promise<void>;
}

async function pgliteFolder(): Promise<Place> {
  const dir = await mkdtemp(join(tmpdir(), 'tariffcheck-hub-'));
  return { name: 'pglite', args: ['--data', dir], dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function pgDatabase(url: string): Promise<Place> {
  // The CLI takes only a URL, so each run gets a database of its own.
  const name = 'cli_' + randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = '/' + name;
  return {
    name: 'postgres',
    args: ['--pg', own.toString()],
    async dispose() {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const pgUrl = process.env.TARIFFCHECK_PG_URL;
const PLACES: { name: string; make: () => Promise<Place> }[] = [
  { name: 'pglite', make: pgliteFolder },
  ...(pgUrl ? [{ name: 'postgres', make: () => pgDatabase(pgUrl) }] : []),
];

describe.each(PLACES)('tariffcheck hub commands on $name', ({ make }) => {
  let place: Place;
  beforeAll(async () => {
    place = await make();
  });
  afterAll(() => place.dispose());

  it('user add reads the password from stdin and refuses it on argv', async () => {
    const io = capture();
    const add = makeUserCommand(async () => 'correct horse');
    const code = await add(['add', ...place.args, '--username', 'office1', '--name', '办公室', '--role', 'office', '--district', '海淀区', '--password-stdin'], io);
    expect(code).toBe(0);
    expect(io.lines[0]).toMatch(/^已添加科室账号 office1（[0-9a-f-]{36}）$/);
    await expect(add(['add', ...place.args, '--username', 'x', '--name', 'x', '--role', 'office', '--district', 'd', '--password', 'secret'], io)).rejects.toBeInstanceOf(CliError);
    await expect(add(['add', ...place.args, '--username', 'office1', '--name', 'x', '--role', 'office', '--district', 'd', '--password-stdin'], io)).rejects.toMatchObject({ exitCode: 1, message: '用户名已被使用。' });
  });

  it('user add names a refused field and its reason in Chinese, never a schema message', async () => {
    const short = makeUserCommand(async () => 'short');
    await expect(short(['add', ...place.args, '--username', 'office9', '--name', '办公室', '--role', 'office', '--district', '海淀区', '--password-stdin'], capture())).rejects.toMatchObject({
      message: '“密码”太短或太小',
    });
    const badRole = makeUserCommand(async () => 'correct horse');
    await expect(badRole(['add', ...place.args, '--username', 'office9', '--name', '办公室', '--role', 'boss', '--district', '海淀区', '--password-stdin'], capture())).rejects.toMatchObject({
      message: '“角色”不是可选的值',
    });
  });

  it('pair prints an 8-character code', async () => {
    const io = capture();
    expect(await pairCommand([...place.args, '--username', 'office1'], io)).toBe(0);
    expect(io.lines).toEqual([expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/)]);
    await expect(pairCommand([...place.args, '--username', 'nobody'], io)).rejects.toMatchObject({ exitCode: 1 });
  });

  it('audit verify: 0 when intact, 1 naming the edited entry', async () => {
    const io = capture();
    expect(await auditCommand(['verify', ...place.args], io)).toBe(0);
    expect(io.lines).toEqual(['审计日志完整：共 2 条']);
    const location = place.args[0] === '--pg' ? { pg: place.args[1]! } : { data: place.args[1]! };
    const store = await openStore(location);
    await store.query(`UPDATE audit_log SET subject = 'forged' WHERE id = (SELECT min(id) FROM audit_log)`);
    await store.close();
    expect(await auditCommand(['verify', ...place.args], io)).toBe(1);
    expect(io.lines[1]).toMatch(/^审计日志在第 \d+ 条处断开：内容与其摘要不符（被改动过）/);
  });

  it('hub listens and answers /health', async () => {
    const hub = await startHub(hubOptions([...place.args, '--port', '0', '--host', '127.0.0.1', '--web', '/nonexistent']));
    try {
      expect(hub.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${hub.address}/api/v1/health`);
      expect(await res.json()).toEqual({ ok: true, version, store: place.name });
      if (place.name === 'pglite') {
        // The embedded folder is the running hub's alone.
        await expect(pairCommand([...place.args, '--username', 'office1'], capture())).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('in use by process') });
      }
    } finally {
      await hub.close();
    }
  });
});

describe('tariffcheck hub commands: usage', () => {
  it('needs exactly one of --data and --pg', async () => {
    const io = capture();
    expect(await main(['pair', '--username', 'u'], io)).toBe(2);
    expect(io.errors[0]).toBe('tariffcheck pair: 请用 --data 目录（内置数据库）或 --pg postgres://… 给出检查中心的数据库');
    expect(await main(['audit', 'verify', '--data', '/tmp/x', '--pg', 'postgres://h/db'], io)).toBe(2);
    expect(await main(['user', 'add', '--data', '/tmp/x', '--username', 'u'], io)).toBe(2);
  });
});
