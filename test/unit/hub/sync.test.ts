import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-main/hub/audit/auditLog';
import { entryHash, GENESIS_HASH } from '../../../src-main/hub/audit/chain';
import { changeCounter } from '../../../src-main/hub/store/writeTransaction';
import { Rejection, SERVER_MUTATORS } from '../../../src-main/hub/sync/mutators';
import { bearer } from './fixture';
import { STORES } from './stores';
import { CERTS, finding, openWorld, replica, replicaChecksums, teamOf, type World } from './syncWorld';

async function count(world: World, sql: string): Promise<number> {
  const [row] = await world.hub.store.query<{ n: unknown }>(sql);
  return Number(row?.n);
}

describe.each(STORES)('sync on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('the draw makes one case per target, each with a team of two from the list', () => {
    expect(world.cases).toHaveLength(4);
    for (const c of world.cases) {
      expect(c.inspectors).toHaveLength(2);
      for (const cert of c.inspectors) expect(CERTS).toContain(cert);
      expect(c.status).toBe('assigned');
    }
  });

  it('an inspector pulls exactly the cases of their team, with the target rows and their district\'s inspectors, and nothing else', async () => {
    for (const [i, laptop] of world.inspectors.entries()) {
      const tables = replica(await laptop.pullAll());
      const mine = world.cases.filter((c) => c.inspectors.includes(CERTS[i]!)).map((c) => c.id).sort();
      expect([...(tables.get('cases')?.keys() ?? [])].sort()).toEqual(mine);
      const usccs = world.cases.filter((c) => c.inspectors.includes(CERTS[i]!)).map((c) => c.uscc).sort();
      expect([...(tables.get('entities')?.keys() ?? [])].sort()).toEqual(usccs);
      expect([...(tables.get('inspectors')?.keys() ?? [])].sort()).toEqual([...CERTS].sort());
      expect(tables.has('draws')).toBe(false);
    }
  });

  it('a lead pulls their district; a lead of another district pulls nothing', async () => {
    const tables = replica(await world.lead.pullAll());
    expect(tables.get('cases')?.size).toBe(4);
    expect(tables.get('draws')?.size).toBe(1);
    expect(tables.get('inspectors')?.size).toBe(4);
    const other = await world.hub.enrolled('lead', 'chaoyang-lead', { district: '朝阳区' });
    const reply = await world.hub.app.inject({ method: 'GET', url: '/api/v1/pull', headers: bearer(other.token) });
    expect(reply.json()).toMatchObject({ changes: [], more: false, remaining: 0 });
  });

  it('push applies in order; pull returns the record and the device counter; checksums agree', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const result = await member.pushOk([member.mutation('addRecord', finding(c.id)), member.mutation('submitCase', { caseId: c.id })]);
    expect(result).toEqual({ lastMutationId: 2, results: [{ id: 1, outcome: 'applied' }, { id: 2, outcome: 'applied' }], clockSkewMs: null });
    const changes = await member.pullAll();
    const page = await member.pullPage();
    expect(page.lastMutationId).toBe(2);
    const records = [...(replica(changes).get('records')?.values() ?? [])];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ caseId: c.id, kind: 'finding', createdBy: member.device.username, signature: null });
    expect(replica(changes).get('cases')?.get(c.id)).toMatchObject({ status: 'submitted' });
    const mine = replicaChecksums(changes);
    expect(await member.checksums(Object.keys(mine))).toEqual(mine);
    // Nothing new after the last cursor: an empty page that still names the device's counter.
    const empty = await member.pullPage(page.cursor);
    expect(empty).toEqual({ changes: [], cursor: page.cursor, more: false, lastMutationId: 2, remaining: 0 });
  });

  it('a pull that fits one page is one statement; a paged or empty one reads in a transaction of its own', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    await member.pushOk([member.mutation('addRecord', finding(c.id))]);
    const store = world.hub.store;
    const spied = { pages: 0, transaction: 0 };
    const query = store.query.bind(store);
    const transaction = store.transaction.bind(store);
    Object.assign(store, {
      query: (text: string, params?: readonly unknown[]) => (/FROM changes/.test(text) && spied.pages++, query(text, params)),
      transaction: <T,>(work: Parameters<typeof transaction<T>>[0]) => (spied.transaction++, transaction(work)),
    });
    try {
      const whole = await member.pullPage('0.0', 500);
      expect(whole.more).toBe(false);
      expect(whole.lastMutationId).toBe(1);
      expect(spied).toEqual({ pages: 1, transaction: 0 });
      const first = await member.pullPage('0.0', 1);
      expect(first).toMatchObject({ more: true, lastMutationId: 1, remaining: whole.changes.length });
      expect(first.changes).toEqual(whole.changes.slice(0, 1));
      expect(spied.transaction).toBe(1);
    } finally {
      Object.assign(store, { query, transaction });
    }
  });

  it('a duplicate push is acknowledged and applies nothing twice', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const batch = [member.mutation('addRecord', finding(c.id))];
    await member.pushOk(batch);
    const auditBefore = await count(world, 'SELECT count(*) AS n FROM audit_log');
    const again = await member.pushOk(batch);
    expect(again.results).toEqual([{ id: 1, outcome: 'duplicate' }]);
    expect(await count(world, 'SELECT count(*) AS n FROM records')).toBe(1);
    expect(await count(world, 'SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
  });

  it('a lost response: the replay of the batch plus new work applies only the new work', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const first = [member.mutation('addRecord', finding(c.id, 'A')), member.mutation('addRecord', finding(c.id, 'B'))];
    await member.pushOk(first); // the response never reached the laptop
    const replay = await member.pushOk([...first, member.mutation('addRecord', finding(c.id, 'C'))]);
    expect(replay.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'applied']);
    expect(replay.lastMutationId).toBe(3);
    const titles = (await world.hub.store.query<{ t: string }>("SELECT data->>'title' AS t FROM records ORDER BY t")).map((r) => r.t);
    expect(titles).toEqual(['A', 'B', 'C']);
  });

  it('an out-of-order batch is applied in id order', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const id = '0195d0a0-0000-7000-8000-000000000001';
    const add = member.mutation('addRecord', finding(c.id, 'first', id));
    const edit = member.mutation('editRecord', { id, caseId: c.id, baseVersion: 0, changes: { title: 'second' } });
    const result = await member.pushOk([edit, add]);
    expect(result.results).toEqual([{ id: 1, outcome: 'applied' }, { id: 2, outcome: 'applied' }]);
    const [row] = await world.hub.store.query<{ t: string }>("SELECT data->>'title' AS t FROM records");
    expect(row?.t).toBe('second');
  });

  it('a gap is refused with the id to send from, and nothing is applied', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    member.next = 3;
    const reply = await member.push([member.mutation('addRecord', finding(c.id))]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toEqual({ error: 'mutation-gap', message: 'the hub has applied up to mutation 0; send from 1', expected: 1 });
    expect(await count(world, 'SELECT count(*) AS n FROM records')).toBe(0);
  });

  it('the same id with other content is kept as a conflict, never dropped', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const original = member.mutation('addRecord', finding(c.id, 'original'));
    await member.pushOk([original]);
    const forged = { ...original, args: finding(c.id, 'other') };
    const reply = await member.pushOk([forged]);
    expect(reply.results[0]).toMatchObject({ id: 1, outcome: 'replay-mismatch' });
    await member.pushOk([forged]);
    const conflicts = await world.hub.store.query<{ kind: string; theirs: { args: { data: { title: string } } }; mine: { args: { data: { title: string } } } }>('SELECT kind, theirs, mine FROM conflicts');
    expect(conflicts.map((k) => [k.kind, k.theirs.args.data.title, k.mine.args.data.title])).toEqual([['replay-mismatch', 'original', 'other']]);
  });

  it('writing to a case not assigned: rejected with forbidden, stored, pulled back by the device, counter advanced', async () => {
    const c = world.cases[0]!;
    const { outsider } = teamOf(world, c);
    const result = await outsider.pushOk([outsider.mutation('addRecord', finding(c.id))]);
    expect(result.lastMutationId).toBe(1);
    expect(result.results[0]).toMatchObject({ id: 1, outcome: 'rejected', code: 'forbidden' });
    expect(await count(world, 'SELECT count(*) AS n FROM records')).toBe(0);
    expect(await count(world, 'SELECT count(*) AS n FROM rejected_mutations')).toBe(1);
    const rejected = replica(await outsider.pullAll()).get('rejected');
    expect([...(rejected?.values() ?? [])]).toEqual([
      expect.objectContaining({ mutationId: 1, name: 'addRecord', code: 'forbidden', user: outsider.device.username }),
    ]);
  });

  it('only the team records and signs: a lead or the office reviews but never signs; a submitted case takes nothing new until it is returned', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const id = '0195d0a0-0000-7000-8000-000000000010';
    const signature = { signer: '李组长', image: 'b'.repeat(64), signedAt: '2026-03-02T01:00:00.000Z' };
    await member.pushOk([member.mutation('addRecord', finding(c.id, '加价', id))]);
    for (const reviewer of [world.lead, world.office]) {
      const tried = await reviewer.pushOk([
        reviewer.mutation('signRecord', { id, caseId: c.id, signature }),
        reviewer.mutation('addRecord', finding(c.id)),
        reviewer.mutation('editRecord', { id, caseId: c.id, baseVersion: 0, changes: { title: '审核人改的' } }),
      ]);
      expect(tried.results.map((r) => [r.outcome, r.code])).toEqual([['rejected', 'forbidden'], ['rejected', 'forbidden'], ['rejected', 'forbidden']]);
    }
    expect((await member.pushOk([member.mutation('submitCase', { caseId: c.id })])).results[0]?.outcome).toBe('applied');
    const late = await member.pushOk([member.mutation('addRecord', finding(c.id)), member.mutation('signRecord', { id, caseId: c.id, signature: { ...signature, signer: '张三' } })]);
    expect(late.results.map((r) => [r.outcome, r.code, r.params])).toEqual([['rejected', 'frozen', { status: 'submitted' }], ['rejected', 'frozen', { status: 'submitted' }]]);
    await world.lead.pushOk([world.lead.mutation('reviewCase', { caseId: c.id, decision: 'returned', note: '补充电表照片' })]);
    expect((await member.pushOk([member.mutation('addRecord', finding(c.id))])).results[0]?.outcome).toBe('applied');
    const [row] = await world.hub.store.query<{ signature: unknown; title: string }>("SELECT signature, data->>'title' AS title FROM records WHERE id = $1", [id]);
    expect(row).toEqual({ signature: null, title: '加价' });
  });

  it('an on-site record takes edits until anyone signs it; a signature names an on-site record of the case and is never edited', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const [rec, sig, stray] = ['0195d0a0-0000-7000-8000-000000000021', '0195d0a0-0000-7000-8000-000000000022', '0195d0a0-0000-7000-8000-000000000023'];
    const onSite = { supplementOf: null, startedAt: '2026-03-02T01:00:00.000Z', place: '地下一层配电房', party: { name: c.entityName, uscc: c.uscc, address: '', representative: '赵经理', title: '物业经理', phone: '' }, inspectors: c.inspectors.map((certNo) => ({ certNo, name: certNo })), sections: [{ heading: '发现的问题', lines: ['本次检查未发现问题。'] }], covers: [] };
    const signature = { recordId: rec, role: 'inspector', name: c.inspectors[0]!, certNo: c.inspectors[0]!, image: 'f'.repeat(64), refused: false, note: '', signedAt: '2026-03-02T02:00:00.000Z' };
    const result = await member.pushOk([
      member.mutation('addRecord', { id: rec, caseId: c.id, kind: 'onSiteRecord', data: onSite }),
      member.mutation('editRecord', { id: rec, caseId: c.id, baseVersion: 0, changes: { place: '一楼配电房' } }),
      member.mutation('addRecord', { id: stray, caseId: c.id, kind: 'onSiteSignature', data: { ...signature, recordId: '0195d0a0-0000-7000-8000-0000000000ff' } }),
      member.mutation('addRecord', { id: sig, caseId: c.id, kind: 'onSiteSignature', data: signature }),
      member.mutation('editRecord', { id: rec, caseId: c.id, baseVersion: 0, changes: { place: '签字后改的' } }),
      member.mutation('editRecord', { id: sig, caseId: c.id, baseVersion: 0, changes: { name: '别人' } }),
    ]);
    expect(result.results.map((r) => [r.outcome, r.code])).toEqual([
      ['applied', undefined], ['applied', undefined], ['rejected', 'invalid'], ['applied', undefined], ['rejected', 'frozen'], ['rejected', 'frozen'],
    ]);
    const [row] = await world.hub.store.query<{ place: string }>("SELECT data->>'place' AS place FROM records WHERE id = $1", [rec]);
    expect(row?.place).toBe('一楼配电房');
    // The signature's image is a blob the case must carry to the hub.
    expect(replica(await world.lead.pullAll()).get('cases')?.get(c.id)).toMatchObject({ missingMedia: ['f'.repeat(64)] });
    // One inspector of two signed and the party not at all: the case cannot be approved yet.
    const review = await world.lead.pushOk([world.lead.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    expect(review.results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid', params: { reason: 'unsigned-record', recordId: rec } });
    // Returning it is always possible.
    expect((await world.lead.pushOk([world.lead.mutation('reviewCase', { caseId: c.id, decision: 'returned', note: '请补签' })])).results[0]?.outcome).toBe('applied');
  });

  it('a record names its author by name for people (the username stays what the checksum covers)', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    await world.hub.store.query("UPDATE users SET display_name = '王检查' WHERE username = $1", [member.device.username]);
    // Sessions are cached for two seconds (accounts/sessionCache.ts): wait for the name to be read again.
    await new Promise((r) => setTimeout(r, 2_100));
    const id = '0195d0a0-0000-7000-8000-000000000031';
    await member.pushOk([member.mutation('addRecord', finding(c.id, '加价', id))]);
    const pulled = replica(await world.lead.pullAll()).get('records')?.get(id) as { createdBy: string; createdByName: string };
    expect({ createdBy: pulled.createdBy, createdByName: pulled.createdByName }).toEqual({ createdBy: member.device.username, createdByName: '王检查' });
    // The laptop's checksum of what it pulled (names included) still equals the hub's.
    const mine = replicaChecksums(await member.pullAll());
    expect(await member.checksums([c.id])).toEqual({ [c.id]: mine[c.id] });
  });

  it('signed records and approved cases are frozen', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const id = '0195d0a0-0000-7000-8000-000000000002';
    const signature = { signer: '张三', image: 'a'.repeat(64), signedAt: '2026-03-02T01:00:00.000Z' };
    const result = await member.pushOk([
      member.mutation('addRecord', finding(c.id, 'x', id)),
      member.mutation('signRecord', { id, caseId: c.id, signature }),
      member.mutation('editRecord', { id, caseId: c.id, baseVersion: 0, changes: { title: 'changed after signing' } }),
    ]);
    expect(result.results.map((r) => [r.outcome, r.code])).toEqual([['applied', undefined], ['applied', undefined], ['rejected', 'frozen']]);
    const review = await world.lead.pushOk([world.lead.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '符合' })]);
    expect(review.results[0]?.outcome).toBe('applied');
    const late = await member.pushOk([member.mutation('addRecord', finding(c.id))]);
    expect(late.results[0]).toMatchObject({ outcome: 'rejected', code: 'frozen' });
    // The signature names a blob the hub does not hold: the case is flagged, not refused.
    expect(replica(await world.lead.pullAll()).get('cases')?.get(c.id)).toMatchObject({ status: 'approved', missingMedia: ['a'.repeat(64)] });
  });

  it('two devices editing the same finding: arrival order wins, both values are kept, the office resolves', async () => {
    const c = world.cases[0]!;
    const members = world.inspectors.filter((l) => c.inspectors.includes(CERTS[world.inspectors.indexOf(l)]!));
    const [a, b] = members as [typeof members[0], typeof members[0]];
    const id = '0195d0a0-0000-7000-8000-000000000003';
    await a.pushOk([a.mutation('addRecord', finding(c.id, 'base', id))]);
    const baseVersion = Number((await b.pullAll()).find((ch) => ch.key === id)?.row.version);
    // Both edit offline from the same base version.
    const editA = a.mutation('editRecord', { id, caseId: c.id, baseVersion, changes: { title: 'A 的标题' } });
    const editB = b.mutation('editRecord', { id, caseId: c.id, baseVersion, changes: { title: 'B 的标题', detail: '只有 B 改了' } });
    expect((await a.pushOk([editA])).results[0]).toEqual({ id: 2, outcome: 'applied' });
    expect((await b.pushOk([editB])).results[0]).toEqual({ id: 1, outcome: 'applied', conflicts: 1 });
    const [row] = await world.hub.store.query<{ data: { title: string; detail: string } }>('SELECT data FROM records WHERE id = $1', [id]);
    expect(row?.data).toMatchObject({ title: 'B 的标题', detail: '只有 B 改了' });
    const conflicts = [...(replica(await world.office.pullAll()).get('conflicts')?.values() ?? [])] as { id: string; field: string; theirs: { value: string; user: string; name: string }; mine: { value: string; user: string; name: string } }[];
    expect(conflicts.map((k) => [k.field, k.theirs.value, k.theirs.user, k.mine.value, k.mine.user])).toEqual([['title', 'A 的标题', a.device.username, 'B 的标题', b.device.username]]);
    // Each side also names its writer for people (the test users' names are their usernames).
    expect(conflicts.map((k) => [k.theirs.name, k.mine.name])).toEqual([[a.device.username, b.device.username]]);
    // Not approved while the conflict is open: refused, saying why.
    const early = await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    expect(early.results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid', params: { reason: 'open-conflicts', count: 1 } });
    const resolve = await world.office.pushOk([world.office.mutation('resolveConflict', { conflictId: conflicts[0]!.id, value: 'A 的标题' })]);
    expect(resolve.results[0]?.outcome).toBe('applied');
    const approved = await world.office.pushOk([world.office.mutation('reviewCase', { caseId: c.id, decision: 'approved', note: '' })]);
    expect(approved.results[0]?.outcome).toBe('applied');
    const [after] = await world.hub.store.query<{ t: string }>("SELECT data->>'title' AS t FROM records WHERE id = $1", [id]);
    expect(after?.t).toBe('A 的标题');
    expect(replica(await world.office.pullAll()).get('conflicts')?.get(conflicts[0]!.id)).toMatchObject({ resolution: { value: 'A 的标题', by: 'office' } });
  });

  it('a device clock a day wrong either way: a warning, the push applies', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    for (const [clientTime, skew] of [['2026-03-03T01:00:00.000Z', 86_400_000], ['2026-03-01T01:00:00.000Z', -86_400_000]] as const) {
      const reply = await member.push([member.mutation('addRecord', finding(c.id))], clientTime);
      expect(reply.json()).toMatchObject({ clockSkewMs: skew, results: [{ outcome: 'applied' }] });
    }
  });

  it('a wiped laptop, enrolled again, pulls its whole scope back and matches by checksum', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    await member.pushOk([member.mutation('addRecord', finding(c.id)), member.mutation('addRecord', { id: '0195d0a0-0000-7000-8000-000000000004', caseId: c.id, kind: 'meterReading', data: { meterNo: 'M-1', reading: '1234.5', note: '' } })]);
    const before = replicaChecksums(await member.pullAll());
    const fresh = new (member.constructor as typeof import('./syncWorld').Laptop)(world.hub, await world.hub.enrollAgain(member.device.username));
    const changes = await fresh.pullAll(2);
    const after = replicaChecksums(changes);
    expect(after).toEqual(before);
    expect(await fresh.checksums(Object.keys(after))).toEqual(after);
    expect((await fresh.pullPage()).lastMutationId).toBe(0);
  });

  it('pull pages: the same changes in pages of 3 as in one page, with a falling remaining count', async () => {
    const all = await world.office.pullAll(2000);
    const paged: unknown[] = [];
    let cursor = '0.0';
    const remaining: number[] = [];
    for (;;) {
      const page = await world.office.pullPage(cursor, 3);
      paged.push(...page.changes);
      remaining.push(page.remaining);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(paged).toEqual(all);
    expect(remaining[0]).toBe(all.length);
    expect(remaining.at(-1)).toBe(all.length % 3 === 0 ? 3 : all.length % 3);
  });

  it('bad pushes are refused whole (unknown mutator, duplicate ids); wrong types reject that mutation alone', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const counter = await changeCounter(world.hub.store);
    const unknown = await member.push([member.mutation('addRecord', finding(c.id)), { id: 2, name: 'dropTables', args: {}, hlc: 'x' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'unknown-mutator', message: "mutation 2: no mutator named 'dropTables'" });
    const twice = await member.push([{ id: 1, name: 'submitCase', args: { caseId: c.id }, hlc: 'x' }, { id: 1, name: 'submitCase', args: { caseId: c.id }, hlc: 'x' }]);
    expect(twice.json()).toMatchObject({ error: 'bad-request', message: 'mutation id 1 appears twice in the push' });
    expect(await changeCounter(world.hub.store)).toBe(counter);
    // A mutation whose arguments do not match is rejected and the outbox behind it goes on.
    const wrong = await member.pushOk([{ id: 1, name: 'addRecord', args: { ...finding(c.id), data: { title: 7 } }, hlc: 'x' }, member.mutation('submitCase', { caseId: c.id })]);
    expect(wrong.lastMutationId).toBe(2);
    expect(wrong.results[0]).toEqual({ id: 1, outcome: 'rejected', code: 'invalid', message: "arguments do not match the mutator at 'data.title' (invalid_type)", params: { path: 'data.title', issue: 'invalid_type' } });
    expect(wrong.results[1]).toEqual({ id: 2, outcome: 'applied' });
  });

  it('only the office changes the lists; inspectors cannot draw', async () => {
    const { member } = teamOf(world, world.cases[0]!);
    const put = await member.pushOk([member.mutation('putEntities', { rows: [{ ...world.cases[0]!, x: 1 }].map(() => ({ uscc: world.cases[0]!.uscc, name: 'x', kind: 'mall', district: '海淀区', subdistrict: '', address: '', lng: null, lat: null, tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true })) })]);
    expect(put.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    const draw = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(member.device.token), payload: { seed: 'x', plan: {} } });
    expect(draw.statusCode).toBe(403);
  });

  it('every applied and rejected mutation is in the audit log, the chain intact', async () => {
    const c = world.cases[0]!;
    const { member, outsider } = teamOf(world, c);
    await member.pushOk([member.mutation('addRecord', finding(c.id))]);
    await outsider.pushOk([outsider.mutation('addRecord', finding(c.id))]);
    const actions = (await world.hub.store.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('mutation.') || a === 'draw.run')).toEqual(['mutation.putInspectors', 'mutation.putEntities', 'draw.run', 'mutation.addRecord', 'mutation.rejected']);
    const verify = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(world.office.device.token) });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('the office exports the audit log as JSON lines whose chain re-verifies; the export is audited; others get 403', async () => {
    const reply = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/export', headers: bearer(world.office.device.token) });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const entries = reply.body.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    expect(entries.at(-1)?.action).toBe('audit.export');
    let prev = GENESIS_HASH;
    for (const e of entries) {
      expect(e.prevHash).toBe(prev);
      const { id: _id, prevHash: _p, hash, ...content } = e;
      expect(entryHash(prev, content)).toBe(hash);
      prev = hash;
    }
    const { member } = teamOf(world, world.cases[0]!);
    const refused = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/export', headers: bearer(member.device.token) });
    expect(refused.statusCode).toBe(403);
  });

  it('the office lists users and devices; an inspector may not', async () => {
    const users = await world.hub.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(world.office.device.token) });
    expect(users.json<{ users: { username: string; certNo: string | null }[] }>().users.map((u) => [u.username, u.certNo])).toEqual([
      ['insp-HD-001', 'HD-001'], ['insp-HD-002', 'HD-002'], ['insp-HD-003', 'HD-003'], ['insp-HD-004', 'HD-004'], ['lead', null], ['office', null],
    ]);
    const devices = await world.hub.app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(world.office.device.token) });
    const list = devices.json<{ devices: { id: string; lastMutationId: number; revokedAt: string | null }[] }>().devices;
    expect(list).toHaveLength(6);
    expect(list.find((d) => d.id === world.office.device.deviceId)).toMatchObject({ lastMutationId: 2, revokedAt: null });
    const { member } = teamOf(world, world.cases[0]!);
    for (const url of ['/api/v1/users', '/api/v1/devices']) {
      const refused = await world.hub.app.inject({ method: 'GET', url, headers: bearer(member.device.token) });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('a record id used twice, in one push or across pushes, is rejected as exists; the first stands', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const id = '0195d0a0-0000-7000-8000-000000000009';
    const first = await member.pushOk([member.mutation('addRecord', finding(c.id, 'first', id)), member.mutation('addRecord', finding(c.id, 'again in the push', id))]);
    expect(first.results.map((r) => [r.outcome, r.code])).toEqual([['applied', undefined], ['rejected', 'exists']]);
    const later = await member.pushOk([member.mutation('addRecord', finding(c.id, 'again later', id))]);
    expect(later.results[0]).toMatchObject({ outcome: 'rejected', code: 'exists' });
    const titles = (await world.hub.store.query<{ t: string }>("SELECT data->>'title' AS t FROM records")).map((r) => r.t);
    expect(titles).toEqual(['first']);
  });

  it('a mutator that refuses after writing fails the whole push: nothing of it stays', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const original = SERVER_MUTATORS.submitCase;
    // A broken mutator: writes the case, then refuses.
    SERVER_MUTATORS.submitCase = async (ctx, args) => {
      await ctx.w.tx.query("UPDATE cases SET status = 'submitted' WHERE id = $1", [args.caseId]);
      throw new Rejection('invalid', 'changed my mind');
    };
    try {
      const reply = await member.push([member.mutation('addRecord', finding(c.id)), member.mutation('submitCase', { caseId: c.id })]);
      expect(reply.statusCode).toBe(500);
      expect(reply.json()).toEqual({ error: 'internal', message: 'internal error' });
    } finally {
      SERVER_MUTATORS.submitCase = original;
    }
    const [row] = await world.hub.store.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [c.id]);
    expect(row?.status).toBe('assigned');
    expect(await count(world, 'SELECT count(*) AS n FROM records')).toBe(0);
    expect(await count(world, 'SELECT count(*) AS n FROM rejected_mutations')).toBe(0);
    expect((await member.pullPage()).lastMutationId).toBe(0);
  });

  it('a login and a revocation while the same device pushes: no deadlock, every request answers, the push whole or refused', async () => {
    const c = world.cases[0]!;
    const { member } = teamOf(world, c);
    const mutations = Array.from({ length: 100 }, () => member.mutation('addRecord', finding(c.id)));
    const [push, login, revoke] = await Promise.all([
      member.push(mutations),
      world.hub.app.inject({ method: 'POST', url: '/api/v1/login', headers: bearer(member.device.token), payload: { password: 'correct horse' } }),
      world.hub.app.inject({ method: 'POST', url: `/api/v1/devices/${member.device.deviceId}/revoke`, headers: bearer(world.office.device.token) }),
    ]);
    expect(revoke.statusCode).toBe(200);
    expect([200, 401]).toContain(login.statusCode);
    expect([200, 401]).toContain(push.statusCode);
    const held = await count(world, 'SELECT count(*) AS n FROM records');
    expect(held).toBe(push.statusCode === 200 ? 100 : 0);
    if (push.statusCode === 401) expect(push.json()).toMatchObject({ error: 'device-revoked' });
  });
});
