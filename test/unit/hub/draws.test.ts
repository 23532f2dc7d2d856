// Draws on the hub: refused over nothing, readable whole by the office and the district's lead only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineSeeds, makeCommitment } from '../../../src-shared/draw/commitment';
import { drawResultSchema } from '../../../src-shared/draw/draw';
import { changeCounter } from '../../../src-main/hub/store/writeTransaction';
import { bearer } from './fixture';
import { runDraw } from '../../../src-shared/draw/draw';
import { syntheticEntities, syntheticInspectors } from '../../fixtures/listFiles';
import { STORES } from './stores';
import { verifyDraw } from '../../../src-shared/draw/verify';
import { ALL_PLAN, entity, openWorld, replica, type World } from './syncWorld';

describe.each(STORES)('hub draws on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('a lead of a district with no targets is refused with the reason; nothing is recorded or audited', async () => {
    const lead = await world.hub.enrolled('lead', 'chaoyang-lead', { district: '朝阳区' });
    const counter = await changeCounter(world.hub.store);
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(lead.token), payload: { seed: '空', plan: ALL_PLAN } });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({ error: 'draw-failed', code: 'empty-list', message: '检查对象名录中没有在册的检查对象，无法抽取（请先导入或同步名录）' });
    expect(await changeCounter(world.hub.store)).toBe(counter);
    const [draws] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM draws');
    expect(Number(draws?.n)).toBe(1);
  });

  it('the whole draw (record, groups, selected with teams, rows left out) for the office and its lead; 404 for another district, 403 for an inspector', async () => {
    const [drawId] = [...(replica(await world.lead.pullAll()).get('draws')?.keys() ?? [])];
    expect(drawId).toBeDefined();
    const read = (token: string) => world.hub.app.inject({ method: 'GET', url: `/api/v1/draws/${drawId}`, headers: bearer(token) });
    const byLead = await read(world.lead.device.token);
    expect(byLead.statusCode).toBe(200);
    const body = byLead.json<{ by: string; district: string; result: unknown }>();
    const result = drawResultSchema.parse(body.result);
    expect(body).toMatchObject({ by: 'lead', district: '海淀区' });
    expect(result.selected.map((s) => s.uscc).sort()).toEqual(world.cases.map((c) => c.uscc).sort());
    for (const s of result.selected) expect(s.inspectors).toEqual(world.cases.find((c) => c.uscc === s.uscc)!.inspectors);
    expect(result.selected[0]).toMatchObject({ district: '海淀区', kind: 'mall', group: '海淀区' });
    expect((await read(world.office.device.token)).json()).toEqual(body);
    const other = await world.hub.enrolled('lead', 'chaoyang-lead', { district: '朝阳区' });
    expect((await read(other.token)).statusCode).toBe(404);
    expect((await read(world.inspectors[0]!.device.token)).json()).toMatchObject({ error: 'forbidden' });
  });
});

describe.each(STORES)('a plan\'s scope on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('a lead\'s draw covers their district (the record says so); a scope naming another district is refused, nothing recorded', async () => {
    const counter = await changeCounter(world.hub.store);
    const other = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.lead.device.token), payload: { seed: '越界', plan: { ...ALL_PLAN, districts: ['海淀区', '朝阳区'] } } });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: 'forbidden', scope: '海淀区、朝阳区' });
    expect(await changeCounter(world.hub.store)).toBe(counter);
    const [drawId] = [...(replica(await world.lead.pullAll()).get('draws')?.keys() ?? [])];
    const whole = (await world.hub.app.inject({ method: 'GET', url: `/api/v1/draws/${drawId}`, headers: bearer(world.office.device.token) })).json<{ result: { record: { plan: { districts?: string[] } } } }>();
    expect(whole.result.record.plan.districts).toEqual(['海淀区']);
  });

  it('the office draws the districts its plan names, over the whole lists', async () => {
    await world.office.pushOk([world.office.mutation('putEntities', { rows: [entity(9, '朝阳区')] })]);
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.office.device.token), payload: { seed: '朝阳', plan: { ...ALL_PLAN, name: '朝阳批', districts: ['朝阳区'] }, openCases: 'allow' } });
    // 朝阳区 has a target but no inspector: refused with the reason, not drawn over 海淀区's inspectors.
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({ error: 'draw-failed', code: 'empty-list' });
    const all = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.office.device.token), payload: { seed: '海淀', plan: { ...ALL_PLAN, name: '海淀批', districts: ['海淀区'] }, openCases: 'allow' } });
    expect(all.statusCode).toBe(201);
    expect(all.json<{ record: { entitiesCount: number } }>().record.entitiesCount).toBe(world.cases.length);
  });
});

