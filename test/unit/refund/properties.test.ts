import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillLine, LedgerImport } from '../../../src-shared/ledger/types';
import { shareByKwh } from '../../../src-shared/refund/gridShare';
import { computeOvercharge } from '../../../src-shared/refund/overcharge';
import { TariffIndex } from '../../../src-shared/tariff/lookup';

const kwhArb = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 })).map(([w, f]) => `${w}.${String(f).padStart(2, '0')}`);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

interface RawLine {
  tenant: string;
  month: string;
  kwh: string;
  energyFen: number;
  fees: { name: string; fen: number }[];
}

const lineArb: fc.Arbitrary<RawLine> = fc.record({
  tenant: fc.constantFrom('甲', '乙', '丙', '丁'),
  month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
  kwh: fc.integer({ min: 0, max: 5_000_000 }).map((h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`),
  energyFen: fc.integer({ min: 0, max: 10_000_000 }),
  fees: fc.array(fc.record({ name: fc.constantFrom('用电服务费', '损耗分摊费', '公摊电费'), fen: fc.integer({ min: -500, max: 100_000 }) }), { maxLength: 3 }),
});

function ledgerOf(raw: RawLine[]): Pick<LedgerImport, 'lines' | 'columns' | 'unread'> {
  const lines: BillLine[] = raw.map((r, i) => ({ ...r, row: i + 2, unit: '', periods: null, price: null, chargedFen: r.energyFen + sum(r.fees.map((f) => f.fen)) }));
  return { lines, unread: [], columns: { sheet: 'S', headerRow: 1, fields: {}, fees: [], unmapped: [] } };
}

const table = new TariffIndex({
  id: 't',
  name: 't',
  sample: true,
  note: '',
  entries: [{ region: 'R', category: 'C', voltage: 'V', period: 'single', price: '0.617734', from: '2026-01', to: null }],
});

describe('overcharge properties', () => {
  it('grid-bill shares add up exactly to the bill, each within a fen of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(kwhArb, { minLength: 1, maxLength: 40 }), (bill, kwh) => {
        fc.pre(kwh.some((k) => Number(k) > 0));
        const shares = shareByKwh(bill, kwh);
        expect(sum(shares)).toBe(bill);
        const total = sum(kwh.map((k) => Math.round(Number(k) * 100)));
        shares.forEach((s, i) => {
          const exact = (bill * Math.round(Number(kwh[i]) * 100)) / total;
          expect(s).toBeGreaterThanOrEqual(Math.floor(exact) - 1e-6);
          expect(s).toBeLessThanOrEqual(Math.floor(exact) + 1);
        });
      }),
    );
  });

  it('no line has a negative overcharge; parts add up to it; total = Σ tenants = Σ months = Σ lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 0, max: 100 }), (raw, byGrid, tolerance) => {
        const input = ledgerOf(raw);
        const bills = new Map(['2026-01', '2026-02', '2026-03', '2026-04'].map((m, i) => [m, 1_000_000 * (i + 1) + 7]));
        const result = byGrid
          ? computeOvercharge(input, { method: 'grid-bill', gridBills: bills, toleranceFen: tolerance })
          : computeOvercharge(input, { method: 'catalogue', tariffs: table, key: { region: 'R', category: 'C', voltage: 'V' }, toleranceFen: tolerance });
        for (const l of result.lines) {
          expect(l.overchargeFen).toBeGreaterThanOrEqual(0);
          expect(sum(l.parts.map((p) => p.fen))).toBe(l.overchargeFen);
          expect(l.overchargeFen === 0 || l.chargedFen - l.lawfulFen > tolerance).toBe(true);
        }
        const total = result.totalOverchargeFen;
        expect(sum(result.lines.map((l) => l.overchargeFen))).toBe(total);
        expect(sum(result.tenants.map((t) => t.overchargeFen))).toBe(total);
        expect(sum(result.months.map((m) => m.overchargeFen))).toBe(total);
        expect(sum(result.fees.map((f) => f.overchargeFen))).toBe(total);
        expect(result.lines.length + result.leftOut.length).toBe(raw.length);
      }),
    );
  });
});
