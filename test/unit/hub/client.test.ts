// The renderer's sync client (Dexie in fake-indexeddb) against a real hub over HTTP.
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { fitBody, localChecksum, PUSH_BODY_TARGET, syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient, SyncError, type Fetch } from '../../../src-renderer/sync/hubClient';
import { hasVerifier, loginOffline, loginOnline } from '../../../src-renderer/sync/login';
import { describeError } from '../../../src-renderer/i18n/errors';
import { storeBlob } from '../../../src-renderer/sync/blobs';
import { exportCaseFile } from '../../../src-renderer/sync/caseFile';
import { addRecord, editRecord, signRecord, submitCase } from '../../../src-renderer/sync/mutators';
import type { Device } from './fixture';
import { STORES } from './stores';
import { CERTS, openWorld, teamOf, type World } from './syncWorld';

let serial = 0;

/** A laptop enrolled as `device`, whose user holds `certNo` (a member of the case's team records in it). */
async function laptopFor(device: Device, certNo: string): Promise<TariffDb> {
  const db = openDb(`client-test-${++serial}`);
  await saveAccount(db, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: device.username, displayName: device.username, role: 'inspector', district: '海淀区', certNo } });
  return db;
}

const certOf = (world: World, laptop: World['inspectors'][number]): string => CERTS[world.inspectors.indexOf(laptop)]!;

const FINDING = { title: '加收公摊电费', detail: '每度加收 0.2 元', severity: 'major', photos: [] };

