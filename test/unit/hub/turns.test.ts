import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createPairingCode } from '../../../src-main/hub/accounts/devices';
import { addUser } from '../../../src-main/hub/accounts/users';
import { createHub } from '../../../src-main/hub/server';
import { openStore } from '../../../src-main/hub/store/open';
import type { Store } from '../../../src-main/hub/store/store';
import { currentUrgency, Turns, withUrgency, WRITES_BEFORE_A_READ, type Urgency } from '../../../src-main/hub/store/turns';
import { bearer, START } from './fixture';
import { finding } from './syncWorld';

/** No case has this id: the push's one mutation is refused (and recorded), which is still a write. */
const NO_CASE = '7d0f3c4e-2b1a-4c5d-9e8f-0a1b2c3d4e5f';

/** A turn that stays open until `release` is called. */
function held(turns: Turns, order: string[], name: string, level: Urgency): { done: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const done = withUrgency(level, () => turns.run(async () => {
    order.push(name);
    await gate;
  }));
  return { done, release };
}

const quick = (turns: Turns, order: string[], name: string, level: Urgency) => withUrgency(level, () => turns.run(async () => void order.push(name)));

describe('Turns: the embedded store connection', () => {
  it('waiting writes go before waiting reads, each kind in arrival order', async () => {
    const turns = new Turns();
    const order: string[] = [];
    const first = held(turns, order, 'first', 'read');
    const waiting = [quick(turns, order, 'r1', 'read'), quick(turns, order, 'w1', 'write'), quick(turns, order, 'r2', 'read'), quick(turns, order, 'w2', 'write')];
    await yieldToLoop();
    expect(turns.waiting()).toEqual({ writes: 2, reads: 2 });
    first.release();
    await Promise.all([first.done, ...waiting]);
    expect(order).toEqual(['first', 'w1', 'w2', 'r1', 'r2']);
  });

  it(`a waiting read gets the connection after ${WRITES_BEFORE_A_READ} writes in a row`, async () => {
    const turns = new Turns();
    const order: string[] = [];
    const first = held(turns, order, 'first', 'write');
    const read = quick(turns, order, 'read', 'read');
    const writes = Array.from({ length: WRITES_BEFORE_A_READ + 2 }, (_, i) => quick(turns, order, `w${i + 1}`, 'write'));
    first.release();
    await Promise.all([first.done, read, ...writes]);
    // 'first' was granted at once, not as a waiting write: eight waiting writes, then the read.
    expect(order).toEqual(['first', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'read', 'w9', 'w10']);
  });

  it('between turns it yields to the event loop: a write that arrives meanwhile goes before an older read', async () => {
    const turns = new Turns();
    const order: string[] = [];
    let late: Promise<void> | undefined;
    const first = withUrgency('read', () => turns.run(async () => {
      order.push('first');
      // A request read from the network while this turn finishes: it queues before the next turn is given.
      setImmediate(() => (late = quick(turns, order, 'late write', 'write')));
    }));
    const older = quick(turns, order, 'older read', 'read');
    await first;
    await older;
    await late;
    expect(order).toEqual(['first', 'late write', 'older read']);
  });

  it('a failed turn passes the connection on, and outside a request the urgency is read', async () => {
    const turns = new Turns();
    expect(currentUrgency()).toBe('read');
    await expect(turns.run(async () => { throw new Error('statement failed'); })).rejects.toThrow('statement failed');
    expect(await turns.run(async () => 42)).toBe(42);
    expect(turns.waiting()).toEqual({ writes: 0, reads: 0 });
  });
});

describe('the hub gives every request its urgency', () => {
  it('a push (its token lookup and its transaction) is a write; a pull and a checksum request are reads', async () => {
    const opened = await openStore({ memory: true });
    const seen: { urgency: Urgency; sql: string }[] = [];
    const store: Store = {
      kind: opened.kind,
      query: (text, params) => (seen.push({ urgency: currentUrgency(), sql: text.trim().split(/\s+/).slice(0, 2).join(' ') }), opened.query(text, params)),
      exec: (text) => opened.exec(text),
      transaction: (work) => (seen.push({ urgency: currentUrgency(), sql: 'transaction' }), opened.transaction(work)),
      close: () => opened.close(),
    };
    const app = await createHub({ store, now: () => START, sessionCacheMs: 0 });
    try {
      const cli = { userId: null, deviceId: null };
      await addUser(store, { username: 'wang', displayName: '王', role: 'inspector', district: '海淀区', password: 'correct horse', certNo: 'HD-001' }, cli, START);
      const { code } = await createPairingCode(store, 'wang', cli, START);
      const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: 'laptop' } });
      const auth = bearer(enrolled.json<{ token: string }>().token);
      const during = async (send: () => Promise<{ statusCode: number; body: string }>) => {
        seen.length = 0;
        const reply = await send();
        expect(reply.statusCode, reply.body).toBe(200);
        return [...new Set(seen.map((s) => s.urgency))];
      };
      expect(await during(() => app.inject({ method: 'POST', url: '/api/v1/push', headers: auth, payload: { clientTime: START.toISOString(), mutations: [{ id: 1, name: 'addRecord', args: finding(NO_CASE), hlc: `${START.toISOString()}~0001` }] } }))).toEqual(['write']);
      expect(seen.map((s) => s.sql)).toContain('transaction');
      expect(await during(() => app.inject({ method: 'GET', url: '/api/v1/pull', headers: auth }))).toEqual(['read']);
      expect(await during(() => app.inject({ method: 'POST', url: '/api/v1/checksums', headers: auth, payload: { caseIds: [NO_CASE] } }))).toEqual(['read']);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
