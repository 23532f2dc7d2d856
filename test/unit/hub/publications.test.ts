// Publication of results (一公开) on the hub: a case closes on the hub's China date of its approval; the
// office alone publishes a draw's closed cases, each once, never dated after the hub's today, with a
// category the case does not contradict; every refusal names its reason and stores nothing; the office
// and the leads pull it. The laptop refuses the same first, and a publication the hub refuses leaves it.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import type { Publication } from '../../../src-shared/publication/publication';
import { caseChecksum } from '../../../src-shared/sync/checksum';
import type { Case } from '../../../src-shared/sync/records';
import { openDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { reviewCase } from '../../../src-renderer/sync/mutators';
import { PublicationRefusal, publishResults } from '../../../src-renderer/sync/publicationMutators';
import { saveProfile } from '../../../src-renderer/state/profile';
import { bearer } from './fixture';
import { STORES } from './stores';
import { ALL_PLAN, finding, openWorld, replica, teamOf, type World } from './syncWorld';

describe.each(STORES)('publication of results on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  /** Case 0 with a finding and case 1 without, approved on 2026-09-25 (China); case 2 submitted, case 3 returned. */
  async function closeCases(): Promise<[Case, Case, Case, Case]> {
    const [a, b, c, d] = world.cases as [Case, Case, Case, Case];
    const member = teamOf(world, a).member;
    await member.pushOk([member.mutation('addRecord', finding(a.id))]);
    // 2026-09-24 17:30 UTC is already 2026-09-25 in China.
    world.hub.clock.now = new Date('2026-09-24T17:30:00.000Z');
    const reviewed = await world.office.pushOk([
      world.office.mutation('reviewCase', { caseId: a.id, decision: 'approved', note: '' }),
      world.office.mutation('reviewCase', { caseId: b.id, decision: 'approved', note: '' }),
      world.office.mutation('submitCase', { caseId: c.id }),
      world.office.mutation('submitCase', { caseId: d.id }),
      world.office.mutation('reviewCase', { caseId: d.id, decision: 'returned', note: '补拍照片' }),
    ]);
    expect(reviewed.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    world.hub.clock.now = new Date('2026-10-08T02:00:00.000Z');
    return [a, b, c, d];
  }

  // The world's cases are drawn ones: their drawId is never null (only targeted cases have none).
  const publication = (drawId: string | null, entries: Publication['entries'], patch: Partial<Publication> = {}): Publication => ({
    id: randomUUID(), drawId: drawId ?? '', publishedOn: '2026-10-08', channel: '国家企业信用信息公示系统', entries, ...patch,
  });

  const stored = async () => {
    const [p] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM publications');
    const [e] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM publication_entries');
    return [Number(p?.n), Number(e?.n)];
  };

  it('closes a case on the hub\'s China date of its approval, and opens it again on return', async () => {
    const [a, b, c, d] = await closeCases();
    const cases = replica(await world.lead.pullAll()).get('cases')!;
    expect([a, b, c, d].map((x) => [cases.get(x.id)?.status, cases.get(x.id)?.closedOn ?? null])).toEqual([
      ['approved', '2026-09-25'], ['approved', '2026-09-25'], ['submitted', null], ['returned', null],
    ]);
    const [row] = await world.hub.store.query<{ closed_on: string | null }>('SELECT closed_on FROM cases WHERE id = $1', [a.id]);
    expect(row?.closed_on).toBe('2026-09-25');
    // The checksum covers the closing date: the laptop holding the hub's row agrees with the hub.
    const sums = await world.lead.checksums([a.id]);
    const records = [...(replica(await world.lead.pullAll()).get('records')?.values() ?? [])].filter((r) => r.caseId === a.id);
    expect(caseChecksum(cases.get(a.id) as unknown as Case, records as never)).toBe(sums[a.id]);
  });

  it('migration 010 dates the cases approved before closing dates were kept by their last approval in the audit log', async () => {
    const [a, b] = await closeCases();
    await world.hub.store.query('UPDATE cases SET closed_on = NULL');
    const sql = readFileSync(join(process.cwd(), 'src-main/hub/migrations/010_publications.sql'), 'utf8');
    const backfill = sql.split(';').find((s) => s.includes('UPDATE cases'))!;
    await world.hub.store.exec(backfill);
    const rows = await world.hub.store.query<{ id: string; closed_on: string | null }>('SELECT id, closed_on FROM cases ORDER BY closed_on NULLS LAST, id');
    expect(rows.map((r) => r.closed_on)).toEqual(['2026-09-25', '2026-09-25', null, null]);
    expect(rows.slice(0, 2).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses each bad publication with its reason and stores nothing', async () => {
    const [a, b, c] = await closeCases();
    // A second draw of the same targets (its cases open), for a case of another plan.
    const second = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(world.lead.device.token), payload: { seed: '第二批', plan: { ...ALL_PLAN, name: '第二批' }, openCases: 'allow' } });
    const otherDraw = second.json<{ drawId: string }>().drawId;
    const drawId = a.drawId;
    const refused = await world.office.pushOk([
      world.office.mutation('publishResults', { publication: publication(drawId, [{ caseId: a.id, category: 'rectification-ordered', note: '' }, { caseId: c.id, category: 'no-problem', note: '' }]) }),
      world.office.mutation('publishResults', { publication: publication(drawId, [{ caseId: b.id, category: 'no-problem', note: '' }], { publishedOn: '2026-10-09' }) }),
      world.office.mutation('publishResults', { publication: publication(otherDraw, [{ caseId: a.id, category: 'rectification-ordered', note: '' }]) }),
      world.office.mutation('publishResults', { publication: publication(drawId, [{ caseId: a.id, category: 'no-problem', note: '' }]) }),
      world.office.mutation('publishResults', { publication: publication(randomUUID(), [{ caseId: a.id, category: 'rectification-ordered', note: '' }]) }),
      world.office.mutation('publishResults', { publication: publication(drawId, [{ caseId: randomUUID(), category: 'no-problem', note: '' }]) }),
    ]);
    expect(refused.results.map((r) => [r.outcome, r.code, r.params])).toEqual([
      ['rejected', 'invalid', { reason: 'case-not-closed', caseId: c.id, status: 'submitted' }],
      ['rejected', 'invalid', { reason: 'future-date', today: '2026-10-08' }],
      ['rejected', 'invalid', { reason: 'wrong-draw', caseId: a.id }],
      ['rejected', 'invalid', { reason: 'category', caseId: a.id, derived: 'rectification-ordered' }],
      ['rejected', 'not-found', { drawId: expect.any(String) }],
      ['rejected', 'not-found', { caseId: expect.any(String) }],
    ]);
    // The refusal's message names the target, for logs.
    expect(refused.results[0]?.message).toBe(`publication refused: case-not-closed (${c.entityName})`);
    const byLead = await world.lead.pushOk([world.lead.mutation('publishResults', { publication: publication(drawId, [{ caseId: b.id, category: 'no-problem', note: '' }]) })]);
    const member = teamOf(world, b).member;
    const byInspector = await member.pushOk([member.mutation('publishResults', { publication: publication(drawId, [{ caseId: b.id, category: 'no-problem', note: '' }]) })]);
    expect([byLead.results[0], byInspector.results[0]].map((r) => [r?.outcome, r?.code, r?.params])).toEqual([['rejected', 'forbidden', { role: 'lead' }], ['rejected', 'forbidden', { role: 'inspector' }]]);
    expect(await stored()).toEqual([0, 0]);
    const rejectedRows = await world.hub.store.query<{ n: unknown }>("SELECT count(*) AS n FROM rejected_mutations WHERE name = 'publishResults'");
    expect(Number(rejectedRows[0]?.n)).toBe(8);
  });

  it('publishes each case once, audited; the office and the lead pull it, the inspectors do not', async () => {
    const [a, b] = await closeCases();
    const first = publication(a.drawId, [{ caseId: a.id, category: 'rectification-ordered', note: '' }, { caseId: b.id, category: 'other', note: '企业已注销' }]);
    expect((await world.office.pushOk([world.office.mutation('publishResults', { publication: first })])).results[0]?.outcome).toBe('applied');
    expect(await stored()).toEqual([1, 2]);
    const again = await world.office.pushOk([
      world.office.mutation('publishResults', { publication: publication(a.drawId, [{ caseId: b.id, category: 'no-problem', note: '' }]) }),
      world.office.mutation('publishResults', { publication: first }),
    ]);
    expect(again.results.map((r) => [r.outcome, r.code, r.params])).toEqual([
      ['rejected', 'invalid', { reason: 'already-published', caseId: b.id, publicationId: first.id }],
      ['rejected', 'exists', {}],
    ]);
    expect(await stored()).toEqual([1, 2]);
    const row = { id: first.id, drawId: a.drawId, publication: first, by: 'office', at: '2026-10-08T02:00:00.000Z' };
    expect(replica(await world.office.pullAll()).get('publications')?.get(first.id)).toEqual({ ...row, version: expect.any(Number) });
    expect(replica(await world.lead.pullAll()).get('publications')?.get(first.id)).toEqual({ ...row, version: expect.any(Number) });
    expect(replica(await teamOf(world, a).member.pullAll()).get('publications')).toBeUndefined();
    const audited = await world.hub.store.query<{ action: string; after: { value: unknown } }>("SELECT action, after FROM audit_log WHERE subject = $1", [`publication:${first.id}`]);
    expect(audited.map((x) => [x.action, x.after.value])).toEqual([['mutation.publishResults', { drawId: a.drawId, publishedOn: '2026-10-08', channel: '国家企业信用信息公示系统', cases: 2 }]]);
  });

  it('the laptop refuses first with the reason; what the hub refuses leaves the laptop; the hub\'s closing date wins', async () => {
    const [a, b, c, d] = await closeCases();
    await world.office.pushOk([world.office.mutation('submitCase', { caseId: d.id })]);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    const device = await world.hub.enrolled('office', 'office-desk');
    const client = new HubClient(`http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`, device.token);
    const desk = openDb(`publication-laptop-${Math.random()}`);
    await saveProfile({ name: '陈科长', role: 'office', district: '海淀区', certNo: '' }, desk);
    await saveAccount(desk, { hubUrl: '', deviceId: device.deviceId, token: device.token, user: { id: device.userId, username: 'office-desk', displayName: '陈科长', role: 'office', district: '海淀区', certNo: null } });
    await syncOnce(desk, client);
    expect((await desk.cases.get(a.id))?.closedOn).toBe('2026-09-25');

    // Not closed: refused here, naming the target; nothing queued, nothing kept.
    const open = publication(a.drawId, [{ caseId: c.id, category: 'no-problem', note: '' }]);
    const refusal = await publishResults(desk, open).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(PublicationRefusal);
    expect([(refusal as PublicationRefusal).problem, (refusal as PublicationRefusal).target]).toEqual([{ code: 'case-not-closed', caseId: c.id, status: 'submitted' }, c.entityName]);
    expect([await desk.outbox.count(), await desk.publications.count()]).toEqual([0, 0]);
    const lighter = await publishResults(desk, publication(a.drawId, [{ caseId: a.id, category: 'no-problem', note: '' }])).then(() => null, (e: unknown) => e);
    expect((lighter as PublicationRefusal).problem).toEqual({ code: 'category', caseId: a.id, derived: 'rectification-ordered' });

    // Published here on the hub's day: kept (version 0), then taken by the hub and pulled back with its version.
    const good = publication(a.drawId, [{ caseId: a.id, category: 'rectification-ordered', note: '' }]);
    await publishResults(desk, good);
    expect((await desk.publications.get(good.id))?.version).toBe(0);
    const twice = await publishResults(desk, publication(a.drawId, [{ caseId: a.id, category: 'case-filed', note: '' }])).then(() => null, (e: unknown) => e);
    expect((twice as PublicationRefusal).problem).toEqual({ code: 'already-published', caseId: a.id, publicationId: good.id });
    // Dated today by this laptop's clock, which is after the hub's day: the hub refuses it, and it leaves the laptop.
    const laptopToday = chinaToday(new Date());
    expect(laptopToday > '2026-10-08').toBe(true);
    const early = publication(a.drawId, [{ caseId: b.id, category: 'no-problem', note: '' }], { publishedOn: laptopToday });
    await publishResults(desk, early);
    // The office approves case 3 here: closed today by this laptop's clock until the hub's date comes back.
    await reviewCase(desk, d.id, 'approved', '');
    expect((await desk.cases.get(d.id))?.closedOn).toBe(laptopToday);
    expect(await syncOnce(desk, client)).toMatchObject({ rejected: 1 });
    expect((await desk.publications.get(good.id))?.version).toBeGreaterThan(0);
    expect(await desk.publications.get(early.id)).toBeUndefined();
    expect((await desk.cases.get(d.id))?.closedOn).toBe('2026-10-08');
    const refusals = (await desk.hubRejected.toArray()).map((r) => r.row as { name: string; params: { reason: string; today: string } });
    expect(refusals.map((r) => [r.name, r.params.reason, r.params.today])).toEqual([['publishResults', 'future-date', '2026-10-08']]);
  });
});
