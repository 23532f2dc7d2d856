// The renderer's sync client (Dexie in fake-indexeddb) against a real hub over HTTP.
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { localChecksum, syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient, SyncError, type Fetch } from '../../../src-renderer/sync/hubClient';
import { addRecord, editRecord, submitCase } from '../../../src-renderer/sync/mutators';
import type { Device } from './fixture';
import { STORES } from './stores';
import { openWorld, teamOf, type World } from './syncWorld';

let serial = 0;

async function laptopFor(device: Device): Promise<TariffDb> {
  const db = openDb(`client-test-${++serial}`);
  await saveAccount(db, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: device.username, displayName: device.username, role: 'inspector', district: '海淀区', certNo: null } });
  return db;
}

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
    const db = await laptopFor(member.device);
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
    const db = await laptopFor(member.device);
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
    const db = await laptopFor(member.device);
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
    const db = await laptopFor(member.device);
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

  it('a revoked device is told so', async () => {
    const { member } = teamOf(world, world.cases[0]!);
    const db = await laptopFor(member.device);
    await world.hub.app.inject({ method: 'POST', url: `/api/v1/devices/${member.device.deviceId}/revoke`, headers: { authorization: `Bearer ${world.office.device.token}` } });
    await expect(syncOnce(db, new HubClient(base, member.device.token))).rejects.toMatchObject({ kind: 'revoked' });
  });
});
