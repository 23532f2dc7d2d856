// Sync: 10,000 mutations pushed and 10,000 changes pulled end to end (the renderer's syncOnce over HTTP to a
// hub in this process), on PGlite and on PostgreSQL, each against 10,000 raw INSERTs of the same rows, one
// transaction per row, straight into the same store in the same run; and 50 devices syncing at once, with the
// hub and the laptops in worker threads of their own (as on the office machine and the laptops) and, for
// comparison, all in one thread.
// Goals (issue): ≥ 1,000 mutations/s end to end and ≥ half the raw per-row rate; 50 devices with no error
// and p95 push under 1 s.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src-main/hub/store/store';
import { syncOnce, type SyncReport } from '../../src-renderer/sync/engine';
import { HubClient, type Fetch } from '../../src-renderer/sync/hubClient';
import { startLaptops, syncAll, writeAll, type LaptopGroup } from './laptopWorker';
import { addRecord } from '../../src-renderer/sync/mutators';
import { PUSH_MAX } from '../../src-shared/sync/protocol';
import { fmt, summary, type Timing } from './stats';
import { BENCH_STORES, discard, laptop, PG_URL, reading, stage, stageInWorker, type BenchStore, type Device, type RemoteStage } from './syncWorld';

const N = 10_000;
const RUNS = 3;
const DEVICES = 50;
const PER_DEVICE = 20;
const ROUNDS = 3;
/** Fleets per placement and store, each on a fresh hub; their pushes are pooled for the quantiles. */
const FLEETS = 3;

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Fails the bench when a sync did not do what it claims. */
function expectClean(report: SyncReport, what: string, pushed?: number): void {
  if (report.rejected || report.mismatched.length || (pushed !== undefined && report.pushed !== pushed)) {
    throw new Error(`${what}: ${JSON.stringify({ ...report, mismatched: report.mismatched.length })}`);
  }
}

/** The baseline: the rows an addRecord makes, one INSERT and one transaction each, straight into the store. */
async function rawInserts(store: Store, caseId: string, device: Device): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const hlc = `${new Date().toISOString()}~${i.toString(16).padStart(4, '0')}`;
    const meta = { v: i + 1, d: device.deviceId, u: device.username, at: hlc };
    const data = reading(i);
    await store.transaction((tx) =>
      tx.query(
        'INSERT INTO records (id, case_id, kind, data, signature, created_by, created_at, field_meta, version) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9)',
        [randomUUID(), caseId, 'meterReading', JSON.stringify(data), null, device.username, hlc, JSON.stringify(Object.fromEntries(Object.keys(data).map((k) => [k, meta]))), i + 1],
      ),
    );
  }
  return performance.now() - t0;
}

interface TenK {
  local: number;
  push: number;
  whole: number;
  pull: number;
  pulled: number;
  raw: number;
}

/** One run on a fresh store: local writes, then the timed push, a fresh device's pull, and the raw baseline. */
async function tenK(factory: BenchStore): Promise<TenK> {
  const { hub, inspectors, cases } = await stage(factory, 2, 1);
  try {
    const kase = cases[0]!;
    const device = inspectors.find((d) => kase.inspectors.includes(d.certNo!))!;
    const db = await laptop(hub.base, device);
    expectClean(await syncOnce(db, new HubClient(hub.base, device.token)), 'first sync');
    if (!(await db.cases.get(kase.id))) throw new Error('the case did not arrive');
    let t0 = performance.now();
    for (let i = 0; i < N; i++) await addRecord(db, kase.id, 'meterReading', reading(i));
    const local = performance.now() - t0;
    // The push phase ends where the pull begins: syncOnce pulls only once the outbox is empty.
    let pullStart = 0;
    const timed: Fetch = (input, init) => {
      if (pullStart === 0 && input.includes('/api/v1/pull')) pullStart = performance.now();
      return fetch(input, init);
    };
    t0 = performance.now();
    const report = await syncOnce(db, new HubClient(hub.base, device.token, timed));
    const whole = performance.now() - t0;
    const push = pullStart - t0;
    expectClean(report, 'push', N);
    if ((await db.outbox.count()) !== 0) throw new Error('outbox not empty after the push');
    await discard(db);

    // A second device of the same user, empty: everything it may see, from the first change on.
    const again = await hub.enrollAgain(device);
    const fresh = await laptop(hub.base, again);
    t0 = performance.now();
    const pulled = await syncOnce(fresh, new HubClient(hub.base, again.token));
    const pull = performance.now() - t0;
    expectClean(pulled, 'pull');
    const records = await fresh.records.count();
    if (records !== N) throw new Error(`fresh device holds ${records} records, not ${N}`);
    await discard(fresh);

    // Last, so its rows are not in the way of the sync (their checksums would differ): same store, same case.
    const raw = await rawInserts(hub.store, kase.id, device);
    return { local, push, whole, pull, pulled: pulled.pulled, raw };
  } finally {
    await hub.close();
  }
}

