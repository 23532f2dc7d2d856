// The window's side of the screening worker (screening.worker.ts): started as 申报筛查 opens and kept while it
// is open, with the months it read, for the next limits.
import type { FlagLimits } from '../../src-shared/filings/indicators';
import type { FilingsScreen } from '../db/filingsScreen';
import type { ScreeningReply, ScreeningRequest } from './screening.worker';
import { standbyWorker } from './standby';
import { runTask } from './task';

export const screeningWorker = standbyWorker(() => new Worker(new URL('./screening.worker.ts', import.meta.url), { type: 'module' }));

function ask(request: ScreeningRequest, signal?: AbortSignal): Promise<ScreeningReply> {
  return runTask<ScreeningRequest, never, ScreeningReply>(screeningWorker.take, request, { signal, keep: screeningWorker.keep });
}

/** The landlords ranked under `limits`; TaskCancelled when `signal` aborts (newer limits, the page left). */
export async function screenInWorker(limits: FlagLimits, version: number, signal?: AbortSignal): Promise<FilingsScreen> {
  const reply = await ask({ type: 'screen', limits, version }, signal);
  if (reply.type !== 'screened') throw new Error(`screening worker answered ${reply.type}`);
  return reply.screen;
}

/** The flags `limits` give, saved; how many months changed. */
export async function saveFlagsInWorker(limits: FlagLimits, origin: { importedAt: string; source: string }): Promise<number> {
  const reply = await ask({ type: 'save', limits, ...origin });
  if (reply.type !== 'saved') throw new Error(`screening worker answered ${reply.type}`);
  return reply.count;
}