describe.each(STORES)('sync client on $name', (factory) => {
  let world: World;
  let base: string;
  beforeEach(async () => {
    world = await openWorld(factory);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => world.close());

  it('pulls its cases, records offline, pushes, and ends equal to the hub by checksum', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    const client = new HubClient(base, member.device.token);
    const first = await syncOnce(db, client);
    expect(first.pulled).toBeGreaterThan(0);
    expect((await db.cases.get(c.id))?.uscc).toBe(c.uscc);
    const id = await addRecord(db, c.id, 'finding', FINDING);
    await editRecord(db, id, { detail: '每度加收 0.25 元' });
    await submitCase(db, c.id);
    expect(await db.outbox.count()).toBe(3);
    const second = await syncOnce(db, client);
    expect(second).toMatchObject({ pushed: 3, rejected: 0, conflicts: 0, mismatched: [] });
    expect(await db.outbox.count()).toBe(0);
    const [row] = await world.hub.store.query<{ detail: string }>("SELECT data->>'detail' AS detail FROM records WHERE id = $1", [id]);
    expect(row?.detail).toBe('每度加收 0.25 元');
    expect((await db.records.get(id))?.version).toBeGreaterThan(0);
    const hubSums = await member.checksums([c.id]);
    expect(await localChecksum(db, c.id)).toBe(hubSums[c.id]);
  });

  it('the network down: a network error, the outbox intact; back up: synced', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    await syncOnce(db, new HubClient(base, member.device.token));
    await addRecord(db, c.id, 'finding', FINDING);
    const down: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await syncOnce(db, new HubClient(base, member.device.token, down)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('network');
    expect(await db.outbox.count()).toBe(1);
    await syncOnce(db, new HubClient(base, member.device.token));
    expect(await db.outbox.count()).toBe(0);
  });

  it('a lost push response: the replay is acknowledged, the record exists once', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    await syncOnce(db, new HubClient(base, member.device.token));
    await addRecord(db, c.id, 'finding', FINDING);
    // The hub applies the push, the answer is lost on the way back.
    const lossy: Fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (input.endsWith('/push')) throw new TypeError('connection reset');
      return response;
    };
    await expect(syncOnce(db, new HubClient(base, member.device.token, lossy))).rejects.toMatchObject({ kind: 'network' });
    expect(await db.outbox.count()).toBe(1);
    const report = await syncOnce(db, new HubClient(base, member.device.token));
    expect(report.pushed).toBe(1);
    const [n] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
    expect(Number(n?.n)).toBe(1);
  });

  it('work refused by the hub (the case was approved meanwhile) is shown as rejected and the case matches the hub again', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    const client = new HubClient(base, member.device.token);
    await syncOnce(db, client);
    await world.lead.pushOk([world.lead.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    const id = await addRecord(db, c.id, 'finding', FINDING);
    const report = await syncOnce(db, client);
    expect(report).toMatchObject({ rejected: 1, mismatched: [] });
    expect(await db.records.get(id)).toBeUndefined();
    expect((await db.cases.get(c.id))?.status).toBe('approved');
    const rejected = await db.hubRejected.toArray();
    expect(rejected.map((r) => [r.row.name, r.row.code])).toEqual([['addRecord', 'frozen']]);
    expect((rejected[0]?.row.args as { data: { title: string } }).data.title).toBe('加收公摊电费');
  });

  it('a signature image travels before the mutation naming it: the hub holds it and flags nothing missing', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    const client = new HubClient(base, member.device.token);
    await syncOnce(db, client);
    const id = await addRecord(db, c.id, 'finding', FINDING);
    const png = new Uint8Array(700_000).map((_, i) => (i * 31) % 251);
    const image = await storeBlob(db, new Blob([png], { type: 'image/png' }));
    await signRecord(db, id, { signer: '店长 张三', image, signedAt: '2026-03-02T02:00:00.000Z' });
    expect(await db.blobs.where('pending').equals(1).primaryKeys()).toEqual([image]);
    const report = await syncOnce(db, client);
    expect(report).toMatchObject({ pushed: 2, rejected: 0, mismatched: [] });
    expect((await db.blobs.get(image))?.uploaded).toBe(true);
    expect(await db.blobs.where('pending').equals(1).count()).toBe(0);
    const [blob] = await world.hub.store.query<{ size: number }>('SELECT size FROM blobs WHERE sha256 = $1', [image]);
    expect(blob?.size).toBe(700_000);
    expect((await db.cases.get(c.id))?.missingMedia).toEqual([]);
    expect((await db.records.get(id))?.signature?.signer).toBe('店长 张三');
  });

  it('a laptop that never sees the network: its case file merged at the office, then the same work by network duplicates nothing', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const db = await laptopFor(member.device, certOf(world, member));
    const client = new HubClient(base, member.device.token);
    await syncOnce(db, client);
    const id = await addRecord(db, c.id, 'finding', FINDING);
    const image = await storeBlob(db, new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }));
    await signRecord(db, id, { signer: '店长', image, signedAt: '2026-03-02T02:00:00.000Z' });
    const file = await exportCaseFile(db, c.id, new Date('2026-03-02T03:00:00.000Z'));
    expect(file.count).toBe(2);
    expect(file.name).toBe(`${member.device.username}-${c.id.slice(0, 8)}-202603021100.tcase`); // 03:00 UTC is 11:00 in China
    const office = new HubClient(base, world.office.device.token);
    expect(await office.importCaseFile(file.bytes)).toEqual({ deviceId: member.device.deviceId, username: member.device.username, new: 2, alreadyPresent: 0, conflicting: 0, rejected: 0, blobs: { new: 1, alreadyPresent: 0 } });
    expect(await office.importCaseFile(file.bytes)).toMatchObject({ new: 0, alreadyPresent: 2, blobs: { new: 0, alreadyPresent: 1 } });
    // A damaged file: the hub names the reason by code, and the office reads it in Chinese.
    const damaged = await office.importCaseFile(new TextEncoder().encode('PK nonsense')).catch((e: unknown) => e);
    expect(damaged).toMatchObject({ code: 'case-file-invalid', reason: { code: 'not-zip', params: {} } });
    const { errorMessages } = await import('../../../src-shared/i18n/errors');
    const t = ((key: string) => errorMessages['zh-CN'][key] ?? key) as unknown as Parameters<typeof describeError>[0];
    expect(describeError(t, damaged)).toBe('案件文件无效或已被改动。不是 zip 文件（.tcase 案件文件是 zip 格式）');
    const report = await syncOnce(db, client);
    expect(report).toMatchObject({ pushed: 2, rejected: 0, conflicts: 0, mismatched: [] });
    const [n] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
    expect(Number(n?.n)).toBe(1);
    expect((await db.cases.get(c.id))?.missingMedia).toEqual([]);
  });

  it('a revoked device is told so', async () => {
    const { member } = teamOf(world, world.cases[0]!);
    const db = await laptopFor(member.device, certOf(world, member));
    await world.hub.app.inject({ method: 'POST', url: `/api/v1/devices/${member.device.deviceId}/revoke`, headers: { authorization: `Bearer ${world.office.device.token}` } });
    await expect(syncOnce(db, new HubClient(base, member.device.token))).rejects.toMatchObject({ kind: 'revoked' });
  });

  it('online login keeps a verifier; offline, the right password opens and a wrong one does not; both are audited', async () => {
    const { member } = teamOf(world, world.cases[0]!);
    const db = await laptopFor(member.device, certOf(world, member));
    const client = new HubClient(base, member.device.token);
    expect(await hasVerifier(db)).toBe(false);
    await expect(loginOnline(db, client, 'wrong horse')).rejects.toMatchObject({ kind: 'auth', status: 401, message: 'the password is wrong' });
    expect(await hasVerifier(db)).toBe(false);
    await loginOnline(db, client, 'correct horse');
    expect(await loginOffline(db, 'correct horse')).toBe(true);
    expect(await loginOffline(db, 'correct hors')).toBe(false);
    const stored = JSON.stringify(await db.settings.get('sync.verifier'));
    expect(stored).not.toContain('correct horse');
    const actions = (await world.hub.store.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'login%' ORDER BY id")).map((r) => r.action);
    expect(actions).toEqual(['login.failed', 'login']);
  });

  it('a device sending too many requests is slowed with 429 rate-limited', async () => {
    const { member } = teamOf(world, world.cases[0]!);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/login', headers: { authorization: `Bearer ${member.device.token}` }, payload: { password: 'x' } });
      statuses.push(reply.statusCode);
      if (reply.statusCode === 429) expect(reply.json()).toMatchObject({ error: 'rate-limited' });
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another device is not affected.
    const other = await world.hub.app.inject({ method: 'POST', url: '/api/v1/login', headers: { authorization: `Bearer ${world.office.device.token}` }, payload: { password: 'x' } });
    expect(other.statusCode).toBe(401);
  });
});

describe('push body size', () => {
  it('a batch is cut so its body stays under the target; one huge mutation still goes alone', () => {
    const small = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, args: { detail: 'x'.repeat(100) } }));
    expect(fitBody(small)).toHaveLength(200);
    const big = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, args: { detail: '检'.repeat(5000) } }));
    const cut = fitBody(big);
    expect(cut.length).toBe(51);
    const body = JSON.stringify({ clientTime: '2026-03-02T01:00:00.000Z', mutations: cut.map((m) => ({ ...m, name: 'editRecord', hlc: '2026-03-02T01:00:00.000Z~0000' })) });
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(PUSH_BODY_TARGET);
    expect(fitBody([{ id: 1, args: { detail: 'x'.repeat(2_000_000) } }])).toHaveLength(1);
  });
});
