// What the reviewer's overview reads from a case's records, beyond the checks' own rules: how each proposal
// of the checks was decided, and the overcharge schedule per tenant with its months and the ledger's rows.
import type { ProposedFinding } from '../../../src-shared/inspection/findings';
import { tenantTotals, type LedgerCheck, type ScheduleRow } from '../../../src-shared/inspection/ledgerCheck';
import { normalizeText } from '../../../src-shared/lists/normalize';
import type { LocalRecord } from '../../db/cases';

export interface ProposalDecision {
  key: string;
  /** What the checks propose now; null when they no longer do (the decision is kept all the same). */
  proposal: ProposedFinding | null;
  state: 'taken' | 'declined' | 'open';
  /** The finding it became (taken) or the reason given (declined). */
  findingTitle?: string;
  reason?: string;
}

/** Each proposal with the inspectors' choice: taken (a finding names it), declined (with the reason) or still open. */
export function proposalDecisions(records: readonly LocalRecord[], proposals: readonly ProposedFinding[]): ProposalDecision[] {
  const taken = new Map<string, string>();
  const declined = new Map<string, string>();
  for (const r of records) {
    if (typeof r.data.proposal !== 'string') continue;
    if (r.kind === 'finding') taken.set(r.data.proposal, String(r.data.title ?? ''));
    if (r.kind === 'proposalDismissed') declined.set(r.data.proposal, String(r.data.reason ?? ''));
  }
  const decide = (key: string, proposal: ProposedFinding | null): ProposalDecision => {
    if (taken.has(key)) return { key, proposal, state: 'taken', findingTitle: taken.get(key)! };
    if (declined.has(key)) return { key, proposal, state: 'declined', reason: declined.get(key)! };
    return { key, proposal, state: 'open' };
  };
  const current = new Set(proposals.map((p) => p.key));
  const gone = [...new Set([...taken.keys(), ...declined.keys()])].filter((k) => !current.has(k));
  return [...proposals.map((p) => decide(p.key, p)), ...gone.map((k) => decide(k, null))];
}

export interface TenantSchedule {
  tenant: string;
  chargedFen: number;
  lawfulFen: number;
  overchargeFen: number;
  /** The tenant's months, ascending, each with the ledger rows it sums. */
  months: ScheduleRow[];
}

/** The schedule per tenant (ledger order) with its months: the per-month detail names the Excel rows. */
export function scheduleByTenant(check: Pick<LedgerCheck, 'schedule'>): TenantSchedule[] {
  const months = new Map<string, ScheduleRow[]>();
  for (const r of check.schedule) {
    const key = normalizeText(r.tenant);
    months.set(key, [...(months.get(key) ?? []), r]);
  }
  return tenantTotals(check).map((t) => ({ tenant: t.tenant, chargedFen: t.chargedFen, lawfulFen: t.lawfulFen, overchargeFen: t.overchargeFen, months: months.get(normalizeText(t.tenant)) ?? [] }));
}