describe.each(STORES)('a draw recorded from a device on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('a big one (10,000 targets selected, a push over the 1 MiB of other routes) is taken whole and served whole', async () => {
    const entities = syntheticEntities(20_000, 5);
    const inspectors = syntheticInspectors(400, 6);
    const result = runDraw({ entities, inspectors, plan: { ...ALL_PLAN, ratio: 0.5, name: '全市' }, seed: '大', drawnAt: '2026-03-02T02:00:00.000Z' });
    expect(result.selected.length).toBeGreaterThan(9_000);
    const id = '0190bbbb-0000-7000-8000-000000000001';
    const mutation = world.office.mutation('recordDraw', { id, drawnBy: '张科长', result });
    expect(Buffer.byteLength(JSON.stringify(mutation))).toBeGreaterThan(1024 * 1024);
    expect((await world.office.pushOk([mutation])).results).toMatchObject([{ outcome: 'applied' }]);
    const whole = await world.hub.app.inject({ method: 'GET', url: `/api/v1/draws/${id}`, headers: bearer(world.office.device.token) });
    expect(drawResultSchema.parse(whole.json<{ result: unknown }>().result)).toEqual(result);
  });
});

describe.each(STORES)('a plan committed before its seed on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('is kept with the hub\'s time and audited; refused when the commitment is of another plan, from an inspector, or from a lead outside its district', async () => {
    const { readLists } = await import('../../../src-main/hub/sync/lists');
    const lists = await readLists(world.hub.store, '海淀区');
    const plan = { ...ALL_PLAN, name: '承诺在先', districts: ['海淀区'] };
    const commitment = await makeCommitment(lists.entities, lists.inspectors, plan, new Date('2026-03-02T00:30:00.000Z'));
    const id = '0190cccc-0000-7000-8000-000000000001';
    const ok = await world.lead.pushOk([world.lead.mutation('commitPlan', { id, plan, commitment })]);
    expect(ok.results).toMatchObject([{ outcome: 'applied' }]);
    const [row] = await world.hub.store.query<{ district: string; commitment: { planHash: string }; created_at: unknown }>('SELECT district, commitment, created_at FROM draw_plans WHERE id = $1', [id]);
    expect(row).toMatchObject({ district: '海淀区', commitment: { planHash: commitment.planHash } });
    const [audit] = await world.hub.store.query<{ action: string; after: { value: { committedOnHubAt: string } } }>("SELECT action, after FROM audit_log WHERE subject = $1", [`plan:${id}`]);
    expect(audit?.action).toBe('mutation.commitPlan');
    expect(audit?.after.value.committedOnHubAt).toBe(new Date(row!.created_at as string).toISOString());

    const other = { ...plan, name: '另一个计划' };
    const refused = await world.lead.pushOk([
      world.lead.mutation('commitPlan', { id: '0190cccc-0000-7000-8000-000000000002', plan: other, commitment }),
      world.lead.mutation('commitPlan', { id: '0190cccc-0000-7000-8000-000000000003', plan: { ...ALL_PLAN, districts: ['朝阳区'] }, commitment }),
    ]);
    expect(refused.results.map((r) => [r.outcome, r.code, r.params])).toEqual([
      ['rejected', 'invalid', { path: 'commitment.planHash', issue: 'custom' }],
      ['rejected', 'forbidden', { scope: '朝阳区' }],
    ]);
    const inspector = world.inspectors[0]!;
    expect((await inspector.pushOk([inspector.mutation('commitPlan', { id: '0190cccc-0000-7000-8000-000000000004', plan, commitment })])).results).toMatchObject([{ outcome: 'rejected', code: 'forbidden' }]);
  });
});

