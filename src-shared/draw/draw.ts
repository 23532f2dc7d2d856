// The 双随机 draw: targets at random per group, then a team of inspectors per target, all from one
// keyed SHA-256 stream so that anyone with the seed, the plan and the two lists gets the same result.
// The algorithm is specified in docs/draw-algorithm.md; this file must stay bit-identical to it.
import { z } from 'zod';
import type { CreditGrade, Entity, EntityKind, Inspector } from '../domain';
import { drawText } from '../i18n/draw';
import { outputHashOfWords, planHash, prepareEntities, prepareInspectors, compareCodeUnits, type PreparedEntities, type PreparedList, type TargetCodes, type TargetColumns } from './canonical';
import { BASIS, ceilCount, checkPlan, drawPlanSchema, ratioBasisPoints, type DrawPlan, type GroupDimension, type PlanRule } from './plan';
import { DRAW_ALGORITHM, DrawStream, deriveKey } from './rng';
import { DistrictPool } from './teams';

export type DrawErrorCode = 'plan-refused' | 'seed-empty' | 'duplicate-key' | 'team-unfillable';
export type DrawRule =
  | PlanRule
  | 'seed'
  | 'unique-key'
  | 'no-inspectors'
  | 'too-few-inspectors'
  | 'same-subdistrict'
  | 'declared-conflict'
  | 'last-inspector'
  | 'max-per-inspector';

