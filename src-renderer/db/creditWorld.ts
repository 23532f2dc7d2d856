// What a credit evaluation reads and proposes (every target with its facts on a day, graded by the rule in
// force), and the office applying what it proposes. No hooks here: the credit workers
// (workers/credit.worker.ts, workers/grades.worker.ts) run these on their own connection.
import { proposeGrades, type CreditProposal } from '../../src-shared/credit/evaluate';
import { creditFactsOf, type CreditFacts } from '../../src-shared/credit/facts';
import type { CreditRule } from '../../src-shared/credit/rule';
import type { CreditGradeChange } from '../../src-shared/credit/change';
import type { Entity } from '../../src-shared/domain';
import { setCreditGrades, type GradeProgress } from '../sync/creditMutators';
import type { TaskContext } from '../workers/serve';
import type { TariffDb } from './db';

/** Every target with its facts on `today` (a China date): what an evaluation reads, in one pass. */
export async function readCreditWorld(database: TariffDb, today: string): Promise<{ entities: Entity[]; facts: Map<string, CreditFacts> }> {
  const { entities: e, cases, records, refundOrders, refundEvents, filings } = database;
  return database.transaction('r', [e, cases, records, refundOrders, refundEvents, filings], async () => {
    const [entities, allCases, findings, orders, events, allFilings] = await Promise.all([
      e.toArray(), cases.toArray(), records.where('kind').equals('finding').toArray(),
      refundOrders.toArray(), refundEvents.toArray(), filings.toArray(),
    ]);
    const world = { cases: allCases, records: findings, orders: orders.map((o) => o.order), events: events.map((x) => x.event), filings: allFilings };
    return { entities, facts: creditFactsOf(entities.map((x) => x.uscc), world, today) };
  });
}

/** An evaluation's outcome: how many targets were graded, and those whose grade would change. */
export interface CreditEvaluation {
  targets: number;
  proposals: CreditProposal[];
}

/** The stage an evaluation has reached, in order. */
export type CreditStage = 'read' | 'grade';

/** Every target graded by `rule` on `today`; `stage` told as the work goes. */
export async function evaluateCreditWorld(database: TariffDb, rule: CreditRule, today: string, stage: (s: CreditStage) => void = () => undefined): Promise<CreditEvaluation> {
  stage('read');
  const { entities, facts } = await readCreditWorld(database, today);
  stage('grade');
  return { targets: entities.length, proposals: proposeGrades(entities, facts, rule) };
}

/**
 * Grade changes applied through the setCreditGrades mutator, as the window would, reporting each slice
 * written. Its one transaction is undone by a cancel that comes before the last slice is written.
 */
export async function applyCreditGrades(database: TariffDb, changes: readonly CreditGradeChange[], { progress, mayStore, checkCancel }: TaskContext<GradeProgress>): Promise<number> {
  await mayStore();
  return setCreditGrades(database, changes, (p) => {
    checkCancel();
    progress(p);
  });
}
