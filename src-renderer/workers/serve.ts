// The worker side of runTask (workers/task.ts): takes one request, reports progress, asks before storing,
// and answers with the result or the error (its class name and fields, for the window to rebuild).
import { TaskCancelled, type SentError, type TaskControl, type TaskReply } from './task';

/** The part of a worker's global scope this uses; a fake one in tests. */
export interface TaskScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface TaskContext<P> {
  progress(progress: P): void;
  /** Resolves when the window lets the work store; until then Cancel ends the worker with nothing stored. */
  mayStore(): Promise<void>;
  /**
   * Throws TaskCancelled if the window has cancelled a work that rolls back (TaskOptions.rollsBack): called
   * between the writes of one transaction, the throw undoes them all.
   */
  checkCancel(): void;
}

/** An error as a plain object (structured clone keeps no class). */
export function sendError(e: unknown): SentError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  return { name: e.name, message: e.message, fields: JSON.parse(JSON.stringify({ ...e })) as Record<string, unknown> };
}

/** Answers each request with `work`, on this worker's scope (or a fake one). */
export function serveTask<Req, P, R>(work: (request: Req, context: TaskContext<P>) => Promise<R>, scope: TaskScope = self as unknown as TaskScope): void {
  const post = (reply: TaskReply<P, R>) => scope.postMessage(reply);
  let letStore: (() => void) | null = null;
  let cancelled = false;
  const context: TaskContext<P> = {
    progress: (progress) => post({ type: 'progress', progress }),
    mayStore: () =>
      new Promise<void>((resolve) => {
        letStore = resolve;
        post({ type: 'may-store' });
      }),
    checkCancel() {
      if (cancelled) throw new TaskCancelled();
    },
  };
  scope.onmessage = (event: MessageEvent<TaskControl<Req>>) => {
    const control = event.data;
    if (control.type === 'store') {
      letStore?.();
      letStore = null;
      return;
    }
    if (control.type === 'cancel') {
      cancelled = true;
      return;
    }
    cancelled = false;
    work(control.request, context).then(
      (result) => post({ type: 'done', result }),
      (e: unknown) => post({ type: 'failed', error: sendError(e) }),
    );
  };
}
