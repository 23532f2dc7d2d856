// Reads for 统计分析: what the statistics are computed from (src-shared/statistics/types.ts), read from the
// facts derived as their rows are written (db/derived.ts) and narrowed to the filter in memory.
import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_SHAPE, CASE_SHAPE, FILING_SHAPE, RECORD_SHAPE, type FilingLandlord } from '../../src-shared/statistics/columns';
import { filingsOf } from '../../src-shared/statistics/facts';
import { monthRange } from '../../src-shared/statistics/period';
import type { StatCase, StatDraw, StatEntity, StatFiling, StatFinding, StatisticsFilter, StatisticsInput, StatLedger } from '../../src-shared/statistics/types';
import { db } from './db';
import { readFacts } from './derived';

async function readDraws(): Promise<StatDraw[]> {
  const [mine, hub] = await Promise.all([db.draws.toArray(), db.hubDraws.toArray()]);
  const out = new Map<string, StatDraw>();
  for (const d of mine) {
    const groupOf: Record<string, string> = {};
    for (const s of d.result.selected) groupOf[s.uscc] = s.group;
    out.set(d.id, { id: d.id, name: d.result.record.plan.name, drawnAt: d.drawnAt, groups: d.result.groups, groupOf });
  }
  for (const h of hub) {
    if (out.has(h.key)) continue;
    const r = h.row as { record?: { plan?: { name?: string }; drawnAt?: string } };
    out.set(h.key, { id: h.key, name: r.record?.plan?.name ?? '', drawnAt: r.record?.drawnAt ?? '', groups: null, groupOf: null });
  }
  return [...out.values()];
}

/** The filings of the filter's months: of the plan's targets, of the district's, or of every landlord. */
function filingsIn(facts: readonly FilingLandlord[], filter: StatisticsFilter, entities: readonly StatEntity[], cases: readonly StatCase[]): StatFiling[] {
  let usccs: Set<string> | null = null;
  if (filter.drawId !== null) usccs = new Set(cases.map((c) => c.uscc));
  else if (filter.district !== null) usccs = new Set(entities.filter((e) => e.district === filter.district).map((e) => e.uscc));
  return filingsOf(facts, usccs, monthRange(filter.period));
}

/** Everything the statistics of this filter count (the period is applied by the pure functions, filings read by it). */
export function readStatisticsInput(filter: StatisticsFilter): Promise<StatisticsInput> {
  const tables = [db.draws, db.hubDraws, db.statColumns, db.refundFacts];
  return db.transaction('r', tables, () => readInput(filter));
}

/**
 * Targets, cases, ledgers, findings and filings come from their facts, kept column by column as they are
 * written (db/derived.ts): some hundred rows read whole (a ledger record itself carries its schedule of bill
 * lines, 200,000 of them in a city's year; a filing its figures), then narrowed here to the filter. Refunds
 * come from each order's standing (not its events with their proofs and letters). All reads are in flight at once.
 */
async function readInput(filter: StatisticsFilter): Promise<StatisticsInput> {
  const [draws, entities, allCases, facts, filingFacts, allRefunds] = await Promise.all([
    readDraws(), readFacts(db, ENTITY_SHAPE), readFacts(db, CASE_SHAPE), readFacts(db, RECORD_SHAPE), readFacts(db, FILING_SHAPE), db.refundFacts.toArray(),
  ]);
  const cases = allCases.filter((c) => (filter.district === null || c.district === filter.district) && (filter.drawId === null || c.drawId === filter.drawId));
  const every = filter.drawId === null && filter.district === null;
  const wanted = new Set(cases.map((c) => c.id));
  const findings: StatFinding[] = [];
  const ledgers: StatLedger[] = [];
  for (const f of facts) {
    if (!wanted.has(f.caseId)) continue;
    if (f.kind === 'finding') findings.push({ caseId: f.caseId, type: f.type, amountFen: f.amountFen });
    else ledgers.push({ caseId: f.caseId, fileSha256: f.fileSha256, createdAt: f.createdAt, totalOverchargeFen: f.totalOverchargeFen });
  }
  const filings = filingsIn(filingFacts, filter, entities, cases);
  return { entities, draws, cases, filings, findings, ledgers, refunds: every ? allRefunds : allRefunds.filter((r) => wanted.has(r.caseId)) };
}

/** The statistics' input for the filter, kept live; undefined while loading. */
export function useStatisticsInput(filter: StatisticsFilter): StatisticsInput | undefined {
  const key = JSON.stringify(filter);
  return useLiveQuery(() => readStatisticsInput(filter), [key]);
}

/** The districts to choose from: those of the list and of the cases, in Chinese collation. */
export function useStatisticsDistricts(): string[] | undefined {
  return useLiveQuery(async () => {
    const districts = new Set<string>();
    // The index's keys, one per district: walking 4,000 targets by cursor held up the page's own reads.
    for (const d of await db.entities.orderBy('district').uniqueKeys()) districts.add(String(d));
    for (const d of await db.cases.orderBy('district').uniqueKeys()) districts.add(String(d));
    return [...districts].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, []);
}
