import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/hub/migrations/migrate';
import { BLOB_MAX } from '../../../src-shared/sync/protocol';
import { bearer } from './fixture';
import { STORES } from './stores';
import { CERTS, finding, Laptop, openWorld, replica, teamOf, type World } from './syncWorld';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function put(laptop: Laptop, hash: string, offset: number, size: number, chunk: Uint8Array) {
  return laptop.hub.app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${hash}?offset=${offset}&size=${size}`,
    headers: { ...bearer(laptop.device.token), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(chunk),
  });
}

async function status(laptop: Laptop, hash: string) {
  const reply = await laptop.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}/status`, headers: bearer(laptop.device.token) });
  expect(reply.statusCode).toBe(200);
  return reply.json<{ state: string; offset: number; size: number | null }>();
}

describe.each(STORES)('blobs on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory, 1);
  });
  afterEach(() => world.close());

  async function count(sql: string): Promise<number> {
    const [row] = await world.hub.store.query<{ n: unknown }>(sql);
    return Number(row?.n);
  }

  it('uploads in three chunks, verified, then downloads the same bytes', async () => {
    const me = world.inspectors[0]!;
    const bytes = randomBytes(3000);
    const hash = sha(bytes);
    expect(await status(me, hash)).toEqual({ state: 'absent', offset: 0, size: null });
    expect((await put(me, hash, 0, 3000, bytes.subarray(0, 1000))).json()).toEqual({ state: 'partial', offset: 1000, size: 3000 });
    expect((await put(me, hash, 1000, 3000, bytes.subarray(1000, 2000))).json()).toEqual({ state: 'partial', offset: 2000, size: 3000 });
    expect(await status(me, hash)).toEqual({ state: 'partial', offset: 2000, size: 3000 });
    const last = await put(me, hash, 2000, 3000, bytes.subarray(2000));
    expect(last.statusCode).toBe(200);
    expect(last.json()).toEqual({ state: 'complete', offset: 3000, size: 3000 });
    expect(await status(me, hash)).toEqual({ state: 'complete', offset: 3000, size: 3000 });
    expect(await count('SELECT count(*) AS n FROM blob_uploads')).toBe(0);
    const get = await world.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(world.office.device.token) });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(get.rawPayload, bytes)).toBe(0);
    // Uploading it again is harmless.
    expect((await put(me, hash, 0, 3000, bytes)).json()).toEqual({ state: 'complete', offset: 3000, size: 3000 });
    const actions = (await world.hub.store.query<{ action: string }>("SELECT action FROM audit_log WHERE action = 'blob.store'")).map((r) => r.action);
    expect(actions).toEqual(['blob.store']);
  });

  it('a cut-off upload resumes from the offset /status reports', async () => {
    const me = world.inspectors[0]!;
    const bytes = randomBytes(5000);
    const hash = sha(bytes);
    await put(me, hash, 0, 5000, bytes.subarray(0, 2048));
    // The connection is lost; later the laptop asks where to go on.
    const { offset } = await status(me, hash);
    expect(offset).toBe(2048);
    expect((await put(me, hash, offset, 5000, bytes.subarray(offset))).json()).toEqual({ state: 'complete', offset: 5000, size: 5000 });
    const get = await world.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(world.office.device.token) });
    expect(Buffer.compare(get.rawPayload, bytes)).toBe(0);
  });

  it('a blob is served to whoever may read a case naming it: the team and the office, not another team or district', async () => {
    const c = world.cases[0]!;
    const { member, outsider } = teamOf(world, c);
    const teammate = world.inspectors.find((l, i) => l !== member && c.inspectors.includes(CERTS[i]!))!;
    const bytes = randomBytes(1500);
    const hash = sha(bytes);
    await put(member, hash, 0, 1500, bytes);
    const get = (laptop: Laptop) => world.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(laptop.device.token) });
    // Uploaded but named by no record yet: the office only.
    expect((await get(teammate)).statusCode).toBe(404);
    expect((await get(world.office)).statusCode).toBe(200);
    const record = finding(c.id);
    await member.pushOk([member.mutation('addRecord', { ...record, data: { ...record.data, photos: [hash] } })]);
    for (const laptop of [member, teammate, world.lead, world.office]) {
      const reply = await get(laptop);
      expect(reply.statusCode).toBe(200);
      expect(Buffer.compare(reply.rawPayload, bytes)).toBe(0);
    }
    const refused = await get(outsider);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual({ error: 'not-found', message: `no blob ${hash}` });
    const elsewhere = new Laptop(world.hub, await world.hub.enrolled('lead', 'lead-chaoyang', { district: '朝阳区' }));
    expect((await get(elsewhere)).statusCode).toBe(404);
    expect(await count('SELECT count(*) AS n FROM blob_refs')).toBe(1);
  });

  it('migration 003 fills blob_refs from the photos, posted-tariff photo and signature images already stored', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const [p1, p2, tariffPhoto, ink] = ['a', 'b', 'c', 'd'].map((x) => x.repeat(64));
    const record = finding(c.id);
    const tariff = { id: randomUUID(), caseId: c.id, kind: 'postedTariff', data: { category: '一般工商业', priceText: '0.65 元/度', photo: tariffPhoto } };
    await member.pushOk([
      member.mutation('addRecord', { ...record, data: { ...record.data, photos: [p1, p2, p1] } }),
      member.mutation('addRecord', tariff),
      member.mutation('signRecord', { id: record.id, caseId: c.id, signature: { signer: '王五', image: ink, signedAt: '2026-03-02T01:00:00.000Z' } }),
    ]);
    const refs = async () => (await world.hub.store.query<{ sha256: string }>('SELECT sha256 FROM blob_refs ORDER BY sha256')).map((r) => r.sha256);
    expect(await refs()).toEqual([p1, p2, tariffPhoto, ink].sort());
    // As a hub at version 2 held them: no table, migration 3 not applied; migrating again fills it.
    await world.hub.store.exec('DROP TABLE blob_refs; DELETE FROM schema_migrations WHERE version = 3;');
    expect(await migrate(world.hub.store)).toEqual([3]);
    expect(await refs()).toEqual([p1, p2, tariffPhoto, ink].sort());
  });

  it('a wrong offset is 409 with the offset the hub holds', async () => {
    const me = world.inspectors[0]!;
    const bytes = randomBytes(3000);
    const hash = sha(bytes);
    const early = await put(me, hash, 1000, 3000, bytes.subarray(1000, 2000));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'blob-offset-mismatch', offset: 0 });
    await put(me, hash, 0, 3000, bytes.subarray(0, 1000));
    const skipped = await put(me, hash, 2000, 3000, bytes.subarray(2000));
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({ error: 'blob-offset-mismatch', offset: 1000 });
    const repeated = await put(me, hash, 0, 3000, bytes.subarray(0, 1000));
    expect(repeated.json()).toMatchObject({ error: 'blob-offset-mismatch', offset: 1000 });
    expect(await status(me, hash)).toEqual({ state: 'partial', offset: 1000, size: 3000 });
  });

  it('bytes that do not match the hash: 422, the upload dropped, nothing stored', async () => {
    const me = world.inspectors[0]!;
    const bytes = randomBytes(2000);
    const hash = sha(randomBytes(2000));
    expect((await put(me, hash, 0, 2000, bytes.subarray(0, 1000))).statusCode).toBe(200);
    const last = await put(me, hash, 1000, 2000, bytes.subarray(1000));
    expect(last.statusCode).toBe(422);
    expect(last.json()).toMatchObject({ error: 'blob-hash-mismatch' });
    expect(await status(me, hash)).toEqual({ state: 'absent', offset: 0, size: null });
    expect(await count('SELECT count(*) AS n FROM blobs')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM blob_uploads')).toBe(0);
    const get = await world.hub.app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(me.device.token) });
    expect(get.statusCode).toBe(404);
    expect(get.json()).toMatchObject({ error: 'not-found' });
  });

  it('path tricks and bad names are 400; a blob over the limit 413; no token 401', async () => {
    const me = world.inspectors[0]!;
    const good = sha(Buffer.from('x'));
    for (const name of ['..%2F..%2Fetc%2Fpasswd', good.toUpperCase(), good.slice(0, 63), `${good}%00`, '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd']) {
      for (const url of [`/api/v1/blobs/${name}`, `/api/v1/blobs/${name}/status`]) {
        const reply = await world.hub.app.inject({ method: 'GET', url, headers: bearer(me.device.token) });
        expect([url, reply.statusCode, reply.json().error]).toEqual([url, 400, 'bad-request']);
      }
      const putReply = await world.hub.app.inject({ method: 'PUT', url: `/api/v1/blobs/${name}?offset=0&size=1`, headers: { ...bearer(me.device.token), 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
      expect(putReply.statusCode).toBe(400);
    }
    const big = await put(me, good, 0, BLOB_MAX + 1, Buffer.from('x'));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'blob-too-large' });
    const json = await world.hub.app.inject({ method: 'PUT', url: `/api/v1/blobs/${good}?offset=0&size=1`, headers: bearer(me.device.token), payload: { x: 1 } });
    expect(json.statusCode).toBe(415);
    for (const [method, url] of [['GET', `/api/v1/blobs/${good}/status`], ['GET', `/api/v1/blobs/${good}`], ['PUT', `/api/v1/blobs/${good}?offset=0&size=1`]] as const) {
      const reply = await world.hub.app.inject({ method, url, headers: { 'content-type': 'application/octet-stream' }, payload: method === 'PUT' ? Buffer.from('x') : undefined });
      expect(reply.statusCode).toBe(401);
      expect(reply.json()).toMatchObject({ error: 'unauthenticated' });
    }
    expect(await count('SELECT count(*) AS n FROM blob_uploads')).toBe(0);
  });

  it('a finding naming a photo flags the case; the completed upload clears it', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const photo = randomBytes(1500);
    const hash = sha(photo);
    const record = finding(c.id);
    await member.pushOk([member.mutation('addRecord', { ...record, data: { ...record.data, photos: [hash] } })]);
    const first = await member.pullPage();
    expect(replica(first.changes).get('cases')?.get(c.id)).toMatchObject({ missingMedia: [hash] });
    await put(member, hash, 0, 1500, photo.subarray(0, 700));
    expect(replica((await member.pullPage(first.cursor)).changes).get('cases')).toBeUndefined();
    await put(member, hash, 700, 1500, photo.subarray(700));
    const next = await member.pullPage(first.cursor);
    expect(replica(next.changes).get('cases')?.get(c.id)).toMatchObject({ missingMedia: [] });
    const [row] = await world.hub.store.query<{ missing_media: string[] }>('SELECT missing_media FROM cases WHERE id = $1', [c.id]);
    expect(row?.missing_media).toEqual([]);
    const verify = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(world.office.device.token) });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
