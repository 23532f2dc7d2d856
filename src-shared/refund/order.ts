// The refund order (责令退还多收电费通知书): made by the office from an approved case's ledger kept with
// the case — per tenant the months with an overcharge, the amounts and the total, the legal basis, the
// deadline in working days on China's calendar, the office, the date and the document number (given by
// the hub in the office's numbering, so two office laptops never issue the same number).
import { z } from 'zod';
import { normalizeText } from '../lists/normalize';
import type { LedgerCheck } from '../inspection/ledgerCheck';
import { cleanString } from '../text';

const fen = z.number().int().min(0).max(1e13);
const isoDate = z.iso.date();

export const refundTenantSchema = z.strictObject({
  tenant: cleanString().trim().min(1).max(200),
  /** The months with an overcharge, ascending, each with its amount and the ledger rows it sums. */
  months: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), overchargeFen: fen.min(1), lines: z.array(z.number().int().positive()).max(1000) })).min(1).max(600),
  totalFen: fen.min(1),
});
export type RefundTenant = z.infer<typeof refundTenantSchema>;

export const refundOrderSchema = z
  .strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    /** Given by the hub when it takes the order ('' until then: the PDF waits for it). */
    docNo: cleanString().max(60),
    /** The China date the order is issued. */
    issuedOn: isoDate,
    /** Working days to refund, counted after the day of service (送达之日起). */
    workingDays: z.number().int().min(1).max(120),
    /** The deadline if served on the day issued; the office reads the real one from the day of service. */
    deadline: isoDate,
    office: cleanString().trim().min(1).max(100),
    party: z.strictObject({ name: cleanString().trim().min(1).max(200), uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/), address: cleanString().max(300) }),
    basis: z.array(cleanString().trim().min(1).max(300)).min(1).max(10),
    /** The ledger the amounts come from (its SHA-256, the evidence kept with the case). */
    ledger: z.strictObject({ recordId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: cleanString().min(1).max(260) }),
    tenants: z.array(refundTenantSchema).min(1).max(20_000),
    totalFen: fen.min(1),
    /** The holiday notices the deadline was counted on (printed with it). */
    calendarBasis: cleanString().max(1000),
  })
  .superRefine((o, ctx) => {
    o.tenants.forEach((t, i) => {
      if (t.months.reduce((s, m) => s + m.overchargeFen, 0) !== t.totalFen) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'totalFen'], params: { code: 'sum' }, message: 'sum' });
    });
    if (o.tenants.reduce((s, t) => s + t.totalFen, 0) !== o.totalFen) ctx.addIssue({ code: 'custom', path: ['totalFen'], params: { code: 'sum' }, message: 'sum' });
  });
export type RefundOrder = z.infer<typeof refundOrderSchema>;

/** The legal basis every refund order cites first (the office may add its own). */
export const REFUND_BASIS = '《价格违法行为行政处罚规定》第十六条';

/** Per tenant, the months with an overcharge (ledger order of tenants, months ascending); tenants owed nothing are left out. */
export function refundTenantsOf(check: Pick<LedgerCheck, 'schedule'>): RefundTenant[] {
  const out = new Map<string, RefundTenant>();
  for (const r of check.schedule) {
    if (r.overchargeFen <= 0) continue;
    const key = normalizeText(r.tenant);
    const t = out.get(key) ?? { tenant: r.tenant.trim(), months: [], totalFen: 0 };
    t.months.push({ month: r.month, overchargeFen: r.overchargeFen, lines: [...r.lines] });
    t.totalFen += r.overchargeFen;
    out.set(key, t);
  }
  for (const t of out.values()) t.months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return [...out.values()];
}

/** The document number in the office's rule: `{prefix}〔{year}〕{n}号`. */
export function formatDocNo(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}
