import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { BODY_LIMIT } from '../../../src-main/hub/server';
import { changeCounter } from '../../../src-main/hub/store/writeTransaction';
import { bearer, openHub, START, type HubFixture } from './fixture';
import { STORES } from './stores';

describe.each(STORES)('hub API on $name', (factory) => {
  let hub: HubFixture;
  beforeAll(async () => {
    hub = await openHub(factory);
  });
  afterAll(() => hub.close());

  it('GET /health: 200 with the version and the store', async () => {
    const reply = await hub.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ ok: true, version, store: factory.name });
  });

  it('enroll: the token works on /me and names the user and the device', async () => {
    const { token, deviceId } = await hub.enrolled('inspector', 'zhao');
    const me = await hub.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'zhao', role: 'inspector', district: '海淀区' }, device: { id: deviceId, name: 'zhao-laptop', lastMutationId: 0 } });
  });

  it('POST /pairing-codes then /devices/enroll over HTTP: 201 each, the code works once', async () => {
    const office = await hub.enrolled('office');
    await hub.enrolled('inspector', 'qian');
    const created = await hub.app.inject({ method: 'POST', url: '/api/v1/pairing-codes', headers: bearer(office.token), payload: { username: 'qian' } });
    expect(created.statusCode).toBe(201);
    const { code, expiresAt } = created.json<{ code: string; expiresAt: string }>();
    expect(expiresAt).toBe('2026-03-02T01:10:00.000Z');
    const enroll = () => hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: 'spare' } });
    expect((await enroll()).statusCode).toBe(201);
    const second = await enroll();
    expect(second.statusCode).toBe(400);
    expect(second.json()).toEqual({ error: 'pairing-code-invalid', message: 'the pairing code is unknown, used or expired' });
  });

  it('a pairing code from the API is refused once the hub clock passes 10 minutes', async () => {
    const office = await hub.enrolled('office');
    await hub.enrolled('inspector', 'zhou');
    const created = await hub.app.inject({ method: 'POST', url: '/api/v1/pairing-codes', headers: bearer(office.token), payload: { username: 'zhou' } });
    const { code } = created.json<{ code: string }>();
    hub.clock.now = new Date(START.getTime() + 10 * 60_000);
    try {
      const late = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: 'late' } });
      expect(late.statusCode).toBe(400);
      expect(late.json()).toMatchObject({ error: 'pairing-code-invalid' });
    } finally {
      hub.clock.now = START;
    }
  });

  it('no token or an unknown token: 401 unauthenticated', async () => {
    const none = await hub.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: 'unauthenticated' });
    const unknown = await hub.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('A'.repeat(43)) });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('a revoked device: 401 device-revoked on its next request', async () => {
    const office = await hub.enrolled('office');
    const laptop = await hub.enrolled('inspector');
    const revoke = await hub.app.inject({ method: 'POST', url: `/api/v1/devices/${laptop.deviceId}/revoke`, headers: bearer(office.token) });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toEqual({ deviceId: laptop.deviceId, revokedAt: '2026-03-02T01:00:00.000Z' });
    const me = await hub.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(laptop.token) });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toEqual({ error: 'device-revoked', message: 'this device was revoked; enroll it again with a new pairing code' });
  });

  it('a revoked device whose session a read just cached: the revocation through the hub drops it, the next read is refused', async () => {
    const office = await hub.enrolled('office');
    const laptop = await hub.enrolled('inspector');
    const pull = () => hub.app.inject({ method: 'GET', url: '/api/v1/pull', headers: bearer(laptop.token) });
    expect((await pull()).statusCode).toBe(200);
    await hub.app.inject({ method: 'POST', url: `/api/v1/devices/${laptop.deviceId}/revoke`, headers: bearer(office.token) });
    const refused = await pull();
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'device-revoked' });
  });

  it('a device revoked by another process (straight in the store): every write is refused at once, reads once the cached session ages out', async () => {
    const laptop = await hub.enrolled('inspector');
    const pull = () => hub.app.inject({ method: 'GET', url: '/api/v1/pull', headers: bearer(laptop.token) });
    expect((await pull()).statusCode).toBe(200);
    await hub.store.query('UPDATE devices SET revoked_at = $1 WHERE id = $2', [START.toISOString(), laptop.deviceId]);
    const push = await hub.app.inject({ method: 'POST', url: '/api/v1/push', headers: bearer(laptop.token), payload: { clientTime: START.toISOString(), mutations: [] } });
    expect(push.statusCode).toBe(401);
    expect(push.json()).toMatchObject({ error: 'device-revoked' });
    // The refused write looked the token up afresh; reads are refused from then on too.
    expect((await pull()).statusCode).toBe(401);
  });

  it('an inspector or a lead calling an office route: 403 forbidden', async () => {
    for (const role of ['inspector', 'lead'] as const) {
      const { token } = await hub.enrolled(role);
      const reply = await hub.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(token) });
      expect(reply.statusCode).toBe(403);
      expect(reply.json()).toEqual({ error: 'forbidden', message: 'this needs the role office' });
    }
  });

  it('malformed JSON: 400 malformed-json, nothing written', async () => {
    const before = await changeCounter(hub.store);
    const reply = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', headers: { 'content-type': 'application/json' }, payload: '{"code": "ABCD' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({ error: 'malformed-json', message: 'the body is not valid JSON' });
    expect(await changeCounter(hub.store)).toBe(before);
  });

  it('a body over 1 MiB: 413 body-too-large', async () => {
    const payload = JSON.stringify({ code: 'ABCDEFGH', deviceName: 'x'.repeat(BODY_LIMIT) });
    const reply = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', headers: { 'content-type': 'application/json' }, payload });
    expect(reply.statusCode).toBe(413);
    expect(reply.json()).toMatchObject({ error: 'body-too-large' });
  });

  it('wrong types and unknown fields: 400 bad-request with the issues', async () => {
    const reply = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: 12345678, deviceName: 'x', admin: true } });
    expect(reply.statusCode).toBe(400);
    const body = reply.json<{ error: string; issues: { path: string[]; code: string }[] }>();
    expect(body.error).toBe('bad-request');
    expect(body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['code'], code: 'invalid_type' }), expect.objectContaining({ code: 'unrecognized_keys' })]),
    );
  });

  it('a device id that is not a uuid: 400 with the issue, not a database error', async () => {
    const office = await hub.enrolled('office');
    const reply = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/not-a-uuid/revoke', headers: bearer(office.token) });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'bad-request', issues: [{ path: ['id'] }] });
  });

  it('an unknown API route: 404 as JSON', async () => {
    const reply = await hub.app.inject({ method: 'GET', url: '/api/v1/nothing?x=1' });
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toEqual({ error: 'not-found', message: 'no route GET /api/v1/nothing' });
  });

  it('GET /audit: pages in id order with a next cursor', async () => {
    const office = await hub.enrolled('office');
    const page = (after: number) => hub.app.inject({ method: 'GET', url: `/api/v1/audit?after=${after}&limit=2`, headers: bearer(office.token) });
    const first = (await page(0)).json<{ entries: { id: number; action: string }[]; next: number | null }>();
    expect(first.entries.map((e) => e.action)).toEqual(['user.add', 'pairing-code.create']);
    expect(first.next).toBe(first.entries[1]?.id);
    const second = (await page(first.next ?? 0)).json<{ entries: { id: number; action: string; actorUser: string | null; actorDevice: string | null }[] }>();
    expect(second.entries[0]).toMatchObject({ action: 'device.enroll', actorUser: expect.any(String), actorDevice: expect.any(String) });
    const tooMany = await hub.app.inject({ method: 'GET', url: '/api/v1/audit?limit=501', headers: bearer(office.token) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('GET /audit/verify: the chain is intact', async () => {
    const office = await hub.enrolled('office');
    const reply = await hub.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(office.token) });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true });
  });

  it('listens on a real port: /health over HTTP', async () => {
    const address = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version, store: factory.name });
  });
});

describe('hub web build', () => {
  it('serves the web root at / and keeps /api JSON', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createHub } = await import('../../../src-main/hub/server');
    const web = await mkdtemp(join(tmpdir(), 'tariffcheck-web-'));
    await writeFile(join(web, 'index.html'), '<!doctype html><title>电费检查通</title>');
    const opened = await STORES[0]!.open();
    const app = await createHub({ store: opened.store, webRoot: web });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('电费检查通');
      const wrongType = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', headers: { 'content-type': 'text/plain' }, payload: 'x' });
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json()).toMatchObject({ error: 'unsupported-media-type' });
    } finally {
      await app.close();
      await opened.dispose();
      await rm(web, { recursive: true, force: true });
    }
  });
});
