// Reads for credit follow-up: the rule in force, every target's facts for an evaluation, and one target's
// whole history (list row, grade history, draws, cases, findings, refunds, filings) for its page.
import { useLiveQuery } from 'dexie-react-hooks';
import { chinaToday } from '../../src-shared/calendar/workdays';
import type { StoredCreditChange } from '../../src-shared/credit/change';
import { creditFactsOf, type CreditFacts } from '../../src-shared/credit/facts';
import { CURRENT_CREDIT_RULE } from '../../src-shared/credit/pulled';
import { defaultCreditRule, type CreditRule } from '../../src-shared/credit/rule';
import type { Entity } from '../../src-shared/domain';
import type { StoredFiling } from '../../src-shared/filings/stored';
import { db, type LocalCase, type LocalRecord, type StoredRefundEvent, type StoredRefundOrder } from './db';

export interface RuleInForce {
  rule: CreditRule;
  /** Who saved it and when (UTC ISO); null for the built-in rule. */
  by: string | null;
  savedAt: string | null;
}

/** The credit rule in force: the office's, or the built-in one until it saves its own. */
export function useCreditRule(): RuleInForce | undefined {
  return useLiveQuery(async () => {
    const stored = await db.creditRules.get(CURRENT_CREDIT_RULE);
    return stored ? { rule: stored.rule, by: stored.by, savedAt: stored.savedAt } : { rule: defaultCreditRule(), by: null, savedAt: null };
  }, []);
}

export interface TargetHistory {
  entity: Entity | null;
  /** Newest first. */
  changes: StoredCreditChange[];
  cases: LocalCase[];
  /** The finding records of those cases, by case id. */
  findings: Map<string, LocalRecord[]>;
  orders: StoredRefundOrder[];
  events: StoredRefundEvent[];
  /** Months ascending. */
  filings: StoredFiling[];
  /** The draws it was drawn in, with the group it was drawn in when this device holds the whole draw. */
  draws: { id: string; name: string; drawnAt: string; group: string | null }[];
  facts: CreditFacts;
}

async function drawsOf(uscc: string, drawIds: readonly string[]): Promise<TargetHistory['draws']> {
  const out = new Map<string, TargetHistory['draws'][number]>();
  for (const d of await db.draws.toArray()) {
    const sel = d.result.selected.find((s) => s.uscc === uscc);
    if (sel || drawIds.includes(d.id)) out.set(d.id, { id: d.id, name: d.result.record.plan.name, drawnAt: d.drawnAt, group: sel?.group ?? null });
  }
  for (const h of await db.hubDraws.bulkGet(drawIds.filter((id) => !out.has(id)))) {
    if (!h) continue;
    const r = h.row as { record?: { plan?: { name?: string }; drawnAt?: string } };
    out.set(h.key, { id: h.key, name: r.record?.plan?.name ?? '', drawnAt: r.record?.drawnAt ?? '', group: null });
  }
  return [...out.values()].sort((a, b) => b.drawnAt.localeCompare(a.drawnAt));
}

/** Everything this device holds about one target; undefined while loading. */
export function useTargetHistory(uscc: string, today = chinaToday(new Date())): TargetHistory | undefined {
  return useLiveQuery(async () => {
    const entity = (await db.entities.get(uscc)) ?? null;
    const changes = (await db.creditChanges.where('uscc').equals(uscc).toArray()).sort((a, b) => b.at.localeCompare(a.at));
    const cases = (await db.cases.where('uscc').equals(uscc).toArray()).sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));
    const ids = cases.map((c) => c.id);
    const records = await db.records.where('caseId').anyOf(ids).toArray();
    const findings = new Map<string, LocalRecord[]>(ids.map((id) => [id, records.filter((r) => r.caseId === id && r.kind === 'finding')]));
    const orders = (await db.refundOrders.where('caseId').anyOf(ids).toArray()).concat((await db.refundOrders.toArray()).filter((o) => o.order.party.uscc === uscc && !ids.includes(o.caseId)));
    const events = await db.refundEvents.where('orderId').anyOf(orders.map((o) => o.id)).toArray();
    const filings = (await db.filings.where('uscc').equals(uscc).toArray()).sort((a, b) => a.month.localeCompare(b.month));
    const draws = await drawsOf(uscc, cases.flatMap((c) => (c.drawId ? [c.drawId] : [])));
    const world = { cases, records, orders: orders.map((o) => o.order), events: events.map((e) => e.event), filings };
    const facts = creditFactsOf([uscc], world, today).get(uscc)!;
    return { entity, changes, cases, findings, orders, events, filings, draws, facts };
  }, [uscc, today]);
}
