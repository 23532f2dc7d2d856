import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import type { CliIo } from '../../../src-main/cli/command';
import { createPairingCode, enrollDevice } from '../../../src-main/hub/accounts/devices';
import { addUser } from '../../../src-main/hub/accounts/users';
import { openStore } from '../../../src-main/hub/store/open';
import { sha256HexOf, writeCaseFile } from '../../../src-shared/sync/tcase';
import type { Mutation } from '../../../src-shared/sync/mutators';
import { START } from './fixture';
import { entity } from './syncWorld';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t) };
}

describe('tariffcheck merge on a PGlite folder', () => {
  let dir: string;
  let data: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tariffcheck-merge-'));
    data = join(dir, 'hub-data');
    const store = await openStore({ data });
    const cli = { userId: null, deviceId: null };
    let device: { deviceId: string; token: string };
    try {
      await addUser(store, { username: 'boss', displayName: '主任', role: 'office', district: '海淀区', password: 'correct horse' }, cli, START);
      const { code } = await createPairingCode(store, 'boss', cli, START);
      device = await enrollDevice(store, code, 'office laptop', START);
    } finally {
      await store.close();
    }
    const m = (id: number, i: number): Mutation => ({ id, name: 'putEntities', args: { rows: [entity(i)] }, hlc: `2026-03-02T01:00:00.000Z~000${id}` });
    const photo = new TextEncoder().encode('a scanned page');
    const common = { deviceId: device.deviceId, username: 'boss', token: device.token, createdAt: START };
    await writeFile(file('case-1.tcase'), writeCaseFile({ ...common, mutations: [m(1, 1), m(2, 2)], blobs: new Map() }));
    await writeFile(file('case-2.tcase'), writeCaseFile({ ...common, mutations: [m(3, 3)], blobs: new Map([[sha256HexOf(photo), photo]]) }));
    await writeFile(file('case-5.tcase'), writeCaseFile({ ...common, mutations: [m(5, 5)], blobs: new Map() }));
    await writeFile(file('garbage.tcase'), 'this is not a zip');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('merges two files, one report line each, exit 0', async () => {
    const io = capture();
    expect(await main(['merge', '--data', data, file('case-1.tcase'), file('case-2.tcase')], io)).toBe(0);
    expect(io.lines).toEqual([
      `${file('case-1.tcase')}：新增 2 项，已有 0 项，冲突 0 项，被拒绝 0 项；照片新增 0 张，已有 0 张`,
      `${file('case-2.tcase')}：新增 1 项，已有 0 项，冲突 0 项，被拒绝 0 项；照片新增 1 张，已有 0 张`,
    ]);
    expect(io.errors).toEqual([]);
  });

  it('exit 2 for a garbage or missing file, the others still merged; a gap is reported', async () => {
    const io = capture();
    const code = await main(['merge', '--data', data, file('garbage.tcase'), file('missing.tcase'), file('case-1.tcase'), file('case-5.tcase')], io);
    expect(code).toBe(2);
    expect(io.lines).toEqual([
      `${file('case-1.tcase')}：新增 0 项，已有 2 项，冲突 0 项，被拒绝 0 项；照片新增 0 张，已有 0 张`,
      `${file('case-5.tcase')}：新增 0 项，已有 0 项，冲突 0 项，被拒绝 0 项；照片新增 0 张，已有 0 张；不连续：检查中心应先收到第 4 项操作，本文件未合并`,
    ]);
    expect(io.errors[0]).toBe(`${file('garbage.tcase')}：不是 zip 文件（.tcase 案件文件是 zip 格式）`);
    expect(io.errors[1]).toMatch(/^.*missing\.tcase：无法读取：ENOENT/);
    expect(io.errors[2]).toBe(`${file('case-5.tcase')}：检查中心尚未收到第 4 项之前的操作；请先合并更早的案件文件`);
  });

  it('a gap alone exits 1; no files or no store is a usage error', async () => {
    expect(await main(['merge', '--data', data, file('case-5.tcase')], capture())).toBe(1);
    const io = capture();
    expect(await main(['merge', '--data', data], io)).toBe(2);
    expect(io.errors).toEqual(['tariffcheck merge: 请至少给出一个 .tcase 案件文件']);
    expect(await main(['merge', file('case-1.tcase')], io)).toBe(2);
    expect(io.errors[1]).toBe('tariffcheck merge: 请用 --data 目录（内置数据库）或 --pg postgres://… 给出检查中心的数据库');
  });
});