/** A draw that cannot be made as planned; `message` is Chinese and names the group and the rule. */
export class DrawError extends Error {
  override readonly name = 'DrawError';
  constructor(
    readonly code: DrawErrorCode,
    /** Human-readable label of the group concerned ('' when the whole draw is refused). */
    readonly group: string,
    /** The rule that stopped the draw (the first of `rules`). */
    readonly rule: DrawRule,
    message: string,
    /** Every rule that took part. */
    readonly rules: readonly DrawRule[] = [rule],
  ) {
    super(message);
  }
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

/** A draw record as read from a file; `algorithm` is any string so that verify can name a foreign version. */
export const drawRecordSchema = z.object({
  algorithm: z.string(),
  seed: z.string(),
  plan: drawPlanSchema,
  entitiesHash: hex64,
  inspectorsHash: hex64,
  planHash: hex64,
  entitiesCount: count,
  inspectorsCount: count,
  selectedCount: count,
  outputHash: hex64,
  /** UTC ISO 8601 time of the draw; shown, never hashed. */
  drawnAt: z.iso.datetime({ offset: true }),
});
export type SavedDrawRecord = z.infer<typeof drawRecordSchema>;
/** What a draw proves: inputs (seed, plan, list hashes), algorithm and output hash. */
export type DrawRecord = Omit<SavedDrawRecord, 'algorithm'> & { algorithm: typeof DRAW_ALGORITHM };

export const drawGroupSchema = z.object({
  key: z.record(z.string(), z.string()),
  label: z.string(),
  size: count,
  ratio: z.number(),
  selected: count,
});
export type DrawGroup = z.infer<typeof drawGroupSchema>;

export const excludedSchema = z.object({ key: z.string(), reason: z.string() });
export type Excluded = z.infer<typeof excludedSchema>;

/** The part of a selected target the output hash covers. */
export const savedSelectionSchema = z.object({ uscc: z.string(), inspectors: z.array(z.string()) });

/** The result file `tariffcheck draw --out` writes and `verify-draw` reads. */
export const drawResultFileSchema = z.object({
  record: drawRecordSchema,
  selected: z.array(savedSelectionSchema),
  groups: z.array(drawGroupSchema).optional(),
  excluded: z.array(excludedSchema).optional(),
});
export type DrawResultFile = z.infer<typeof drawResultFileSchema>;

export interface SelectedTarget {
  uscc: string;
  name: string;
  district: string;
  subdistrict: string;
  kind: EntityKind;
  credit: CreditGrade | null;
  /** Label of the group it was drawn in. */
  group: string;
  /** Certificate numbers of its team, in seat order. */
  inspectors: string[];
}

export interface DrawResult {
  record: DrawRecord;
  groups: DrawGroup[];
  selected: SelectedTarget[];
  excluded: Excluded[];
}

export interface DrawInput {
  entities: readonly Entity[];
  inspectors: readonly Inspector[];
  plan: DrawPlan;
  seed: string;
  /** UTC ISO time to record; now when omitted. Not part of any hash. */
  drawnAt?: string;
}

/** Both lists in canonical order with their hashes (see prepareEntities / prepareInspectors). */
export interface PreparedLists {
  entities: PreparedEntities;
  inspectors: PreparedList<Inspector>;
}

/** Validates and normalises a plan, or throws DrawError('plan-refused') with every problem in Chinese. */
export function parsePlan(input: unknown): DrawPlan {
  const checked = checkPlan(input);
  if (checked.ok) return checked.plan;
  const first = checked.problems[0]!;
  const problems = checked.problems.map((p) => p.message).join(drawText('draw.rule.separator'));
  throw new DrawError('plan-refused', '', first.rule, drawText('draw.plan.invalid', { problems }), checked.problems.map((p) => p.rule));
}

/** Runs the draw: canonical lists, key, targets per group (Fisher–Yates), then teams. Throws DrawError. */
export function runDraw(input: DrawInput): DrawResult {
  parsePlan(input.plan);
  checkSeed(input.seed);
  const lists = prepareLists(input.entities, input.inspectors);
  return runPreparedDraw(lists, input.plan, input.seed, input.drawnAt ?? new Date().toISOString());
}

/** Both lists in canonical order with their hashes; reusable across draws of the same lists. */
export function prepareLists(entities: readonly Entity[], inspectors: readonly Inspector[]): PreparedLists {
  return { entities: prepareEntities(entities), inspectors: prepareInspectors(inspectors) };
}

/** The draw over lists from prepareLists; `drawnAt` is an ISO time, recorded in UTC. Throws DrawError. */
export function runPreparedDraw(lists: PreparedLists, planInput: DrawPlan, seed: string, drawnAt: string): DrawResult {
  const plan = parsePlan(planInput);
  checkSeed(seed);
  refuseDuplicates(lists);
  const hashOfPlan = planHash(plan);
  const stream = new DrawStream(deriveKey({ seed, entitiesHash: lists.entities.hash, inspectorsHash: lists.inspectors.hash, planHash: hashOfPlan }));
  const groups = groupTargets(lists.entities, plan);
  const picks = selectTargets(groups, stream);
  const { selected, words } = assignTeams(picks, groups, lists, plan, stream);
  const record: DrawRecord = {
    algorithm: DRAW_ALGORITHM,
    seed,
    plan,
    entitiesHash: lists.entities.hash,
    inspectorsHash: lists.inspectors.hash,
    planHash: hashOfPlan,
    entitiesCount: lists.entities.rows.length,
    inspectorsCount: lists.inspectors.rows.length,
    selectedCount: selected.length,
    outputHash: outputHashOfWords(words),
    // Normalised to UTC 'Z' form (throws RangeError on a malformed time: a caller's bug, not a refusal).
    drawnAt: new Date(drawnAt).toISOString(),
  };
  return { record, groups: groups.map(publicGroup), selected, excluded: excludedRows(lists) };
}

function checkSeed(seed: string): void {
  if (seed.trim() === '') throw new DrawError('seed-empty', '', 'seed', drawText('draw.seed.empty'));
}

function refuseDuplicates(lists: PreparedLists): void {
  for (const kind of ['entities', 'inspectors'] as const) {
    const key = lists[kind].duplicates[0];
    if (key !== undefined) throw new DrawError('duplicate-key', '', 'unique-key', drawText(`draw.duplicate.${kind}`, { key }));
  }
}

function excludedRows(lists: PreparedLists): Excluded[] {
  const entityReason = drawText('draw.excluded.entityInactive');
  const inspectorReason = drawText('draw.excluded.inspectorInactive');
  return [
    ...lists.entities.inactive.map((e) => ({ key: `entities ${e.uscc}`, reason: entityReason })),
    ...lists.inspectors.inactive.map((i) => ({ key: `inspectors ${i.certNo}`, reason: inspectorReason })),
  ];
}

// ——— Groups ———————————————————————————————————————————————————————————————————————————————————————

interface TargetGroup {
  /** Values of the grouping dimensions, in plan.groupBy order ('' for no credit grade). */
  values: string[];
  key: Record<string, string>;
  label: string;
  /** Indices into the canonical target list, in canonical order. */
  members: Int32Array;
  /** Selection ratio of this group in basis points. */
  bp: number;
  selected: number;
}

function dimensionValue(e: Entity, dim: GroupDimension): string {
  return dim === 'credit' ? (e.credit ?? '') : e[dim];
}

function dimensionLabel(e: Entity, dim: GroupDimension): string {
  switch (dim) {
    case 'kind':
      return drawText(`draw.kind.${e.kind}`);
    case 'credit':
      return e.credit === null ? drawText('draw.label.noCredit') : drawText(`draw.credit.${e.credit}`);
    case 'subdistrict':
      return e.subdistrict === '' ? drawText('draw.label.noSubdistrict') : e.subdistrict;
    default:
      return e.district;
  }
}

/** Each target's group as one number: its dimension codes in mixed radix, or a string if that could exceed 2^53. */
function compositeKeys(target: TargetCodes, dims: readonly GroupDimension[]): (i: number) => number | string {
  const codes = dims.map((d) => target.codes[d]);
  const radix = dims.map((d) => Math.max(1, target.values[d].length));
  if (radix.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) return (i) => codes.map((c) => c[i]).join(',');
  return (i) => {
    let key = 0;
    for (let d = 0; d < codes.length; d++) key = key * radix[d]! + codes[d]![i]!;
    return key;
  };
}

/** Largest number of value tuples for which groupTargets uses a table instead of a Map. */
const DENSE_GROUP_KEYS = 1 << 16;

/** The dimension codes and radices of a mixed-radix group key, when all keys fit a small table. */
function denseKeys(target: TargetCodes, dims: readonly GroupDimension[]): { codes: Int32Array[]; radix: number[]; size: number } | null {
  const radix = dims.map((d) => Math.max(1, target.values[d].length));
  const size = radix.reduce((a, b) => a * b, 1);
  return size <= DENSE_GROUP_KEYS ? { codes: dims.map((d) => target.codes[d]), radix, size } : null;
}

/** Active targets split by the plan's dimensions; groups in ascending order of their value tuples. */
function groupTargets(entities: PreparedEntities, plan: DrawPlan): TargetGroup[] {
  const groups: TargetGroup[] = [];
  const sizes: number[] = [];
  const groupOfRow = new Int32Array(entities.rows.length);
  const newGroupAt = (i: number): number => {
    groups.push(newGroup(entities.rows[i]!, plan));
    sizes.push(0);
    return groups.length - 1;
  };
  const dense = denseKeys(entities.groupCodes, plan.groupBy);
  if (dense) {
    // Few possible value tuples (the usual case): a table indexed by the mixed-radix key, no Map.
    const { codes, radix, size } = dense;
    const table = new Int32Array(size).fill(-1);
    for (let i = 0; i < groupOfRow.length; i++) {
      let key = 0;
      for (let d = 0; d < codes.length; d++) key = key * radix[d]! + codes[d]![i]!;
      let g = table[key]!;
      if (g < 0) table[key] = g = newGroupAt(i);
      groupOfRow[i] = g;
      sizes[g]!++;
    }
  } else {
    const keyOf = compositeKeys(entities.groupCodes, plan.groupBy);
    const indexOf = new Map<number | string, number>();
    for (let i = 0; i < groupOfRow.length; i++) {
      const key = keyOf(i);
      let g = indexOf.get(key);
      if (g === undefined) indexOf.set(key, (g = newGroupAt(i)));
      groupOfRow[i] = g;
      sizes[g]!++;
    }
  }
  // Members are filled in a second, sequential pass into exact-size arrays: no growing arrays to collect.
  const filled = new Int32Array(groups.length);
  groups.forEach((group, g) => (group.members = new Int32Array(sizes[g]!)));
  for (let i = 0; i < groupOfRow.length; i++) {
    const g = groupOfRow[i]!;
    groups[g]!.members[filled[g]!++] = i;
  }
  return groups.sort((a, b) => compareTuples(a.values, b.values));
}

function newGroup(e: Entity, plan: DrawPlan): TargetGroup {
  const values = plan.groupBy.map((d) => dimensionValue(e, d));
  const key: Record<string, string> = {};
  plan.groupBy.forEach((d, i) => (key[d] = values[i]!));
  const label = plan.groupBy.map((d) => dimensionLabel(e, d)).join(drawText('draw.label.separator'));
  const risk = plan.groupBy.includes('credit') && e.credit !== null ? plan.riskRatios[e.credit] : undefined;
  return { values, key, label, members: new Int32Array(0), bp: ratioBasisPoints(risk ?? plan.ratio), selected: 0 };
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareCodeUnits(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function publicGroup(g: TargetGroup): DrawGroup {
  return { key: g.key, label: g.label, size: g.members.length, ratio: g.bp / BASIS, selected: g.selected };
}

// ——— Targets ——————————————————————————————————————————————————————————————————————————————————————

interface Picks {
  /** Canonical target indices in selection order. */
  targets: Int32Array;
  /** Index of each pick's group. */
  groupOf: Int32Array;
}

/** ceil(bp × size) targets per group by a forward partial Fisher–Yates over the group in canonical order. */
function selectTargets(groups: TargetGroup[], stream: DrawStream): Picks {
  for (const group of groups) {
    group.selected = ceilCount(group.bp, group.members.length);
    // A count above the group (a broken ceilCount) would draw from an empty remainder.
    if (!(group.selected >= 0 && group.selected <= group.members.length))
      throw new RangeError(`group ${group.label}: ${group.selected} to select from ${group.members.length}`);
  }
  const total = groups.reduce((n, group) => n + group.selected, 0);
  const picks: Picks = { targets: new Int32Array(total), groupOf: new Int32Array(total) };
  let p = 0;
  groups.forEach((group, g) => {
    const order = group.members.slice();
    const size = order.length;
    for (let i = 0; i < group.selected; i++) {
      const j = i + stream.uniform(size - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
      picks.targets[p] = order[i]!;
      picks.groupOf[p++] = g;
    }
  });
  return picks;
}

// ——— Teams ————————————————————————————————————————————————————————————————————————————————————————

interface Roster {
  pools: Map<string, DistrictPool>;
  /** Per canonical inspector index: the pool of its district. */
  poolOf: DistrictPool[];
  /** Per canonical inspector index: its local index in its district's pool. */
  localOf: Int32Array;
  /** Canonical target index → canonical indices of inspectors of its district who declared a conflict with it. */
  conflicts: Map<number, number[]>;
  /** Per canonical target index: 1 when `conflicts` has an entry for it (spares a Map lookup per target). */
  hasConflict: Uint8Array;
  /** certNo → canonical index. */
  byCertNo: Map<string, number>;
}

/** Index of `uscc` in the targets (sorted by USCC), or -1. */
function findTarget(entities: readonly Entity[], uscc: string): number {
  let lo = 0;
  let hi = entities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareCodeUnits(entities[mid]!.uscc, uscc);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function buildRoster(inspectors: readonly Inspector[], entities: readonly Entity[]): Roster {
  const pools = new Map<string, DistrictPool>();
  const localOf = new Int32Array(inspectors.length);
  const poolOf: DistrictPool[] = [];
  const conflicts = new Map<number, number[]>();
  const hasConflict = new Uint8Array(entities.length);
  const byCertNo = new Map<string, number>();
  inspectors.forEach((insp, i) => {
    let pool = pools.get(insp.district);
    if (!pool) pools.set(insp.district, (pool = new DistrictPool()));
    localOf[i] = pool.add(i);
    poolOf.push(pool);
    byCertNo.set(insp.certNo, i);
    // Declared conflicts are few; resolving them here spares a string lookup for every selected target.
    for (const uscc of insp.conflicts) {
      const t = findTarget(entities, uscc);
      if (t < 0 || entities[t]!.district !== insp.district) continue;
      const list = conflicts.get(t);
      if (list) list.push(i);
      else conflicts.set(t, [i]);
      hasConflict[t] = 1;
    }
  });
  for (const pool of pools.values()) pool.seal((i) => inspectors[i]!.subdistrict);
  return { pools, poolOf, localOf, conflicts, hasConflict, byCertNo };
}

/**
 * Marks, in the target's district pool, the inspectors who declared a conflict and (when `lastIndex` is
 * given: the plan recuses them) those who inspected it last. `lastIndex` maps a code of
 * `columns.lastValues` to the canonical inspector index, or -1 for a certificate number not in the list.
 */
function excludeForTarget(t: number, pool: DistrictPool, roster: Roster, columns: TargetColumns, lastIndex: Int32Array | null): void {
  if (roster.hasConflict[t] === 1) for (const i of roster.conflicts.get(t)!) pool.exclude(roster.localOf[i]!);
  if (lastIndex === null) return;
  const end = columns.lastStart[t + 1]!;
  for (let k = columns.lastStart[t]!; k < end; k++) {
    const i = lastIndex[columns.lastCodes[k]!]!;
    // Only inspectors of the target's own district can be candidates, so only they need marking.
    if (i >= 0 && roster.poolOf[i] === pool) pool.exclude(roster.localOf[i]!);
  }
}

/** Per group: for each sub-district code of the targets, the bitset of the group's pool members working there (or null). */
function subdistrictMasks(pool: DistrictPool | null, subdistricts: readonly string[], sameSubdistrict: boolean): (Int32Array | null)[] {
  return subdistricts.map((sub) => (pool && sameSubdistrict ? pool.subdistrictMask(sub) : null));
}

interface Teams {
  selected: SelectedTarget[];
  /** The output encoding's words (§10): per target its index, the team size and each member's index. */
  words: Uint32Array;
}

function assignTeams(picks: Picks, groups: readonly TargetGroup[], lists: PreparedLists, plan: DrawPlan, stream: DrawStream): Teams {
  const entities = lists.entities.rows;
  const inspectors = lists.inspectors.rows;
  const roster = buildRoster(inspectors, entities);
  // District is always the first grouping dimension, so each group has one pool.
  const poolOfGroup = groups.map((g) => roster.pools.get(g.values[0]!) ?? null);
  const { codes, values } = lists.entities.groupCodes;
  const subCodes = codes.subdistrict;
  const { sameSubdistrict, lastInspector } = plan.recusal;
  const masksOfGroup = poolOfGroup.map((pool) => subdistrictMasks(pool, values.subdistrict, sameSubdistrict));
  const maxLoad = plan.maxPerInspector ?? Infinity;
  const teamSize = plan.teamSize;
  const certNos = inspectors.map((i) => i.certNo);
  const columns = lists.entities.columns;
  const { uscc, name } = columns;
  const lastIndex = lastInspector ? Int32Array.from(columns.lastValues, (certNo) => roster.byCertNo.get(certNo) ?? -1) : null;
  const kinds = values.kind as EntityKind[];
  const credits = values.credit.map((c) => (c === '' ? null : (c as CreditGrade)));
  const count = picks.targets.length;
  const selected: SelectedTarget[] = [];
  const words = new Uint32Array(count * (2 + teamSize));
  let w = 0;
  for (let p = 0; p < count; p++) {
    const t = picks.targets[p]!;
    const g = picks.groupOf[p]!;
    const label = groups[g]!.label;
    const pool = poolOfGroup[g]!;
    if (!pool) throw unfillable(entities[t]!, label, null, [], inspectors, plan);
    excludeForTarget(t, pool, roster, columns, lastIndex);
    const recused = masksOfGroup[g]![subCodes[t]!]!;
    const team: string[] = new Array<string>(teamSize);
    words[w++] = t;
    words[w++] = teamSize;
    for (let seat = 0; seat < teamSize; seat++) {
      const local = pool.pick(recused, maxLoad, stream);
      if (local < 0) throw unfillable(entities[t]!, label, pool, team.slice(0, seat), inspectors, plan);
      pool.assign(local);
      pool.exclude(local);
      const i = pool.members[local]!;
      team[seat] = certNos[i]!;
      words[w++] = i;
    }
    pool.clearExcluded();
    selected.push({
      uscc: uscc[t]!,
      name: name[t]!,
      district: values.district[codes.district[t]!]!,
      subdistrict: values.subdistrict[subCodes[t]!]!,
      kind: kinds[codes.kind[t]!]!,
      credit: credits[codes.credit[t]!]!,
      group: label,
      inspectors: team,
    });
  }
  return { selected, words };
}

/** Why no inspector is left for a seat: counts every rule that removed someone (slow path, failure only). */
function shortfallRules(e: Entity, pool: DistrictPool | null, team: readonly string[], inspectors: readonly Inspector[], plan: DrawPlan): DrawRule[] {
  if (!pool) return ['no-inspectors'];
  const rules = new Set<DrawRule>();
  if (pool.members.length < plan.teamSize) rules.add('too-few-inspectors');
  const lastOnes = new Set(e.lastInspectors);
  pool.members.forEach((i, local) => {
    const insp = inspectors[i]!;
    if (team.includes(insp.certNo)) return;
    if (plan.recusal.sameSubdistrict && insp.subdistrict !== '' && insp.subdistrict === e.subdistrict) rules.add('same-subdistrict');
    if (insp.conflicts.includes(e.uscc)) rules.add('declared-conflict');
    if (plan.recusal.lastInspector && lastOnes.has(insp.certNo)) rules.add('last-inspector');
    if (plan.maxPerInspector !== null && pool.loadOf(local) >= plan.maxPerInspector) rules.add('max-per-inspector');
  });
  const order: DrawRule[] = ['too-few-inspectors', 'same-subdistrict', 'declared-conflict', 'last-inspector', 'max-per-inspector'];
  return order.filter((r) => rules.has(r));
}

function ruleText(rule: DrawRule, e: Entity, pool: DistrictPool | null, plan: DrawPlan): string {
  switch (rule) {
    case 'no-inspectors':
      return drawText('draw.rule.noInspectors', { district: e.district });
    case 'too-few-inspectors':
      return drawText('draw.rule.tooFew', { district: e.district, count: pool?.members.length ?? 0 });
    case 'same-subdistrict':
      return drawText('draw.rule.sameSubdistrict');
    case 'declared-conflict':
      return drawText('draw.rule.declaredConflict');
    case 'last-inspector':
      return drawText('draw.rule.lastInspector');
    default:
      return drawText('draw.rule.maxPerInspector', { max: plan.maxPerInspector ?? 0 });
  }
}

function unfillable(e: Entity, group: string, pool: DistrictPool | null, team: readonly string[], inspectors: readonly Inspector[], plan: DrawPlan): DrawError {
  const rules = shortfallRules(e, pool, team, inspectors, plan);
  const text = rules.map((r) => ruleText(r, e, pool, plan)).join(drawText('draw.rule.separator'));
  const message = drawText('draw.team.unfillable', { group, target: e.name, teamSize: plan.teamSize, rules: text });
  return new DrawError('team-unfillable', group, rules[0] ?? 'too-few-inspectors', message, rules);
}
