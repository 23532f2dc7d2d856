// The team the office chooses for a targeted case, checked the way a draw's team is bound: two or more
// active inspectors of the list, none who must stand aside (回避, src-shared/draw/recusal.ts). The hub
// and the laptop ask the same questions, so a refusal reads the same on both.
import type { Entity, Inspector } from '../domain';
import { recusalRules, type RecusalOptions, type RecusalRule } from '../draw/recusal';

/** Fewest and most inspectors on a targeted case (the law asks for at least two). */
export const TEAM_MIN = 2;
export const TEAM_MAX = 10;

/**
 * Recusal for a case the office chooses: every rule, the last inspectors included. A complaint often
 * questions what the last visit saw, so its team must not be the one that made that visit.
 */
export const TARGETED_RECUSAL: RecusalOptions = { sameSubdistrict: true, lastInspector: true };

export type TargetProblem = { code: 'unknown-target'; uscc: string } | { code: 'inactive-target'; uscc: string; name: string };

export type TeamProblem =
  | { code: 'team-too-small'; count: number }
  | { code: 'team-too-large'; count: number }
  | { code: 'duplicate-inspector'; certNo: string }
  | { code: 'unknown-inspector'; certNo: string }
  | { code: 'inactive-inspector'; certNo: string; name: string }
  | { code: 'recused'; certNo: string; name: string; rule: RecusalRule }
  | { code: 'lead-not-on-team'; certNo: string };

/** Why a target cannot have a targeted case: not on the list, or no longer active on it (null: it can). */
export function targetProblem(uscc: string, target: Entity | undefined): TargetProblem | null {
  if (!target) return { code: 'unknown-target', uscc };
  if (!target.active) return { code: 'inactive-target', uscc, name: target.name };
  return null;
}

/** Where an inspector stands for this target: not on the list, inactive, recused (with the rules), or free. */
export function standingOf(certNo: string, target: Entity, inspectors: ReadonlyMap<string, Inspector>): { code: 'unknown' } | { code: 'inactive'; name: string } | { code: 'recused'; name: string; rules: RecusalRule[] } | { code: 'free'; name: string } {
  const insp = inspectors.get(certNo);
  if (!insp) return { code: 'unknown' };
  if (!insp.active) return { code: 'inactive', name: insp.name };
  const rules = recusalRules(insp, target, TARGETED_RECUSAL);
  return rules.length > 0 ? { code: 'recused', name: insp.name, rules } : { code: 'free', name: insp.name };
}

/** Every problem of the team, in the order of the members (empty: the team may be sent). */
export function teamProblems(target: Entity, team: readonly string[], lead: string | undefined, inspectors: ReadonlyMap<string, Inspector>): TeamProblem[] {
  const problems: TeamProblem[] = [];
  if (team.length < TEAM_MIN) problems.push({ code: 'team-too-small', count: team.length });
  if (team.length > TEAM_MAX) problems.push({ code: 'team-too-large', count: team.length });
  const seen = new Set<string>();
  for (const certNo of team) {
    if (seen.has(certNo)) {
      problems.push({ code: 'duplicate-inspector', certNo });
      continue;
    }
    seen.add(certNo);
    const standing = standingOf(certNo, target, inspectors);
    if (standing.code === 'unknown') problems.push({ code: 'unknown-inspector', certNo });
    else if (standing.code === 'inactive') problems.push({ code: 'inactive-inspector', certNo, name: standing.name });
    else if (standing.code === 'recused') problems.push({ code: 'recused', certNo, name: standing.name, rule: standing.rules[0]! });
  }
  if (lead !== undefined && !seen.has(lead)) problems.push({ code: 'lead-not-on-team', certNo: lead });
  return problems;
}

/** A problem as flat parameters (the hub's refusal params, the translation's values). */
export function problemParams(p: TargetProblem | TeamProblem): Record<string, string | number> {
  return { reason: p.code, ...Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'code')) } as Record<string, string | number>;
}
