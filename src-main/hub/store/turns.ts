// Who gets the embedded store's one connection next. PGlite runs each statement synchronously in the
// hub's thread, one at a time; under load, requests queue for it. Two rules keep that queue fair to
// the work that matters (decisions.md "The embedded store serves writes first"):
// - a request that stores work (a push, a blob, a case file) goes before reads (pulls, checksums),
//   which can wait a few milliseconds; a read still gets a turn after every few writes in a row;
// - between turns the hub yields to the event loop, so that requests waiting on the network are read
//   and ranked instead of waiting behind a backlog that runs in one stretch of promise callbacks.
import { AsyncLocalStorage } from 'node:async_hooks';

export type Urgency = 'write' | 'read';

const urgency = new AsyncLocalStorage<Urgency>();

/** Runs `work` (a request's handling) with the given urgency for every store call it makes. */
export function withUrgency<T>(level: Urgency, work: () => T): T {
  return urgency.run(level, work);
}

/** The urgency of the request this code runs for; 'read' outside any request (the CLI, migrations). */
export function currentUrgency(): Urgency {
  return urgency.getStore() ?? 'read';
}

/** Writes in a row a waiting read lets pass before it gets the connection. */
export const WRITES_BEFORE_A_READ = 8;

export class Turns {
  #busy = false;
  readonly #writes: (() => void)[] = [];
  readonly #reads: (() => void)[] = [];
  #writesInARow = 0;

  /** Runs `work` when it is this caller's turn; the next turn starts after it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#take(currentUrgency());
    try {
      return await work();
    } finally {
      setImmediate(() => this.#next());
    }
  }

  /** Callers waiting, by urgency (for tests and diagnostics). */
  waiting(): { writes: number; reads: number } {
    return { writes: this.#writes.length, reads: this.#reads.length };
  }

  #take(level: Urgency): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => (level === 'write' ? this.#writes : this.#reads).push(resolve));
  }

  #next(): void {
    const writeFirst = this.#writes.length > 0 && (this.#writesInARow < WRITES_BEFORE_A_READ || this.#reads.length === 0);
    const turn = writeFirst ? this.#writes.shift() : this.#reads.shift();
    if (!turn) {
      this.#busy = false;
      this.#writesInARow = 0;
      return;
    }
    this.#writesInARow = writeFirst ? this.#writesInARow + 1 : 0;
    turn();
  }
}
