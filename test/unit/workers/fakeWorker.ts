// A worker in this thread, for the tests of work meant for Web Workers (workers/task.ts, workers/serve.ts).
import type { WorkerLike } from '../../../src-renderer/workers/task';
import { serveTask, type TaskContext, type TaskScope } from '../../../src-renderer/workers/serve';

/** A worker in this thread: serveTask on a fake scope, messages cloned and delivered on later turns, dropped once terminated. */
export class FakeWorker<Req = number, P = string, R = string> implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly sent: unknown[] = [];
  private readonly scope: TaskScope;

  constructor(work: (request: Req, context: TaskContext<P>) => Promise<R>) {
    this.scope = {
      onmessage: null,
      postMessage: (message) => this.later(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
    };
    serveTask(work, this.scope);
  }

  postMessage(message: unknown): void {
    this.sent.push(message);
    this.later(() => this.scope.onmessage?.({ data: structuredClone(message) } as MessageEvent));
  }

  terminate(): void {
    this.terminated = true;
  }

  private later(deliver: () => void): void {
    setTimeout(() => {
      if (!this.terminated) deliver();
    }, 0);
  }
}
