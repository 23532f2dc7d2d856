// The window's side of the refunds worker (refunds.worker.ts).
import type { RefundStanding } from '../db/refundStandings';
import { runTask } from './task';

/** Every order's standing on `today`, made in a worker. */
export function standingsInWorker(today: string): Promise<RefundStanding[]> {
  return runTask<{ today: string }, never, RefundStanding[]>(() => new Worker(new URL('./refunds.worker.ts', import.meta.url), { type: 'module' }), { today });
}
