// The office laptop's side of openTargetedCase (src-renderer/sync/targetedMutators.ts) against a real hub:
// refused here first with the hub's reasons (nothing queued); a case kept here and queued together, then
// taken by the hub and pulled back whole; a complaint about a target in an open case attached to it, the
// case named; and a case made here that the hub attached to an open case instead leaves this laptop.
import type { AddressInfo } from 'node:net';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import type { TargetedOrigin } from '../../../src-shared/targeted/origin';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { localChecksum, syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient } from '../../../src-renderer/sync/hubClient';
import { openTargetedCase, TargetedRefusal } from '../../../src-renderer/sync/targetedMutators';
import { syntheticUscc } from '../../fixtures/synthetic';
import { STORES } from './stores';
import { entity, inspector, openWorld, type World } from './syncWorld';

const COMPLAINT: TargetedOrigin = { kind: 'complaint', ref: '12315-0007', complainant: '李先生', allegation: '收取公摊电费', receivedOn: '2026-03-01' };
const FIFTH: Entity = entity(5);

describe.each(STORES)('the office laptop opens targeted cases on $name', (factory) => {
  let world: World;
  let url: string;
  beforeEach(async () => {
    world = await openWorld(factory);
    await world.office.pushOk([world.office.mutation('putEntities', { rows: [FIFTH] }), world.office.mutation('putInspectors', { rows: [{ ...inspector('HD-005'), subdistrict: '街道5' }] })]);
    await world.hub.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(world.hub.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => world.close());

  /** An enrolled device of `role`, synced once. */
  async function laptop(username: string, role: 'office' | 'inspector' = 'office', certNo?: string): Promise<{ db: TariffDb; client: HubClient }> {
    const device = await world.hub.enrolled(role, username, certNo ? { certNo } : {});
    const db = openDb(`targeted-${username}-${Math.random()}`);
    await saveAccount(db, { hubUrl: url, deviceId: device.deviceId, token: device.token, user: { id: device.userId, username, displayName: username, role, district: '海淀区', certNo: certNo ?? null } });
    const client = new HubClient(url, device.token);
    await syncOnce(db, client);
    return { db, client };
  }

  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof TargetedRefusal ? e.problem : e));

  it('refuses here first with the reason; keeps the case and its mutation together; the hub\'s copy comes back whole', async () => {
    const { db, client } = await laptop('desk');
    expect(await refusal(openTargetedCase(db, { uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-005'] }))).toEqual({ code: 'recused', certNo: 'HD-005', name: '检查员HD-005', rule: 'same-subdistrict' });
    expect(await refusal(openTargetedCase(db, { uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001'] }))).toEqual({ code: 'team-too-small', count: 1 });
    expect(await refusal(openTargetedCase(db, { uscc: syntheticUscc(1, 99), origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'] }))).toEqual({ code: 'unknown-target', uscc: syntheticUscc(1, 99) });
    expect(await db.outbox.count()).toBe(0);

    const outcome = await openTargetedCase(db, { uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'], lead: 'HD-001' });
    expect(outcome.linked).toBe(false);
    expect(await db.cases.get(outcome.caseId)).toMatchObject({ drawId: null, origin: 'complaint', originDetail: COMPLAINT, lead: 'HD-001', status: 'assigned', version: 0 });
    expect((await db.outbox.toArray()).map((m) => [m.name, m.caseId])).toEqual([['openTargetedCase', outcome.caseId]]);
    expect(await syncOnce(db, client)).toMatchObject({ pushed: 1, rejected: 0, mismatched: [] });
    expect((await db.cases.get(outcome.caseId))!.version).toBeGreaterThan(0);
    expect(await localChecksum(db, outcome.caseId)).toBe((await client.checksums([outcome.caseId]))[outcome.caseId]);

    // An inspector's laptop may not open one.
    const field = await laptop('field', 'inspector', 'HD-009');
    expect(await refusal(openTargetedCase(field.db, { uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'] }))).toEqual({ code: 'not-office' });
  });

  it('a complaint about a target in an open case is attached to it here and on the hub; a case the hub attached instead leaves the laptop', async () => {
    const a = await laptop('desk');
    const b = await laptop('desk-2');
    const drawn = world.cases.find((c) => c.uscc === entity(1).uscc)!;
    expect(await openTargetedCase(a.db, { uscc: drawn.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'] })).toMatchObject({ caseId: drawn.id, linked: true });
    expect(await a.db.cases.count()).toBe(4);
    await syncOnce(a.db, a.client);
    expect((await a.db.cases.get(drawn.id))!.linkedComplaints?.map((l) => [l.origin, l.by])).toEqual([[COMPLAINT, 'desk']]);

    // A opens a case for the fifth target; B, not synced since, makes one of its own here.
    const first = await openTargetedCase(a.db, { uscc: FIFTH.uscc, origin: COMPLAINT, inspectors: ['HD-001', 'HD-002'] });
    await syncOnce(a.db, a.client);
    const second = await openTargetedCase(b.db, { uscc: FIFTH.uscc, origin: { ...COMPLAINT, ref: '12345-0008' }, inspectors: ['HD-003', 'HD-004'] });
    expect(second.linked).toBe(false);
    expect(await b.db.cases.get(second.caseId)).toMatchObject({ version: 0 });
    expect(await syncOnce(b.db, b.client)).toMatchObject({ pushed: 1, rejected: 0, mismatched: [] });
    // The hub attached it to A's case: B's own copy is gone, A's case carries the complaint.
    expect(await b.db.cases.get(second.caseId)).toBeUndefined();
    expect((await b.db.cases.get(first.caseId))!.linkedComplaints?.map((l) => [l.id, l.origin.kind === 'complaint' ? l.origin.ref : ''])).toEqual([[second.caseId, '12345-0008']]);
    expect(await b.db.cases.count()).toBe(5);
  });
});
