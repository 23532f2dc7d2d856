import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src-shared/sync/mutators';
import { caseFileText } from '../../../src-shared/i18n/caseFile';
import { CaseFileError, readCaseFile, writeCaseFile } from '../../../src-shared/sync/tcase';
import { bearer, START } from './fixture';
import { STORES } from './stores';
import { finding, openWorld, replica, teamOf, type Laptop, type World } from './syncWorld';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function caseFile(laptop: Laptop, mutations: Mutation[], blobs = new Map<string, Uint8Array>(), token = laptop.device.token): Uint8Array {
  return writeCaseFile({ deviceId: laptop.device.deviceId, username: laptop.device.username, token, mutations, blobs, createdAt: START });
}

/** The file with its entries changed (and, if asked, the manifest's mutationsSha256 made to fit again). */
function edited(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void, refitHash = false): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  if (refitHash && files['mutations.jsonl']) {
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    manifest.mutationsSha256 = sha(files['mutations.jsonl']);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(files);
}

function editJsonl(files: Record<string, Uint8Array>, change: (lines: string[]) => string[]): void {
  files['mutations.jsonl'] = strToU8(change(strFromU8(files['mutations.jsonl']!).split('\n')).join('\n'));
}

describe.each(STORES)('case files on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory, 2);
  });
  afterEach(() => world.close());

  async function importFile(bytes: Uint8Array, token = world.office.device.token) {
    return world.hub.app.inject({ method: 'POST', url: '/api/v1/case-files', headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) });
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await world.hub.store.query<{ n: unknown }>(sql, params);
    return Number(row?.n);
  }

  const lastMutationId = (laptop: Laptop) => count('SELECT last_mutation_id AS n FROM devices WHERE id = $1', [laptop.device.deviceId]);

  it('imports a file with exact counts; the same file again is all already present', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const mutations = [
      member.mutation('addRecord', finding(c.id, 'A')),
      member.mutation('addRecord', finding(c.id, 'B')),
      member.mutation('editRecord', { id: '0195d0a0-0000-7000-8000-00000000dead', caseId: c.id, baseVersion: 0, changes: { title: 'x' } }),
      member.mutation('submitCase', { caseId: c.id }),
    ];
    const bytes = caseFile(member, mutations);
    const first = await importFile(bytes);
    expect(first.statusCode).toBe(200);
    const report = { deviceId: member.device.deviceId, username: member.device.username, new: 3, alreadyPresent: 0, conflicting: 0, rejected: 1, blobs: { new: 0, alreadyPresent: 0 } };
    expect(first.json()).toEqual(report);
    expect(await count('SELECT count(*) AS n FROM records')).toBe(2);
    expect(await lastMutationId(member)).toBe(4);
    const again = await importFile(bytes);
    expect(again.json()).toEqual({ ...report, new: 0, rejected: 0, alreadyPresent: 4 });
    expect(await count('SELECT count(*) AS n FROM records')).toBe(2);
    // The device pulls what the file applied as if it had pushed it.
    expect(replica(await member.pullAll()).get('cases')?.get(c.id)).toMatchObject({ status: 'submitted' });
    const audit = await world.hub.store.query<{ action: string; actor_user: string | null; after: { via?: string; counts?: { new: number } } }>("SELECT action, actor_user, after FROM audit_log WHERE action IN ('case-file.import', 'mutation.addRecord') ORDER BY id");
    expect(audit.map((a) => [a.action, a.after.via ?? a.after.counts?.new])).toEqual([['mutation.addRecord', 'case-file'], ['mutation.addRecord', 'case-file'], ['case-file.import', 3], ['case-file.import', 0]]);
    expect(audit.filter((a) => a.action === 'case-file.import').every((a) => a.actor_user === world.office.device.userId)).toBe(true);
    const verify = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(world.office.device.token) });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('mutations pushed by network first: the file is all already present; other content under a seen id is conflicting', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const mutations = [member.mutation('addRecord', finding(c.id, 'A')), member.mutation('addRecord', finding(c.id, 'B'))];
    await member.pushOk(mutations);
    const reply = await importFile(caseFile(member, mutations));
    expect(reply.json()).toMatchObject({ new: 0, alreadyPresent: 2, conflicting: 0, rejected: 0 });
    const other = [mutations[0]!, { ...mutations[1]!, args: finding(c.id, 'B changed') }];
    expect((await importFile(caseFile(member, other))).json()).toMatchObject({ new: 0, alreadyPresent: 1, conflicting: 1, rejected: 0 });
    expect(await count('SELECT count(*) AS n FROM records')).toBe(2);
    expect(await count("SELECT count(*) AS n FROM conflicts WHERE kind = 'replay-mismatch'")).toBe(1);
  });

  it("an edit in the file over another device's newer value is counted as conflicting (and kept for 冲突处理), not as new", async () => {
    const c = world.cases[0]!;
    const team = world.inspectors.filter((l) => c.inspectors.includes(l.device.username.replace('insp-', '')));
    expect(team).toHaveLength(2);
    const [first, second] = team as [Laptop, Laptop];
    const id = '0195d0a0-0000-7000-8000-0000000000c1';
    await first.pushOk([first.mutation('addRecord', finding(c.id, 'A', id))]);
    const [{ v }] = await world.hub.store.query<{ v: unknown }>('SELECT version AS v FROM records WHERE id = $1', [id]) as [{ v: unknown }];
    // The other inspector edited from that version offline; the first changed the title since.
    await first.pushOk([first.mutation('editRecord', { id, caseId: c.id, baseVersion: Number(v), changes: { title: '王改的' } })]);
    const file = caseFile(second, [second.mutation('editRecord', { id, caseId: c.id, baseVersion: Number(v), changes: { title: '李改的' } })]);
    expect((await importFile(file)).json()).toMatchObject({ new: 0, alreadyPresent: 0, conflicting: 1, rejected: 0 });
    expect(await count("SELECT count(*) AS n FROM conflicts WHERE kind = 'field' AND resolved_at IS NULL")).toBe(1);
  });

  it('a tampered file is refused whole: edited mutation, refitted hash, wrong key; nothing applied', async () => {
    const c = world.cases[0]!;
    const { member, outsider } = teamOf(world, c);
    const bytes = caseFile(member, [member.mutation('addRecord', finding(c.id, 'A')), member.mutation('submitCase', { caseId: c.id })]);
    const swap = (lines: string[]) => lines.map((l) => l.replace('"title":"A"', '"title":"forged"'));
    const cases: [Uint8Array, RegExp][] = [
      [edited(bytes, (f) => editJsonl(f, swap)), /mutationsSha256/],
      [edited(bytes, (f) => editJsonl(f, swap), true), /mac mismatch/],
      [caseFile(member, [member.mutation('addRecord', finding(c.id))].map((m) => ({ ...m, id: 1 })), undefined, outsider.device.token), /mac mismatch/],
      [edited(bytes, (f) => editJsonl(f, (lines) => lines.map((l) => l.replace('"submitCase"', '"dropTables"'))), true), /mac mismatch/],
      [strToU8('not a zip at all'), /not a zip/],
    ];
    for (const [file, message] of cases) {
      const reply = await importFile(file);
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ error: 'case-file-invalid', message: expect.stringMatching(message) });
    }
    expect(await count('SELECT count(*) AS n FROM records')).toBe(0);
    expect(await lastMutationId(member)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'case-file.import'")).toBe(0);
  });

  it('a file with a photo: the blob is stored and the case misses nothing', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const photo = randomBytes(4000);
    const hash = sha(photo);
    const record = finding(c.id);
    const bytes = caseFile(member, [member.mutation('addRecord', { ...record, data: { ...record.data, photos: [hash] } })], new Map([[hash, photo]]));
    expect((await importFile(bytes)).json()).toMatchObject({ new: 1, blobs: { new: 1, alreadyPresent: 0 } });
    expect(replica(await member.pullAll()).get('cases')?.get(c.id)).toMatchObject({ missingMedia: [] });
    const get = await world.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(member.device.token) });
    expect(Buffer.compare(get.rawPayload, photo)).toBe(0);
    expect((await importFile(bytes)).json()).toMatchObject({ new: 0, alreadyPresent: 1, blobs: { new: 0, alreadyPresent: 1 } });
  });

  it('a gap is reported and nothing of the file applies; a revoked device\'s file is accepted; only the office imports', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const mutations = [member.mutation('addRecord', finding(c.id, 'A')), member.mutation('addRecord', finding(c.id, 'B')), member.mutation('addRecord', finding(c.id, 'C'))];
    const later = await importFile(caseFile(member, mutations.slice(1)));
    expect(later.json()).toMatchObject({ new: 0, alreadyPresent: 0, gap: { expected: 1 } });
    expect(await count('SELECT count(*) AS n FROM records')).toBe(0);
    expect((await importFile(caseFile(member, mutations), member.device.token)).statusCode).toBe(403);
    const revoke = await world.hub.app.inject({ method: 'POST', url: `/api/v1/devices/${member.device.deviceId}/revoke`, headers: bearer(world.office.device.token) });
    expect(revoke.statusCode).toBe(200);
    expect((await importFile(caseFile(member, mutations))).json()).toMatchObject({ new: 3, alreadyPresent: 0 });
    const stranger = writeCaseFile({ deviceId: '0195d0a0-0000-7000-8000-000000000009', username: 'x', token: 'y'.repeat(43), mutations: [], blobs: new Map(), createdAt: START });
    expect((await importFile(stranger)).json()).toMatchObject({ error: 'case-file-invalid', message: expect.stringContaining('not enrolled') });
  });
});

