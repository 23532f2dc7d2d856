// One piece of long work in a Web Worker, as the window sees it: a request, progress as it goes, one
// result or error, and Cancel. Cancel ends the worker (the only way to stop a busy thread); work that stores
// something asks first ('may-store') and is no longer cancellable once told to go on, so a cancel never
// leaves half a write; unless its store is ONE transaction that a cancel rolls back (`rollsBack`): then
// Cancel is sent to it, and the work answers with TaskCancelled (nothing written) or, if the cancel came
// after the last write, with its result. The worker side is serveTask (workers/serve.ts).

/** The part of a Worker this uses; a fake one in tests. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** An error as it crosses threads: its name, message and own fields (code, columns…). */
export interface SentError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** Window → worker. */
export type TaskControl<Req> = { type: 'run'; request: Req } | { type: 'store' } | { type: 'cancel' };

/** Worker → window. */
export type TaskReply<P, R> =
  | { type: 'progress'; progress: P }
  | { type: 'may-store' }
  | { type: 'done'; result: R }
  | { type: 'failed'; error: SentError };

/** The work was cancelled before it stored anything. */
export class TaskCancelled extends Error {
  override readonly name = 'TaskCancelled';
  constructor() {
    super('cancelled');
  }
}

export interface TaskOptions<P> {
  onProgress?: (progress: P) => void;
  /** Called when the worker is told to store: Cancel has no effect from then on. */
  onStoring?: () => void;
  signal?: AbortSignal;
  /**
   * The work stores in one transaction and checks for a cancel between its writes (TaskContext.checkCancel):
   * Cancel while it stores is sent to it rather than ignored.
   */
  rollsBack?: boolean;
  /** Buffers handed to the worker instead of copied. */
  transfer?: Transferable[];
  /** The error class the worker threw, rebuilt here; a plain Error by default. */
  reviveError?: (error: SentError) => Error;
  /**
   * Given the worker when the work succeeded, instead of ending it, for a next request (a worker that holds
   * what it read). A worker that failed or was cancelled is always ended.
   */
  keep?: (worker: WorkerLike) => void;
}

/** An error as the worker sent it, its name kept (a QuotaExceededError is told apart by its name). */
export const plainError = (error: SentError): Error => Object.assign(new Error(error.message), { name: error.name });

/** Runs one request in a new worker; rejects with TaskCancelled when `signal` aborts before storing. */
export function runTask<Req, P, R>(create: () => WorkerLike, request: Req, options: TaskOptions<P> = {}): Promise<R> {
  const { signal, reviveError = plainError } = options;
  if (signal?.aborted) return Promise.reject(new TaskCancelled());
  return new Promise<R>((resolve, reject) => {
    const worker = create();
    let storing = false;
    const finish = (settle: () => void, succeeded = false) => {
      signal?.removeEventListener('abort', cancel);
      worker.onmessage = null;
      worker.onerror = null;
      if (succeeded && options.keep) options.keep(worker);
      else worker.terminate();
      settle();
    };
    function cancel() {
      if (!storing) finish(() => reject(new TaskCancelled()));
      else if (options.rollsBack) worker.postMessage({ type: 'cancel' } satisfies TaskControl<Req>);
    }
    signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<TaskReply<P, R>>) => {
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.progress);
      else if (reply.type === 'may-store') {
        storing = true;
        options.onStoring?.();
        worker.postMessage({ type: 'store' } satisfies TaskControl<Req>);
      } else if (reply.type === 'done') finish(() => resolve(reply.result), true);
      else finish(() => reject(reply.error.name === 'TaskCancelled' ? new TaskCancelled() : reviveError(reply.error)));
    };
    worker.onerror = (event) => finish(() => reject(new Error(event.message)));
    worker.postMessage({ type: 'run', request } satisfies TaskControl<Req>, options.transfer ?? []);
  });
}

/** Whether a task ended by Cancel rather than by an error. */
export function isCancelled(e: unknown): e is TaskCancelled {
  return e instanceof TaskCancelled;
}
