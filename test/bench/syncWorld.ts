// The stage of the sync benchmark: a hub listening on loopback over a fresh store (PGlite in memory, or a
// fresh schema on PostgreSQL when TARIFFCHECK_PG_URL is set), users with enrolled devices, lists put by the
// office and a draw by a lead, and laptops running the renderer's own sync code on fake-indexeddb.
// Adapted from test/unit/hub/{fixture,stores,syncWorld}.ts, with the real clock and HTTP instead of inject.
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { workerCalls } from './workerCalls';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createPairingCode } from '../../src-main/hub/accounts/devices';
import type { Role } from '../../src-main/hub/accounts/roles';
import { addUser } from '../../src-main/hub/accounts/users';
import { migrate } from '../../src-main/hub/migrations/migrate';
import { createHub } from '../../src-main/hub/server';
import { openPglite } from '../../src-main/hub/store/pglite';
import { openPostgres } from '../../src-main/hub/store/postgres';
import type { Store } from '../../src-main/hub/store/store';
import type { Entity, Inspector } from '../../src-shared/domain';
import type { DrawPlan } from '../../src-shared/draw/plan';
import type { Mutation } from '../../src-shared/sync/mutators';
import { openDb, type TariffDb } from '../../src-renderer/db/db';
import { saveAccount } from '../../src-renderer/sync/account';
import { syntheticUscc } from '../fixtures/synthetic';

