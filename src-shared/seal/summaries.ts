// The signed summary of each kind of document, made from the document's own data by one function that
// the laptop (to print what it expects) and the hub (to sign only what its records say) both call.
import { chinaDate } from '../inspection/meters';
import type { LedgerCheck } from '../inspection/ledgerCheck';
import { tenantTotals } from '../inspection/ledgerCheck';
import type { OnSiteRecord, OnSiteSignature } from '../inspection/onSiteRecord';
import { formatFen } from '../money';
import type { RefundOrder } from '../refund/order';
import type { RefundReminder } from '../refund/tracking';
import type { DrawResult } from '../draw/draw';
import type { SealSummary, SealedKind } from './envelope';
import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../hash/sha256';
import { CATEGORY_TEXT, type PublicationCategory } from '../publication/category';

/** What the summary takes beyond the document: the issuing office, the signing key, the issued PDF's hash. */
export interface SealContext {
  issuer: string;
  key: string;
  pdf: string;
}

type Body = Omit<SealSummary, 'v' | 'issuer' | 'key' | 'pdf'>;

function summary(body: Body, c: SealContext): SealSummary {
  return { v: 1, ...body, issuer: c.issuer || '（未设置办案机构）', key: c.key, pdf: c.pdf };
}

const yuan = (fen: number) => `${formatFen(fen)} 元`;
const day = (iso: string) => chinaDate(new Date(iso));

export const SEALED_TITLES: Record<SealedKind, string> = {
  'refund-order': '责令退还多收电费通知书',
  'onsite-record': '现场检查笔录',
  'overcharge-schedule': '多收电费明细表',
  publication: '双随机抽查结果公示',
  'draw-record': '双随机抽查记录',
  'draw-notice': '双随机抽查结果公示（抽取结果）',
  'refund-reminder': '退还多收电费催告通知书',
};

export function refundOrderSummary(o: RefundOrder, c: SealContext): SealSummary {
  return summary({
    kind: 'refund-order', no: o.docNo, title: SEALED_TITLES['refund-order'], date: o.issuedOn,
    parties: [{ name: o.party.name, id: o.party.uscc }],
    figures: [
      { label: '退还金额合计', value: yuan(o.totalFen) },
      { label: '退还户数', value: String(o.tenants.length) },
      { label: '退还期限', value: `${o.workingDays} 个工作日（送达当日起算至 ${o.deadline}）` },
      { label: '台账 SHA-256', value: o.ledger.sha256 },
    ],
  }, { ...c, issuer: o.office });
}

export interface OnSiteEntry {
  id: string;
  record: OnSiteRecord;
  signatures: readonly OnSiteSignature[];
}

/** A reminder (催告) of an overdue order: it has no number of its own and cites the order's. */
export function reminderSummary(o: RefundOrder, r: RefundReminder, c: SealContext): SealSummary {
  return summary({
    kind: 'refund-reminder', no: `${o.docNo}（催告 ${r.issuedOn}）`, title: SEALED_TITLES['refund-reminder'], date: r.issuedOn,
    parties: [{ name: o.party.name, id: o.party.uscc }],
    figures: [
      { label: '尚未退还合计', value: yuan(r.tenants.reduce((s, t) => s + t.remainingFen, 0)) },
      { label: '尚未退还户数', value: String(r.tenants.length) },
      { label: '新的退还期限', value: `${r.workingDays} 个工作日（至 ${r.deadline}）` },
      { label: '原通知书文号', value: o.docNo },
    ],
  }, { ...c, issuer: o.office });
}

/** An on-site record or supplement: its number is the record's, its parties the party and the inspectors. */
export function onSiteRecordSummary(e: OnSiteEntry, c: SealContext): SealSummary {
  const signed = e.signatures.map((s) => `${s.name}${s.refused ? '（拒签）' : ''}`).sort();
  return summary({
    kind: 'onsite-record', no: `笔录 ${e.id.slice(0, 8)}`, title: e.record.supplementOf ? '补充笔录' : SEALED_TITLES['onsite-record'],
    date: day(e.record.startedAt),
    parties: [{ name: e.record.party.name, id: e.record.party.uscc }],
    figures: [
      { label: '检查地点', value: e.record.place.slice(0, 200) },
      { label: '检查人员', value: e.record.inspectors.map((i) => `${i.name}（${i.certNo}）`).join('、').slice(0, 200) },
      { label: '签名', value: signed.join('、').slice(0, 200) },
    ],
  }, c);
}

export interface ScheduleEntry {
  id: string;
  check: LedgerCheck;
  party: { name: string; uscc: string };
  createdAt: string;
}

export function scheduleSummary(s: ScheduleEntry, c: SealContext): SealSummary {
  const owed = tenantTotals(s.check).filter((t) => t.overchargeFen > 0).length;
  return summary({
    kind: 'overcharge-schedule', no: `明细表 ${s.id.slice(0, 8)}`, title: SEALED_TITLES['overcharge-schedule'], date: day(s.createdAt),
    parties: [{ name: s.party.name, id: s.party.uscc }],
    figures: [
      { label: '多收电费合计', value: yuan(s.check.totalOverchargeFen) },
      { label: '多收户数', value: String(owed) },
      { label: '台账 SHA-256', value: s.check.file.sha256 },
    ],
  }, c);
}

/** The draw's record or its public notice: the plan, the counts, and the hashes anyone can recompute. */
export function drawSummary(kind: 'draw-record' | 'draw-notice', record: Pick<DrawResult['record'], 'plan' | 'entitiesCount' | 'selectedCount' | 'outputHash' | 'drawnAt'>, c: SealContext): SealSummary {
  return summary({
    kind, no: `抽查 ${record.outputHash.slice(0, 12)}`, title: SEALED_TITLES[kind], date: day(record.drawnAt),
    parties: [],
    figures: [
      { label: '抽查计划', value: record.plan.name.slice(0, 200) },
      { label: '名录对象数', value: String(record.entitiesCount) },
      { label: '抽取对象数', value: String(record.selectedCount) },
      { label: '抽取结果哈希', value: record.outputHash },
    ],
  }, c);
}

/** One publication (一公开) as the hub holds it: its targets and the category each was published with. */
export interface PublishedList {
  id: string;
  planName: string;
  publishedOn: string;
  channel: string;
  entries: readonly { uscc: string; category: PublicationCategory }[];
}

/**
 * A publication list: the plan, the counts, where it was published, and a hash of the targets with their
 * categories (sorted by USCC), so that a list with one target more, fewer or otherwise classed differs.
 */
export function publicationSummary(p: PublishedList, c: SealContext): SealSummary {
  const listed = [...p.entries].sort((a, b) => a.uscc.localeCompare(b.uscc)).map((e) => [e.uscc, e.category]);
  const refunds = p.entries.filter((e) => e.category === 'refund-ordered').length;
  return summary({
    kind: 'publication', no: `公示 ${p.id.slice(0, 8)}`, title: SEALED_TITLES.publication, date: p.publishedOn,
    parties: [],
    figures: [
      { label: '抽查计划', value: p.planName.slice(0, 200) },
      { label: '公示对象数', value: String(p.entries.length) },
      { label: `其中${CATEGORY_TEXT['refund-ordered']}`, value: String(refunds) },
      { label: '公示渠道', value: p.channel },
      { label: '名单 SHA-256', value: sha256Hex(new TextEncoder().encode(canonicalJson(listed))) },
    ],
  }, c);
}

/** Fields whose values differ between two summaries (what the laptop and the hub disagree on). */
export function summaryDifferences(a: SealSummary, b: SealSummary): string[] {
  return (Object.keys(a) as (keyof SealSummary)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
