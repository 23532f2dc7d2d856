// Request and answer with a bench worker thread (the hub of syncWorld.ts, the laptops of laptopWorker.ts):
// one message out, the next message back, a `failed` answer or a thread error as a rejection.
import type { Worker } from 'node:worker_threads';

type Answer = { type: string };

export interface WorkerCalls<A extends Answer> {
  /** The worker's next message. */
  next(): Promise<A>;
  /** Sends `command` and resolves with the answer, which must be of type `expect`. */
  ask<T extends A['type']>(command: unknown, expect: T): Promise<Extract<A, { type: T }>>;
}

export function workerCalls<A extends Answer>(worker: Worker, label: string): WorkerCalls<A> {
  const next = () =>
    new Promise<A>((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      worker.once('error', fail);
      worker.once('message', (m: A & { message?: string }) => {
        worker.off('error', fail);
        if (m.type === 'failed') reject(new Error(`${label}: ${m.message ?? 'failed'}`));
        else resolve(m);
      });
    });
  return {
    next,
    async ask(command, expect) {
      const reply = next();
      worker.postMessage(command);
      const m = await reply;
      if (m.type !== expect) throw new Error(`${label}: expected ${expect}, got ${m.type}`);
      return m as Extract<A, { type: typeof expect }>;
    },
  };
}
