// The window's side of the evaluation worker (credit.worker.ts).
import type { CreditRule } from '../../src-shared/credit/rule';
import type { CreditEvaluation, CreditStage } from '../db/creditWorld';
import type { CreditRequest } from './credit.worker';
import { runTask, type TaskOptions } from './task';

export type { CreditEvaluation, CreditStage };

/** Every target graded by `rule` in a worker; TaskCancelled when `signal` aborts (nothing is stored by it). */
export function evaluateInWorker(rule: CreditRule, today: string, options: Pick<TaskOptions<CreditStage>, 'onProgress' | 'signal'> = {}): Promise<CreditEvaluation> {
  return runTask<CreditRequest, CreditStage, CreditEvaluation>(() => new Worker(new URL('./credit.worker.ts', import.meta.url), { type: 'module' }), { rule, today }, options);
}
