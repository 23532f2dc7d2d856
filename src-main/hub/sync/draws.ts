// The draw on the hub: a lead (their district) or the office (everything) runs the foundation's
// draw over the hub's lists; each selected target becomes a case assigned to the drawn team.
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../src-shared/canonicalJson';
import { DrawError, runDraw, type DrawResult, type SavedDrawRecord } from '../../../src-shared/draw/draw';
import type { Commitment } from '../../../src-shared/draw/commitment';
import type { DrawPlan } from '../../../src-shared/draw/plan';
import type { Case } from '../../../src-shared/sync/records';
import type { DeviceSession } from '../accounts/devices';
import { drawText } from '../../../src-shared/i18n/draw';
import { HubError } from '../errors';
import type { Store } from '../store/store';
import { writeTransaction, type Write } from '../store/writeTransaction';
import { planHash } from '../../../src-shared/draw/canonical';
import type { MutatorArgs } from '../../../src-shared/sync/mutators';
import { Rejection, type Applied } from './mutators';
import { readLists } from './lists';

export interface HubDraw {
  drawId: string;
  district: string | null;
  record: DrawResult['record'];
  cases: number;
  groups: DrawResult['groups'];
  excluded: DrawResult['excluded'];
  /** The rule applied to targets in an open case of an earlier draw, and those targets. */
  openCases: OpenCaseRule;
  alreadyOpen: OpenCase[];
}

/** What a draw does with targets that are in an open case (not yet approved) of an earlier draw. */
export const OPEN_CASE_RULES = ['leave-out', 'allow'] as const;
export type OpenCaseRule = (typeof OPEN_CASE_RULES)[number];

export interface OpenCase {
  uscc: string;
  caseId: string;
  drawId: string;
  /** The plan of the draw that made the case. */
  plan: string;
}

/**
 * A lead draws over their own district: a plan without a scope gets theirs (so the record says what it
 * covered and any device re-runs it), a scope naming another district is refused.
 */
function scopedFor(plan: DrawPlan, district: string | null): DrawPlan {
  if (district === null) return plan;
  const named = plan.districts ?? [];
  if (named.some((d) => d !== district)) throw new HubError(403, 'forbidden', `a lead draws in ${district} only`, undefined, { scope: named.join('、') });
  return { ...plan, districts: [district] };
}

/**
 * The open drawn cases (any status but approved) of these targets, with the plan of the draw that made each.
 * A targeted case (complaint, screening) leaves its target in the draw: leaving it out would shrink the
 * group the ratio is taken of, so a chosen case would count towards the random ratio (docs/decisions.md).
 */
async function openCasesOf(store: Store, usccs: readonly string[]): Promise<OpenCase[]> {
  if (usccs.length === 0) return [];
  const rows = await store.query<{ id: string; uscc: string; draw_id: string; plan: string | null }>(
    `SELECT c.id, c.uscc, c.draw_id, d.record->'plan'->>'name' AS plan FROM cases c JOIN draws d ON d.id = c.draw_id
      WHERE c.status <> 'approved' AND c.uscc = ANY($1::text[]) ORDER BY c.uscc, c.id`,
    [usccs],
  );
  return rows.map((r) => ({ uscc: r.uscc, caseId: r.id, drawId: r.draw_id, plan: r.plan ?? '' }));
}

