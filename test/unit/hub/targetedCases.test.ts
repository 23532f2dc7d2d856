// Complaint-driven and targeted cases on the hub (issue 15): the office alone opens one, outside the draw;
// the team is bound as a draw binds it (two or more active inspectors of the list, no recusal), every
// refusal names its reason; a target in an open case gets the complaint attached, not a second case; the
// case reaches exactly its team (and the district's lead) by pull, flows submit → approve like any case,
// travels in a .tcase, and never makes the next draw leave its target out.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import type { PushResult } from '../../../src-shared/sync/protocol';
import type { Case } from '../../../src-shared/sync/records';
import { writeCaseFile } from '../../../src-shared/sync/tcase';
import type { TargetedOrigin } from '../../../src-shared/targeted/origin';
import { syntheticUscc } from '../../fixtures/synthetic';
import { describeHubRefusal } from '../../../src-renderer/i18n/errors';
import { appWords as wordsOf } from '../i18nWords';
import { bearer, START } from './fixture';
import { STORES } from './stores';
import { ALL_PLAN, CERTS, entity, inspector, Laptop, openWorld, replica, replicaChecksums, type World } from './syncWorld';

const COMPLAINT: TargetedOrigin = { kind: 'complaint', ref: '12345-20260301-0042', complainant: '张女士（商户）', allegation: '电费单价 1.2 元/度，高于目录电价', receivedOn: '2026-03-01' };
/** A target without a case: 街道5, last inspected by HD-004. */
const FIFTH: Entity = { ...entity(5), lastInspectors: ['HD-004'] };
/** HD-005 works in 街道5; HD-006 is inactive; HD-007 declared a conflict with the fifth target. */
const MORE: Inspector[] = [
  { ...inspector('HD-005'), subdistrict: '街道5' },
  { ...inspector('HD-006'), active: false },
  { ...inspector('HD-007'), conflicts: [FIFTH.uscc] },
];

