// The laptop's side of the credit mutators: the office's rule and the grade changes it applies, each kept
// here and queued in ONE transaction. A senseless rule is refused here first with the same reasons the
// hub gives; a grade change rewrites the list row's credit (with its list history) and adds to the
// target's grade history, which the hub's copy replaces when it comes back by pull.
import { v7 as uuidv7 } from 'uuid';
import type { CreditGradeChange, StoredCreditChange } from '../../src-shared/credit/change';
import { CREDIT_CHANGES_MAX } from '../../src-shared/credit/change';
import { CURRENT_CREDIT_RULE } from '../../src-shared/credit/pulled';
import { checkCreditRule, type CreditRule, type CreditRuleProblem } from '../../src-shared/credit/rule';
import type { Entity } from '../../src-shared/domain';
import type { TariffDb } from '../db/db';
import { historyEntries } from '../db/listHistory';
import { readIdentity } from '../db/identity';
import { columnOf, putColumnRows } from '../db/listColumn';
import { LocalRefusal } from './mutators';
import { storedRows } from './referenceMutators';
import { appendMutation, nextHlc } from './outbox';

/** A rule refused with every reason (src-shared/credit/rule.ts). */
export class CreditRuleRefusal extends Error {
  constructor(readonly problems: readonly CreditRuleProblem[]) {
    super(problems.map((p) => p.message).join('；'));
  }
}

/** Makes `rule` the credit rule in force here and, through the hub, on every office device. */
export async function putCreditRule(db: TariffDb, rule: CreditRule): Promise<void> {
  const checked = checkCreditRule(rule);
  if (!checked.ok) throw new CreditRuleRefusal(checked.problems);
  const by = (await readIdentity(db))?.name ?? '';
  await db.transaction('rw', [db.creditRules, db.outbox, db.settings], async () => {
    await appendMutation(db, 'putCreditRule', { rule: checked.rule }, await nextHlc(db));
    await db.creditRules.put({ id: CURRENT_CREDIT_RULE, rule: checked.rule, by, savedAt: new Date().toISOString(), version: 0 });
  });
}

/** How far an apply has come: grade changes written, of those it writes. */
export interface GradeProgress {
  done: number;
  total: number;
}

/** Targets written per step of a big apply: each step reports progress (and may cancel, by throwing). */
const GRADE_SLICE = 10_000;

/**
 * Applies grade changes (from a rule's proposals or by hand, each with its reason). Targets not on the
 * list are refused; a change to the grade a target has already is left out. Returns how many changed.
 * `onProgress` is told before the first write and after each slice; a throw from it undoes them all.
 */
export async function setCreditGrades(db: TariffDb, changes: readonly CreditGradeChange[], onProgress: (p: GradeProgress) => void = () => undefined): Promise<number> {
  const identity = await readIdentity(db);
  const by = identity?.name ?? '';
  return db.transaction('rw', [db.entities, db.listChunks, db.listTotals, db.listHistory, db.creditChanges, db.outbox, db.settings], async () => {
    const stored = (await storedRows(db, 'entities', changes.map((c) => c.uscc))) as (Entity | undefined)[];
    const missing = changes.findIndex((_, i) => !stored[i]);
    if (missing >= 0) throw new LocalRefusal('not-found', `no target ${changes[missing]!.uscc} on the list`);
    const real = changes.flatMap((c, i) => (stored[i]!.credit === c.grade ? [] : [{ change: c, before: stored[i]! }]));
    if (real.length === 0) return 0;
    const total = real.length;
    onProgress({ done: 0, total });
    for (let i = 0; i < total; i += CREDIT_CHANGES_MAX) {
      await appendMutation(db, 'setCreditGrades', { changes: real.slice(i, i + CREDIT_CHANGES_MAX).map((r) => r.change) }, await nextHlc(db));
    }
    const at = new Date().toISOString();
    const after: Entity[] = real.map((r) => ({ ...r.before, credit: r.change.grade }));
    await putColumnRows(columnOf(db), 'entities', after);
    for (let i = 0; i < total; i += GRADE_SLICE) {
      const slice = real.slice(i, i + GRADE_SLICE);
      const sliceAfter = after.slice(i, i + GRADE_SLICE);
      const history = historyEntries({ kind: 'entities', at, by, action: 'edit' }, slice.map((r, j) => ({ key: r.before.uscc, before: r.before, after: sliceAfter[j]! })));
      const mine: StoredCreditChange[] = slice.map((r) => ({
        id: uuidv7(), uscc: r.before.uscc, from: r.before.credit, to: r.change.grade, reason: r.change.reason.trim(), ruleId: r.change.ruleId ?? null,
        by, user: identity?.username ?? '', at, version: 0,
      }));
      await db.entities.bulkPut(sliceAfter);
      await db.listHistory.bulkAdd(history);
      await db.creditChanges.bulkAdd(mine);
      onProgress({ done: i + slice.length, total });
    }
    return total;
  });
}

/**
 * A grade change pulled from the hub: it takes the place of the copy this device kept while it was
 * unpushed (same target, grade and reason, version 0). Call inside the pull's transaction.
 */
export async function putPulledCreditChange(db: TariffDb, change: StoredCreditChange): Promise<void> {
  await db.creditChanges.where('uscc').equals(change.uscc).filter((c) => c.version === 0 && c.to === change.to && c.reason === change.reason).delete();
  await db.creditChanges.put(change);
}
