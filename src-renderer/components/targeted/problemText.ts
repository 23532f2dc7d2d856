// A targeted case's refusal in words: the problem with whom it names and which recusal rule.
import type { TFunction } from 'i18next';
import type { TargetProblem, TeamProblem } from '../../../src-shared/targeted/team';

export function targetedProblemText(t: TFunction, p: TargetProblem | TeamProblem | { code: 'not-office' }): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'code') values[k] = v as string | number;
  if (p.code === 'recused') values.rule = t(`targeted.rule.${p.rule}`);
  return t(`targeted.problem.${p.code}`, values);
}
