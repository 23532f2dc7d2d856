// Convergence under faults, as a property: several real renderer clients (Dexie on fake-indexeddb, HubClient
// over real HTTP) work offline on shared cases, sync in random orders and interleavings through a network
// that drops requests and loses answers, then sync until clean. A reference model built from every local
// mutation (captured as each outbox row is written) explains what the hub and every replica must hold.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type OutboxRow, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { localChecksum, syncOnce, type SyncReport } from '../../../src-renderer/sync/engine';
import { HubClient, SyncError, type Fetch } from '../../../src-renderer/sync/hubClient';
import { addRecord, editRecord, submitCase } from '../../../src-renderer/sync/mutators';
import type { Case } from '../../../src-shared/sync/records';
import { caseFromRow, type CaseRow } from '../../../src-main/hub/sync/changes';
import { bearer, openHub, type Device, type HubFixture } from './fixture';
import { STORES } from './stores';
import { ALL_PLAN, entity, inspector, Laptop } from './syncWorld';

const NUM_RUNS = Number(process.env.TARIFFCHECK_FC_RUNS ?? 16);
const SEED = Number(process.env.TARIFFCHECK_FC_SEED ?? 20260302);

// ---- the schedule fast-check generates -------------------------------------------------------------

/** What the network does to one request: nothing, drop it before the hub, or lose the hub's answer. */
type Fault = 'ok' | 'drop' | 'lose';

type KindName = 'finding' | 'meterReading';

type LocalOp =
  | { t: 'add'; dev: number; caseIx: number; kind: KindName; val: number }
  | { t: 'edit'; dev: number; recIx: number; fields: number[]; val: number };

type Step =
  | LocalOp
  /** Devices syncing at the same time, each through its own faults; optionally one of them writes meanwhile. */
  | { t: 'sync'; devs: number[]; faults: Fault[][]; during: { op: LocalOp; delayMs: number } | null };

const DEVICES = 4;
const TARGETS = 3;

// Small pools, so two devices often write the same value (no conflict) or different ones (a conflict).
const FIELDS: Record<KindName, readonly string[]> = { finding: ['title', 'detail', 'severity'], meterReading: ['meterNo', 'reading', 'note'] };
const VALUES: Record<string, readonly unknown[]> = {
  title: ['未按目录电价收费', '加收公摊电费', '加收损耗'],
  detail: ['', '每度加收 0.2 元', '每度加收 0.25 元'],
  severity: ['info', 'minor', 'major'],
  meterNo: ['M-1', 'M-2', 'M-3'],
  reading: ['1234.5', '0', '99.125'],
  note: ['', '表计正常', '表计损坏'],
};

function initialData(kind: KindName, val: number): Record<string, unknown> {
  return kind === 'finding'
    ? { title: VALUES.title![val % 3], detail: VALUES.detail![val % 3], severity: VALUES.severity![val % 3], photos: [] }
    : { meterNo: VALUES.meterNo![val % 3], reading: VALUES.reading![val % 3], note: VALUES.note![val % 3] };
}

const devArb = fc.nat(DEVICES - 1);
const localOpArb: fc.Arbitrary<LocalOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('add' as const), dev: devArb, caseIx: fc.nat(5), kind: fc.constantFrom<KindName>('finding', 'meterReading'), val: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), dev: devArb, recIx: fc.nat(50), fields: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }), val: fc.nat(2) }) },
);
// No submit here: after a submit the hub refuses the team's later records (a domain rule with its own
// tests in sync.test.ts); this property is about the sync machinery, where every mutation applies.
const faultArb: fc.Arbitrary<Fault> = fc.oneof({ weight: 3, arbitrary: fc.constant('ok' as const) }, fc.constant('drop' as const), fc.constant('lose' as const));
const syncArb: fc.Arbitrary<Step> = fc.record({
  t: fc.constant('sync' as const),
  devs: fc.uniqueArray(devArb, { minLength: 1, maxLength: 3 }),
  faults: fc.array(fc.array(faultArb, { maxLength: 6 }), { minLength: 3, maxLength: 3 }),
  during: fc.option(fc.record({ op: localOpArb, delayMs: fc.nat(25) }), { nil: null }),
});
const scheduleArb = fc.array(fc.oneof({ weight: 3, arbitrary: localOpArb as fc.Arbitrary<Step> }, { weight: 2, arbitrary: syncArb }), { minLength: 20, maxLength: 40, size: 'max' });

// ---- the devices ---------------------------------------------------------------------------------------

let serial = 0;

