// The cases page's search and filters over the column's rows (state/caseFilter.ts).
import { describe, expect, it } from 'vitest';
import { caseOptions, caseRowOf, filterCases, namesHolding, type CaseRow } from '../../src-renderer/state/caseFilter';

const D1 = '0195d0a0-0000-7000-8000-0000000000d1';
const D2 = '0195d0a0-0000-7000-8000-0000000000d2';
const rowOf = (n: number, district: string, status: CaseRow['status'], inspectors: string[], drawId: string | null = D1, origin?: 'complaint') =>
  caseRowOf({ id: `c${n}`, district, status, drawId, origin, entityName: `对象${n}商场`, uscc: `91350102MA2Y0000${n}E`, address: `${district}路${n}号`, inspectors });
const ROWS = [
  rowOf(1, '鼓楼区', 'assigned', ['GL-001', 'GL-002']),
  rowOf(2, '鼓楼区', 'submitted', ['GL-002', 'GL-003']),
  rowOf(3, '台江区', 'approved', ['TJ-001', 'TJ-002'], D2),
  rowOf(4, '台江区', 'assigned', ['TJ-001', 'GL-001'], null, 'complaint'),
  rowOf(5, '鼓楼区', 'returned', ['GL-003', 'GL-004']),
];
const NONE = new Set<string>();
const per = (assigned: number, submitted: number, returned: number, approved: number) => ({ assigned, submitted, returned, approved });

describe('filterCases', () => {
  it('with no filter shows all, in the rows\' order, and counts each status', () => {
    expect(filterCases(ROWS, { text: '' }, NONE)).toEqual({ shown: ['c1', 'c2', 'c3', 'c4', 'c5'], perStatus: per(2, 1, 1, 1) });
  });

  it('counts the statuses of every other filter, and shows those of the status', () => {
    expect(filterCases(ROWS, { text: '', district: '鼓楼区', status: 'assigned' }, NONE)).toEqual({ shown: ['c1'], perStatus: per(1, 1, 1, 0) });
    expect(filterCases(ROWS, { text: '', member: 'GL-001' }, NONE)).toEqual({ shown: ['c1', 'c4'], perStatus: per(2, 0, 0, 0) });
    expect(filterCases(ROWS, { text: '', drawId: D2 }, NONE).shown).toEqual(['c3']);
    expect(filterCases(ROWS, { text: '', origin: 'complaint' }, NONE).shown).toEqual(['c4']);
    expect(filterCases(ROWS, { text: '', origin: 'draw', district: '台江区' }, NONE).shown).toEqual(['c3']);
  });

  it('searches the name, code, address and team, folded, never across two fields', () => {
    expect(filterCases(ROWS, { text: '对象3' }, NONE).shown).toEqual(['c3']);
    expect(filterCases(ROWS, { text: ' ９１３５０１０２ma2y00005e ' }, NONE).shown).toEqual(['c5']);
    expect(filterCases(ROWS, { text: '台江区路' }, NONE).shown).toEqual(['c3', 'c4']);
    expect(filterCases(ROWS, { text: 'gl-003' }, NONE).shown).toEqual(['c2', 'c5']);
    // The end of the name and the start of the code: two fields.
    expect(filterCases(ROWS, { text: '商场91' }, NONE).shown).toEqual([]);
    expect(filterCases(ROWS, { text: '无此对象' }, NONE)).toEqual({ shown: [], perStatus: per(0, 0, 0, 0) });
  });

  it('finds a team by its people\'s names', () => {
    const names = new Map([['GL-002', '李检查'], ['TJ-002', '李四'], ['GL-001', '王检查']]);
    expect([...namesHolding(names, '李')].sort()).toEqual(['GL-002', 'TJ-002']);
    expect(filterCases(ROWS, { text: '李' }, namesHolding(names, '李')).shown).toEqual(['c1', 'c2', 'c3']);
    expect(namesHolding(names, '  ').size).toBe(0);
  });

  it('filters by what a case came to, a case absent from the results having none', () => {
    const results = new Map([['c2', 'findings' as const], ['c3', 'refund' as const]]);
    expect(filterCases(ROWS, { text: '', result: 'findings' }, NONE, results).shown).toEqual(['c2']);
    expect(filterCases(ROWS, { text: '', result: 'refund' }, NONE, results).shown).toEqual(['c3']);
    expect(filterCases(ROWS, { text: '', result: 'none' }, NONE, results)).toEqual({ shown: ['c1', 'c4', 'c5'], perStatus: per(2, 0, 1, 0) });
  });
});

describe('caseOptions', () => {
  it('offers each district, draw and member once: districts the Chinese way, targeted cases no draw', () => {
    expect(caseOptions(ROWS)).toEqual({
      districts: ['鼓楼区', '台江区'],
      drawIds: [D1, D2],
      members: ['GL-001', 'GL-002', 'GL-003', 'GL-004', 'TJ-001', 'TJ-002'],
    });
  });

  it('offers no empty district (a case whose target has none), as the lists do not', () => {
    expect(caseOptions([...ROWS, rowOf(6, '', 'assigned', ['GL-001'])]).districts).toEqual(['鼓楼区', '台江区']);
  });
});
