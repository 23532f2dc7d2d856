// A target's credit facts from a prepared world of cases, findings, refund orders with their events and
// monthly filings; then the grades a rule gives feed the next draw, which groups and draws by them.
import { describe, expect, it } from 'vitest';
import { proposeGrades } from '../../../src-shared/credit/evaluate';
import { creditFactsOf, daysAfter, monthsBefore, type CreditWorld } from '../../../src-shared/credit/facts';
import { defaultCreditRule } from '../../../src-shared/credit/rule';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { runDraw } from '../../../src-shared/draw/draw';
import type { RefundEvent } from '../../../src-shared/refund/tracking';
import { syntheticUscc } from '../../fixtures/synthetic';

const A = syntheticUscc(7, 1);
const B = syntheticUscc(7, 2);
const C = syntheticUscc(7, 3);
const D = syntheticUscc(7, 4);
const uuid = (n: number) => `0195d0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const DRAW1 = uuid(901);
const DRAW2 = uuid(902);

const order = (id: number, caseId: string, uscc: string, deadline: string, tenants: [string, number][]) => ({
  id: uuid(id), caseId, deadline, party: { name: '', uscc, address: '' },
  tenants: tenants.map(([tenant, totalFen]) => ({ tenant, months: [{ month: '2026-01', overchargeFen: totalFen, lines: [1] }], totalFen })),
});
const paid = (n: number, orderId: number, tenant: string, amountFen: number): RefundEvent => ({
  id: uuid(n), orderId: uuid(orderId), tenant, kind: 'paid', amountFen, paidOn: '2026-10-01', proof: { sha256: 'cd'.repeat(32), name: 'a.pdf', type: 'application/pdf' }, note: '',
});
const finding = (caseId: string, amountFen: number | null) => ({ caseId, kind: 'finding' as const, data: { title: '加价', detail: '', type: 'markup', amountFen, photos: [] } });

/**
 * A: drawn twice; its first case approved with two findings (117.66 + 20.00 yuan), an order of 2 tenants
 * due 2026-10-23, one paid in full, one partly. B: one approved case, nothing found. C: a case still open
 * with a finding (not yet confirmed) and flagged filings. D: nothing at all.
 */
const WORLD: CreditWorld = {
  cases: [
    { id: uuid(1), drawId: DRAW1, uscc: A, status: 'approved', closedOn: '2026-09-20' },
    { id: uuid(2), drawId: DRAW2, uscc: A, status: 'assigned', closedOn: null },
    { id: uuid(3), drawId: DRAW1, uscc: B, status: 'approved', closedOn: '2026-08-01' },
    { id: uuid(4), drawId: DRAW2, uscc: C, status: 'submitted', closedOn: null },
  ],
  records: [
    finding(uuid(1), 11766), finding(uuid(1), 2000), finding(uuid(4), 5000),
    { caseId: uuid(1), kind: 'meterReading', data: { meterNo: '1', reading: '1', note: '' } },
  ],
  orders: [order(11, uuid(1), A, '2026-10-23', [['奶茶店', 9766], ['书店', 2000]])],
  events: [paid(21, 11, '奶茶店', 9766), paid(22, 11, '书店', 1500)],
  filings: [
    { uscc: C, month: '2026-09', flags: ['markup'] }, { uscc: C, month: '2026-10', flags: ['loss', 'inverted'] },
    { uscc: C, month: '2026-08', flags: [] }, { uscc: C, month: '2025-01', flags: ['above-catalogue'] },
  ],
};

describe('credit facts', () => {
  it('reads each target from its cases, approved findings, refund orders and filings', () => {
    const facts = creditFactsOf([A, B, C, D], WORLD, '2026-10-24');
    expect(facts.get(A)).toEqual({
      uscc: A, asOf: '2026-10-24', draws: 2, cases: 2, approvedCases: 1, findings: 2, confirmedOverchargeFen: 13766, overchargeCases: 1,
      overdueTenants: 1, maxOverdueDays: 1, flaggedMonths: [], lastApproved: { on: '2026-09-20', clean: false },
    });
    expect(facts.get(B)).toEqual({
      uscc: B, asOf: '2026-10-24', draws: 1, cases: 1, approvedCases: 1, findings: 0, confirmedOverchargeFen: 0, overchargeCases: 0,
      overdueTenants: 0, maxOverdueDays: 0, flaggedMonths: [], lastApproved: { on: '2026-08-01', clean: true },
    });
    // C's finding is in a case not yet approved: not confirmed. Its flagged months, ascending.
    expect(facts.get(C)).toMatchObject({ findings: 0, confirmedOverchargeFen: 0, approvedCases: 0, lastApproved: null, flaggedMonths: ['2025-01', '2026-09', '2026-10'] });
    expect(facts.get(D)).toEqual({
      uscc: D, asOf: '2026-10-24', draws: 0, cases: 0, approvedCases: 0, findings: 0, confirmedOverchargeFen: 0, overchargeCases: 0,
      overdueTenants: 0, maxOverdueDays: 0, flaggedMonths: [], lastApproved: null,
    });
  });

  it('counts overdue from the day after the deadline; a tenant paid in full is never overdue', () => {
    const on = (day: string) => creditFactsOf([A], WORLD, day).get(A)!;
    expect([on('2026-10-23').overdueTenants, on('2026-10-23').maxOverdueDays]).toEqual([0, 0]);
    expect([on('2026-10-24').overdueTenants, on('2026-10-24').maxOverdueDays]).toEqual([1, 1]);
    expect(on('2027-01-21').maxOverdueDays).toBe(90);
    const settled = { ...WORLD, events: [...WORLD.events, paid(23, 11, '书店', 500)] };
    expect(creditFactsOf([A], settled, '2027-01-21').get(A)).toMatchObject({ overdueTenants: 0, maxOverdueDays: 0 });
    expect(daysAfter('2026-10-23', '2026-10-22')).toBe(0);
    expect(monthsBefore('2026-02-10', 13)).toBe('2025-01');
  });

  it('grades by the default rule: 90 days overdue 黑, a day 红, flagged filings 黄, a clean inspection 绿, nothing 蓝', () => {
    const targets = [A, B, C, D].map((uscc, i) => ({ uscc, name: `目标${i + 1}`, credit: null }));
    const grades = (day: string) => proposeGrades(targets, creditFactsOf([A, B, C, D], WORLD, day), defaultCreditRule()).map((p) => [p.name, p.to]);
    expect(grades('2026-10-23')).toEqual([['目标1', 'yellow'], ['目标2', 'green'], ['目标3', 'blue'], ['目标4', 'blue']]);
    expect(grades('2026-10-24')).toEqual([['目标1', 'red'], ['目标2', 'green'], ['目标3', 'blue'], ['目标4', 'blue']]);
    expect(grades('2027-01-21')[0]).toEqual(['目标1', 'black']);
    // C: two flagged months in the year is below the default's three; a third one makes it 黄.
    const third = { ...WORLD, filings: [...WORLD.filings, { uscc: C, month: '2026-03', flags: ['markup' as const] }] };
    expect(proposeGrades(targets.slice(2, 3), creditFactsOf([C], third, '2026-10-24'), defaultCreditRule()).map((p) => p.to)).toEqual(['yellow']);
  });
});

describe('grades feed the next draw', () => {
  const entity = (i: number, credit: Entity['credit']): Entity => ({
    uscc: syntheticUscc(8, i), name: `目标${i}`, kind: 'mall', district: '鼓楼区', subdistrict: `街道${i}`, address: '', lng: null, lat: null,
    tenantCount: 1, contact: '', phone: '', credit, lastInspectors: [], active: true,
  });
  const inspectors: Inspector[] = ['A1', 'A2', 'A3', 'A4'].map((certNo) => ({ certNo, name: certNo, unit: '', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true }));
  const plan = { name: '按信用抽查', ratio: 0.5, groupBy: ['district' as const, 'credit' as const], riskRatios: { red: 1 }, teamSize: 2, maxPerInspector: null, recusal: { sameSubdistrict: false, lastInspector: false } };

  it('groups by the grade as changed, and draws the 红 group whole at its ratio', () => {
    const before = Array.from({ length: 6 }, (_, i) => entity(i + 1, 'blue'));
    const first = runDraw({ entities: before, inspectors, plan, seed: '2026 第二批', drawnAt: '2026-11-01T00:00:00.000Z' });
    expect(first.groups.map((g) => [g.label, g.size, g.selected])).toEqual([['鼓楼区 / 蓝', 6, 3]]);
    // Two targets regraded 红 (as setCreditGrades writes the list row's credit).
    const regraded = before.map((e, i) => (i < 2 ? { ...e, credit: 'red' as const } : e));
    const next = runDraw({ entities: regraded, inspectors, plan, seed: '2026 第二批', drawnAt: '2026-11-01T00:00:00.000Z' });
    expect(next.groups.map((g) => [g.label, g.size, g.ratio, g.selected])).toEqual([['鼓楼区 / 蓝', 4, 0.5, 2], ['鼓楼区 / 红', 2, 1, 2]]);
    expect(next.selected.filter((s) => s.credit === 'red').map((s) => s.name).sort()).toEqual(['目标1', '目标2']);
  });
});
