// Publication of results (一公开) on the hub: the office alone publishes; every case listed must be an
// approved (closed) case of that draw, published for the first time, with a category its own record does
// not contradict, on a date not after the hub's China date (src-shared/publication/publication.ts decides,
// the laptop asks it the same first). Kept in `publications`, each case once in `publication_entries`,
// and sent to the office and the leads of the cases' districts.
import type { Json } from '../../../src-shared/canonicalJson';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import { publicationProblem, type Publication, type PublicationCase, type PublicationProblem } from '../../../src-shared/publication/publication';
import type { DeviceSession } from '../accounts/devices';
import { insertRows, toNumber } from '../store/store';
import type { Write } from '../store/writeTransaction';
import type { Applied } from '../sync/mutators';
import { Rejection } from '../sync/mutators';

interface ListedCase {
  id: string;
  draw_id: string | null;
  status: string;
  district: string;
  entity_name: string;
}

/** The cases the entries name, with their findings, refund orders and any earlier publication. */
async function listedCases(w: Write, ids: readonly string[]): Promise<{ cases: Map<string, PublicationCase>; rows: ListedCase[] }> {
  const rows = await w.tx.query<ListedCase>('SELECT id, draw_id, status, district, entity_name FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
  const findings = await w.tx.query<{ case_id: string; n: unknown }>("SELECT case_id, count(*) AS n FROM records WHERE case_id = ANY($1::uuid[]) AND kind = 'finding' GROUP BY case_id", [ids]);
  const orders = await w.tx.query<{ case_id: string; n: unknown }>('SELECT case_id, count(*) AS n FROM refund_orders WHERE case_id = ANY($1::uuid[]) GROUP BY case_id', [ids]);
  const published = await w.tx.query<{ case_id: string; publication_id: string }>('SELECT case_id, publication_id FROM publication_entries WHERE case_id = ANY($1::uuid[])', [ids]);
  const count = (list: readonly { case_id: string; n: unknown }[]) => new Map(list.map((r) => [r.case_id, toNumber(r.n)]));
  const [f, o, p] = [count(findings), count(orders), new Map(published.map((r) => [r.case_id, r.publication_id]))];
  const cases = new Map(rows.map((c) => [c.id, { id: c.id, drawId: c.draw_id, status: c.status, outcome: { findings: f.get(c.id) ?? 0, refundOrders: o.get(c.id) ?? 0 }, publishedIn: p.get(c.id) ?? null }]));
  return { cases, rows };
}

/** The refusal for a problem: the reason and what it names, for the laptop to say in words. */
function rejection(problem: PublicationProblem, names: ReadonlyMap<string, string>): Rejection {
  if (problem.code === 'not-found') return new Rejection('not-found', `no case ${problem.caseId}`, { caseId: problem.caseId });
  const { code, ...named } = problem;
  const about = 'caseId' in problem ? ` (${names.get(problem.caseId) ?? problem.caseId})` : '';
  return new Rejection('invalid', `publication refused: ${code}${about}`, { reason: code, ...named });
}

/** Checks and stores a publication; the audit entry names it and how many cases it published. */
export async function publish(w: Write, session: DeviceSession, p: Publication): Promise<Applied> {
  const { user } = session;
  if (user.role !== 'office') throw new Rejection('forbidden', 'only the office publishes results', { role: user.role });
  const [known] = await w.tx.query('SELECT 1 FROM publications WHERE id = $1', [p.id]);
  if (known) throw new Rejection('exists', `publication ${p.id} exists`);
  const [draw] = await w.tx.query<{ id: string }>('SELECT id FROM draws WHERE id = $1', [p.drawId]);
  if (!draw) throw new Rejection('not-found', `no draw ${p.drawId}`, { drawId: p.drawId });
  const { cases, rows } = await listedCases(w, p.entries.map((e) => e.caseId));
  const problem = publicationProblem(p, cases, chinaToday(w.at));
  if (problem) throw rejection(problem, new Map(rows.map((c) => [c.id, c.entity_name])));
  await w.tx.query('INSERT INTO publications (id, draw_id, published_on, body, published_by, published_at, version) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)', [
    p.id, p.drawId, p.publishedOn, JSON.stringify(p), user.id, w.at.toISOString(), w.version,
  ]);
  await insertRows(w.tx, 'INSERT INTO publication_entries (case_id, publication_id)', 2, p.entries.map((e) => [e.caseId, p.id]));
  const row = { id: p.id, drawId: p.drawId, publication: p, by: user.displayName, at: w.at.toISOString(), version: w.version };
  // The office pulls everything; a lead pulls it by the district of the cases it lists (an office-wide
  // plan may list several districts: the row goes once to each).
  for (const district of new Set(rows.map((c) => c.district))) w.log('publications', p.id, row as unknown as Json, { district });
  return { subject: `publication:${p.id}`, before: null, after: { drawId: p.drawId, publishedOn: p.publishedOn, channel: p.channel, cases: p.entries.length } as Json, conflicts: 0 };
}
