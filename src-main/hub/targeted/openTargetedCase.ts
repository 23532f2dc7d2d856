// The office opens a case outside the draw, on a tenant's complaint or a screening flag. The target must be
// active on the list; a target already in an open case gets the complaint attached to that case (linked,
// never doubled); otherwise the team is checked as a draw binds one (two or more active inspectors, no
// recusal: src-shared/targeted/team.ts) and the case is made and logged with the target's list row, so
// its team pulls it exactly like a drawn case.
import type { Json } from '../../../src-shared/canonicalJson';
import type { MutatorArgs } from '../../../src-shared/sync/mutators';
import type { LinkedComplaint } from '../../../src-shared/targeted/origin';
import { problemParams, targetProblem, teamProblems, type TargetProblem, type TeamProblem } from '../../../src-shared/targeted/team';
import type { DeviceSession } from '../accounts/devices';
import type { Write } from '../store/writeTransaction';
import { caseFromRow, logCase, type CaseRow } from '../sync/changes';
import { entityFromRow, inspectorFromRow } from '../sync/lists';
import { Rejection, type Applied } from '../sync/mutators';

type Args = MutatorArgs<'openTargetedCase'>;

/** The refusal for a problem: a missing target or inspector is not-found, the rest invalid; params name who and which rule. */
function refusal(problem: TargetProblem | TeamProblem): Rejection {
  const code = problem.code === 'unknown-target' || problem.code === 'unknown-inspector' ? 'not-found' : 'invalid';
  const path = problem.code.endsWith('target') ? 'uscc' : problem.code === 'lead-not-on-team' ? 'lead' : 'inspectors';
  const about = 'certNo' in problem ? ` ${problem.certNo}` : 'uscc' in problem ? ` ${problem.uscc}` : '';
  const rule = problem.code === 'recused' ? ` (${problem.rule})` : '';
  return new Rejection(code, `targeted case refused: ${problem.code}${about}${rule}`, { ...problemParams(problem), path, issue: 'custom' });
}

/** The target's open case to attach a complaint to: a drawn one first, else a targeted one. */
async function openCaseOf(w: Write, uscc: string): Promise<CaseRow | undefined> {
  const [row] = await w.tx.query<CaseRow>(
    "SELECT * FROM cases WHERE uscc = $1 AND status <> 'approved' ORDER BY (origin = 'draw') DESC, id LIMIT 1 FOR UPDATE",
    [uscc],
  );
  return row;
}

/** Whether this id is taken: by a case, or by a complaint attached to one (the same request sent twice from two devices). */
async function idTaken(w: Write, id: string): Promise<boolean> {
  const rows = await w.tx.query<{ id: string }>('SELECT id FROM cases WHERE id = $1 OR linked_complaints @> $2::jsonb LIMIT 1', [id, JSON.stringify([{ id }])]);
  return rows.length > 0;
}

async function link(w: Write, session: DeviceSession, open: CaseRow, args: Args): Promise<{ row: CaseRow; applied: Applied }> {
  const complaint: LinkedComplaint = { id: args.id, origin: args.origin, by: session.user.displayName, at: w.at.toISOString() };
  const [row] = await w.tx.query<CaseRow>('UPDATE cases SET linked_complaints = linked_complaints || $2::jsonb, version = $3 WHERE id = $1 RETURNING *', [open.id, JSON.stringify([complaint]), w.version]);
  if (!row) throw new Error(`case ${open.id} not updated`);
  logCase(w, row);
  const after = { linkedCaseId: open.id, complaint } as unknown as Json;
  return { row, applied: { subject: `case:${open.id}`, before: { linkedComplaints: open.linked_complaints.length }, after, conflicts: 0 } };
}

/** Applies openTargetedCase (office only); returns the case row written (new, or the open case linked to). */
export async function openTargetedCase(w: Write, session: DeviceSession, args: Args): Promise<{ row: CaseRow; applied: Applied }> {
  if (session.user.role !== 'office') throw new Rejection('forbidden', 'only the office opens complaint and targeted cases', { role: session.user.role });
  if (await idTaken(w, args.id)) throw new Rejection('exists', `case ${args.id} exists already`);
  const [stored] = await w.tx.query<Parameters<typeof entityFromRow>[0]>('SELECT * FROM entities WHERE uscc = $1', [args.uscc]);
  const target = stored ? entityFromRow(stored) : undefined;
  const missing = targetProblem(args.uscc, target);
  if (missing || !target) throw refusal(missing ?? { code: 'unknown-target', uscc: args.uscc });
  const open = await openCaseOf(w, args.uscc);
  if (open) return link(w, session, open, args);
  const rows = await w.tx.query<Parameters<typeof inspectorFromRow>[0]>('SELECT * FROM inspectors WHERE cert_no = ANY($1::text[])', [args.inspectors]);
  const inspectors = new Map(rows.map((r) => [r.cert_no, inspectorFromRow(r)]));
  const [problem] = teamProblems(target, args.inspectors, args.lead, inspectors);
  if (problem) throw refusal(problem);
  const [row] = await w.tx.query<CaseRow>(
    `INSERT INTO cases (id, draw_id, uscc, entity_name, address, district, subdistrict, inspectors, status, review_note, missing_media, origin, origin_detail, lead, version)
     VALUES ($1, NULL, $2, $3, $4, $5, $6, $7::jsonb, 'assigned', '', '[]', $8, $9::jsonb, $10, $11) RETURNING *`,
    [args.id, target.uscc, target.name, target.address, target.district, target.subdistrict, JSON.stringify(args.inspectors), args.origin.kind, JSON.stringify(args.origin), args.lead ?? null, w.version],
  );
  if (!row) throw new Error(`case ${args.id} not inserted`);
  logCase(w, row);
  // The target's list row travels with the case, as with a drawn one: the reference an inspector needs on site.
  w.log('entities', target.uscc, target as unknown as Json, { caseId: row.id, district: row.district });
  return { row, applied: { subject: `case:${row.id}`, before: null, after: caseFromRow(row) as unknown as Json, conflicts: 0 } };
}
