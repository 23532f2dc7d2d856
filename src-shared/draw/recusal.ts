// 回避: why an inspector may not sit on a target's team (docs/draw-algorithm.md §9). The draw marks these
// members in its pools (roster.ts, teams.ts) and names them when a team cannot be filled; a targeted case
// chosen by the office is checked against the same rules one inspector at a time.
import type { Entity, Inspector } from '../domain';

export type RecusalRule = 'same-subdistrict' | 'declared-conflict' | 'last-inspector';

/** Which recusals apply: a plan's `recusal` (declared conflicts always apply). */
export interface RecusalOptions {
  sameSubdistrict: boolean;
  lastInspector: boolean;
}

/** The rules that keep `insp` off `target`'s team, in the draw's order (none: may sit). */
export function recusalRules(insp: Pick<Inspector, 'certNo' | 'subdistrict' | 'conflicts'>, target: Pick<Entity, 'uscc' | 'subdistrict' | 'lastInspectors'>, options: RecusalOptions): RecusalRule[] {
  const rules: RecusalRule[] = [];
  if (options.sameSubdistrict && insp.subdistrict !== '' && insp.subdistrict === target.subdistrict) rules.push('same-subdistrict');
  if (insp.conflicts.includes(target.uscc)) rules.push('declared-conflict');
  if (options.lastInspector && target.lastInspectors.includes(insp.certNo)) rules.push('last-inspector');
  return rules;
}
