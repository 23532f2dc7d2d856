// The hub process killed while it applies a push, and started again on the same PGlite folder: the push is
// one transaction, so it is there whole or not at all, and the laptop's resend applies every mutation once.
// The hub runs in a child process (hubKillWorker.ts, bundled with esbuild because the migrations are Vite
// `?raw` imports) so that SIGKILL really ends it, with no chance to close the database.
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type TariffDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { localChecksum, syncOnce } from '../../../src-renderer/sync/engine';
import { HubClient, SyncError } from '../../../src-renderer/sync/hubClient';
import { addRecord } from '../../../src-renderer/sync/mutators';

const ROOT = resolve(__dirname, '../../..');
const BATCH = 200;

/** Vite's `?raw`: the file's text. */
const rawPlugin: Plugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** Bundles the worker next to the bench's bundle (out/ is ignored), where node_modules resolves. */
async function bundleWorker(): Promise<string> {
  const outfile = join(ROOT, 'out', 'hubkill', `worker-${process.pid}.mjs`);
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'hubKillWorker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external',
    outfile, logLevel: 'warning', plugins: [rawPlugin],
  });
  return outfile;
}

interface Line {
  event: string;
  [key: string]: unknown;
}

interface Worker {
  child: ChildProcess;
  /** Changes the worker's hook mode and waits until it has taken it. */
  setMode(mode: string): Promise<void>;
  /** Resolves with the first line (seen so far or to come) of that event that passes `test`. */
  next(event: string, timeoutMs?: number, test?: (line: Line) => boolean): Promise<Line>;
  stderr(): string;
  exited: Promise<number | null>;
}

