// A hub in a child process over a PGlite folder, for hubKill.test.ts: the test SIGKILLs it mid-push and
// starts it again on the same folder. hubKill.test.ts bundles this file with esbuild (the migrations are
// Vite `?raw` imports) and runs it with node. It talks to the test in JSON lines on stdout:
//   {"event":"setup", ...tokens and ids}   first start only (HUBKILL_SETUP=1): users, devices, lists, a draw
//   {"event":"listening","port":N}
//   {"event":"mid-push","applied":N}        HUBKILL_MODE=mid: the push transaction has applied N mutations
//                                           (HUBKILL_AT) and now stalls, uncommitted, until it is killed
//   {"event":"push-committed","last":N}     HUBKILL_MODE=after-commit: a push committed; the answer is held
//                                           back until the process is killed
//   {"event":"push-progress","applied":N}   HUBKILL_MODE=trace: every 25 mutations of a push, no stalling
// A line {"mode":"…"} on stdin changes the mode of a running worker.
// The hooks sit in a wrapper around the store in this file; the hub's code is unchanged.
import { createInterface } from 'node:readline';
import { createPairingCode } from '../../../src-main/hub/accounts/devices';
import { addUser } from '../../../src-main/hub/accounts/users';
import { createHub } from '../../../src-main/hub/server';
import { openStore } from '../../../src-main/hub/store/open';
import type { Sql, Store } from '../../../src-main/hub/store/store';
import { ALL_PLAN, entity, inspector } from './syncWorld';

const CLI = { userId: null, deviceId: null };
const AT = new Date('2026-03-02T01:00:00.000Z');
export const KILL_CERTS = ['HD-001', 'HD-002'];

function emit(event: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(event) + '\n');
}

const forever = (): Promise<never> => new Promise(() => undefined);
let mode = process.env.HUBKILL_MODE ?? '';
const killAt = Number(process.env.HUBKILL_AT ?? 100);

/** Rows a statement inserts into records: its `($n, …)` tuples after `INSERT INTO records`, up to the next write. */
function recordRows(text: string): number {
  const at = text.indexOf('INSERT INTO records');
  if (at < 0) return 0;
  const rest = text.slice(at + 'INSERT INTO records'.length);
  const end = rest.search(/\b(INSERT INTO|UPDATE)\b/);
  return ((end < 0 ? rest : rest.slice(0, end)).match(/\(\$\d+/g) ?? []).length;
}

/** The store with the test's hooks: it watches the push transaction's statements and stalls where told. */
function instrumented(store: Store): Store {
  return {
    kind: store.kind,
    query: (text, params) => store.query(text, params),
    exec: (text) => store.exec(text),
    close: () => store.close(),
    async transaction(work) {
      let isPush = false;
      let applied = 0;
      let last = 0;
      const result = await store.transaction(async (tx) => {
        const watched: Sql = {
          exec: (text) => tx.exec(text),
          async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
            if (text.startsWith('SELECT last_mutation_id FROM devices') && text.endsWith('FOR NO KEY UPDATE')) isPush = true;
            // The device's counter is set in the push's tail statement (store.ts writeTail), maybe a WITH part.
            const counter = /UPDATE devices SET last_mutation_id = \$(\d+)/.exec(text);
            if (counter) last = Number(params?.[Number(counter[1]) - 1]);
            const rows = await tx.query<Row>(text, params);
            // A push inserts its new records in multi-row statements, the last of them in its tail
            // statement with the bookkeeping rows: count the rows, and stall once the count reaches the mark.
            const inserted = recordRows(text);
            if (inserted > 0) {
              const before = applied;
              applied += inserted;
              if (mode === 'trace' && Math.floor(applied / 25) > Math.floor(before / 25)) emit({ event: 'push-progress', applied });
              if (mode === 'mid' && before < killAt && applied >= killAt) {
                emit({ event: 'mid-push', applied });
                await forever();
              }
            }
            return rows;
          },
        };
        return work(watched);
      });
      if (isPush && mode === 'after-commit') {
        emit({ event: 'push-committed', last, applied });
        await forever();
      }
      return result;
    },
  };
}

async function setup(store: Store, app: Awaited<ReturnType<typeof createHub>>): Promise<Record<string, unknown>> {
  const enroll = async (username: string): Promise<{ token: string; deviceId: string; userId: string }> => {
    // The hub runs on real time, so the code is made on it too (it expires in 10 minutes).
    const { code } = await createPairingCode(store, username, CLI, new Date());
    const reply = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: `${username}-laptop` } });
    if (reply.statusCode !== 201) throw new Error(`enroll ${reply.statusCode}: ${reply.body}`);
    const body = reply.json<{ token: string; deviceId: string; user: { id: string } }>();
    return { token: body.token, deviceId: body.deviceId, userId: body.user.id };
  };
  await addUser(store, { username: 'office', displayName: 'office', role: 'office', district: '海淀区', password: 'correct horse' }, CLI, AT);
  await addUser(store, { username: 'inspector', displayName: 'inspector', role: 'inspector', district: '海淀区', password: 'correct horse', certNo: KILL_CERTS[0]! }, CLI, AT);
  const office = await enroll('office');
  const laptop = await enroll('inspector');
  const auth = { authorization: `Bearer ${office.token}` };
  const lists = await app.inject({
    method: 'POST', url: '/api/v1/push', headers: auth,
    payload: {
      clientTime: AT.toISOString(),
      mutations: [
        { id: 1, name: 'putInspectors', args: { rows: KILL_CERTS.map((c) => inspector(c)) }, hlc: '2026-03-02T01:00:00.000Z~0001' },
        { id: 2, name: 'putEntities', args: { rows: [entity(1)] }, hlc: '2026-03-02T01:00:00.000Z~0002' },
      ],
    },
  });
  if (lists.statusCode !== 200) throw new Error(`lists ${lists.statusCode}: ${lists.body}`);
  const draw = await app.inject({ method: 'POST', url: '/api/v1/draws', headers: auth, payload: { seed: 'kill', plan: ALL_PLAN } });
  if (draw.statusCode !== 201) throw new Error(`draw ${draw.statusCode}: ${draw.body}`);
  const [c] = await store.query<{ id: string }>('SELECT id FROM cases');
  return { officeToken: office.token, inspector: { ...laptop, username: 'inspector', certNo: KILL_CERTS[0] }, caseId: c?.id };
}

async function main(): Promise<void> {
  const dir = process.env.HUBKILL_DATA;
  if (!dir) throw new Error('HUBKILL_DATA is not set');
  const store = await openStore({ data: dir });
  const app = await createHub({ store: instrumented(store), rateLimit: 1_000_000 });
  if (process.env.HUBKILL_SETUP === '1') emit({ event: 'setup', ...(await setup(store, app)) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  emit({ event: 'listening', port: typeof address === 'object' && address ? address.port : null });
  const stop = (): void => {
    void app.close().then(() => store.close()).then(() => process.exit(0));
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    mode = (JSON.parse(line) as { mode: string }).mode;
    emit({ event: 'mode', mode });
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`hubKillWorker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
