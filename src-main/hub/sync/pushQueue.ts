// Group commit for pushes on the embedded store (decisions.md "Pushes that wait are applied together").
// PGlite has one connection: pushes that arrive while a write runs would each wait for it and then pay
// a transaction of their own (counter, tail statement, commit). Instead they wait here and go in
// together, one transaction for all of them, each still answered with exactly its own outcome.
import { HubError } from '../errors';
import type { Store } from '../store/store';
import { lockFirstThenWriteMany, writeUnit } from '../store/writeTransaction';
import { firstOfPushes, type PushOutcome, type PushUnit } from './push';

/** A push to apply. */
export type QueuedUnit = PushUnit;

interface Waiting {
  unit: QueuedUnit;
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
}

/** Most pushes in one transaction: bounded so one transaction stays short (and PostgreSQL's lock lists small). */
export const MAX_GROUP = 32;

export class PushQueue {
  readonly #waiting: Waiting[] = [];
  #running = false;
  /** Transactions run and units they held (for tests and diagnostics). */
  readonly stats = { transactions: 0, units: 0 };

  constructor(private readonly store: Store) {}

  /** Applies `unit` with whatever other pushes are waiting; resolves with its own outcome. */
  apply(unit: QueuedUnit): Promise<PushOutcome> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ unit, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#waiting.length > 0) await this.#run(this.#nextGroup());
    } finally {
      this.#running = false;
    }
  }

  /**
   * The oldest waiting pushes, one per device: a device's second push reads what its first wrote at
   * the end of the transaction (its counter, its mutations), so it waits for the next group. Sorted by
   * device id, the order every group locks device rows in, so two hubs on one database cannot deadlock.
   */
  #nextGroup(): Waiting[] {
    const group: Waiting[] = [];
    const devices = new Set<string>();
    for (let i = 0; i < this.#waiting.length && group.length < MAX_GROUP; ) {
      const w = this.#waiting[i]!;
      if (devices.has(w.unit.deviceId)) {
        i++;
        continue;
      }
      devices.add(w.unit.deviceId);
      group.push(w);
      this.#waiting.splice(i, 1);
    }
    return group.sort((a, b) => (a.unit.deviceId < b.unit.deviceId ? -1 : a.unit.deviceId > b.unit.deviceId ? 1 : 0));
  }

  async #run(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.#alone(group[0]!);
    this.stats.transactions++;
    this.stats.units += group.length;
    let outcomes;
    try {
      // A gap refuses that push only; anything else (a failed statement, a bug) fails the transaction.
      const units = group.map((w) => w.unit);
      outcomes = await lockFirstThenWriteMany(this.store, units, (e) => e instanceof HubError, (tx) => firstOfPushes(tx, units));
    } catch {
      // Nothing of the group was committed: each push again on its own, so one bad push fails alone.
      for (const w of group) await this.#alone(w);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? group[i]!.resolve(o.value) : group[i]!.reject(o.error)));
  }

  async #alone(w: Waiting): Promise<void> {
    this.stats.transactions++;
    this.stats.units++;
    try {
      w.resolve(await writeUnit(this.store, w.unit));
    } catch (e) {
      w.reject(e);
    }
  }
}
