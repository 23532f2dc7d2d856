// The window's side of the credit workers: the evaluation (credit.worker.ts) and the apply of its changes
// (grades.worker.ts).
import type { CreditGradeChange } from '../../src-shared/credit/change';
import type { CreditRule } from '../../src-shared/credit/rule';
import type { CreditEvaluation, CreditStage } from '../db/creditWorld';
import type { GradeProgress } from '../sync/creditMutators';
import type { CreditRequest } from './credit.worker';
import type { GradesRequest } from './grades.worker';
import { reviveRefusal } from './revive';
import { runTask, type TaskOptions, type WorkerLike } from './task';

export type { CreditEvaluation, CreditStage, GradeProgress };

/** Every target graded by `rule` in a worker; TaskCancelled when `signal` aborts (nothing is stored by it). */
export function evaluateInWorker(rule: CreditRule, today: string, options: Pick<TaskOptions<CreditStage>, 'onProgress' | 'signal'> = {}): Promise<CreditEvaluation> {
  return runTask<CreditRequest, CreditStage, CreditEvaluation>(() => new Worker(new URL('./credit.worker.ts', import.meta.url), { type: 'module' }), { rule, today }, options);
}

/**
 * Grade changes applied in a worker: how many changed. TaskCancelled when `signal` aborts before the last
 * slice is written, and then nothing changed.
 */
export function applyInWorker(
  changes: CreditGradeChange[],
  options: Pick<TaskOptions<GradeProgress>, 'onProgress' | 'signal'> = {},
  create: () => WorkerLike = () => new Worker(new URL('./grades.worker.ts', import.meta.url), { type: 'module' }),
): Promise<number> {
  return runTask<GradesRequest, GradeProgress, number>(create, { changes }, { ...options, rollsBack: true, reviveError: reviveRefusal });
}