export async function drawOnHub(store: Store, session: DeviceSession, given: DrawPlan, seed: string, at: Date, openCases: OpenCaseRule = 'leave-out', commitment?: Commitment): Promise<HubDraw> {
  const district = session.user.role === 'office' ? null : session.user.district;
  const plan = scopedFor(given, district);
  const lists = await readLists(store, district);
  const alreadyOpen = await openCasesOf(store, lists.entities.filter((e) => e.active).map((e) => e.uscc));
  // Left out: such a target takes part as an inactive row (so the record's list hash says so), and
  // the record's excluded rows name it with its open case's plan; 复核 treats it the same way.
  const open = new Map(alreadyOpen.map((o) => [o.uscc, o]));
  const entities = openCases === 'leave-out' ? lists.entities.map((e) => (open.has(e.uscc) ? { ...e, active: false } : e)) : lists.entities;
  let result: DrawResult;
  try {
    result = runDraw({ entities, inspectors: lists.inspectors, plan, seed, drawnAt: at.toISOString(), ...(commitment ? { commitment } : {}) });
  } catch (e) {
    if (e instanceof DrawError) throw new HubError(422, 'draw-failed', e.message, undefined, { code: e.code });
    throw e;
  }
  if (openCases === 'leave-out') {
    result.excluded = result.excluded.map((x) => {
      const o = open.get(x.key.replace(/^entities /, ''));
      return o && x.key.startsWith('entities ') ? { key: x.key, reason: drawText('draw.excluded.openCase', { plan: o.plan }), code: 'open-case' as const } : x;
    });
  }
  const byUscc = new Map(lists.entities.map((e) => [e.uscc, e]));
  const drawId = randomUUID();
  // The whole result is kept: 抽查记录 on every device shows, verifies and publishes the hub's draw as its own.
  const summary = { cases: result.selected.length, groups: result.groups, excluded: result.excluded, selected: result.selected, openCases, alreadyOpen };
  return writeTransaction(store, { userId: session.user.id, deviceId: session.deviceId }, at, async (w) => {
    await w.tx.query('INSERT INTO draws (id, district, record, summary, created_by, created_at, version) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)', [
      drawId, district, JSON.stringify(result.record), JSON.stringify(summary), session.user.id, at.toISOString(), w.version,
    ]);
    logDraw(w, drawId, district, result.record, result.selected.length, session.user.displayName);
    for (const s of result.selected) {
      const entity = byUscc.get(s.uscc);
      const c: Case = {
        id: randomUUID(), drawId, uscc: s.uscc, entityName: s.name, address: entity?.address ?? '', district: s.district, subdistrict: s.subdistrict,
        inspectors: s.inspectors, status: 'assigned', reviewNote: '', missingMedia: [],
      };
      await w.tx.query(
        `INSERT INTO cases (id, draw_id, uscc, entity_name, address, district, subdistrict, inspectors, status, review_note, missing_media, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, '', '[]', $10)`,
        [c.id, drawId, c.uscc, c.entityName, c.address, c.district, c.subdistrict, JSON.stringify(c.inspectors), c.status, w.version],
      );
      w.log('cases', c.id, { ...c, version: w.version } as unknown as Json, { caseId: c.id, district: c.district });
      // The target's list row travels with the case: the reference data an inspector needs on site.
      if (entity) w.log('entities', entity.uscc, entity as unknown as Json, { caseId: c.id, district: c.district });
    }
    await w.audit({ action: 'draw.run', subject: `draw:${drawId}`, after: { record: result.record as unknown as Json, cases: result.selected.length, district, openCases, alreadyOpen: alreadyOpen as unknown as Json } });
    return { drawId, district, record: result.record, cases: result.selected.length, groups: result.groups, excluded: result.excluded, openCases, alreadyOpen };
  });
}

/** One draw made on the hub, whole (record, groups, selected with teams, rows left out), if the session may read it. */
export async function readHubDraw(store: Store, session: DeviceSession, id: string): Promise<{ id: string; district: string | null; by: string; result: DrawResult } | null> {
  const [row] = await store.query<{ id: string; district: string | null; record: DrawResult['record']; summary: { groups: DrawResult['groups']; excluded: DrawResult['excluded']; selected?: DrawResult['selected'] }; by: string | null }>(
    'SELECT d.id, d.district, d.record, d.summary, u.display_name AS by FROM draws d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1',
    [id],
  );
  if (!row) return null;
  const { user } = session;
  if (user.role === 'inspector' || (user.role === 'lead' && row.district !== user.district)) return null;
  const result: DrawResult = { record: row.record, groups: row.summary.groups, selected: row.summary.selected ?? [], excluded: row.summary.excluded };
  return { id: row.id, district: row.district, by: row.by ?? '', result };
}

