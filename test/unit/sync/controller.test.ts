// The sync controller's rounds: a round asked for while one runs is not lost in it (a hub draw's cases
// came a minute late when the lead's "sync now" joined a round that had already pulled).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src-renderer/db/db';
import { SyncController } from '../../../src-renderer/sync/controller';

/** A controller whose rounds are held until the test lets each one end; it logs when each starts and ends. */
function heldRounds() {
  const controller = new SyncController(openDb(`controller-${Math.random()}`));
  const log: string[] = [];
  const ends: (() => void)[] = [];
  (controller as unknown as { round: () => Promise<void> }).round = () => {
    const n = log.filter((l) => l.startsWith('start')).length + 1;
    log.push(`start ${n}`);
    return new Promise<void>((resolve) => ends.push(() => {
      log.push(`end ${n}`);
      resolve();
    }));
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { controller, log, endRound: async (i: number) => { ends[i]!(); await settle(); } };
}

describe('SyncController.syncNow', () => {
  it('asked while a round runs, runs one more round after it and resolves when that one ends', async () => {
    const { controller, log, endRound } = heldRounds();
    const first = controller.syncNow();
    const asked = controller.syncNow();
    let answered = false;
    void asked.then(() => { answered = true; });
    expect(log).toEqual(['start 1']);
    await endRound(0);
    await first;
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    expect(answered).toBe(false);
    await endRound(1);
    await asked;
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('many asks during one round make one more round, not one each', async () => {
    const { controller, log, endRound } = heldRounds();
    void controller.syncNow();
    const asks = [controller.syncNow(), controller.syncNow(), controller.syncNow()];
    await endRound(0);
    await endRound(1);
    await Promise.all(asks);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('asked when idle, runs one round and nothing after it', async () => {
    const { controller, log, endRound } = heldRounds();
    const only = controller.syncNow();
    await endRound(0);
    await only;
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['start 1', 'end 1']);
  });
});

describe('SyncController rounds that fail outright', () => {
  it('a round rejecting does not leave later asks waiting on it', async () => {
    const controller = new SyncController(openDb(`controller-${Math.random()}`));
    const started: number[] = [];
    let fail: (() => void) | null = null;
    (controller as unknown as { round: () => Promise<void> }).round = () => {
      started.push(started.length + 1);
      return started.length === 1 ? new Promise<void>((_, reject) => (fail = () => reject(new Error('disk')))) : Promise.resolve();
    };
    const first = controller.syncNow();
    const asked = controller.syncNow();
    fail!();
    await expect(first).rejects.toThrow('disk');
    await asked;
    expect(started).toEqual([1, 2]);
    await controller.syncNow();
    expect(started).toEqual([1, 2, 3]);
  });

  it('a database that cannot be read fails the round in the status, not by rejecting, and the round is tried again', async () => {
    const database = openDb(`controller-${Math.random()}`);
    const controller = new SyncController(database);
    database.close();
    await controller.syncNow();
    const { lastError, retryAt, running } = controller.snapshot();
    expect(lastError?.cause).toBe('storage');
    expect(lastError?.message).toMatch(/closed/i);
    expect(running).toBe(false);
    // The first backoff step, as a hub failure gets.
    expect(Date.parse(retryAt!) - Date.parse(lastError!.at)).toBeGreaterThanOrEqual(2_000);
    expect(Date.parse(retryAt!) - Date.parse(lastError!.at)).toBeLessThan(2_100);
    const timer = (controller as unknown as { timer: ReturnType<typeof setTimeout> | null }).timer;
    expect(timer).not.toBeNull();
    clearTimeout(timer!);
  });
});
