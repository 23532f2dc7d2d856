// The second published test vector (docs/draw-vector-2.json): two districts, risk groups, teams of 3,
// a workload limit, recusal of every kind, a district where fewer than half the inspectors may sit on
// its targets (the r-th eligible), pairs at loads above 0 and single seats. The file holds the inputs
// and the result an independent implementation must reproduce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entitySchema, inspectorSchema } from '../../../src-shared/domain';
import { drawRecordSchema, runDraw, savedSelectionSchema } from '../../../src-shared/draw/draw';
import { drawPlanSchema } from '../../../src-shared/draw/plan';
import { referenceDraw, referenceOutputHash } from './reference';

const vector = z
  .object({
    entities: z.array(entitySchema),
    inspectors: z.array(inspectorSchema),
    plan: drawPlanSchema,
    seed: z.string(),
    expected: z.object({ record: drawRecordSchema.omit({ drawnAt: true }), selected: z.array(savedSelectionSchema) }),
  })
  .parse(JSON.parse(readFileSync(new URL('../../../docs/draw-vector-2.json', import.meta.url), 'utf8')));

describe('draw: the second published test vector', () => {
  const result = runDraw({ entities: vector.entities, inspectors: vector.inspectors, plan: vector.plan, seed: vector.seed, drawnAt: '2026-12-01T02:00:00.000Z' });

  it('reproduces the published record and selection', () => {
    const { drawnAt: _drawnAt, ...record } = result.record;
    expect(record).toEqual(vector.expected.record);
    expect(result.selected.map(({ uscc, inspectors }) => ({ uscc, inspectors }))).toEqual(vector.expected.selected);
    expect(vector.expected.selected).toHaveLength(18);
    expect(vector.expected.record.outputHash).toBe('1ac85135508475cad2b2ce5580d9850c83c4ee08868ea2711bc88bb3f47c546b');
  });

  it('is what the specification, written out slowly, gives', () => {
    expect(referenceDraw(vector.entities, vector.inspectors, vector.plan, vector.seed)).toEqual(vector.expected.selected);
    expect(referenceOutputHash(vector.expected.selected, vector.entities, vector.inspectors)).toBe(vector.expected.record.outputHash);
  });
});