/** The pull-log row of a draw (either kind): 抽查记录 on every device in its district lists it. */
function logDraw(w: Write, id: string, district: string | null, record: SavedDrawRecord, selected: number, by: string): void {
  w.log('draws', id, { id, district, record, cases: selected, by, createdAt: w.at.toISOString(), version: w.version } as unknown as Json, { district: district ?? '' });
}

/** The office draws over any scope, a lead over their own district only, an inspector never. */
function mayDraw(user: DeviceSession['user'], plan: DrawPlan, district: string | null): void {
  if (user.role === 'inspector') throw new Rejection('forbidden', 'an inspector does not draw');
  if (user.role === 'lead' && district !== user.district) throw new Rejection('forbidden', `a lead draws in ${user.district} only`, { scope: (plan.districts ?? []).join('、') });
}

/** The one district a plan's scope names, else null (an office-wide draw). */
function districtOf(plan: DrawPlan): string | null {
  return plan.districts?.length === 1 ? plan.districts[0]! : null;
}

/**
 * A draw made on a device (recordDraw), kept whole like the hub's own so every device lists, verifies
 * and publishes it. It opens no case: cases come from a draw on the hub, over the hub's lists. The office
 * records any draw; a lead only one scoped to their district; the record must be whole (its plan hashes
 * to its planHash, its count of selected targets is the list's).
 */
export async function recordDeviceDraw(w: Write, session: DeviceSession, args: MutatorArgs<'recordDraw'>): Promise<Applied> {
  const { user } = session;
  const { record } = args.result;
  const district = districtOf(record.plan);
  mayDraw(user, record.plan, district);
  if (planHash(record.plan) !== record.planHash) throw new Rejection('invalid', 'the plan does not hash to the record\'s planHash', { path: 'result.record.planHash', issue: 'custom' });
  if (record.selectedCount !== args.result.selected.length) throw new Rejection('invalid', 'selectedCount differs from the selected targets', { path: 'result.record.selectedCount', issue: 'custom' });
  const [exists] = await w.tx.query<{ id: string }>('SELECT id FROM draws WHERE id = $1', [args.id]);
  if (exists) throw new Rejection('exists', `draw ${args.id} is already recorded`);
  const { groups, excluded, selected } = args.result;
  const summary = { cases: 0, groups, excluded, selected, source: 'device', drawnBy: args.drawnBy };
  await w.tx.query('INSERT INTO draws (id, district, record, summary, created_by, created_at, version) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)', [
    args.id, district, JSON.stringify(record), JSON.stringify(summary), user.id, w.at.toISOString(), w.version,
  ]);
  logDraw(w, args.id, district, record, selected.length, user.displayName);
  const after = { record: record as unknown as Json, selected: selected.length, district, source: 'device' };
  return { subject: `draw:${args.id}`, before: null, after, conflicts: 0 };
}

/**
 * A plan committed on a device before its seed: kept with the hub's time (the audit chain records the
 * mutation), so a later draw's commitment can be shown to have existed first. The office commits any
 * plan, a lead one scoped to their district; the commitment must be of this plan.
 */
export async function commitDevicePlan(w: Write, session: DeviceSession, args: MutatorArgs<'commitPlan'>): Promise<Applied> {
  const { user } = session;
  const district = districtOf(args.plan);
  mayDraw(user, args.plan, district);
  if (planHash(args.plan) !== args.commitment.planHash) throw new Rejection('invalid', 'the commitment is not of this plan', { path: 'commitment.planHash', issue: 'custom' });
  const [exists] = await w.tx.query<{ id: string }>('SELECT id FROM draw_plans WHERE id = $1', [args.id]);
  if (exists) throw new Rejection('exists', `plan ${args.id} is already committed`);
  await w.tx.query('INSERT INTO draw_plans (id, district, plan, commitment, created_by, created_at, version) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)', [
    args.id, district, JSON.stringify(args.plan), JSON.stringify(args.commitment), user.id, w.at.toISOString(), w.version,
  ]);
  return { subject: `plan:${args.id}`, before: null, after: { plan: args.plan as unknown as Json, commitment: args.commitment as unknown as Json, committedOnHubAt: w.at.toISOString() }, conflicts: 0 };
}
