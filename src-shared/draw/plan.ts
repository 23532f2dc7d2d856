// The draw plan (抽查计划): how many targets per group, who may inspect whom. The rules of DOMAIN.md
// — at least 50% of every group, at least two inspectors per target — are refused here, not clipped.
import { z } from 'zod';
import { CREDIT_GRADES, type CreditGrade } from '../domain';
import { drawText } from '../i18n/draw';

/** The dimensions a plan may group targets by, in their canonical order (district always first). */
export const GROUP_DIMENSIONS = ['district', 'subdistrict', 'kind', 'credit'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/** Ratios are held as basis points (1/10000) so that ceil(ratio × size) is integer arithmetic. */
export const BASIS = 10000;
/** DOMAIN.md: at least half of every group is drawn. */
const MIN_RATIO = 0.5;
const MIN_TEAM = 2;

/** What a refused plan broke; the CLI and UI show `message`, programs read `rule`. */
export const PLAN_RULES = ['name', 'ratio', 'risk-ratio', 'group-by', 'team-size', 'max-per-inspector', 'scope', 'field'] as const;
export type PlanRule = (typeof PLAN_RULES)[number];
export interface PlanProblem {
  rule: PlanRule;
  message: string;
}

/** A ratio as whole basis points: 0.7 → 7000 (rounded, so 0.7's binary error cannot leak into a count). */
export function ratioBasisPoints(ratio: number): number {
  return Math.round(ratio * BASIS);
}

/** ceil(bp × size / 10000) in exact integer arithmetic: the number of targets to select from a group of `size`. */
export function ceilCount(bp: number, size: number): number {
  return Math.floor((bp * size + BASIS - 1) / BASIS);
}

/** A ratio shown as a percentage with at most two decimals: 0.7 → "70%", 0.33335 → "33.34%". */
export function formatRatio(ratio: number): string {
  return `${ratioBasisPoints(ratio) / 100}%`;
}

function gradeLabel(grade: CreditGrade): string {
  return drawText(`draw.credit.${grade}`);
}

function ratioProblems(ratio: number, ctx: z.RefinementCtx): void {
  if (ratio < MIN_RATIO) ctx.addIssue({ code: 'custom', path: ['ratio'], params: { rule: 'ratio' }, message: drawText('draw.plan.ratioTooLow', { ratio: formatRatio(ratio) }) });
  if (ratio > 1) ctx.addIssue({ code: 'custom', path: ['ratio'], params: { rule: 'ratio' }, message: drawText('draw.plan.ratioTooHigh', { ratio: formatRatio(ratio) }) });
}

function riskRatioProblems(ratio: number, riskRatios: Partial<Record<CreditGrade, number>>, ctx: z.RefinementCtx): void {
  for (const grade of CREDIT_GRADES) {
    const r = riskRatios[grade];
    if (r === undefined) continue;
    const params = { grade: gradeLabel(grade), ratio: formatRatio(r), planRatio: formatRatio(ratio) };
    if (ratioBasisPoints(r) < ratioBasisPoints(ratio))
      ctx.addIssue({ code: 'custom', path: ['riskRatios', grade], params: { rule: 'risk-ratio' }, message: drawText('draw.plan.riskRatioTooLow', params) });
    if (r > 1) ctx.addIssue({ code: 'custom', path: ['riskRatios', grade], params: { rule: 'risk-ratio' }, message: drawText('draw.plan.riskRatioTooHigh', params) });
  }
}

/** A plan as stored in a draw record. Ratios are fractions (0.5 = 50%); counts are targets. */
export const drawPlanSchema = z
  .object({
    name: z.string().refine((s) => s.trim().length > 0, { message: drawText('draw.plan.name'), params: { rule: 'name' } }),
    ratio: z.number({ error: drawText('draw.plan.ratioNotNumber') }),
    groupBy: z.array(z.enum(GROUP_DIMENSIONS, { error: drawText('draw.plan.groupBy') })),
    riskRatios: z.partialRecord(z.enum(CREDIT_GRADES), z.number({ error: drawText('draw.plan.ratioNotNumber') })),
    teamSize: z.number().int({ error: drawText('draw.plan.teamNotInteger') }),
    maxPerInspector: z.number().int({ error: drawText('draw.plan.maxPerInspector') }).min(1, { error: drawText('draw.plan.maxPerInspector') }).nullable(),
    recusal: z.object({ sameSubdistrict: z.boolean(), lastInspector: z.boolean() }),
    /** The scope: the districts the plan covers (a district office draws its own); absent or empty = every district. */
    districts: z.array(z.string().refine((s) => s.trim().length > 0, { message: drawText('draw.plan.district'), params: { rule: 'scope' } })).optional(),
  })
  .superRefine((plan, ctx) => {
    ratioProblems(plan.ratio, ctx);
    riskRatioProblems(plan.ratio, plan.riskRatios, ctx);
    if (plan.teamSize < MIN_TEAM)
      ctx.addIssue({ code: 'custom', path: ['teamSize'], params: { rule: 'team-size' }, message: drawText('draw.plan.teamTooSmall', { teamSize: plan.teamSize }) });
  });
export type DrawPlan = z.infer<typeof drawPlanSchema>;

/** Half of every district, teams of two, same-sub-district recusal, no workload limit. */
export const defaultPlan: DrawPlan = {
  name: '双随机抽查',
  ratio: 0.5,
  groupBy: ['district'],
  riskRatios: {},
  teamSize: 2,
  maxPerInspector: null,
  recusal: { sameSubdistrict: true, lastInspector: false },
};

const RULE_BY_FIELD: Record<string, PlanRule> = {
  name: 'name',
  ratio: 'ratio',
  riskRatios: 'risk-ratio',
  groupBy: 'group-by',
  teamSize: 'team-size',
  maxPerInspector: 'max-per-inspector',
  districts: 'scope',
};

function problemOf(issue: z.core.$ZodIssue): PlanProblem {
  const field = String(issue.path[0] ?? '');
  const ruleParam: unknown = issue.code === 'custom' ? issue.params?.['rule'] : undefined;
  const rule = PLAN_RULES.find((r) => r === ruleParam) ?? RULE_BY_FIELD[field] ?? 'field';
  // zod's own English messages are replaced unless we wrote the message ourselves.
  const ours = issue.code === 'custom' || /[\u4e00-\u9fff]/.test(issue.message);
  return { rule, message: ours ? issue.message : drawText('draw.plan.field', { field: issue.path.join('.') || field }) };
}

/**
 * The canonical form: groupBy in canonical order with district (and credit when risk ratios are set),
 * ratios rounded to basis points, the scope's districts unique and in code-unit order (left out when empty,
 * so a plan over every district hashes as it did before scopes existed).
 */
export function normalizePlan(plan: DrawPlan): DrawPlan {
  const dims = new Set<GroupDimension>(plan.groupBy);
  dims.add('district');
  const riskRatios: Partial<Record<CreditGrade, number>> = {};
  for (const grade of CREDIT_GRADES) {
    const r = plan.riskRatios[grade];
    if (r !== undefined) riskRatios[grade] = ratioBasisPoints(r) / BASIS;
  }
  if (Object.keys(riskRatios).length > 0) dims.add('credit');
  return {
    name: plan.name,
    ratio: ratioBasisPoints(plan.ratio) / BASIS,
    groupBy: GROUP_DIMENSIONS.filter((d) => dims.has(d)),
    riskRatios,
    teamSize: plan.teamSize,
    maxPerInspector: plan.maxPerInspector,
    recusal: { sameSubdistrict: plan.recusal.sameSubdistrict, lastInspector: plan.recusal.lastInspector },
    ...scopeOf(plan.districts),
  };
}

function scopeOf(districts: readonly string[] | undefined): { districts?: string[] } {
  const unique = [...new Set(districts ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return unique.length > 0 ? { districts: unique } : {};
}

/** The rows a plan covers: those of its districts, or all when it names none (§2b). */
export function inScope<T extends { district: string }>(rows: readonly T[], plan: Pick<DrawPlan, 'districts'>): readonly T[] {
  const districts = plan.districts;
  if (!districts || districts.length === 0) return rows;
  const wanted = new Set(districts);
  return rows.filter((r) => wanted.has(r.district));
}

export type PlanCheck = { ok: true; plan: DrawPlan } | { ok: false; problems: PlanProblem[] };

/** Validates any value as a plan and returns it normalised, or every problem in Chinese. */
export function checkPlan(input: unknown): PlanCheck {
  const parsed = drawPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(problemOf) };
  return { ok: true, plan: normalizePlan(parsed.data) };
}
