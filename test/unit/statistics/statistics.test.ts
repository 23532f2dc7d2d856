// The office's statistics over a small world worked out by hand: coverage per district and per group with
// exact ratios, the complaint case kept out of drawn and the ratios, findings by type, overcharge found
// (a ledger computed again counted once), refunds ordered / refunded / verified to the fen, filings
// flagged, and periods in China time (a draw made at 2026-03-31T16:30Z is April's).
import { describe, expect, it } from 'vitest';
import { ALL_TIME, chinaDateOfInstant, inPeriod, periodKey, periodOfKey, type Period } from '../../../src-shared/statistics/period';
import { ratioText } from '../../../src-shared/statistics/ratio';
import { overchargeByCase } from '../../../src-shared/statistics/results';
import { statisticsOf } from '../../../src-shared/statistics/statistics';
import { targetPoints } from '../../../src-shared/statistics/targets';
import type { StatisticsFilter } from '../../../src-shared/statistics/types';
import { CASE, D1, statisticsWorld, USCC } from '../../fixtures/statisticsWorld';

const TODAY = '2026-05-01';
const all: StatisticsFilter = { drawId: null, period: ALL_TIME, district: null };
const month = (m: number): Period => ({ kind: 'month', year: 2026, month: m });

describe('statistics: ratios and periods', () => {
  it('writes ratios as percentages with two decimals, rounded half-up in integers', () => {
    expect([ratioText(1, 2), ratioText(1, 3), ratioText(2, 3), ratioText(1, 8), ratioText(0, 5), ratioText(5, 5), ratioText(1, 0)]).toEqual(['50.00%', '33.33%', '66.67%', '12.50%', '0.00%', '100.00%', '—']);
    // 1/16 = 6.25% exactly; 1/1600 = 0.0625% → 0.06%; 1/800 = 0.125% → 0.13% (half-up).
    expect([ratioText(1, 16), ratioText(1, 1600), ratioText(1, 800), ratioText(2022, 3841)]).toEqual(['6.25%', '0.06%', '0.13%', '52.64%']);
  });

  it('puts instants in China dates and dates in months, quarters and years', () => {
    expect(chinaDateOfInstant('2026-03-31T16:30:00Z')).toBe('2026-04-01');
    expect(chinaDateOfInstant('2026-03-31T15:59:59Z')).toBe('2026-03-31');
    expect(inPeriod('2026-04-01', month(4))).toBe(true);
    expect(inPeriod('2026-03-31', month(4))).toBe(false);
    expect(inPeriod('2026-03-31', { kind: 'quarter', year: 2026, quarter: 1 })).toBe(true);
    expect(inPeriod('2026-04-01', { kind: 'quarter', year: 2026, quarter: 1 })).toBe(false);
    expect(inPeriod('2026-12', { kind: 'year', year: 2026 })).toBe(true);
    expect(inPeriod(null, month(4))).toBe(false);
    expect(inPeriod(null, ALL_TIME)).toBe(true);
    expect(['all', '2026', '2026-Q2', '2026-04'].map((k) => periodKey(periodOfKey(k)))).toEqual(['all', '2026', '2026-Q2', '2026-04']);
  });
});

