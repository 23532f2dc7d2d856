// Hostile text on every path into the hub: a NUL, a lone surrogate (text cut inside an emoji), a key
// holding one, 10,000 characters, huge numbers. Each is a 4xx or a rejected mutation with a code,
// never a 500, and the outbox behind it drains.
import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCaseFile } from '../../../src-shared/sync/tcase';
import { changeCounter } from '../../../src-main/hub/store/writeTransaction';
import { bearer, START } from './fixture';
import { STORES } from './stores';
import { entity, finding, openWorld, replica, teamOf, type World } from './syncWorld';

const HOSTILE = [
  ['a NUL', '前\u0000后'],
  ['a lone high surrogate', '表情\uD83D'],
  ['a lone low surrogate', '\uDE00表情'],
] as const;

/** The hostile texts of this file with the bad character made U+FFFD, as the hub keeps a refusal. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const scrub = (text: string): string => text.replace(/\u0000|[\uD800-\uDFFF]/g, '\uFFFD');

describe.each(STORES)('hostile text on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory, 2);
  });
  afterEach(() => world.close());

  it.each(HOSTILE)('a pushed finding with %s is rejected with its field; the mutation after it applies', async (_, text) => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const bad = finding(c.id);
    const result = await member.pushOk([member.mutation('addRecord', { ...bad, data: { ...bad.data, title: text } }), member.mutation('submitCase', { caseId: c.id })]);
    expect(result.lastMutationId).toBe(2);
    expect(result.results).toEqual([
      { id: 1, outcome: 'rejected', code: 'invalid', message: "arguments do not match the mutator at 'data.title' (bad-text)", params: { path: 'data.title', issue: 'bad-text' } },
      { id: 2, outcome: 'applied' },
    ]);
    // The refusal is kept, its text made storable, and pulled back by the device that sent it.
    const rejected = [...(replica(await member.pullAll()).get('rejected')?.values() ?? [])];
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as { args: { data: { title: string } } }).args.data.title).toBe(scrub(text));
    // The same push again is acknowledged as seen, not a conflict.
    member.next = 1;
    const again = await member.pushOk([member.mutation('addRecord', { ...bad, data: { ...bad.data, title: text } })]);
    expect(again.results).toEqual([{ id: 1, outcome: 'duplicate' }]);
  });

  it.each(HOSTILE)('an editRecord whose changed key holds %s is rejected, nothing stored', async (_, text) => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const add = finding(c.id);
    await member.pushOk([member.mutation('addRecord', add)]);
    const counter = await changeCounter(world.hub.store);
    const result = await member.pushOk([member.mutation('editRecord', { id: add.id, caseId: c.id, baseVersion: 0, changes: { [text]: 'x' } })]);
    expect(result.results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid', params: { path: `changes.${scrub(text)}`, issue: 'bad-text' } });
    const [record] = await world.hub.store.query<{ data: unknown }>('SELECT data FROM records WHERE id = $1', [add.id]);
    expect(record?.data).toEqual(add.data);
    expect(await changeCounter(world.hub.store)).toBe(counter + 1);
  });

  it.each(HOSTILE)('a pairing code for a username with %s is a 400 naming the field', async (_, text) => {
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/pairing-codes', headers: bearer(world.office.device.token), payload: { username: text } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'bad-request', issues: [{ path: ['username'], code: 'bad-text' }] });
  });

  it.each(HOSTILE)('an enrollment with a device name with %s is a 400 naming the field', async (_, text) => {
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: 'ABCD-EFGH', deviceName: text } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'bad-request', issues: [{ path: ['deviceName'], code: 'bad-text' }] });
  });

  it.each(HOSTILE)('a signed case file holding %s is refused whole, nothing merged', async (_, text) => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const bad = finding(c.id);
    const bytes = writeCaseFile({
      deviceId: member.device.deviceId, username: member.device.username, token: member.device.token, createdAt: START, blobs: new Map(),
      mutations: [member.mutation('addRecord', { ...bad, data: { ...bad.data, detail: text } })],
    });
    const counter = await changeCounter(world.hub.store);
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/case-files', headers: { ...bearer(world.office.device.token), 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'case-file-invalid' });
    expect(reply.json().message).toContain('data.detail');
    expect(await changeCounter(world.hub.store)).toBe(counter);
  });

  it('a list row with 10,000 characters, a huge count or a bad code is rejected; the good rows of the next mutation apply', async () => {
    const office = world.office;
    const long = { ...entity(90), name: '名'.repeat(10_000) };
    const huge = { ...entity(91), tenantCount: 1e300 };
    const code = { ...entity(92), uscc: 'not-a-code-at-all!' };
    const result = await office.pushOk([
      office.mutation('putEntities', { rows: [long] }),
      office.mutation('putEntities', { rows: [huge] }),
      office.mutation('putEntities', { rows: [code] }),
      office.mutation('putEntities', { rows: [entity(93)] }),
    ]);
    expect(result.results.map((r) => [r.outcome, r.code, r.params?.path])).toEqual([
      ['rejected', 'invalid', 'rows.0.name'],
      ['rejected', 'invalid', 'rows.0.tenantCount'],
      ['rejected', 'invalid', 'rows.0.uscc'],
      ['applied', undefined, undefined],
    ]);
    const stored = await world.hub.store.query<{ uscc: string }>('SELECT uscc FROM entities WHERE uscc = ANY($1::text[])', [[long.uscc, huge.uscc, code.uscc, entity(93).uscc]]);
    expect(stored.map((r) => r.uscc)).toEqual([entity(93).uscc]);
  });

  it('a body whose JSON holds a raw NUL, or a key with an escaped one, is a 400 with a code', async () => {
    const raw = await world.hub.app.inject({ method: 'POST', url: '/api/v1/pairing-codes', headers: { ...bearer(world.office.device.token), 'content-type': 'application/json' }, payload: Buffer.from(strToU8('{"username": "\u0000"}')) });
    expect(raw.statusCode).toBe(400);
    expect(raw.json()).toMatchObject({ error: 'malformed-json' });
    const key = await world.hub.app.inject({ method: 'POST', url: '/api/v1/pairing-codes', headers: bearer(world.office.device.token), payload: { ['user\u0000name']: 'x' } });
    expect(key.statusCode).toBe(400);
    expect(key.json()).toMatchObject({ error: 'bad-request', issues: [{ path: ['user\u0000name'], code: 'bad-text' }] });
  });
});

describe('error replies', () => {
  it('a refusal of the data by the database (SQLSTATE class 22) is a 400 invalid-data, any other error a 500 internal', async () => {
    const { default: Fastify } = await import('fastify');
    const { installErrorReplies } = await import('../../../src-main/hub/http/errorReplies');
    const app = Fastify();
    installErrorReplies(app);
    app.get('/data', async () => { throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' }); });
    app.get('/range', async () => { throw Object.assign(new Error('integer out of range'), { code: '22003' }); });
    app.get('/other', async () => { throw Object.assign(new Error('deadlock detected'), { code: '40P01' }); });
    const replies = await Promise.all(['/data', '/range', '/other'].map((url) => app.inject({ method: 'GET', url })));
    expect(replies.map((r) => [r.statusCode, r.json().error, r.json().message])).toEqual([
      [400, 'invalid-data', 'the data cannot be stored (SQLSTATE 22P05)'],
      [400, 'invalid-data', 'the data cannot be stored (SQLSTATE 22003)'],
      [500, 'internal', 'internal error'],
    ]);
    await app.close();
  });
});
