// 复核 and a draw's PDFs as their workers make them (db/drawVerify.ts, db/drawDocs.ts through the task
// protocol): the draw re-run on the lists as they stood when it was drawn, a later change named apart and not
// counted against it; a tampered record found out; a draw not on this device refused in words.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { runDraw, type DrawResult } from '../../../src-shared/draw/draw';
import { db } from '../../../src-renderer/db/db';
import { verifyKept, type DrawVerdict } from '../../../src-renderer/db/drawVerify';
import { saveProfile } from '../../../src-renderer/state/profile';
import { LocalRefusal } from '../../../src-renderer/sync/mutators';
import { putListRows, setActive } from '../../../src-renderer/sync/referenceMutators';
import { verifyInWorker } from '../../../src-renderer/workers/verifyClient';
import { vectorEntities, vectorInspectors, vectorPlan, vectorSeed } from '../draw/vector';
import { FakeWorker } from '../workers/fakeWorker';

const worker = () => new FakeWorker<{ drawId: string }, never, DrawVerdict>(({ drawId }) => verifyKept(db, drawId));
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
let result: DrawResult;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', vectorEntities, 'import');
  await putListRows(db, 'inspectors', vectorInspectors, 'import');
  await tick();
  result = runDraw({ entities: vectorEntities, inspectors: vectorInspectors, plan: vectorPlan, seed: vectorSeed, drawnAt: new Date().toISOString() });
  await db.draws.put({ id: 'd1', drawnAt: result.record.drawnAt, drawnBy: '张科长', result });
  await tick();
});

describe('复核 in its worker', () => {
  it('draws again on the lists as they stood, and names a later change apart without counting it', async () => {
    await setActive(db, 'entities', vectorEntities[0]!, false);
    const verdict = await verifyInWorker('d1', worker);
    expect(verdict.ok).toBe(true);
    expect(verdict.differences).toEqual([]);
    expect(verdict.changedSince.map((c) => [c.kind, c.key, c.action])).toEqual([['entities', vectorEntities[0]!.uscc, 'deactivate']]);
  });

  it('finds out a record whose result was changed', async () => {
    const [first, second] = result.selected;
    await db.draws.put({ id: 'd1', drawnAt: result.record.drawnAt, drawnBy: '张科长', result: { ...result, selected: [second!, first!] } });
    const verdict = await verifyInWorker('d1', worker);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences).toEqual([
      expect.stringMatching(/^结果文件已被改动：抽中名单与记录中的结果哈希不符（记录为 [0-9a-f]{64}，按文件名单计算为 [0-9a-f]{64}）$/),
      '抽中顺序不同：第 1 位记录为 91310115MA1K3BTP2B，重新抽取为 91110000600037341L',
    ]);
    expect(verdict.changedSince).toEqual([]);
  });

  it('refuses a draw that is not on this device, as the refusal the window describes', async () => {
    const run = verifyInWorker('elsewhere', worker);
    await expect(run).rejects.toBeInstanceOf(LocalRefusal);
    await expect(run).rejects.toMatchObject({ code: 'draw-not-here' });
  });
});