interface Sim {
  index: number;
  cert: string;
  device: Device;
  db: TariffDb;
  /** Every outbox row this device wrote, in order: the reference model's input. */
  written: OutboxRow[];
  /** Faults still to apply to this device's next requests. */
  faults: Fault[];
  client: HubClient;
  clean: HubClient;
}

/** Faults that hit a request, by kind and path (for TARIFFCHECK_FC_DEBUG). */
const faultsHit = new Map<string, number>();

function faultyFetch(sim: { faults: Fault[] }): Fetch {
  return async (input, init) => {
    const fault = sim.faults.shift() ?? 'ok';
    if (fault !== 'ok') {
      const key = `${fault} ${new URL(input).pathname.replace('/api/v1', '')}`;
      faultsHit.set(key, (faultsHit.get(key) ?? 0) + 1);
    }
    if (fault === 'drop') throw new TypeError('fetch failed (dropped before reaching the hub)');
    const response = await fetch(input, init);
    if (fault === 'lose') {
      await response.arrayBuffer();
      throw new TypeError('connection reset (the hub answered, the answer was lost)');
    }
    return response;
  };
}

async function openSim(world: RunWorld, base: string, index: number): Promise<Sim> {
  const device = world.inspectors[index]!;
  const db = openDb(`convergence-${process.pid}-${++serial}`);
  await saveAccount(db, {
    hubUrl: base, deviceId: device.deviceId, token: device.token,
    user: { id: device.userId, username: device.username, displayName: device.username, role: 'inspector', district: world.district, certNo: world.certs[index]! },
  });
  const written: OutboxRow[] = [];
  db.outbox.hook('creating', (_key, row) => {
    written.push(structuredClone(row));
  });
  const sim: Sim = { index, cert: world.certs[index]!, device, db, written, faults: [], client: undefined as unknown as HubClient, clean: new HubClient(base, device.token) };
  sim.client = new HubClient(base, device.token, faultyFetch(sim));
  return sim;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Runs one local operation on a device's own data; false when there was nothing to do it on. */
async function runLocal(sim: Sim, op: LocalOp): Promise<boolean> {
  const cases = (await sim.db.cases.toArray()).sort(byId);
  if (op.t === 'add') {
    const c = cases[op.caseIx % Math.max(cases.length, 1)];
    if (!c) return false;
    await addRecord(sim.db, c.id, op.kind, initialData(op.kind, op.val), randomUUID());
    return true;
  }
  const records = (await sim.db.records.toArray()).sort(byId);
  const r = records[op.recIx % Math.max(records.length, 1)];
  if (!r) return false;
  const names = FIELDS[r.kind as KindName];
  const changes = Object.fromEntries(op.fields.map((f, i) => {
    const field = names[f]!;
    return [field, VALUES[field]![(op.val + i) % 3]];
  }));
  await editRecord(sim.db, r.id, changes);
  return true;
}

/** One sync that may fail on the network; any other failure is a finding. */
async function trySync(sim: Sim, client: HubClient): Promise<SyncReport | null> {
  try {
    return await syncOnce(sim.db, client);
  } catch (e) {
    if (e instanceof SyncError && e.kind === 'network') return null;
    throw new Error(`device ${sim.index}: sync failed with ${e instanceof SyncError ? `${e.kind} (${e.status ?? '-'})` : 'an exception'}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

// ---- the reference model -------------------------------------------------------------------------------

interface Applied {
  device: string;
  mutationId: number;
  version: number;
  row: OutboxRow;
}

interface FieldState {
  value: unknown;
  version: number;
  device: string;
}

interface ExpectedConflict {
  recordId: string;
  field: string;
  theirsValue: unknown;
  theirsDevice: string;
  mineValue: unknown;
  mineDevice: string;
  baseVersion: number;
}

const json = (v: unknown): string => JSON.stringify(v);

/** Folds the record mutations in the hub's arrival order: the data each record must hold and the conflicts it must keep. */
function replayModel(applied: Applied[]): { data: Map<string, Record<string, unknown>>; conflicts: ExpectedConflict[] } {
  const state = new Map<string, Map<string, FieldState>>();
  const data = new Map<string, Record<string, unknown>>();
  const conflicts: ExpectedConflict[] = [];
  for (const a of applied) {
    const args = a.row.args as { id: string; data?: Record<string, unknown>; changes?: Record<string, unknown>; baseVersion?: number };
    if (a.row.name === 'addRecord') {
      state.set(args.id, new Map(Object.entries(args.data!).map(([f, value]) => [f, { value, version: a.version, device: a.device }])));
      data.set(args.id, { ...args.data! });
      continue;
    }
    const fields = state.get(args.id);
    if (!fields) throw new Error(`edit of record ${args.id} arrived before its addRecord`);
    for (const [field, value] of Object.entries(args.changes!)) {
      const theirs = fields.get(field);
      if (theirs && theirs.version > args.baseVersion! && theirs.device !== a.device && json(theirs.value) !== json(value)) {
        conflicts.push({ recordId: args.id, field, theirsValue: theirs.value, theirsDevice: theirs.device, mineValue: value, mineDevice: a.device, baseVersion: args.baseVersion! });
      }
      fields.set(field, { value, version: a.version, device: a.device });
      data.get(args.id)![field] = value;
    }
  }
  return { data, conflicts };
}

const conflictKey = (k: ExpectedConflict): string => json([k.recordId, k.field, k.mineDevice, k.baseVersion, k.mineValue, k.theirsDevice, k.theirsValue]);

// ---- one run -------------------------------------------------------------------------------------------

/**
 * One run's stage on the shared hub (a fresh PGlite costs seconds): a district of its own with its own
 * inspectors (4 certificates, 4 users), 3 targets, and a lead's draw there, so the cases have teams of 2 of 4.
 */
interface RunWorld {
  hub: HubFixture;
  office: Laptop;
  district: string;
  certs: string[];
  inspectors: Device[];
  cases: Case[];
}

let runs = 0;

async function openRunWorld(hub: HubFixture, office: Laptop): Promise<RunWorld> {
  const run = ++runs;
  const district = `测试${run}区`;
  const certs = Array.from({ length: DEVICES }, (_, i) => `R${run}-00${i + 1}`);
  const lists = await office.pushOk([
    office.mutation('putInspectors', { rows: certs.map((c) => inspector(c, district)) }),
    office.mutation('putEntities', { rows: Array.from({ length: TARGETS }, (_, i) => entity(run * 10 + i, district)) }),
  ]);
  expect(lists.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
  const inspectors: Device[] = [];
  for (const cert of certs) inspectors.push(await hub.enrolled('inspector', `insp-${cert}`, { certNo: cert, district }));
  const lead = await hub.enrolled('lead', `lead-${run}`, { district });
  const draw = await hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(lead.token), payload: { seed: `第${run}批`, plan: ALL_PLAN } });
  if (draw.statusCode !== 201) throw new Error(`draw ${draw.statusCode}: ${draw.body}`);
  const cases = (await hub.store.query<CaseRow>('SELECT * FROM cases WHERE district = $1 ORDER BY id', [district])).map(caseFromRow);
  expect(cases).toHaveLength(TARGETS);
  return { hub, office, district, certs, inspectors, cases };
}

async function runSchedule(hub: HubFixture, office: Laptop, base: string, schedule: Step[]): Promise<void> {
  const t0 = Date.now();
  const world = await openRunWorld(hub, office);
  const t1 = Date.now();
  const sims: Sim[] = [];
  try {
    for (let i = 0; i < DEVICES; i++) sims.push(await openSim(world, base, i));
    // Everyone starts with their cases.
    for (const sim of sims) await syncOnce(sim.db, sim.clean);

    for (const step of schedule) {
      if (step.t !== 'sync') {
        await runLocal(sims[step.dev]!, step);
        continue;
      }
      const during = step.during;
      await Promise.all([
        ...step.devs.map(async (d, k) => {
          const sim = sims[d]!;
          sim.faults = [...(step.faults[k] ?? [])];
          await trySync(sim, sim.client);
          sim.faults = [];
        }),
        // The inspector keeps working while their laptop syncs.
        ...(during
          ? [(async () => {
              await new Promise((resolve) => setTimeout(resolve, during.delayMs));
              await runLocal(sims[step.devs[0]!]!, { ...during.op, dev: step.devs[0]! });
            })()]
          : []),
      ]);
    }

    // The network heals: everyone syncs until a whole round moves nothing.
    let quiet = false;
    for (let round = 0; round < 8 && !quiet; round++) {
      quiet = true;
      for (const sim of sims) {
        const report = await syncOnce(sim.db, sim.clean);
        if (report.pushed > 0 || report.pulled > 0 || report.mismatched.length > 0) quiet = false;
      }
    }
    expect(quiet, 'the devices never stopped exchanging changes').toBe(true);
    const t2 = Date.now();
    const stats = await checkConverged(world, sims);
    if (process.env.TARIFFCHECK_FC_DEBUG) console.log({ setupMs: t1 - t0, runMs: t2 - t1, checkMs: Date.now() - t2, steps: schedule.length, ...stats, faultsHit: Object.fromEntries(faultsHit) });
  } finally {
    for (const sim of sims) sim.db.close();
  }
}

async function checkConverged(world: RunWorld, sims: Sim[]): Promise<{ mutations: number; conflicts: number }> {
  const store = world.hub.store;
  const byDevice = new Map(sims.map((s) => [s.device.deviceId, s]));

  // Each device numbered its outbox 1..n without holes; the hub applied exactly those, once each, unchanged.
  for (const sim of sims) {
    expect(sim.written.map((m) => m.id)).toEqual(sim.written.map((_, i) => i + 1));
    const rows = await store.query<{ mutation_id: unknown; name: string; args: unknown; outcome: string }>(
      'SELECT mutation_id, name, args, outcome FROM device_mutations WHERE device_id = $1 ORDER BY mutation_id',
      [sim.device.deviceId],
    );
    expect(rows.map((r) => [Number(r.mutation_id), r.name, r.args, r.outcome])).toEqual(sim.written.map((m) => [m.id, m.name, JSON.parse(json(m.args)), 'applied']));
    const [device] = await store.query<{ last_mutation_id: unknown }>('SELECT last_mutation_id FROM devices WHERE id = $1', [sim.device.deviceId]);
    expect(Number(device?.last_mutation_id)).toBe(sim.written.length);
    expect(await sim.db.outbox.count()).toBe(0);
    expect(await sim.db.hubRejected.count()).toBe(0);
  }
  const devices = sims.map((s) => s.device.deviceId);
  const caseIds = world.cases.map((c) => c.id);
  const [rejected] = await store.query<{ n: unknown }>('SELECT count(*) AS n FROM rejected_mutations WHERE device_id = ANY($1::uuid[])', [devices]);
  expect(Number(rejected?.n)).toBe(0);

  // Nothing lost, nothing doubled: the hub's records are exactly the adds.
  const adds = sims.flatMap((s) => s.written.filter((m) => m.name === 'addRecord').map((m) => ({ sim: s, args: m.args as { id: string; caseId: string; kind: string } })));
  const records = await store.query<{ id: string; case_id: string; kind: string; created_by: string; data: Record<string, unknown> }>('SELECT id, case_id, kind, created_by, data FROM records WHERE case_id = ANY($1::uuid[]) ORDER BY id', [caseIds]);
  expect(records.map((r) => [r.id, r.case_id, r.kind, r.created_by])).toEqual(
    adds.map((a) => [a.args.id, a.args.caseId, a.args.kind, a.sim.device.username]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
  );

  // Arrival order: the audit chain (commit order) zipped with the record changes (commit order) gives each mutation its version.
  const audited = await store.query<{ actor_device: string; mutation_id: unknown }>(
    "SELECT actor_device, after->>'mutationId' AS mutation_id FROM audit_log WHERE action IN ('mutation.addRecord', 'mutation.editRecord') AND actor_device = ANY($1::uuid[]) ORDER BY id",
    [devices],
  );
  const recordChanges = await store.query<{ version: unknown; key: string }>("SELECT version, key FROM changes WHERE tbl = 'records' AND case_id = ANY($1::uuid[]) ORDER BY version, seq", [caseIds]);
  expect(recordChanges.length).toBe(audited.length);
  const applied: Applied[] = audited.map((a, i) => {
    const sim = byDevice.get(a.actor_device);
    const row = sim?.written[Number(a.mutation_id) - 1];
    if (!sim || !row) throw new Error(`audit names mutation ${String(a.mutation_id)} of device ${a.actor_device}, which no device wrote`);
    expect(recordChanges[i]?.key).toBe((row.args as { id: string }).id);
    return { device: a.actor_device, mutationId: Number(a.mutation_id), version: Number(recordChanges[i]?.version), row };
  });
  const recordMutations = sims.flatMap((s) => s.written.filter((m) => m.name === 'addRecord' || m.name === 'editRecord').map((m) => `${s.device.deviceId}:${m.id}`));
  expect(applied.map((a) => `${a.device}:${a.mutationId}`).sort()).toEqual(recordMutations.sort());

  // Every field's value is the last write in arrival order; every overwrite of another device's unseen value is kept.
  const model = replayModel(applied);
  expect(new Map(records.map((r) => [r.id, r.data]))).toEqual(model.data);
  const conflicts = await store.query<{ kind: string; record_id: string; field: string; theirs: { value: unknown; device: string }; mine: { value: unknown; device: string; baseVersion: number } }>(
    'SELECT kind, record_id, field, theirs, mine FROM conflicts WHERE district = $1',
    [world.district],
  );
  expect(conflicts.filter((k) => k.kind !== 'field')).toEqual([]);
  const got = conflicts.map((k) => conflictKey({ recordId: k.record_id, field: k.field, theirsValue: k.theirs.value, theirsDevice: k.theirs.device, mineValue: k.mine.value, mineDevice: k.mine.device, baseVersion: k.mine.baseVersion }));
  expect(got.sort()).toEqual(model.conflicts.map(conflictKey).sort());

  // All replicas equal: each laptop holds exactly its team's cases, each equal to the hub's by checksum.
  const local = new Map<string, string[]>();
  for (const sim of sims) {
    const mine = world.cases.filter((c) => c.inspectors.includes(sim.cert)).map((c) => c.id).sort();
    expect((await sim.db.cases.toArray()).map((c) => c.id).sort()).toEqual(mine);
    if (mine.length === 0) continue;
    const hubSums = await sim.clean.checksums(mine);
    for (const id of mine) {
      const sum = await localChecksum(sim.db, id);
      expect(sum, `device ${sim.index}, case ${id}`).toBe(hubSums[id]);
      local.set(id, [...(local.get(id) ?? []), sum ?? '']);
    }
  }
  for (const [id, sums] of local) expect(new Set(sums).size, `team of case ${id} disagrees`).toBe(1);

  const verify = await world.hub.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(world.office.device.token) });
  expect(verify.json()).toMatchObject({ ok: true });
  return { mutations: sims.reduce((n, s) => n + s.written.length, 0), conflicts: conflicts.length };
}

describe.each(STORES)('convergence on $name', (factory) => {
  let hub: HubFixture;
  let office: Laptop;
  let base: string;
  beforeAll(async () => {
    hub = await openHub(factory);
    office = new Laptop(hub, await hub.enrolled('office', 'office'));
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => hub.close());

  it(`devices syncing through a faulty network in any order converge to the hub, nothing lost or doubled (${NUM_RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, (schedule) => runSchedule(hub, office, base, schedule)),
      { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
    );
  }, 85_000 * 2);
});

// The shape the property can reach only by luck, written out: the inspector writes in a case while the
// laptop pulls a change to that case, and the network fails during the check that follows.
describe.each(STORES)('a case change pulled while the case has unpushed work, on $name', (factory) => {
  let hub: HubFixture;
  let office: Laptop;
  let base: string;
  beforeAll(async () => {
    hub = await openHub(factory);
    office = new Laptop(hub, await hub.enrolled('office', 'office'));
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => hub.close());

  // BUG (reported): src-renderer/sync/engine.ts applyPage skips the case row (unpushed work in the case) yet
  // advances the cursor, and only verify() of that same syncOnce, over the cases it touched, can repair it.
  // When that verify fails on the network, no later sync touches the case again and the laptop keeps the
  // stale case for good, with no mismatch reported. Flip to `it` once the engine keeps skipped cases for
  // verification until they match.
  it('is not lost when the checksum check after the push fails: the laptop ends equal to the hub', async () => {
    const world = await openRunWorld(hub, office);
    const c = world.cases[0]!;
    const [a, b] = c.inspectors.map((cert) => world.certs.indexOf(cert));
    const simA = await openSim(world, base, a!);
    const simB = await openSim(world, base, b!);
    try {
      await syncOnce(simA.db, simA.clean);
      await syncOnce(simB.db, simB.clean);
      // B hands the case in.
      await submitCase(simB.db, c.id);
      await syncOnce(simB.db, simB.clean);
      // A pulls that change while writing in the same case: the case row is left alone (unpushed work).
      let wrote = false;
      const writing = new HubClient(base, simA.device.token, async (input, init) => {
        if (input.includes('/pull') && !wrote) {
          wrote = true;
          await addRecord(simA.db, c.id, 'finding', initialData('finding', 0), randomUUID());
        }
        return fetch(input, init);
      });
      await syncOnce(simA.db, writing);
      expect(wrote).toBe(true);
      // A pushes its record; the network fails at the checksum check that would have noticed the stale case.
      simA.faults = ['ok', 'ok', 'drop'];
      const failed = await syncOnce(simA.db, simA.client).then(() => null, (e: unknown) => e);
      expect(failed).toMatchObject({ kind: 'network' });
      expect(await simA.db.outbox.count()).toBe(0);
      // Later syncs on a good network must bring A back to the hub's case.
      await syncOnce(simA.db, simA.clean);
      await syncOnce(simA.db, simA.clean);
      const hubSums = await simA.clean.checksums([c.id]);
      expect((await simA.db.cases.get(c.id))?.status).toBe('submitted');
      expect(await localChecksum(simA.db, c.id)).toBe(hubSums[c.id]);
    } finally {
      simA.db.close();
      simB.db.close();
    }
  });
});
