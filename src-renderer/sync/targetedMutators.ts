// The laptop's side of openTargetedCase: the same rules as the hub's (src-main/hub/targeted/), asked of the
// lists and cases this office device holds, then the case (or the complaint attached to the target's open
// case) kept here and queued in ONE transaction. A refusal names its reason, the inspector and the rule.
import { v7 as uuidv7 } from 'uuid';
import type { LocalCase, TariffDb } from '../db/db';
import { readIdentity } from '../db/identity';
import { isOpenCase, originOf, targetedOriginSchema, type LinkedComplaint, type TargetedOrigin } from '../../src-shared/targeted/origin';
import { targetProblem, teamProblems, type TargetProblem, type TeamProblem } from '../../src-shared/targeted/team';
import { appendMutation, nextHlc } from './outbox';

/** A targeted case this device can tell is not allowed, with the problem (who, which rule). */
export class TargetedRefusal extends Error {
  constructor(readonly problem: TargetProblem | TeamProblem | { code: 'not-office' }) {
    super(`targeted case refused: ${problem.code}`);
  }
}

export interface TargetedRequest {
  uscc: string;
  origin: TargetedOrigin;
  /** Certificate numbers of the team (two or more); `lead` one of them. */
  inspectors: string[];
  lead?: string;
}

/** What came of it: a new case, or the complaint attached to the target's open case (`linked`). */
export interface TargetedOutcome {
  caseId: string;
  linked: boolean;
}

/** The target's open case a complaint joins, as the hub picks it: a drawn one first. */
function openCaseOf(cases: readonly LocalCase[]): LocalCase | undefined {
  const open = cases.filter(isOpenCase);
  return open.find((c) => originOf(c) === 'draw') ?? [...open].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
}

/** Opens a complaint or screening case (the office only), or attaches it to the target's open case. */
export async function openTargetedCase(db: TariffDb, request: TargetedRequest, id = uuidv7()): Promise<TargetedOutcome> {
  const origin = targetedOriginSchema.parse(request.origin);
  return db.transaction('rw', [db.cases, db.entities, db.inspectors, db.outbox, db.settings], async () => {
    const me = await readIdentity(db);
    if (me?.role !== 'office') throw new TargetedRefusal({ code: 'not-office' });
    const target = await db.entities.get(request.uscc);
    const missing = targetProblem(request.uscc, target);
    if (missing || !target) throw new TargetedRefusal(missing ?? { code: 'unknown-target', uscc: request.uscc });
    const args = { id, uscc: request.uscc, origin, inspectors: request.inspectors, ...(request.lead ? { lead: request.lead } : {}) };
    const open = openCaseOf(await db.cases.where('uscc').equals(request.uscc).toArray());
    if (open) {
      const complaint: LinkedComplaint = { id, origin, by: me.name, at: new Date().toISOString() };
      await appendMutation(db, 'openTargetedCase', args, await nextHlc(db), { caseId: open.id });
      await db.cases.update(open.id, { linkedComplaints: [...(open.linkedComplaints ?? []), complaint] });
      return { caseId: open.id, linked: true };
    }
    const team = (await db.inspectors.bulkGet(request.inspectors)).filter((x) => x !== undefined);
    const [problem] = teamProblems(target, request.inspectors, request.lead, new Map(team.map((x) => [x.certNo, x])));
    if (problem) throw new TargetedRefusal(problem);
    await appendMutation(db, 'openTargetedCase', args, await nextHlc(db), { caseId: id });
    await db.cases.add({
      id, drawId: null, uscc: target.uscc, entityName: target.name, address: target.address, district: target.district, subdistrict: target.subdistrict,
      inspectors: request.inspectors, status: 'assigned', reviewNote: '', missingMedia: [], origin: origin.kind, originDetail: origin,
      ...(request.lead ? { lead: request.lead } : {}), version: 0,
    });
    return { caseId: id, linked: false };
  });
}

/**
 * A case pulled from the hub with complaints attached: a case made here for one of those complaints (the
 * hub attached it instead, having known of an open case this device had not seen) leaves this device.
 * Call inside the pull's transaction.
 */
export async function dropLinkedHere(db: TariffDb, pulled: Pick<LocalCase, 'linkedComplaints'>): Promise<void> {
  for (const complaint of pulled.linkedComplaints ?? []) {
    const mine = await db.cases.get(complaint.id);
    if (mine && mine.version === 0 && originOf(mine) !== 'draw') await db.cases.delete(complaint.id);
  }
}

/** A refused openTargetedCase: the case made here for it leaves this device (the refusal stays listed on 同步). */
export async function dropRefusedTargeted(db: TariffDb, rejected: Record<string, unknown>): Promise<void> {
  const id = (rejected.args as { id?: unknown } | undefined)?.id;
  if (rejected.name !== 'openTargetedCase' || typeof id !== 'string') return;
  const mine = await db.cases.get(id);
  if (mine && mine.version === 0) await db.cases.delete(id);
  // A complaint attached here to an open case is taken back from it too.
  await db.cases.filter((c) => (c.linkedComplaints ?? []).some((l) => l.id === id)).modify((c) => {
    c.linkedComplaints = (c.linkedComplaints ?? []).filter((l) => l.id !== id);
  });
}
