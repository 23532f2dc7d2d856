// The laptop's side of publishResults: the same rule as the hub's (src-shared/publication/publication.ts),
// asked of the cases, records, refund orders and publications this device holds, then the publication
// kept here and queued in ONE transaction. A refusal names its reason and the case at once.
import { chinaToday } from '../../src-shared/calendar/workdays';
import { publicationProblem, publicationSchema, type Publication, type PublicationCase, type PublicationProblem } from '../../src-shared/publication/publication';
import type { TariffDb } from '../db/db';
import { readIdentity } from '../db/identity';
import { LocalRefusal } from './mutators';
import { appendMutation, nextHlc } from './outbox';

/** A publication this device can tell is not allowed: the problem, and the name of the target it concerns. */
export class PublicationRefusal extends LocalRefusal {
  constructor(
    readonly problem: PublicationProblem | { code: 'not-office' },
    /** The target's name when the problem is about a case ('' otherwise, or when unknown here). */
    readonly target = '',
  ) {
    super('not-publishable', `publication refused: ${problem.code}`);
  }
}

/** What the rule needs of the listed cases, from this device's tables. */
async function listedCases(db: TariffDb, ids: readonly string[]): Promise<Map<string, PublicationCase & { name: string }>> {
  const cases = (await db.cases.bulkGet([...ids])).filter((c) => c !== undefined);
  const publishedIn = new Map<string, string>();
  await db.publications.each((p) => p.publication.entries.forEach((e) => publishedIn.set(e.caseId, p.id)));
  const out = new Map<string, PublicationCase & { name: string }>();
  for (const c of cases) {
    const findings = await db.records.where('caseId').equals(c.id).filter((r) => r.kind === 'finding').count();
    const refundOrders = await db.refundOrders.where('caseId').equals(c.id).count();
    out.set(c.id, { id: c.id, drawId: c.drawId, status: c.status, outcome: { findings, refundOrders }, publishedIn: publishedIn.get(c.id) ?? null, name: c.entityName });
  }
  return out;
}

/** Publishes the results of a draw's closed cases (the office only); refused here first with the reason. */
export async function publishResults(db: TariffDb, publication: Publication): Promise<void> {
  const parsed = publicationSchema.parse(publication);
  await db.transaction('rw', [db.cases, db.records, db.refundOrders, db.publications, db.outbox, db.settings], async () => {
    const me = await readIdentity(db);
    if (me?.role !== 'office') throw new PublicationRefusal({ code: 'not-office' });
    const cases = await listedCases(db, parsed.entries.map((e) => e.caseId));
    const problem = publicationProblem(parsed, cases, chinaToday(new Date()));
    if (problem) throw new PublicationRefusal(problem, 'caseId' in problem ? (cases.get(problem.caseId)?.name ?? '') : '');
    await appendMutation(db, 'publishResults', { publication: parsed }, await nextHlc(db));
    await db.publications.put({ id: parsed.id, drawId: parsed.drawId, publication: parsed, by: me.name, at: new Date().toISOString(), version: 0 });
  });
}