describe('the .tcase format', () => {
  const device = { deviceId: '0195d0a0-0000-7000-8000-000000000001', username: 'li', token: 't'.repeat(43), createdAt: START };
  const caseId = '0195d0a0-0000-7000-8000-0000000000ca';
  const mutations: Mutation[] = [1, 2, 3].map((id) => ({ id, name: 'submitCase', args: { caseId }, hlc: `h${id}` }));
  const photo = strToU8('a photo');
  const file = writeCaseFile({ ...device, mutations, blobs: new Map([[sha(photo), photo]]) });

  it('round-trips manifest, mutations and blobs', () => {
    const read = readCaseFile(file);
    expect(read.mutations).toEqual(mutations);
    expect([...read.blobs.keys()]).toEqual([sha(photo)]);
    expect(read.manifest).toMatchObject({ format: 'tcase', version: 1, deviceId: device.deviceId, username: 'li', createdAt: START.toISOString(), mutations: { count: 3, firstId: 1, lastId: 3 }, blobs: [sha(photo)] });
    expect(Object.keys(unzipSync(file)).sort()).toEqual(['blobs/' + sha(photo), 'manifest.json', 'mutations.jsonl']);
  });

  it('names what is wrong', () => {
    const bad: [Uint8Array, string][] = [
      [strToU8('PK nonsense'), 'not a zip file (a .tcase file is a zip)'],
      [edited(file, (f) => delete f['manifest.json']), 'no manifest.json in the file'],
      [edited(file, (f) => editJsonl(f, (l) => [l[0]!, '{"id": 2,', ...l.slice(2)]), true), 'bad JSON on line 2 of mutations.jsonl'],
      [edited(file, (f) => editJsonl(f, (l) => [l[0]!, l[2]!, l[1]!, '']), true), 'mutations.jsonl: ids must be ascending without gaps, but 3 follows 1 (line 2)'],
      [edited(file, (f) => editJsonl(f, (l) => l.map((x) => x.replace('"h1"', '"h0"')))), 'mutations.jsonl does not match the mutationsSha256 of the manifest (the file was changed)'],
      [edited(file, (f) => (f[`blobs/${sha(photo)}`] = strToU8('another photo'))), `blob ${sha(photo)}: its bytes do not match its name`],
      [edited(file, (f) => (f['../../etc/passwd'] = strToU8('x'))), 'unexpected entry "../../etc/passwd": a case file holds only manifest.json, mutations.jsonl and blobs/<sha256>'],
      [edited(file, (f) => (f['blobs/' + sha(photo).toUpperCase()] = photo)), `unexpected entry "blobs/${sha(photo).toUpperCase()}": a case file holds only manifest.json, mutations.jsonl and blobs/<sha256>`],
    ];
    const refusal = (bytes: Uint8Array): CaseFileError => {
      try {
        readCaseFile(bytes);
      } catch (e) {
        if (e instanceof CaseFileError) return e;
        throw e;
      }
      throw new Error('not refused');
    };
    for (const [bytes, message] of bad) expect(refusal(bytes).message).toBe(message);
    // The same refusals carry a code and its parameters; people read them in Chinese.
    const gap = refusal(bad[3]![0]);
    expect([gap.code, gap.params, caseFileText(gap.code, gap.params)]).toEqual(['ids-gap', { id: 3, prev: 1, line: 2 }, 'mutations.jsonl 中的操作编号不连续：第 2 行的 3 接在 1 之后']);
    expect(caseFileText(refusal(bad[0]![0]).code)).toBe('不是 zip 文件（.tcase 案件文件是 zip 格式）');
  });

  it('refuses more than 256 MiB uncompressed before inflating anything', () => {
    const bytes = zipSync({ 'manifest.json': strToU8('{}') });
    // The central directory entry's uncompressed size (offset 24) claims 300 MiB.
    const at = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02);
    new DataView(bytes.buffer).setUint32(at + 24, 300 * 1024 * 1024, true);
    expect(() => readCaseFile(bytes)).toThrow(/too big: more than 256 MiB uncompressed/);
  });
});
