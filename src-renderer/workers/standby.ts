// A worker started before its first request, so a request does not wait for the worker's code to load (the
// Excel reader is a megabyte) or for what it reads as it starts (the draw worker reads both lists). A page
// prepares it as it opens and ends it as it closes; a request takes it, and one that succeeds gives it back
// for the next (runTask's keep). Kept only while the page is open.
import type { WorkerLike } from './task';

export interface Standby {
  /** Starts the worker if none waits (the page opened). */
  prepare(): void;
  /** Ends the waiting worker; one still working is ended when it finishes (the page closed). */
  end(): void;
  /** The waiting worker, or a new one. */
  take(): WorkerLike;
  /** Gives back a worker that succeeded: it waits for the next request while the page is open. */
  keep(worker: WorkerLike): void;
}

export function standbyWorker(create: () => WorkerLike): Standby {
  let waiting: WorkerLike | null = null;
  let open = false;
  return {
    prepare() {
      open = true;
      waiting ??= create();
    },
    end() {
      open = false;
      waiting?.terminate();
      waiting = null;
    },
    take() {
      const worker = waiting ?? create();
      waiting = null;
      return worker;
    },
    keep(worker) {
      if (open && waiting === null) waiting = worker;
      else worker.terminate();
    },
  };
}
