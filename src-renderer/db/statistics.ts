// Reads for 统计分析: what the statistics are computed from (src-shared/statistics/types.ts), narrowed by
// index where the filter allows — cases by district, filings by landlord — with
// ledgers, findings, refunds and filings read from the small rows derived as they are written (db/derived.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { filingsOfLandlords } from '../../src-shared/statistics/facts';
import { monthRange } from '../../src-shared/statistics/period';
import type { StatCase, StatDraw, StatEntity, StatFiling, StatFinding, StatisticsFilter, StatisticsInput, StatLedger } from '../../src-shared/statistics/types';
import { db, type LocalCase } from './db';

function statCase(c: LocalCase): StatCase {
  return {
    id: c.id, drawId: c.drawId ?? null, uscc: c.uscc, entityName: c.entityName, district: c.district, status: c.status, closedOn: c.closedOn ?? null,
    origin: c.origin ?? 'draw', receivedOn: c.originDetail?.kind === 'complaint' ? c.originDetail.receivedOn : null,
  };
}

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

async function readEntities(): Promise<StatEntity[]> {
  const rows = await db.entities.toArray();
  return rows.map((e) => ({ uscc: e.uscc, name: e.name, district: e.district, credit: e.credit, lng: e.lng, lat: e.lat, active: e.active }));
}

async function readCases(filter: Pick<StatisticsFilter, 'drawId' | 'district'>): Promise<StatCase[]> {
  const rows = filter.district === null ? await db.cases.toArray() : await db.cases.where('district').equals(filter.district).toArray();
  return rows.filter((c) => filter.drawId === null || c.drawId === filter.drawId).map(statCase);
}

/** The filings of the filter's months: of the plan's targets, of the district's, or of every landlord (db/derived.ts). */
async function readFilings(filter: StatisticsFilter, entities: readonly StatEntity[], cases: readonly StatCase[]): Promise<StatFiling[]> {
  let usccs: string[] | null = null;
  if (filter.drawId !== null) usccs = cases.map((c) => c.uscc);
  else if (filter.district !== null) usccs = entities.filter((e) => e.district === filter.district).map((e) => e.uscc);
  const rows = usccs === null ? await db.filingLandlords.toArray() : (await db.filingLandlords.bulkGet([...new Set(usccs)])).filter((r) => r !== undefined);
  return filingsOfLandlords(rows, monthRange(filter.period));
}

/** Everything the statistics of this filter count (the period is applied by the pure functions, filings read by it). */
export function readStatisticsInput(filter: StatisticsFilter): Promise<StatisticsInput> {
  const tables = [db.entities, db.draws, db.hubDraws, db.cases, db.recordFacts, db.refundFacts, db.filingLandlords];
  return db.transaction('r', tables, () => readInput(filter));
}

/**
 * Ledgers, findings and refunds come from their facts, kept as they are written (db/derived.ts): a few
 * thousand small rows read whole (a ledger record itself carries its schedule of bill lines, 200,000 of them
 * in a city's year; an order's events their proofs and letters). All reads are in flight at once; only the
 * filings of a plan or district wait for the targets and cases that name their landlords.
 */
async function readInput(filter: StatisticsFilter): Promise<StatisticsInput> {
  const every = filter.drawId === null && filter.district === null;
  const listed = Promise.all([readEntities(), readDraws(), readCases(filter)]);
  const [[entities, draws, cases], facts, refunds, filings] = await Promise.all([
    listed,
    db.recordFacts.toArray(),
    db.refundFacts.toArray(),
    every ? readFilings(filter, [], []) : listed.then(([e, , c]) => readFilings(filter, e, c)),
  ]);
  const wanted = new Set(cases.map((c) => c.id));
  const findings: StatFinding[] = [];
  const ledgers: StatLedger[] = [];
  for (const f of facts) {
    if (!wanted.has(f.caseId)) continue;
    if (f.kind === 'finding') findings.push({ caseId: f.caseId, type: f.type, amountFen: f.amountFen });
    else ledgers.push({ caseId: f.caseId, fileSha256: f.fileSha256, createdAt: f.createdAt, totalOverchargeFen: f.totalOverchargeFen });
  }
  return { entities, draws, cases, filings, findings, ledgers, refunds: every ? refunds : refunds.filter((r) => wanted.has(r.caseId)) };
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
