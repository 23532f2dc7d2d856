import { describe, expect, it } from 'vitest';
import { runDraw } from '../../../src-shared/draw/draw';
import { defaultPlan } from '../../../src-shared/draw/plan';
import { givenHead, headOf, pageRows, PREVIEW_ROWS, previewRows } from '../../../src-renderer/db/drawHead';
import { syntheticLists } from '../../fixtures/synthetic';

const lists = syntheticLists({ seed: 11, entities: 300, inspectors: 40, districts: 3, subdistrictsPerDistrict: 2 });
// Every tenth target left out, so both long lists run past a page.
const entities = lists.entities.map((e, i) => (i % 10 === 0 ? { ...e, active: false } : e));
const result = runDraw({ entities, inspectors: lists.inspectors, plan: { ...defaultPlan, name: '头部', ratio: 0.5 }, seed: 'head', drawnAt: '2026-12-07T01:00:00.000Z' });
const ID = '0195d0a0-0000-7000-8000-0000000000aa';

describe('the head of a draw (what its result page shows first)', () => {
  it('holds the record, the groups, both counts and the first page of each list', () => {
    expect(result.selected.length).toBe(133);
    expect(result.excluded.length).toBe(36);
    const head = headOf(ID, result);
    expect(head).toEqual({
      id: ID,
      record: result.record,
      groups: result.groups,
      selectedCount: 133,
      excludedCount: 36,
      selected: result.selected.slice(0, 20),
      excluded: result.excluded.slice(0, 20),
    });
  });

  it('gives the first page from the head, a later one only from the whole list', () => {
    const head = headOf(ID, result);
    expect(pageRows(head.selected, undefined, 1)).toEqual(result.selected.slice(0, 20));
    expect(pageRows(head.selected, undefined, 2)).toBeNull();
    expect(pageRows(head.selected, result.selected, 2)).toEqual(result.selected.slice(20, 40));
    expect(pageRows(head.selected, result.selected, 7)).toEqual(result.selected.slice(120, 133));
    expect(pageRows(head.excluded, result.excluded, 2)).toEqual(result.excluded.slice(20, 36));
  });

  it('takes a head given along a navigation only when it is the draw opened', () => {
    const head = headOf(ID, result);
    expect(givenHead({ drawHead: head }, ID)).toBe(head);
    expect(givenHead({ drawHead: head }, '0195d0a0-0000-7000-8000-0000000000bb')).toBeNull();
    expect(givenHead(null, ID)).toBeNull();
    expect(givenHead({ other: 1 }, ID)).toBeNull();
    expect(givenHead({ drawHead: { id: ID, selected: 'x', excluded: [] } }, ID)).toBeNull();
  });
});

describe('the printable record page', () => {
  it('lists every drawn target up to PREVIEW_ROWS, and beyond it the first PREVIEW_ROWS with the count left to the PDF', () => {
    const few = Array.from({ length: PREVIEW_ROWS }, (_, i) => i);
    expect(previewRows(few)).toEqual({ rows: few, left: 0 });
    const city = Array.from({ length: 48_971 }, (_, i) => i);
    const { rows, left } = previewRows(city);
    expect([rows.length, rows[0], rows.at(-1), left]).toEqual([1_000, 0, 999, 47_971]);
  });
});
