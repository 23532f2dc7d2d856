// 评定 off the window's thread: at 100,000 targets reading every target, case, finding, refund and filing and
// grading them took 2.4–3.3 s with tasks of up to half a second on the window. The worker reads this device's
// database itself and answers with the proposals only.
import type { CreditRule } from '../../src-shared/credit/rule';
import { evaluateCreditWorld, type CreditEvaluation, type CreditStage } from '../db/creditWorld';
import { db } from '../db/db';
import { serveTask } from './serve';

export interface CreditRequest {
  rule: CreditRule;
  /** The China date the facts are taken on. */
  today: string;
}

serveTask<CreditRequest, CreditStage, CreditEvaluation>(({ rule, today }, { progress }) => evaluateCreditWorld(db, rule, today, progress));
