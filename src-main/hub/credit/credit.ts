// Credit follow-up on the hub: the office's credit rule (each version kept, a senseless rule refused with
// the reason) and the grade changes it applies — written onto the list row's `credit` through the list's
// own upsert (new version, list history, pulled as a list change, so the next draw groups by it) and
// appended to credit_changes, the target's grade history with reason, who and when.
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../src-shared/canonicalJson';
import type { CreditGradeChange, StoredCreditChange } from '../../../src-shared/credit/change';
import { CURRENT_CREDIT_RULE } from '../../../src-shared/credit/pulled';
import { checkCreditRule, type CreditRule } from '../../../src-shared/credit/rule';
import type { Entity } from '../../../src-shared/domain';
import type { DeviceSession } from '../accounts/devices';
import { insertRows } from '../store/store';
import type { Write } from '../store/writeTransaction';
import { entityFromRow, putListRows } from '../sync/lists';
import { Rejection } from '../sync/mutators';
import { EVERY_DEVICE } from '../sync/reference';

function officeOnly(session: DeviceSession): void {
  if (session.user.role !== 'office') throw new Rejection('forbidden', 'only the office sets the credit rule and grades');
}

/** Stores a new version of the rule in force, or refuses it with the first problem's code (`reason`). */
export async function putCreditRule(w: Write, session: DeviceSession, rule: CreditRule) {
  officeOnly(session);
  const checked = checkCreditRule(rule);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    throw new Rejection('invalid', first.message, { reason: first.code, key: first.key, ...first.params });
  }
  const [previous] = await w.tx.query<{ body: Json }>('SELECT body FROM credit_rules ORDER BY id DESC LIMIT 1');
  await w.tx.query('INSERT INTO credit_rules (rule_id, version, body, stored_by, stored_at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
    checked.rule.id, w.version, JSON.stringify(checked.rule), session.user.id, w.at.toISOString(),
  ]);
  const row = { id: CURRENT_CREDIT_RULE, rule: checked.rule, by: session.user.displayName, savedAt: w.at.toISOString(), version: w.version };
  w.log('creditRules', CURRENT_CREDIT_RULE, row as unknown as Json, { district: EVERY_DEVICE });
  return { subject: `creditRule:${checked.rule.id}`, before: previous?.body ?? null, after: checked.rule as unknown as Json, conflicts: 0 };
}

type EntityRow = Parameters<typeof entityFromRow>[0];

/**
 * Applies grade changes: every target must be on the list (else nothing is applied); a change to the grade
 * it has already is left out (no history entry for nothing). The list rows are rewritten with the new
 * grade, and each change is kept and pulled with the target's district.
 */
export async function setCreditGrades(w: Write, session: DeviceSession, changes: readonly CreditGradeChange[], hlc: string) {
  officeOnly(session);
  const rows = await w.tx.query<EntityRow>('SELECT * FROM entities WHERE uscc = ANY($1::text[]) FOR UPDATE', [changes.map((c) => c.uscc)]);
  const byUscc = new Map(rows.map((r) => [r.uscc, entityFromRow(r)]));
  const unknown = changes.find((c) => !byUscc.has(c.uscc));
  if (unknown) throw new Rejection('not-found', `no target ${unknown.uscc} on the list`, { reason: 'unknown-target', uscc: unknown.uscc });
  const real = changes.filter((c) => byUscc.get(c.uscc)!.credit !== c.grade);
  if (real.length === 0) return { subject: 'credit:0', before: [] as Json, after: [] as Json, conflicts: 0 };
  const regraded: Entity[] = real.map((c) => ({ ...byUscc.get(c.uscc)!, credit: c.grade }));
  const { user } = session;
  await putListRows(w, 'entities', regraded, { action: 'edit', deviceId: session.deviceId, userId: user.id, username: user.username, name: user.displayName, hlc });
  const stored: StoredCreditChange[] = real.map((c) => ({
    id: randomUUID(), uscc: c.uscc, from: byUscc.get(c.uscc)!.credit, to: c.grade, reason: c.reason, ruleId: c.ruleId ?? null,
    by: user.displayName, user: user.username, at: w.at.toISOString(), version: w.version,
  }));
  await insertRows(w.tx, 'INSERT INTO credit_changes (id, uscc, from_grade, to_grade, reason, rule_id, user_id, username, user_name, device_id, at, version)', 12,
    stored.map((s) => [s.id, s.uscc, s.from, s.to, s.reason, s.ruleId, user.id, user.username, user.displayName, session.deviceId, s.at, s.version]));
  for (const s of stored) w.log('creditChanges', s.id, s as unknown as Json, { district: byUscc.get(s.uscc)!.district });
  return {
    subject: `credit:${stored.length}`,
    before: stored.map((s) => ({ uscc: s.uscc, credit: s.from })) as unknown as Json,
    after: stored.map((s) => ({ uscc: s.uscc, credit: s.to, reason: s.reason, ruleId: s.ruleId })) as unknown as Json,
    conflicts: 0,
  };
}
