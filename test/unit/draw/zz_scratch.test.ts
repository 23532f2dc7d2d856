import { it } from 'vitest';
import { syntheticLists } from '../../fixtures/synthetic';
import { runDraw, prepareLists, runPreparedDraw, parsePlan } from '../../../src-shared/draw/draw';
import { defaultPlan } from '../../../src-shared/draw/plan';
import { DrawStream, deriveKey } from '../../../src-shared/draw/rng';
it('scratch', () => {
  const lists = syntheticLists({ entities: 100000, inspectors: 5000, seed: 7 });
  const plan = { ...defaultPlan, groupBy: ['district', 'kind'], riskRatios: { yellow: 0.7, red: 1, black: 1 }, recusal: { sameSubdistrict: true, lastInspector: true } } as const;
  const p = parsePlan(plan);
  for (let k = 0; k < 6; k++) {
    const t1 = performance.now();
    const r = runDraw({ ...lists, plan: p, seed: '2025-第1批' });
    const t2 = performance.now();
    const prep = prepareLists(lists.entities, lists.inspectors);
    const t3 = performance.now();
    runPreparedDraw(prep, p, '2025-第1批', 'x');
    const t4 = performance.now();
    const ids = Array.from({ length: 100000 }, (_, i) => i);
    const s = new DrawStream(deriveKey({ seed: 'x', entitiesHash: '', inspectorsHash: '', planHash: '' }));
    for (let i = 0; i < ids.length - 1; i++) { const j = i + s.uniform(ids.length - i); const t = ids[i]!; ids[i] = ids[j]!; ids[j] = t; }
    const t5 = performance.now();
    console.log('full', (t2 - t1).toFixed(1), 'prep', (t3 - t2).toFixed(1), 'drawphase', (t4 - t3).toFixed(1), 'bareFY', (t5 - t4).toFixed(1), r.selected.length);
  }
});
