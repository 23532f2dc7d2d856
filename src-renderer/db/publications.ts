// Reads for 结果公示: a draw's cases with what the publication rule needs (findings, refund orders) and
// the publications this device holds, by case.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseOutcome } from '../../src-shared/publication/category';
import type { PublicationEntry } from '../../src-shared/publication/publication';
import type { NoticeOrder } from '../../src-shared/publication/notice';
import { db, type LocalCase } from './db';

/** How a case was published: by which publication, when, where, and with what category and note. */
export interface PublishedEntry extends PublicationEntry {
  publicationId: string;
  publishedOn: string;
  channel: string;
  /** Published here and not yet taken by the hub. */
  pending: boolean;
}

export interface PublicationBoard {
  cases: LocalCase[];
  outcomes: Map<string, CaseOutcome>;
  orders: Map<string, NoticeOrder[]>;
  published: Map<string, PublishedEntry>;
}

/** The draws the cases on this device belong to, with how many cases each. */
export function useCaseDraws(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    // From the drawId index alone, no case read. Targeted cases (a null draw, not indexed) belong to no draw's publication.
    for (const drawId of (await db.cases.orderBy('drawId').keys()) as string[]) counts.set(drawId, (counts.get(drawId) ?? 0) + 1);
    return counts;
  }, []);
}

/** A draw's cases (by district, then name) with their findings, refund orders and publications. */
export function usePublicationBoard(drawId: string | null): PublicationBoard | undefined {
  return useLiveQuery(async () => {
    if (!drawId) return { cases: [], outcomes: new Map(), orders: new Map(), published: new Map() };
    const cases = (await db.cases.where('drawId').equals(drawId).toArray()).sort((a, b) => a.district.localeCompare(b.district, 'zh-CN') || a.entityName.localeCompare(b.entityName, 'zh-CN'));
    const ids = new Set(cases.map((c) => c.id));
    const outcomes = new Map<string, CaseOutcome>(cases.map((c) => [c.id, { findings: 0, refundOrders: 0 }]));
    await db.records.where('kind').equals('finding').each((r) => void (ids.has(r.caseId) && (outcomes.get(r.caseId)!.findings += 1)));
    const orders = new Map<string, NoticeOrder[]>();
    await db.refundOrders.each((o) => {
      if (!ids.has(o.caseId)) return;
      outcomes.get(o.caseId)!.refundOrders += 1;
      orders.set(o.caseId, [...(orders.get(o.caseId) ?? []), { docNo: o.order.docNo, totalFen: o.order.totalFen }]);
    });
    const published = new Map<string, PublishedEntry>();
    for (const p of await db.publications.where('drawId').equals(drawId).toArray()) {
      for (const e of p.publication.entries) published.set(e.caseId, { ...e, publicationId: p.id, publishedOn: p.publication.publishedOn, channel: p.publication.channel, pending: p.version === 0 });
    }
    return { cases, outcomes, orders, published };
  }, [drawId]);
}
