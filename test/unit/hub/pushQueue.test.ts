import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../../src-main/hub/accounts/devices';
import { verifyAudit } from '../../../src-main/hub/audit/auditLog';
import { HubError } from '../../../src-main/hub/errors';
import { preparePush } from '../../../src-main/hub/sync/push';
import { PushQueue, type QueuedUnit } from '../../../src-main/hub/sync/pushQueue';
import type { Store } from '../../../src-main/hub/store/store';
import type { Mutation } from '../../../src-shared/sync/mutators';
import { START } from './fixture';
import { STORES } from './stores';
import { CERTS, finding, openWorld, replica, type Laptop, type World } from './syncWorld';

/** Mutations `from`…`from + n - 1`, each a new finding in `caseId`. */
function findings(caseId: string, from: number, n: number): Mutation[] {
  return Array.from({ length: n }, (_, k) => ({ id: from + k, name: 'addRecord', args: finding(caseId, `问题 ${from + k}`), hlc: `2026-03-02T01:00:00.000Z~${(from + k).toString(16).padStart(4, '0')}` }));
}

describe.each(STORES)('pushes applied together on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  /** Each inspector laptop with a case of its team. */
  const crews = () => world.inspectors.map((laptop, i) => ({ laptop, caseId: world.cases.find((c) => c.inspectors.includes(CERTS[i]!))!.id }));
  const unitOf = async (laptop: Laptop, mutations: Mutation[]) => preparePush(await authenticate(world.hub.store, laptop.device.token), mutations, START);

  it('pushes that wait go in one transaction; each gets its own answer; the records, the counters and the audit chain are all there', async () => {
    const queue = new PushQueue(world.hub.store);
    const units = await Promise.all(crews().map(({ laptop, caseId }) => unitOf(laptop, findings(caseId, 1, 3))));
    const outcomes = await Promise.all(units.map((u) => queue.apply(u)));
    // The first ran alone (nothing else waited yet); the other three went in together.
    expect(queue.stats).toEqual({ transactions: 2, units: 4 });
    for (const o of outcomes) expect(o).toEqual({ lastMutationId: 3, results: [1, 2, 3].map((id) => ({ id, outcome: 'applied' })) });
    const records = [...(replica(await world.office.pullAll()).get('records')?.values() ?? [])];
    expect(records.map((r) => (r.data as { title: string }).title).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `问题 ${(i % 3) + 1}`).sort());
    // The three grouped pushes share one change-counter value; the first has its own.
    const versions = new Set(records.map((r) => Number(r.version)));
    expect(versions.size).toBe(2);
    for (const laptop of world.inspectors) expect((await laptop.pullPage()).lastMutationId).toBe(3);
    expect(await verifyAudit(world.hub.store)).toMatchObject({ ok: true });
  });

  it('a group locks its devices and looks up its new records in one statement each, not one per push', async () => {
    const store = world.hub.store;
    const seen: string[] = [];
    const watched: Store = {
      kind: store.kind,
      query: (text, params) => store.query(text, params),
      exec: (text) => store.exec(text),
      transaction: (work) => store.transaction((tx) => work({ query: (text, params) => (seen.push(text), tx.query(text, params)), exec: (text) => tx.exec(text) })),
      close: () => store.close(),
    };
    const queue = new PushQueue(watched);
    const units = await Promise.all(crews().map(({ laptop, caseId }) => unitOf(laptop, findings(caseId, 1, 2))));
    const outcomes = await Promise.all(units.map((u) => queue.apply(u)));
    for (const o of outcomes) expect(o.lastMutationId).toBe(2);
    expect(queue.stats).toEqual({ transactions: 2, units: 4 });
    const locks = seen.filter((q) => /FOR NO KEY UPDATE/.test(q));
    // The first push alone, by its own step; the other three together, by one statement.
    expect(locks).toEqual([
      'SELECT last_mutation_id FROM devices WHERE id = $1 FOR NO KEY UPDATE',
      'SELECT id, last_mutation_id FROM devices WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE',
    ]);
    expect(seen.filter((q) => q.startsWith('SELECT id FROM records WHERE id = ANY'))).toHaveLength(2);
  });

  it('a push with a gap is refused alone; the others of its group are applied', async () => {
    const queue = new PushQueue(world.hub.store);
    const [a, b, c, d] = crews();
    const first = await unitOf(a!.laptop, findings(a!.caseId, 1, 1));
    const gap = await unitOf(b!.laptop, findings(b!.caseId, 5, 1));
    const others = [await unitOf(c!.laptop, findings(c!.caseId, 1, 2)), await unitOf(d!.laptop, findings(d!.caseId, 1, 2))];
    const settled = await Promise.allSettled([queue.apply(first), queue.apply(gap), ...others.map((u) => queue.apply(u))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const refused = (settled[1] as PromiseRejectedResult).reason as HubError;
    expect(refused).toBeInstanceOf(HubError);
    expect(refused).toMatchObject({ status: 409, code: 'mutation-gap' });
    expect(queue.stats).toEqual({ transactions: 2, units: 4 });
    expect(replica(await world.office.pullAll()).get('records')?.size).toBe(5);
    expect((await b!.laptop.pullPage()).lastMutationId).toBe(0);
  });

  it('a push that fails inside its group fails alone: the group is rolled back and each push applied on its own', async () => {
    const queue = new PushQueue(world.hub.store);
    const [a, b, c] = crews();
    const broken: QueuedUnit = {
      ...(await unitOf(b!.laptop, findings(b!.caseId, 1, 1))),
      work: async () => {
        throw new Error('the hub failed mid-push');
      },
    };
    const units = [await unitOf(a!.laptop, findings(a!.caseId, 1, 1)), await unitOf(c!.laptop, findings(c!.caseId, 1, 2)), broken];
    const settled = await Promise.allSettled(units.map((u) => queue.apply(u)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(String((settled[2] as PromiseRejectedResult).reason)).toContain('the hub failed mid-push');
    // One alone, one group of two that failed, then those two alone.
    expect(queue.stats).toEqual({ transactions: 4, units: 5 });
    expect(replica(await world.office.pullAll()).get('records')?.size).toBe(3);
    expect(await verifyAudit(world.hub.store)).toMatchObject({ ok: true });
  });

  it("a device's second push waits for the next transaction and follows its first", async () => {
    const queue = new PushQueue(world.hub.store);
    const [a, b] = crews();
    const units = [await unitOf(b!.laptop, findings(b!.caseId, 1, 1)), await unitOf(a!.laptop, findings(a!.caseId, 1, 2)), await unitOf(a!.laptop, findings(a!.caseId, 3, 2)), await unitOf(b!.laptop, findings(b!.caseId, 2, 1))];
    const outcomes = await Promise.all(units.map((u) => queue.apply(u)));
    expect(outcomes.map((o) => o.lastMutationId)).toEqual([1, 2, 4, 2]);
    // b's first alone; then a's first with b's second; then a's second.
    expect(queue.stats).toEqual({ transactions: 3, units: 4 });
    expect((await a!.laptop.pullPage()).lastMutationId).toBe(4);
  });

  it('concurrent pushes through the hub: every answer and every record right (grouped on the embedded store)', async () => {
    const replies = await Promise.all(crews().map(({ laptop, caseId }) => laptop.push(findings(caseId, 1, 4))));
    for (const r of replies) expect(r.json()).toMatchObject({ lastMutationId: 4, results: [1, 2, 3, 4].map((id) => ({ id, outcome: 'applied' })) });
    expect(replica(await world.office.pullAll()).get('records')?.size).toBe(16);
    expect(await verifyAudit(world.hub.store)).toMatchObject({ ok: true });
  });
});