function startWorker(script: string, data: string, env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, HUBKILL_DATA: data, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const waiters: { event: string; test: (l: Line) => boolean; resolve: (l: Line) => void }[] = [];
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of waiters.filter((x) => x.event === line.event && x.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    async setMode(mode) {
      lines.splice(0, lines.length, ...lines.filter((l) => l.event !== 'mode'));
      child.stdin!.write(JSON.stringify({ mode }) + '\n');
      await this.next('mode');
    },
    stderr: () => err,
    next(event, timeoutMs = 60_000, test = () => true) {
      const seen = lines.find((l) => l.event === event && test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise<Line>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`worker: no '${event}' within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        void exited.then((code) => fail(new Error(`worker exited (${code}) before '${event}'; stderr: ${err}`)));
        waiters.push({ event, test, resolve: (l) => { clearTimeout(timer); ok(l); } });
      });
    },
  };
}

async function kill(worker: Worker): Promise<void> {
  worker.child.kill('SIGKILL');
  await worker.exited;
}

interface Setup {
  officeToken: string;
  inspector: { token: string; deviceId: string; userId: string; username: string; certNo: string };
  caseId: string;
}

async function hubGet<T>(base: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function addBatch(db: TariffDb, caseId: string, from: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    ids.push(await addRecord(db, caseId, 'meterReading', { meterNo: `M-${from + i}`, reading: `${from + i}.5`, note: '' }, randomUUID()));
  }
  return ids;
}

interface AuditEntry {
  action: string;
  actorDevice: string | null;
  after: { mutationId?: number } | null;
}

/** The whole audit log, page by page. */
async function auditAll(base: string, token: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await hubGet<{ entries: AuditEntry[]; next: number | null }>(base, token, `/audit?after=${after}&limit=500`);
    out.push(...page.entries);
    if (page.next === null) return out;
    after = page.next;
  }
}

const lastMutationId = async (base: string, token: string): Promise<number> => (await hubGet<{ device: { lastMutationId: number } }>(base, token, '/me')).device.lastMutationId;

describe('the hub killed in the middle of a push (PGlite folder)', () => {
  let script: string;
  let data: string;
  let worker: Worker;
  let setup: Setup;
  let base: string;
  let db: TariffDb;
  /** The ids of every record the laptop added, in order (mutation i + 1 adds added[i]). */
  const added: string[] = [];
  const client = (): HubClient => new HubClient(base, setup.inspector.token);
  const listening = async (): Promise<void> => {
    base = `http://127.0.0.1:${(await worker.next('listening')).port as number}`;
  };

  /** Exactly `added` at the hub, each applied once in order, the chain intact, the laptop equal by checksum. */
  async function expectExactlyOnce(): Promise<void> {
    expect(await db.outbox.count()).toBe(0);
    expect(await lastMutationId(base, setup.inspector.token)).toBe(added.length);
    const records = (await hubGet<{ changes: { table: string; key: string }[] }>(base, setup.officeToken, '/pull?cursor=0.0&limit=2000')).changes.filter((c) => c.table === 'records');
    expect(records.map((c) => c.key).sort()).toEqual([...added].sort());
    const whole = await hubGet<{ records: { id: string }[] }>(base, setup.inspector.token, `/cases/${setup.caseId}`);
    expect(whole.records.map((r) => r.id).sort()).toEqual([...added].sort());
    const applied = (await auditAll(base, setup.officeToken)).filter((e) => e.action === 'mutation.addRecord' && e.actorDevice === setup.inspector.deviceId);
    expect(applied.map((e) => e.after?.mutationId)).toEqual(added.map((_, i) => i + 1));
    expect(await hubGet(base, setup.officeToken, '/audit/verify')).toMatchObject({ ok: true });
    expect(await localChecksum(db, setup.caseId)).toBe((await client().checksums([setup.caseId]))[setup.caseId]);
    expect(await db.records.count()).toBe(added.length);
  }

  beforeAll(async () => {
    script = await bundleWorker();
    data = await mkdtemp(join(tmpdir(), 'tariffcheck-hubkill-'));
  });
  afterAll(async () => {
    db?.close();
    if (worker && worker.child.exitCode === null) await kill(worker);
    await rm(data, { recursive: true, force: true });
    await rm(script, { force: true });
  });

  it('a push killed before its commit is not there at all; one killed after its commit is there whole; every mutation applies once', async () => {
    // First start: accounts, lists and a draw; the push transaction stalls after half of the batch.
    worker = startWorker(script, data, { HUBKILL_SETUP: '1', HUBKILL_MODE: 'mid', HUBKILL_AT: String(BATCH / 2) });
    setup = (await worker.next('setup')) as unknown as Setup;
    await listening();
    const { inspector } = setup;
    db = openDb(`hubkill-${process.pid}`);
    await saveAccount(db, { hubUrl: base, deviceId: inspector.deviceId, token: inspector.token, user: { id: inspector.userId, username: inspector.username, displayName: inspector.username, role: 'inspector', district: '海淀区', certNo: inspector.certNo } });
    await syncOnce(db, client());
    expect((await db.cases.toArray()).map((c) => c.id)).toEqual([setup.caseId]);

    // 1. Killed mid-transaction: the records of the 200 mutations written, not committed.
    added.push(...(await addBatch(db, setup.caseId, 1)));
    const pushing = syncOnce(db, client()).then(() => null, (e: unknown) => e);
    await worker.next('mid-push');
    await kill(worker);
    const failed = await pushing;
    expect(failed).toBeInstanceOf(SyncError);
    expect((failed as SyncError).kind).toBe('network');
    expect(await db.outbox.count()).toBe(BATCH);

    // Started again on the same folder (the dead process's lock is taken over): none of the push is there.
    worker = startWorker(script, data, { HUBKILL_MODE: 'after-commit' });
    await listening();
    expect(await lastMutationId(base, inspector.token)).toBe(0);
    const before = await hubGet<{ changes: { table: string }[] }>(base, setup.officeToken, '/pull?cursor=0.0&limit=2000');
    expect(before.changes.filter((c) => c.table === 'records')).toHaveLength(0);

    // 2. The resend commits, and the hub dies before its answer leaves: the laptop does not know.
    const resend = syncOnce(db, client()).then(() => null, (e: unknown) => e);
    expect(await worker.next('push-committed')).toMatchObject({ last: BATCH, applied: BATCH });
    await kill(worker);
    expect(await resend).toMatchObject({ kind: 'network' });
    expect(await db.outbox.count()).toBe(BATCH);

    // 3. Started again: the committed push survived the kill; the laptop's resend is acknowledged as duplicates.
    worker = startWorker(script, data);
    await listening();
    expect(await lastMutationId(base, inspector.token)).toBe(BATCH);
    const report = await syncOnce(db, client());
    expect(report).toMatchObject({ pushed: BATCH, rejected: 0, conflicts: 0, mismatched: [] });
    await expectExactlyOnce();
  }, 150_000);

  it('killed at an arbitrary moment of the next push: all of it or none, then every mutation once', async () => {
    expect(added, 'runs after the first test').toHaveLength(BATCH);
    await worker.setMode('trace');
    const batch = await addBatch(db, setup.caseId, BATCH + 1);
    added.push(...batch);
    // Kill when the hub reports some point of the push; the kill lands a little later, maybe even after the commit.
    const at = 25 * (1 + Math.floor(Math.random() * 7));
    const pushing = syncOnce(db, client()).then(() => null, (e: unknown) => e);
    await worker.next('push-progress', 60_000, (l) => Number(l.applied) >= at);
    await kill(worker);
    const failed = await pushing;
    worker = startWorker(script, data);
    await listening();
    const last = await lastMutationId(base, setup.inspector.token);
    const records = (await hubGet<{ records: unknown[] }>(base, setup.inspector.token, `/cases/${setup.caseId}`)).records.length;
    if (process.env.TARIFFCHECK_HUBKILL_DEBUG) console.log({ killedAfterProgress: at, failed: failed !== null, last, records });
    // One transaction: the counter and the records move together.
    expect({ at, failed: failed !== null, last, records }).toSatisfy((o: { last: number; records: number }) => (o.last === BATCH && o.records === BATCH) || (o.last === 2 * BATCH && o.records === 2 * BATCH));
    expect(await hubGet(base, setup.officeToken, '/audit/verify')).toMatchObject({ ok: true });
    const report = await syncOnce(db, client());
    expect(report).toMatchObject({ rejected: 0, conflicts: 0, mismatched: [] });
    await expectExactlyOnce();

    // A clean stop closes the database and exits 0.
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 120_000);
});