describe('statistics: the small world', () => {
  it('counts listed, drawn and inspected per district; the complaint case apart and never in the ratios', () => {
    const s = statisticsOf(statisticsWorld(), all, TODAY);
    expect(s.coverage.rows).toEqual([
      { district: '鼓楼区', listed: 4, drawn: 2, inspected: 2, closed: 1, drawnRatio: '50.00%', inspectedRatio: '50.00%', complaint: 1, screening: 0, targetedInspected: 1 },
      { district: '台江区', listed: 2, drawn: 1, inspected: 0, closed: 0, drawnRatio: '50.00%', inspectedRatio: '0.00%', complaint: 0, screening: 0, targetedInspected: 0 },
    ]);
    expect(s.coverage.total).toEqual({ district: '', listed: 6, drawn: 3, inspected: 2, closed: 1, drawnRatio: '50.00%', inspectedRatio: '33.33%', complaint: 1, screening: 0, targetedInspected: 1 });
    expect(s.groups).toEqual([
      { drawId: D1, plan: '2026年上半年双随机抽查', drawnOn: '2026-04-01', group: '鼓楼区', listed: 4, planRatio: '50.00%', drawn: 2, inspected: 2, drawnRatio: '50.00%', inspectedRatio: '50.00%' },
      { drawId: D1, plan: '2026年上半年双随机抽查', drawnOn: '2026-04-01', group: '台江区', listed: 2, planRatio: '50.00%', drawn: 1, inspected: 0, drawnRatio: '50.00%', inspectedRatio: '0.00%' },
    ]);
  });

  it('counts findings by type, overcharge found and refunds ordered, refunded and verified in fen', () => {
    const s = statisticsOf(statisticsWorld(), all, TODAY);
    expect(s.findings).toEqual([
      { type: 'markup', findings: 3, cases: 3, amountFen: 12945 },
      { type: 'extra-fee', findings: 1, cases: 1, amountFen: 0 },
    ]);
    expect(overchargeByCase(statisticsWorld().ledgers)).toEqual(new Map([[CASE.c1, 123050], [CASE.c4, 7001]]));
    expect(s.money.rows).toEqual([
      { district: '鼓楼区', cases: 3, casesWithOvercharge: 2, overchargeFen: 130051, orders: 1, orderedFen: 123050, refundedFen: 90000, verifiedFen: 80000, overdueTenants: 1 },
      { district: '台江区', cases: 1, casesWithOvercharge: 0, overchargeFen: 0, orders: 0, orderedFen: 0, refundedFen: 0, verifiedFen: 0, overdueTenants: 0 },
    ]);
    expect(s.summary).toEqual({
      listed: 6, drawn: 3, inspected: 2, drawnRatio: '50.00%', inspectedRatio: '33.33%', targeted: 1, findings: 4,
      overchargeFen: 130051, orderedFen: 123050, refundedFen: 90000, verifiedFen: 80000, flaggedFilings: 4,
    });
    // Before the deadline nobody is overdue.
    expect(statisticsOf(statisticsWorld(), all, '2026-04-20').money.total.overdueTenants).toBe(0);
  });

  it('counts filings flagged per district, a landlord not on the list apart', () => {
    const s = statisticsOf(statisticsWorld(), all, TODAY);
    expect(s.filings.rows).toEqual([
      { district: '鼓楼区', filings: 3, flagged: 2, landlordsFlagged: 1, byFlag: { markup: 2, 'above-catalogue': 1, loss: 0, inverted: 0 }, estimatedExcessFen: 5200 },
      { district: '台江区', filings: 1, flagged: 1, landlordsFlagged: 1, byFlag: { markup: 0, 'above-catalogue': 0, loss: 1, inverted: 0 }, estimatedExcessFen: 0 },
      { district: '', filings: 1, flagged: 1, landlordsFlagged: 1, byFlag: { markup: 0, 'above-catalogue': 0, loss: 0, inverted: 1 }, estimatedExcessFen: 0 },
    ]);
    expect(s.filings.total).toMatchObject({ filings: 5, flagged: 4, landlordsFlagged: 3, estimatedExcessFen: 5200 });
  });

  it('puts the draw made at 2026-03-31T16:30Z in April and results by the day the case closed', () => {
    const march = statisticsOf(statisticsWorld(), { ...all, period: month(3) }, TODAY);
    expect(march.coverage.total).toMatchObject({ listed: 6, drawn: 0, inspected: 0, complaint: 0 });
    expect(march.groups).toEqual([]);
    expect(march.findings).toEqual([]);
    expect(march.money.total).toMatchObject({ cases: 0, overchargeFen: 0, orders: 0 });
    expect(march.filings.total).toMatchObject({ filings: 1, flagged: 1, estimatedExcessFen: 200 });

    const april = statisticsOf(statisticsWorld(), { ...all, period: month(4) }, TODAY);
    expect(april.coverage.total).toMatchObject({ drawn: 3, inspected: 2, drawnRatio: '50.00%', complaint: 1 });
    // c2 (submitted, not closed) has no results in a period; c1 closed 04-01 and c4 closed 04-10 have.
    expect(april.findings).toEqual([
      { type: 'markup', findings: 2, cases: 2, amountFen: 12845 },
      { type: 'extra-fee', findings: 1, cases: 1, amountFen: 0 },
    ]);
    expect(april.money.total).toMatchObject({ cases: 2, casesWithOvercharge: 2, overchargeFen: 130051, orders: 1, orderedFen: 123050, refundedFen: 90000, verifiedFen: 80000 });
    expect(april.filings.total).toMatchObject({ filings: 3, flagged: 3 });

    const q1 = statisticsOf(statisticsWorld(), { ...all, period: { kind: 'quarter', year: 2026, quarter: 1 } }, TODAY);
    expect(q1.coverage.total.drawn).toBe(0);
    const q2 = statisticsOf(statisticsWorld(), { ...all, period: { kind: 'quarter', year: 2026, quarter: 2 } }, TODAY);
    expect(q2.summary).toMatchObject({ drawn: 3, findings: 3, overchargeFen: 130051, flaggedFilings: 3 });
  });

  it('a plan chosen: listed from its groups, its cases only, no targeted cases', () => {
    const s = statisticsOf(statisticsWorld(), { ...all, drawId: D1 }, TODAY);
    expect(s.coverage.rows.map((r) => [r.district, r.listed, r.drawn, r.inspected, r.drawnRatio, r.complaint])).toEqual([['鼓楼区', 4, 2, 2, '50.00%', 0], ['台江区', 2, 1, 0, '50.00%', 0]]);
    expect(s.findings).toEqual([
      { type: 'markup', findings: 2, cases: 2, amountFen: 12445 },
      { type: 'extra-fee', findings: 1, cases: 1, amountFen: 0 },
    ]);
    expect(s.money.total).toMatchObject({ cases: 3, overchargeFen: 123050, orderedFen: 123050 });
    // Filings of the plan's targets only (A1 and B1).
    expect(s.filings.total).toMatchObject({ filings: 4, flagged: 3 });
  });

  it('a district chosen narrows every table', () => {
    const s = statisticsOf(statisticsWorld(), { ...all, district: '台江区' }, TODAY);
    expect(s.coverage.rows.map((r) => r.district)).toEqual(['台江区']);
    expect(s.summary).toMatchObject({ listed: 2, drawn: 1, inspected: 0, drawnRatio: '50.00%', targeted: 0, findings: 0, overchargeFen: 0, orderedFen: 0, flaggedFilings: 1 });
    expect(s.groups.map((g) => g.group)).toEqual(['台江区']);
  });

  it('places targets by result and grade; a target without coordinates counted apart', () => {
    const { points, unplaced } = targetPoints(statisticsWorld(), all);
    expect(points.map((p) => [p.uscc, p.result, p.grade, p.targeted])).toEqual([
      [USCC.A1, 'refund-ordered', 'yellow', false],
      [USCC.A2, 'open', 'green', false],
      [USCC.A3, 'rectification-ordered', 'red', true],
      [USCC.B1, 'open', null, false],
      [USCC.B2, 'not-inspected', 'green', false],
    ]);
    expect(unplaced).toBe(1);
    expect(targetPoints(statisticsWorld(), { ...all, drawId: D1 }).points.map((p) => p.uscc)).toEqual([USCC.A1, USCC.A2, USCC.B1]);
  });
});
