// The landlord's ledger kept with the case (租户账单): the file as evidence (its SHA-256, a blob), the
// columns as confirmed, the method, and the overcharge per tenant and month with the Excel rows each
// figure is made of — what the office's refund order is built from.
import { z } from 'zod';
import { ledgerMappingSchema, type LedgerMapping } from '../ledger/types';
import type { Fen } from '../money';
import type { OverchargeResult } from '../refund/overcharge';
import { normalizeText } from '../lists/normalize';
import { cleanString } from '../text';

const fen = z.number().int().min(0).max(1e13);

export const scheduleRowSchema = z.strictObject({
  tenant: cleanString().max(200),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  chargedFen: fen,
  lawfulFen: fen,
  overchargeFen: fen,
  /** The ledger's Excel rows this figure sums (traceable to the bill lines). */
  lines: z.array(z.number().int().positive()).max(1000),
});
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;

export const ledgerCheckSchema = z.strictObject({
  file: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: cleanString().min(1).max(260), size: z.number().int().positive() }),
  landlord: cleanString().max(200),
  mapping: ledgerMappingSchema,
  method: z.enum(['catalogue', 'grid-bill']),
  /** The catalogue key (catalogue method) or the grid bills per month in fen (grid-bill method). */
  key: z.strictObject({ region: cleanString().max(100), category: cleanString().max(100), voltage: cleanString().max(100) }).nullable(),
  gridBills: z.record(z.string().regex(/^\d{4}-\d{2}$/), fen),
  toleranceFen: fen,
  /** Name of the tariff table used (catalogue method), '' otherwise. */
  tariffTable: cleanString().max(200),
  schedule: z.array(scheduleRowSchema).max(100_000),
  totalOverchargeFen: fen,
  /** Bill lines computed and left out (each left-out line names its reason in the file's own check). */
  linesComputed: z.number().int().min(0),
  linesLeftOut: z.number().int().min(0),
});
export type LedgerCheck = z.infer<typeof ledgerCheckSchema>;

export interface LedgerCheckInput {
  file: LedgerCheck['file'];
  landlord: string;
  mapping: LedgerMapping;
  key: LedgerCheck['key'];
  gridBills: ReadonlyMap<string, Fen>;
  tariffTable: string;
}

/** The record of a computed ledger: the overcharge per tenant and month (ledger order of tenants, months ascending). */
export function ledgerCheckOf(input: LedgerCheckInput, result: OverchargeResult): LedgerCheck {
  const rows = new Map<string, ScheduleRow>();
  const tenantOrder: string[] = [];
  for (const line of result.lines) {
    const tenantKey = normalizeText(line.tenant);
    if (!tenantOrder.includes(tenantKey)) tenantOrder.push(tenantKey);
    const id = `${tenantKey}\u0000${line.month}`;
    const row = rows.get(id) ?? { tenant: line.tenant, month: line.month, chargedFen: 0, lawfulFen: 0, overchargeFen: 0, lines: [] };
    row.chargedFen += line.chargedFen;
    row.lawfulFen += line.lawfulFen;
    row.overchargeFen += line.overchargeFen;
    row.lines.push(line.line);
    rows.set(id, row);
  }
  const rank = new Map(tenantOrder.map((k, i) => [k, i]));
  const schedule = [...rows.values()].sort((a, b) => rank.get(normalizeText(a.tenant))! - rank.get(normalizeText(b.tenant))! || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return {
    file: input.file, landlord: input.landlord, mapping: ledgerMappingSchema.parse(input.mapping), method: result.method, key: result.method === 'catalogue' ? input.key : null,
    gridBills: result.method === 'grid-bill' ? Object.fromEntries(input.gridBills) : {}, toleranceFen: result.toleranceFen, tariffTable: result.method === 'catalogue' ? input.tariffTable : '',
    schedule, totalOverchargeFen: result.totalOverchargeFen, linesComputed: result.lines.length, linesLeftOut: result.leftOut.length,
  };
}

/** What the findings proposal needs: the total, and how many tenants and months carry an overcharge. */
export function overchargeOf(check: Pick<LedgerCheck, 'schedule' | 'totalOverchargeFen'>): { totalFen: Fen; tenants: number; months: number } {
  const over = check.schedule.filter((r) => r.overchargeFen > 0);
  return { totalFen: check.totalOverchargeFen, tenants: new Set(over.map((r) => normalizeText(r.tenant))).size, months: new Set(over.map((r) => r.month)).size };
}

/** Per tenant: months with an overcharge, charged, lawful and overcharge totals (schedule order). */
export function tenantTotals(check: Pick<LedgerCheck, 'schedule'>): { tenant: string; months: string[]; chargedFen: Fen; lawfulFen: Fen; overchargeFen: Fen; lines: number[] }[] {
  const out = new Map<string, { tenant: string; months: string[]; chargedFen: Fen; lawfulFen: Fen; overchargeFen: Fen; lines: number[] }>();
  for (const r of check.schedule) {
    const key = normalizeText(r.tenant);
    const t = out.get(key) ?? { tenant: r.tenant, months: [], chargedFen: 0, lawfulFen: 0, overchargeFen: 0, lines: [] };
    if (r.overchargeFen > 0) t.months.push(r.month);
    t.chargedFen += r.chargedFen;
    t.lawfulFen += r.lawfulFen;
    t.overchargeFen += r.overchargeFen;
    t.lines.push(...r.lines);
    out.set(key, t);
  }
  return [...out.values()];
}
