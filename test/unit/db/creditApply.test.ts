// 评定's changes applied in a worker (db/creditWorld.ts applyCreditGrades, workers/creditClient.ts): written in
// slices with progress, through the setCreditGrades mutator (list row, history, grade change, outbox); a
// cancel during the writing undoes the whole apply; a target not on the list refuses it whole.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreditGradeChange } from '../../../src-shared/credit/change';
import { defaultCreditRule } from '../../../src-shared/credit/rule';
import type { Entity } from '../../../src-shared/domain';
import { applyCreditGrades } from '../../../src-renderer/db/creditWorld';
import { db } from '../../../src-renderer/db/db';
import { saveProfile } from '../../../src-renderer/state/profile';
import type { GradeProgress } from '../../../src-renderer/sync/creditMutators';
import { LocalRefusal } from '../../../src-renderer/sync/mutators';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { applyInWorker } from '../../../src-renderer/workers/creditClient';
import { TaskCancelled } from '../../../src-renderer/workers/task';
import { syntheticUscc } from '../../fixtures/synthetic';
import { FakeWorker } from '../workers/fakeWorker';

const N = 10_200;
const targets: Entity[] = Array.from({ length: N }, (_, i) => ({
  uscc: syntheticUscc(7, i + 1), name: `目标${i + 1}`, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: i === 0 ? 'red' : null, lastInspectors: [], active: true,
}));
const toRed: CreditGradeChange[] = targets.map((e) => ({ uscc: e.uscc, grade: 'red', reason: '逾期未退费', ruleId: defaultCreditRule().id }));
const worker = () => new FakeWorker<{ changes: CreditGradeChange[] }, GradeProgress, number>(({ changes }, context) => applyCreditGrades(db, changes, context));

const grades = async () => {
  const all = await db.entities.toArray();
  return { red: all.filter((e) => e.credit === 'red').length, none: all.filter((e) => e.credit === null).length };
};
const queued = async () => (await db.outbox.toArray()).filter((m) => m.name === 'setCreditGrades').map((m) => (m.args as { changes: unknown[] }).changes.length);

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', targets, 'import');
}, 60_000);

describe('applying grade changes in a worker', () => {
  it('writes every change in slices, telling each, through the mutator, and leaves out a target already at that grade', async () => {
    const progress: GradeProgress[] = [];
    const n = await applyInWorker(toRed, { onProgress: (p) => progress.push(p) }, worker);
    expect(n).toBe(N - 1);
    expect(progress).toEqual([{ done: 0, total: N - 1 }, { done: 10_000, total: N - 1 }, { done: N - 1, total: N - 1 }]);
    expect(await grades()).toEqual({ red: N, none: 0 });
    expect(await db.creditChanges.count()).toBe(N - 1);
    // 500 changes per queued mutation (CREDIT_CHANGES_MAX): 20 full and one of the remaining 199.
    expect(await queued()).toEqual([...Array<number>(20).fill(500), 199]);
    const history = await db.listHistory.where('at').above('').toArray();
    expect(history.filter((h) => h.action === 'edit').reduce((k, h) => k + h.rows.length, 0)).toBe(N - 1);
  }, 60_000);

  it('a cancel after the first slice is written undoes the whole apply: no grade, history, grade change or queued mutation', async () => {
    const controller = new AbortController();
    const historyBefore = await db.listHistory.count();
    const run = applyInWorker(toRed, { signal: controller.signal, onProgress: (p) => p.done === 10_000 && controller.abort() }, worker);
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
    expect(await grades()).toEqual({ red: 1, none: N - 1 });
    expect(await db.creditChanges.count()).toBe(0);
    expect(await queued()).toEqual([]);
    expect(await db.listHistory.count()).toBe(historyBefore);
  }, 60_000);

  it('a target not on the list refuses the whole apply, rebuilt as the refusal the window describes', async () => {
    const stray = { uscc: syntheticUscc(7, 99_999), grade: 'red' as const, reason: '逾期未退费' };
    const run = applyInWorker([...toRed.slice(0, 3), stray], {}, worker);
    await expect(run).rejects.toBeInstanceOf(LocalRefusal);
    await expect(run).rejects.toMatchObject({ code: 'not-found' });
    expect(await grades()).toEqual({ red: 1, none: N - 1 });
    expect(await queued()).toEqual([]);
  }, 60_000);
});
