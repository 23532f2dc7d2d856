// Which page an address shows, to fetch its chunk ahead (src-renderer/pageAddress.ts): the page a reload
// lands on, a menu item's page, a case or a draw by id; nothing for an address no route has.
import { describe, expect, it } from 'vitest';
import { pageNameAt } from '../../../src-renderer/pageAddress';

describe('pageNameAt', () => {
  it.each([
    ['#/lists/entities', 'ListPage'],
    ['/lists/inspectors', 'ListPage'],
    ['#/cases', 'CasesPage'],
    ['#/cases/0195d0a0-0000-7000-8000-0000000000c1', 'CasePage'],
    ['#/cases/0195d0a0-0000-7000-8000-0000000000c1/ledger', 'CaseLedgerPage'],
    ['#/draws/0195d0a0-0000-7000-8000-0000000000d1', 'DrawResultPage'],
    ['#/draws/0195d0a0-0000-7000-8000-0000000000d1/record', 'DrawRecordPage'],
    ['#/statistics?plan=0195d0a0-0000-7000-8000-0000000000d1&tab=map', 'StatisticsPage'],
  ])('%s', (address, page) => {
    expect(pageNameAt(address)).toBe(page);
  });

  it('knows no page for an address no route has, nor for an object property', () => {
    expect([pageNameAt('#/nowhere'), pageNameAt('#/constructor'), pageNameAt('#/'), pageNameAt('')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