describe.each(STORES)('targets in open cases on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('a later draw leaves out targets in open cases by default, names them, and verifies over the lists; with allow it draws them and lists them', async () => {
    await world.office.pushOk([world.office.mutation('putEntities', { rows: [5, 6, 7, 8].map((i) => entity(i)) })]);
    const draw = (openCases?: 'allow') => world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.lead.device.token), payload: { seed: '第二批', plan: { ...ALL_PLAN, name: '第二批' }, ...(openCases ? { openCases } : {}) } });
    const open = world.cases.map((c) => c.uscc).sort();
    const second = await draw();
    expect(second.statusCode).toBe(201);
    const body = second.json<{ drawId: string; cases: number; openCases: string; alreadyOpen: { uscc: string; plan: string }[]; excluded: { key: string; reason: string; code?: string }[] }>();
    expect(body.cases).toBe(4);
    expect(body.openCases).toBe('leave-out');
    expect(body.alreadyOpen.map((o) => o.uscc).sort()).toEqual(open);
    expect(body.alreadyOpen[0]?.plan).toBe('测试抽查');
    expect(body.excluded.filter((x) => x.code === 'open-case').map((x) => x.key).sort()).toEqual(open.map((u) => `entities ${u}`));
    expect(body.excluded[0]?.reason).toBe('已在未结案件中（测试抽查），本次不再抽取');
    const cases = await world.hub.store.query<{ uscc: string }>('SELECT uscc FROM cases WHERE draw_id = $1', [body.drawId]);
    expect(cases.map((c) => c.uscc).sort()).toEqual([5, 6, 7, 8].map((i) => entity(i).uscc).sort());
    // 复核 over the hub's lists as they are: the left-out targets count as inactive for it.
    const whole = (await world.hub.app.inject({ method: 'GET', url: `/api/v1/draws/${body.drawId}`, headers: bearer(world.lead.device.token) })).json<{ result: unknown }>();
    const result = drawResultSchema.parse(whole.result);
    const { readLists } = await import('../../../src-main/hub/sync/lists');
    const lists = await readLists(world.hub.store, '海淀区');
    expect(verifyDraw(result, lists.entities, lists.inspectors)).toEqual({ ok: true, differences: [] });
    const allowed = await draw('allow');
    const again = allowed.json<{ cases: number; alreadyOpen: unknown[]; excluded: { code?: string }[] }>();
    expect(again.cases).toBe(8);
    expect(again.alreadyOpen).toHaveLength(8);
    expect(again.excluded.filter((x) => x.code === 'open-case')).toEqual([]);
  });
});

describe.each(STORES)('a hub draw held to its commitment on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('draws when the lists still hash to the commitment (recording when it was made); refuses once a target changed', async () => {
    await world.office.pushOk([world.office.mutation('putEntities', { rows: [5, 6].map((i) => entity(i)) })]);
    const { readLists } = await import('../../../src-main/hub/sync/lists');
    const lists = await readLists(world.hub.store, '海淀区');
    // As the lead's app makes it: targets in open cases count as inactive (the hub leaves them out).
    const open = new Set(world.cases.map((c) => c.uscc));
    // The lead's app puts the lead's district in the plan's scope (DrawPage), as the hub would.
    const plan = { ...ALL_PLAN, name: '承诺批', districts: ['海淀区'] };
    const commitment = await makeCommitment(lists.entities.map((e) => (open.has(e.uscc) ? { ...e, active: false } : e)), lists.inspectors, plan, new Date('2026-03-02T00:30:00.000Z'));
    const draw = (openCases: 'leave-out' | 'allow' = 'leave-out') => world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.lead.device.token), payload: { seed: combineSeeds(['1-2-3', '见证人乙 77']), plan, commitment, openCases } });
    const ok = await draw();
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ cases: 2, record: { seed: '["1-2-3","见证人乙 77"]', committedAt: '2026-03-02T00:30:00.000Z', entitiesHash: commitment.entitiesHash, excludedHash: commitment.excludedHash } });
    // Drawing again (every target now in an open case, so allowed) over lists that changed since the commitment.
    await world.office.pushOk([world.office.mutation('putEntities', { rows: [{ ...entity(5), address: '改过的地址' }], action: 'edit' })]);
    const refused = await draw('allow');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'draw-failed', code: 'commitment-mismatch' });
    expect(refused.json().message).toContain('检查对象名录已改变');
  });
});