export interface BenchStore {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, empty, migrated store and how to drop it. */
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

export const PG_URL = process.env.TARIFFCHECK_PG_URL;

const pglite: BenchStore = {
  name: 'PGlite',
  async open() {
    const store = await openPglite();
    await migrate(store);
    return { store, dispose: () => store.close() };
  },
};

function postgres(url: string): BenchStore {
  return {
    name: 'PostgreSQL',
    async open() {
      const schema = 'bench_' + randomBytes(6).toString('hex');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      // The hub's own pool size (src-main/hub/store/open.ts opens it with the default).
      const store = await openPostgres(url, { schema });
      await migrate(store);
      return {
        store,
        async dispose() {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL when TARIFFCHECK_PG_URL is set. */
export const BENCH_STORES: BenchStore[] = [pglite, ...(PG_URL ? [postgres(PG_URL)] : [])];

export interface Device {
  token: string;
  deviceId: string;
  userId: string;
  username: string;
  role: Role;
  certNo: string | null;
}

export interface BenchHub {
  store: Store;
  app: FastifyInstance;
  /** Milliseconds from each POST /push arriving to its answer sent, as the hub saw them (Fastify's elapsedTime). */
  pushTimes: number[];
  /** http://127.0.0.1:<port> */
  base: string;
  enrolled(role: Role, username: string, certNo?: string): Promise<Device>;
  enrollAgain(device: Device): Promise<Device>;
  close(): Promise<void>;
}

const CLI = { userId: null, deviceId: null };
const DISTRICT = '海淀区';

export async function openBenchHub(factory: BenchStore): Promise<BenchHub> {
  const opened = await factory.open();
  const app = await createHub({ store: opened.store });
  const pushTimes: number[] = [];
  app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/api/v1/push') pushTimes.push(reply.elapsedTime);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const enroll = async (username: string, role: Role, certNo: string | null): Promise<Device> => {
    const { code } = await createPairingCode(opened.store, username, CLI, new Date());
    const reply = await fetch(`${base}/api/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: `${username}-laptop` }) });
    if (reply.status !== 201 && reply.status !== 200) throw new Error(`enroll ${reply.status}: ${await reply.text()}`);
    const body = (await reply.json()) as { token: string; deviceId: string; user: { id: string } };
    return { token: body.token, deviceId: body.deviceId, userId: body.user.id, username, role, certNo };
  };
  return {
    store: opened.store,
    app,
    pushTimes,
    base,
    async enrolled(role, username, certNo) {
      await addUser(opened.store, { username, displayName: username, role, district: DISTRICT, password: 'correct horse', ...(certNo ? { certNo } : {}) }, CLI, new Date());
      return enroll(username, role, certNo ?? null);
    },
    enrollAgain: (device) => enroll(device.username, device.role, device.certNo),
    async close() {
      await app.close();
      await opened.dispose();
    },
  };
}

export function entity(i: number): Entity {
  return {
    uscc: syntheticUscc(1, i), name: `目标${i}`, kind: 'mall', district: DISTRICT, subdistrict: `街道${i}`, address: `地址${i}`, lng: null, lat: null,
    tenantCount: 10, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
  };
}

export function inspector(certNo: string): Inspector {
  return { certNo, name: `检查员${certNo}`, unit: '海淀局', district: DISTRICT, subdistrict: '', phone: '', conflicts: [], active: true };
}

/** The bench's local record i: a meter reading. */
export const reading = (i: number) => ({ meterNo: `M${String(i).padStart(6, '0')}`, reading: `${1000 + i}.5`, note: '' });

/** Every target, teams of two, no recusal: as in test/unit/hub/syncWorld.ts. */
export const ALL_PLAN: DrawPlan = {
  name: '基准抽查', ratio: 1, groupBy: ['district'], riskRatios: {}, teamSize: 2, maxPerInspector: null,
  recusal: { sameSubdistrict: false, lastInspector: false },
};

async function call(base: string, token: string, method: string, path: string, body: unknown): Promise<unknown> {
  const reply = await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!reply.ok) throw new Error(`${method} ${path} ${reply.status}: ${await reply.text()}`);
  return reply.json();
}

export interface Stage {
  hub: BenchHub;
  /** One device per inspector, in certificate order. */
  inspectors: Device[];
  /** The cases of the draw: id and the certificates of its team. */
  cases: { id: string; inspectors: string[] }[];
}

/**
 * An office and a lead, `inspectors` inspector users each with a device, `targets` targets, and a draw
 * of all of them (ratio 1, teams of 2).
 */
export async function stage(factory: BenchStore, inspectors: number, targets: number): Promise<Stage> {
  const hub = await openBenchHub(factory);
  const office = await hub.enrolled('office', 'office');
  const lead = await hub.enrolled('lead', 'lead');
  const certs = Array.from({ length: inspectors }, (_, i) => `HD-${String(i + 1).padStart(3, '0')}`);
  // scrypt runs on libuv's pool: a few users at a time.
  const devices: Device[] = [];
  for (let i = 0; i < certs.length; i += 4) {
    devices.push(...(await Promise.all(certs.slice(i, i + 4).map((c) => hub.enrolled('inspector', `insp-${c}`, c)))));
  }
  const hlc = (n: number) => `${new Date().toISOString()}~${n.toString(16).padStart(4, '0')}`;
  const mutations: Mutation[] = [
    { id: 1, name: 'putInspectors', args: { rows: certs.map(inspector) }, hlc: hlc(1) },
    { id: 2, name: 'putEntities', args: { rows: Array.from({ length: targets }, (_, i) => entity(i + 1)) }, hlc: hlc(2) },
  ];
  await call(hub.base, office.token, 'POST', '/push', { clientTime: new Date().toISOString(), mutations });
  await call(hub.base, lead.token, 'POST', '/draws', { seed: '2026 基准', plan: ALL_PLAN });
  const cases = await hub.store.query<{ id: string; inspectors: string[] }>('SELECT id, inspectors FROM cases ORDER BY id');
  return { hub, inspectors: devices, cases };
}

let serial = 0;

/** A laptop: the renderer's Dexie database (fake-indexeddb), enrolled as `device` on the hub at `hubUrl`. */
export async function laptop(hubUrl: string, device: Device): Promise<TariffDb> {
  const db = openDb(`bench-sync-${++serial}`);
  await saveAccount(db, {
    hubUrl, deviceId: device.deviceId, token: device.token,
    user: { id: device.userId, username: device.username, displayName: device.username, role: device.role, district: DISTRICT, certNo: device.certNo },
  });
  return db;
}

/** Closes and deletes a laptop's database (fake-indexeddb keeps it in memory otherwise). */
export async function discard(db: TariffDb): Promise<void> {
  db.close();
  await db.delete();
}

// ——— The hub in its own thread ————————————————————————————————————————————————————————————————————————

/** A staged hub running in a worker thread: the laptops in this thread reach it over HTTP only. */
export interface RemoteStage {
  base: string;
  inspectors: Device[];
  cases: { id: string; inspectors: string[] }[];
  /** Rows in the hub's `records` table. */
  records(): Promise<number>;
  /** The push times the hub saw so far (BenchHub.pushTimes), and forgets them. */
  takePushTimes(): Promise<number[]>;
  close(): Promise<void>;
}

interface WorkerRequest {
  kind: 'sync-hub';
  store: BenchStore['name'];
  inspectors: number;
  targets: number;
}

type WorkerMessage =
  | { type: 'staged'; base: string; inspectors: Device[]; cases: { id: string; inspectors: string[] }[] }
  | { type: 'records'; n: number }
  | { type: 'pushTimes'; ms: number[] }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

/**
 * Stages a hub as `stage` does, but in a worker thread of this bundle (`script`, normally the running
 * out/bench/run.mjs): the hub gets its own event loop, as it has on the office machine, instead of
 * sharing one with the simulated laptops.
 */
export async function stageInWorker(script: URL, factory: BenchStore, inspectors: number, targets: number): Promise<RemoteStage> {
  const request: WorkerRequest = { kind: 'sync-hub', store: factory.name, inspectors, targets };
  const worker = new Worker(script, { workerData: request });
  const calls = workerCalls<WorkerMessage>(worker, 'bench hub');
  const staged = await calls.next();
  if (staged.type !== 'staged') throw new Error(`bench hub: unexpected ${staged.type}`);
  return {
    base: staged.base,
    inspectors: staged.inspectors,
    cases: staged.cases,
    records: async () => (await calls.ask('records', 'records')).n,
    takePushTimes: async () => (await calls.ask('pushTimes', 'pushTimes')).ms,
    async close() {
      await calls.ask('close', 'closed');
      await worker.terminate();
    },
  };
}

/** True when this thread was started by stageInWorker. */
export function isBenchHubWorker(): boolean {
  return parentPort !== null && (workerData as WorkerRequest | undefined)?.kind === 'sync-hub';
}

/** The worker side of stageInWorker: stage, report, then answer 'records' and 'close'. */
export async function runBenchHubWorker(): Promise<void> {
  const port = parentPort!;
  const request = workerData as WorkerRequest;
  try {
    const factory = BENCH_STORES.find((f) => f.name === request.store);
    if (!factory) throw new Error(`store ${request.store} is not available in this run`);
    const { hub, inspectors, cases } = await stage(factory, request.inspectors, request.targets);
    port.on('message', (m: 'records' | 'pushTimes' | 'close') => {
      void (async () => {
        if (m === 'pushTimes') {
          port.postMessage({ type: 'pushTimes', ms: hub.pushTimes.splice(0) } satisfies WorkerMessage);
        } else if (m === 'records') {
          const [held] = await hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
          port.postMessage({ type: 'records', n: Number(held?.n) } satisfies WorkerMessage);
        } else {
          await hub.close();
          port.postMessage({ type: 'closed' } satisfies WorkerMessage);
        }
      })().catch((e: unknown) => port.postMessage({ type: 'failed', message: String(e) } satisfies WorkerMessage));
    });
    port.postMessage({ type: 'staged', base: hub.base, inspectors, cases: cases.map((c) => ({ id: c.id, inspectors: c.inspectors })) } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerMessage);
  }
}