describe.each(STORES)('targeted cases on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
    await world.office.pushOk([
      world.office.mutation('putEntities', { rows: [FIFTH] }),
      world.office.mutation('putInspectors', { rows: MORE }),
    ]);
  });
  afterEach(() => world.close());

  const open = (laptop: Laptop, patch: Record<string, unknown> = {}) =>
    laptop.mutation('openTargetedCase', { id: randomUUID(), uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'], lead: 'HD-002', ...patch });

  const outcome = (r: PushResult) => [r.outcome, r.code ?? null, r.params?.reason ?? r.params?.issue ?? null];

  async function caseCount(): Promise<number> {
    const [row] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM cases');
    return Number(row?.n);
  }

  it('the office alone opens one; a team of one, a recused, unknown or inactive inspector, an unknown target: refused with the reason', async () => {
    const byLead = await world.lead.pushOk([open(world.lead)]);
    const byInspector = await world.inspectors[0]!.pushOk([open(world.inspectors[0]!)]);
    expect([outcome(byLead.results[0]!), outcome(byInspector.results[0]!)]).toEqual([['rejected', 'forbidden', null], ['rejected', 'forbidden', null]]);
    const refused = await world.office.pushOk([
      open(world.office, { inspectors: ['HD-001'], lead: undefined }),
      open(world.office, { inspectors: ['HD-001', 'HD-005'], lead: 'HD-001' }),
      open(world.office, { inspectors: ['HD-001', 'HD-007'], lead: 'HD-001' }),
      open(world.office, { inspectors: ['HD-004', 'HD-001'], lead: 'HD-001' }),
      open(world.office, { inspectors: ['HD-001', 'HD-999'], lead: 'HD-001' }),
      open(world.office, { inspectors: ['HD-001', 'HD-006'], lead: 'HD-001' }),
      open(world.office, { uscc: syntheticUscc(1, 99) }),
      open(world.office, { lead: 'HD-003' }),
    ]);
    expect(refused.results.map(outcome)).toEqual([
      ['rejected', 'invalid', 'too_small'],
      ['rejected', 'invalid', 'recused'],
      ['rejected', 'invalid', 'recused'],
      ['rejected', 'invalid', 'recused'],
      ['rejected', 'not-found', 'unknown-inspector'],
      ['rejected', 'invalid', 'inactive-inspector'],
      ['rejected', 'not-found', 'unknown-target'],
      ['rejected', 'invalid', 'custom'],
    ]);
    // A recusal names the inspector and the rule.
    expect(refused.results.slice(1, 4).map((r) => [r.params?.certNo, r.params?.name, r.params?.rule])).toEqual([
      ['HD-005', '检查员HD-005', 'same-subdistrict'],
      ['HD-007', '检查员HD-007', 'declared-conflict'],
      ['HD-004', '检查员HD-004', 'last-inspector'],
    ]);
    expect(refused.results[1]!.message).toBe('targeted case refused: recused HD-005 (same-subdistrict)');
    expect(refused.results[0]!.params).toEqual({ path: 'inspectors', issue: 'too_small' });
    expect(refused.results[7]!.params).toEqual({ path: 'lead', issue: 'custom' });
    // The 同步 page says each in the words the laptop's own refusal uses.
    const t = await wordsOf();
    expect(refused.results.map((r) => describeHubRefusal(t, { name: 'openTargetedCase', code: r.code, params: r.params }))).toEqual([
      '内容不合规：“检查组（至少 2 人）”太短或太小',
      '执法人员 检查员HD-005（HD-005）应回避：同街镇',
      '执法人员 检查员HD-007（HD-007）应回避：申报利害关系',
      '执法人员 检查员HD-004（HD-004）应回避：上次检查人员',
      '执法人员名录中没有证号 HD-999',
      '执法人员 检查员HD-006（HD-006）已停用',
      `名录中没有统一社会信用代码为 ${syntheticUscc(1, 99)} 的检查对象，请先加入检查对象名录`,
      '内容不合规：“组长”不合规',
    ]);
    expect(await caseCount()).toBe(4);
  });

  it('a complaint about a target in an open drawn case is attached to that case, naming it; no second case', async () => {
    const drawn = world.cases.find((c) => c.uscc === entity(1).uscc)!;
    const complaint = open(world.office, { uscc: drawn.uscc });
    const id = (complaint.args as { id: string }).id;
    expect((await world.office.pushOk([complaint])).results.map(outcome)).toEqual([['applied', null, null]]);
    expect(await caseCount()).toBe(4);
    const pulled = replica(await world.office.pullAll()).get('cases')!.get(drawn.id) as unknown as Case;
    expect(pulled.linkedComplaints).toEqual([{ id, origin: COMPLAINT, by: 'office', at: START.toISOString() }]);
    expect([pulled.origin, pulled.drawId]).toEqual([undefined, drawn.drawId]);
    const [audit] = await world.hub.store.query<{ subject: string; after: { value: { linkedCaseId: string } } }>("SELECT subject, after FROM audit_log WHERE action = 'mutation.openTargetedCase'");
    expect([audit!.subject, audit!.after.value.linkedCaseId]).toEqual([`case:${drawn.id}`, drawn.id]);
    // The same id again (another device sending the same request) is refused: the complaint is attached once.
    const again = await world.office.pushOk([world.office.mutation('openTargetedCase', complaint.args)]);
    expect(again.results.map(outcome)).toEqual([['rejected', 'exists', null]]);
    // The team's laptops see the complaint on their case, and their checksums agree with the hub.
    const { member } = { member: world.inspectors[CERTS.indexOf(drawn.inspectors[0]!)]! };
    const changes = await member.pullAll();
    expect(await member.checksums([drawn.id])).toEqual({ [drawn.id]: replicaChecksums(changes)[drawn.id] });
  });

  it('reaches exactly its team and the district lead by pull, marked as a complaint with no draw; flows submit → approve', async () => {
    const request = open(world.office);
    const id = (request.args as { id: string }).id;
    expect((await world.office.pushOk([request])).results.map(outcome)).toEqual([['applied', null, null]]);
    const expected = {
      id, drawId: null, uscc: FIFTH.uscc, entityName: '目标5', address: '地址5', district: '海淀区', subdistrict: '街道5', inspectors: ['HD-001', 'HD-002'],
      status: 'assigned', reviewNote: '', missingMedia: [], origin: 'complaint', originDetail: COMPLAINT, lead: 'HD-002',
    };
    const seen = async (laptop: Laptop) => {
      const tables = replica(await laptop.pullAll());
      return { kase: tables.get('cases')?.get(id) ?? null, target: tables.get('entities')?.get(FIFTH.uscc) ?? null };
    };
    const [one, two, three, lead] = [await seen(world.inspectors[0]!), await seen(world.inspectors[1]!), await seen(world.inspectors[2]!), await seen(world.lead)];
    expect(one.kase).toMatchObject(expected);
    expect(two.kase).toMatchObject(expected);
    expect(one.target).toEqual(FIFTH);
    expect([three.kase, three.target]).toEqual([null, null]);
    expect(lead.kase).toMatchObject(expected);
    const changes = await world.inspectors[0]!.pullAll();
    expect(await world.inspectors[0]!.checksums([id])).toEqual({ [id]: replicaChecksums(changes)[id] });

    // Like any case: the team submits, the office approves, and the case is closed.
    const member = world.inspectors[1]!;
    expect((await member.pushOk([member.mutation('submitCase', { caseId: id })])).results.map(outcome)).toEqual([['applied', null, null]]);
    expect((await world.inspectors[2]!.pushOk([world.inspectors[2]!.mutation('submitCase', { caseId: id })])).results.map(outcome)).toEqual([['rejected', 'forbidden', null]]);
    const reviewed = await world.office.pushOk([world.office.mutation('reviewCase', { caseId: id, decision: 'approved', note: '' })]);
    expect(reviewed.results.map(outcome)).toEqual([['applied', null, null]]);
    const [row] = await world.hub.store.query<{ status: string; closed_on: string; origin: string; draw_id: string | null }>('SELECT status, closed_on, origin, draw_id FROM cases WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'approved', closed_on: '2026-03-02', origin: 'complaint', draw_id: null });
    // Closed: the next complaint about the target opens a new case.
    expect((await world.office.pushOk([open(world.office)])).results.map(outcome)).toEqual([['applied', null, null]]);
    expect(await caseCount()).toBe(6);
  });

  it('a screening case joins nothing in the draw: the next draw leaves out targets of open drawn cases only', async () => {
    const screening: TargetedOrigin = { kind: 'screening', months: ['2026-01', '2026-02'], flags: ['markup', 'loss'] };
    const request = open(world.office, { origin: screening });
    expect((await world.office.pushOk([request])).results.map(outcome)).toEqual([['applied', null, null]]);
    const draw = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.office.device.token), payload: { seed: '2026 第二批', plan: { ...ALL_PLAN, name: '第二批' } } });
    expect(draw.statusCode).toBe(201);
    const body = draw.json<{ cases: number; alreadyOpen: { uscc: string }[] }>();
    // Targets 1–4 are in open drawn cases and left out; the fifth, in an open screening case, is drawn.
    expect(body.alreadyOpen.map((o) => o.uscc).sort()).toEqual([1, 2, 3, 4].map((i) => entity(i).uscc).sort());
    expect(body.cases).toBe(1);
    const rows = await world.hub.store.query<{ origin: string; n: unknown }>("SELECT origin, count(*) AS n FROM cases WHERE uscc = $1 GROUP BY origin ORDER BY origin", [FIFTH.uscc]);
    expect(rows.map((r) => [r.origin, Number(r.n)])).toEqual([['draw', 1], ['screening', 1]]);
  });

  it('travels in a .tcase from an office laptop: merged once, the same file again adds nothing', async () => {
    const request = open(world.office);
    const id = (request.args as { id: string }).id;
    const bytes = writeCaseFile({ deviceId: world.office.device.deviceId, username: 'office', token: world.office.device.token, mutations: [request], blobs: new Map(), createdAt: START });
    const importFile = () => world.hub.app.inject({ method: 'POST', url: '/api/v1/case-files', headers: { ...bearer(world.office.device.token), 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) });
    expect((await importFile()).json()).toMatchObject({ new: 1, alreadyPresent: 0, rejected: 0 });
    expect((await importFile()).json()).toMatchObject({ new: 0, alreadyPresent: 1, rejected: 0 });
    const rows = await world.hub.store.query<{ id: string; origin: string }>('SELECT id, origin FROM cases WHERE uscc = $1', [FIFTH.uscc]);
    expect(rows).toEqual([{ id, origin: 'complaint' }]);
  });
});