interface Fleet {
  first: number;
  firstErrors: number;
  rounds: number[];
  latencies: number[];
  /** The same pushes as the hub timed them: arrival to answer sent. */
  hubTimes: number[];
  errors: number;
  messages: string[];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/**
 * Where the fleet runs. 'apart': the hub in a worker thread of its own (as on the office machine) and
 * the laptops in LAPTOP_THREADS worker threads (real laptops each have their own CPU; this machine has
 * two cores). 'one thread': hub and all 50 laptops in this thread, for comparison.
 */
type Placement = 'apart' | 'one thread';
const LAPTOP_THREADS = 2;

/** A staged hub in this thread, behind the same interface as one in a worker. */
async function stageHere(factory: BenchStore, inspectors: number, targets: number): Promise<RemoteStage> {
  const { hub, inspectors: devices, cases } = await stage(factory, inspectors, targets);
  return {
    base: hub.base,
    inspectors: devices,
    cases,
    async records() {
      const [held] = await hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
      return Number(held?.n);
    },
    takePushTimes: async () => hub.pushTimes.splice(0),
    close: () => hub.close(),
  };
}

/** The laptops of the fleet in this thread, behind the interface of a worker's group. */
async function laptopsHere(base: string, devices: Device[], caseIds: string[]): Promise<LaptopGroup> {
  const dbs = await Promise.all(devices.map((d) => laptop(base, d)));
  return {
    sync: () => syncAll(base, devices, dbs),
    write: (round, perDevice) => writeAll(dbs, caseIds, round, perDevice),
    outboxCounts: () => Promise.all(dbs.map((db) => db.outbox.count())),
    close: async () => void (await Promise.all(dbs.map(discard))),
  };
}

/** 50 inspectors, a laptop each: all sync at once, then ROUNDS × (20 local records each, all sync at once). */
async function fleet(factory: BenchStore, placement: Placement): Promise<Fleet> {
  const script = new URL(import.meta.url);
  const hub = placement === 'apart' ? await stageInWorker(script, factory, DEVICES, DEVICES) : await stageHere(factory, DEVICES, DEVICES);
  const { inspectors } = hub;
  const mine = inspectors.map((d) => {
    const c = hub.cases.find((k) => k.inspectors.includes(d.certNo!));
    if (!c) throw new Error(`no case for ${d.certNo}`);
    return c.id;
  });
  const groups: LaptopGroup[] = [];
  const messages: string[] = [];
  try {
    if (placement === 'apart') {
      const per = Math.ceil(DEVICES / LAPTOP_THREADS);
      for (let i = 0; i < DEVICES; i += per) groups.push(await startLaptops(script, hub.base, inspectors.slice(i, i + per), mine.slice(i, i + per)));
    } else {
      groups.push(await laptopsHere(hub.base, inspectors, mine));
    }
    const latencies: number[] = [];
    const all = async (): Promise<{ ms: number; errors: number }> => {
      const t0 = performance.now();
      const rounds = await Promise.all(groups.map((g) => g.sync()));
      const ms = performance.now() - t0;
      for (const r of rounds) {
        latencies.push(...r.latencies);
        messages.push(...r.errors);
      }
      return { ms, errors: rounds.reduce((n, r) => n + r.errors.length, 0) };
    };
    const first = await all();
    await hub.takePushTimes();
    const rounds: number[] = [];
    let errors = 0;
    for (let r = 0; r < ROUNDS; r++) {
      await Promise.all(groups.map((g) => g.write(r, PER_DEVICE)));
      const round = await all();
      rounds.push(round.ms);
      errors += round.errors;
    }
    const outbox = (await Promise.all(groups.map((g) => g.outboxCounts()))).flat();
    for (const [i, n] of outbox.entries()) {
      if (n !== 0) {
        errors++;
        messages.push(`device ${i}: outbox not empty`);
      }
    }
    const hubTimes = await hub.takePushTimes();
    const held = await hub.records();
    if (held !== DEVICES * PER_DEVICE * ROUNDS) {
      errors++;
      messages.push(`the hub holds ${held} records, not ${DEVICES * PER_DEVICE * ROUNDS}`);
    }
    return { first: first.ms, firstErrors: first.errors, rounds, latencies, hubTimes, errors, messages };
  } finally {
    await Promise.all(groups.map((g) => g.close()));
    await hub.close();
  }
}

const rate = (count: number, t: Timing) => count / (t.median / 1000);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

export default async function (): Promise<string> {
  const rows: string[] = [];
  const goals: string[] = [];
  const fleetRows: string[] = [];
  for (const factory of BENCH_STORES) {
    const runs: TenK[] = [];
    for (let r = 0; r < RUNS; r++) {
      process.stderr.write(`  sync ${factory.name}: 10,000, run ${r + 1}/${RUNS}…\n`);
      const run = await tenK(factory);
      process.stderr.write(`    ${Object.entries(run).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}\n`);
      runs.push(run);
    }
    const pick = (k: keyof TenK) => summary(runs.map((x) => x[k]));
    const [push, whole, pull, raw, local] = [pick('push'), pick('whole'), pick('pull'), pick('raw'), pick('local')];
    const pulled = pick('pulled').median;
    const pushRate = rate(N, push);
    const rawRate = rate(N, raw);
    const ratio = pushRate / rawRate;
    rows.push(
      `| ${factory.name} | baseline: 10,000 raw \`INSERT INTO records\`, one transaction per row | ${fmt(raw)} | ${n(rawRate)} rows/s |`,
      `| ${factory.name} | push 10,000: the push phase of \`syncOnce\` (outbox → hub, acknowledged, outbox emptied) | ${fmt(push)} | ${n(pushRate)} mutations/s (${ratio.toFixed(2)} × raw) |`,
      `| ${factory.name} | the whole \`syncOnce\`: that push, then the pull of its own 10,000 changes and the checksum | ${fmt(whole)} | ${n(rate(N, whole))} mutations/s |`,
      `| ${factory.name} | pull on a fresh device (same user, empty Dexie): ${n(pulled)} changes, applied, checksum | ${fmt(pull)} | ${n(rate(pulled, pull))} changes/s |`,
      `| ${factory.name} | (not timed in the sync) the 10,000 local \`addRecord\`s on fake-indexeddb | ${fmt(local)} | ${n(rate(N, local))} writes/s |`,
    );
    goals.push(
      `- ${factory.name}, "at least 1,000 mutations/s end to end": ${n(pushRate)} mutations/s pushed (${n(rate(N, whole))}/s counting the pull back) — ${pushRate >= 1000 ? 'met' : 'not met'} ${mark(pushRate >= 1000)}.`,
      `- ${factory.name}, "at least half the raw per-row rate": the push is ${ratio.toFixed(2)} × the raw rate (${n(pushRate)} ÷ ${n(rawRate)} per s) — ${ratio >= 0.5 ? 'met' : 'not met'} ${mark(ratio >= 0.5)}.`,
    );

    // The goal is judged with the hub in its own thread, as deployed; the shared thread is shown for comparison.
    for (const place of ['apart', 'one thread'] as const) {
      process.stderr.write(`  sync ${factory.name}: ${DEVICES} devices, ${place}…\n`);
      const fleets: Fleet[] = [];
      for (let k = 0; k < FLEETS; k++) fleets.push(await fleet(factory, place));
      const f: Fleet = {
        first: summary(fleets.map((x) => x.first)).median,
        firstErrors: fleets.reduce((n, x) => n + x.firstErrors, 0),
        rounds: fleets.flatMap((x) => x.rounds),
        latencies: fleets.flatMap((x) => x.latencies),
        hubTimes: fleets.flatMap((x) => x.hubTimes),
        errors: fleets.reduce((n, x) => n + x.errors, 0),
        messages: fleets.flatMap((x) => x.messages),
      };
      const sorted = [...f.latencies].sort((a, b) => a - b);
      const p95 = quantile(sorted, 0.95);
      const atHub = [...f.hubTimes].sort((a, b) => a - b);
      const rounds = summary(f.rounds);
      const errors = f.errors + f.firstErrors;
      fleetRows.push(
        `| ${factory.name} | ${place} | ${f.first.toFixed(0)} ms | ${fmt(rounds)} | ${quantile(sorted, 0.5).toFixed(0)} / ${p95.toFixed(0)} / ${sorted[sorted.length - 1]!.toFixed(0)} ms (n=${sorted.length}) | ${quantile(atHub, 0.5).toFixed(0)} / ${quantile(atHub, 0.95).toFixed(0)} / ${atHub[atHub.length - 1]!.toFixed(0)} ms (n=${atHub.length}) | ${errors} |`,
      );
      if (place !== 'apart') continue;
      const ok = errors === 0 && p95 < 1000;
      goals.push(
        `- ${factory.name}, "${DEVICES} devices with no error and p95 push under 1 s" (hub and laptops in their own threads): ${errors} errors, p95 ${p95.toFixed(0)} ms — ${ok ? 'met' : 'not met'} ${mark(ok)}.` +
          (f.messages.length ? ` Errors: ${[...new Set(f.messages)].slice(0, 3).join('; ')}.` : ''),
      );
    }
  }
  const pgNote = PG_URL
    ? []
    : ['', 'PostgreSQL: not measured in this run (TARIFFCHECK_PG_URL was not set). `bash test/pg.sh npm run bench` runs it against a throwaway PostgreSQL 15 on loopback.'];
  return [
    '## Sync (push and pull, client against hub over HTTP)',
    '',
    'The renderer\'s own sync code (`syncOnce`, `HubClient`, `addRecord`; Dexie on fake-indexeddb) against a hub (`createHub`) listening on 127.0.0.1 in the same process, ' +
      'over a fresh store per run: PGlite in memory, and PostgreSQL (a fresh schema, the hub\'s default pool of 10) when TARIFFCHECK_PG_URL is set. ' +
      'Client, hub and PGlite share one Node thread. One inspector with one case (a draw, ratio 1, teams of 2) writes 10,000 `meterReading` records offline, then syncs: ' +
      `pushes of ${PUSH_MAX} (PUSH_MAX), one transaction each (per mutation: its record row; change-log, device-mutation and audit rows written together at the end of the push). ` +
      'The baseline inserts the same 10,000 rows into `records` of the same store, one transaction per row, after the sync in the same run.',
    ...pgNote,
    '',
    `### 10,000 mutations (n=${RUNS}, each run on a fresh store)`,
    '',
    '| store | step | time | rate (of medians) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `### ${DEVICES} devices at once`,
    '',
    `${FLEETS} fleets per store and placement, each on a fresh hub, their pushes pooled: ${DEVICES} inspectors (${DEVICES} targets drawn, teams of 2), a laptop each. All ${DEVICES} run \`syncOnce\` at once (\`Promise.all\`) for their first pull, ` +
      `then ${ROUNDS} rounds of ${PER_DEVICE} local records each and all ${DEVICES} \`syncOnce\` at once. Push latency: each POST /push from sending to its answer read. ` +
      `The goal is judged on the run "apart": the hub in a worker thread of its own (its own event loop, reached over HTTP only), as it runs on the office machine, ` +
      `and the 50 laptops in ${LAPTOP_THREADS} worker threads of ${DEVICES / LAPTOP_THREADS} (real laptops each have their own CPU; this machine has two cores). ` +
      'Traced per request (undici\'s sendHeaders, Fastify\'s hooks), a laptop writes its request at once and reads the answer at once: the latency is the hub\'s. ' +
      '"At the hub" is from Fastify reading the request to its answer sent (elapsedTime); it is lower only while the hub is too busy to read requests off the network. ' +
      'The run with hub and all 50 laptops in one thread is shown for comparison.',
    '',
    '| store | threads | first sync, all at once (median) | one round, all at once | push latency at the laptop p50 / p95 / max | at the hub p50 / p95 / max | errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...fleetRows,
    '',
    ...goals,
    '',
  ].join('\n');
}
