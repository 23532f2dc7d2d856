// The 双随机 draw: targets at random per group, then a team of inspectors per target, all from one
// keyed SHA-256 stream so that anyone with the seed, the plan and the two lists gets the same result.
// The algorithm is specified in docs/draw-algorithm.md; this file must stay bit-identical to it.
import { z } from 'zod';
import { CREDIT_GRADES, ENTITY_KINDS, type CreditGrade, type Entity, type EntityKind, type Inspector } from '../domain';
import { drawText } from '../i18n/draw';
import { outputHashOfWords, outputHashOfWordsAsync, planHash, prepareEntities, prepareEntitiesAsync, prepareInspectors, prepareInspectorsAsync, compareCodeUnits, type PreparedEntities, type PreparedList, type TargetCodes } from './canonical';
import { BASIS, ceilCount, checkPlan, drawPlanSchema, inScope, normalizePlan, ratioBasisPoints, type DrawPlan, type GroupDimension, type PlanRule } from './plan';
import { commitmentDifferences, commitmentOf, excludedHash, type Commitment } from './commitment';
import { DRAW_ALGORITHM, DrawStream, deriveKey } from './rng';
import { prepareRoster, TARGET_STRIDE, type Roster } from './roster';
import { DistrictPool } from './teams';
import { recusalRules } from './recusal';

export type DrawErrorCode = 'plan-refused' | 'seed-empty' | 'duplicate-key' | 'team-unfillable' | 'empty-list' | 'commitment-mismatch';
export type DrawRule =
  | PlanRule
  | 'seed'
  | 'commitment'
  | 'unique-key'
  | 'no-targets'
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
  /** Hash of the rows left out (§2a); absent in records made before it was recorded. */
  excludedHash: hex64.optional(),
  /** When the plan and lists were committed, before the seed (§4a); absent for a draw without a commitment. */
  committedAt: z.iso.datetime({ offset: true }).optional(),
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

/**
 * A row no draw over these lists takes part in: `key` is `entities USCC` or `inspectors CERT`.
 * `code` says why where it is not plain inactivity: `open-case`, a target the hub left out because it
 * is in an open case of an earlier draw (it counts as inactive for this draw, and 复核 treats it so).
 */
export const excludedSchema = z.object({ key: z.string(), reason: z.string(), code: z.literal('open-case').optional() });
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

/** A selected target as a result carries it whole (the hub sends a draw this way). */
export const selectedTargetSchema = z.object({
  uscc: z.string(), name: z.string(), district: z.string(), subdistrict: z.string(), kind: z.enum(ENTITY_KINDS), credit: z.enum(CREDIT_GRADES).nullable(),
  group: z.string(), inspectors: z.array(z.string()),
});

/** A whole draw result, as the hub sends it (GET /api/v1/draws/:id). */
export const drawResultSchema = z.object({
  record: drawRecordSchema,
  groups: z.array(drawGroupSchema),
  selected: z.array(selectedTargetSchema),
  excluded: z.array(excludedSchema),
});

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

/**
 * The selection as the draw makes it: places in the canonical lists, in selection order (§8: canonical). The output hash is
 * over exactly these numbers (§10); names and labels for people to read come from `selectedTargets`.
 */
export interface DrawnSelection {
  /** Canonical index of each drawn target, ascending (the selection order). */
  targets: Int32Array;
  /** Index into the outcome's `groups` of each drawn target. */
  groupOf: Int32Array;
  teamSize: number;
  /** Canonical inspector index per seat: drawn target k's team is seats[k × teamSize, (k + 1) × teamSize). */
  seats: Int32Array;
}

/** A draw over prepared lists: what DrawResult holds, with the selection as indices into `lists`. */
export interface DrawOutcome extends Omit<DrawResult, 'selected'> {
  selection: DrawnSelection;
  lists: PreparedLists;
}

export interface DrawInput {
  entities: readonly Entity[];
  inspectors: readonly Inspector[];
  plan: DrawPlan;
  seed: string;
  /** UTC ISO time to record; now when omitted. Not part of any hash. */
  drawnAt?: string;
  /** The commitment made before the seed (§4a): the draw refuses a plan or lists that no longer hash to it. */
  commitment?: Commitment;
}

/** Both lists in canonical order with their hashes (see prepareEntities / prepareInspectors), and their roster. */
export interface PreparedLists {
  entities: PreparedEntities;
  inspectors: PreparedList<Inspector>;
  roster: Roster;
  /** The inactive rows of both lists, which no draw over them takes part in. */
  excluded: Excluded[];
}

/** Validates and normalises a plan, or throws DrawError('plan-refused') with every problem in Chinese. */
export function parsePlan(input: unknown): DrawPlan {
  const checked = checkPlan(input);
  if (checked.ok) return checked.plan;
  const first = checked.problems[0]!;
  const problems = checked.problems.map((p) => p.message).join(drawText('draw.rule.separator'));
  throw new DrawError('plan-refused', '', first.rule, drawText('draw.plan.invalid', { problems }), checked.problems.map((p) => p.rule));
}

/** Runs the draw: canonical lists, key, targets per group (partial Fisher–Yates), then teams. Throws DrawError. */
export function runDraw(given: DrawInput): DrawResult {
  const input = scoped(given);
  refuseEarly(input);
  const lists = prepareLists(input.entities, input.inspectors);
  holdToCommitment(input, lists);
  const outcome = runPreparedDraw(lists, input.plan, input.seed, input.drawnAt ?? new Date().toISOString());
  return resultOf(committed(outcome, input.commitment));
}

/** Refuses a draw whose plan or lists no longer hash to its commitment, naming what changed. */
function holdToCommitment(input: DrawInput, lists: PreparedLists): void {
  const c = input.commitment;
  if (!c) return;
  const changed = commitmentDifferences(c, commitmentOf(lists, parsePlan(input.plan)));
  if (changed.length > 0) throw new DrawError('commitment-mismatch', '', 'commitment', drawText('draw.commitment.changed', { what: changed.join('；') }));
}

function committed(outcome: DrawOutcome, c: Commitment | undefined): DrawOutcome {
  if (c) outcome.record.committedAt = new Date(c.committedAt).toISOString();
  return outcome;
}

/** runDraw with the lists and the output hashed by gatherSha256: the renderer's, WebCrypto where it can. */
export async function runDrawAsync(given: DrawInput, prepare: PrepareScope = prepareScopeAsync): Promise<DrawResult> {
  const input = scoped(given);
  refuseEarly(input);
  const lists = await prepare(given.entities, given.inspectors, parsePlan(given.plan));
  holdToCommitment(input, lists);
  return resultOf(committed(await runPreparedDrawAsync(lists, input.plan, input.seed, input.drawnAt ?? new Date().toISOString()), input.commitment));
}

/** The input with only the list rows of the plan's scope (§2b); a plan with no usable scope is left for parsePlan to refuse. */
function scoped(input: DrawInput): DrawInput {
  const plan = input.plan as Partial<DrawPlan> | null;
  if (!plan || !Array.isArray(plan.districts)) return input;
  return { ...input, entities: inScope(input.entities, plan), inspectors: inScope(input.inspectors, plan) };
}

/** A bad plan or seed is refused before the lists are prepared. */
function refuseEarly(input: DrawInput): void {
  parsePlan(input.plan);
  checkSeed(input.seed);
  // A draw over nothing is no draw: refused with the reason, never recorded (or audited) as one.
  if (!input.entities.some((e) => e.active)) throw new DrawError('empty-list', '', 'no-targets', drawText('draw.empty.entities'));
  if (!input.inspectors.some((i) => i.active)) throw new DrawError('empty-list', '', 'no-inspectors', drawText('draw.empty.inspectors'));
}

function resultOf({ record, groups, excluded, ...outcome }: DrawOutcome): DrawResult {
  return { record, groups, selected: selectedTargets({ groups, ...outcome }), excluded };
}

/** Both lists in canonical order with their hashes; reusable across draws of the same lists. */
export function prepareLists(entities: readonly Entity[], inspectors: readonly Inspector[]): PreparedLists {
  return withRoster(prepareEntities(entities), prepareInspectors(inspectors));
}

/** prepareLists with the lists hashed by gatherSha256 (WebCrypto in the renderer). */
export async function prepareListsAsync(entities: readonly Entity[], inspectors: readonly Inspector[]): Promise<PreparedLists> {
  const [preparedEntities, preparedInspectors] = await Promise.all([prepareEntitiesAsync(entities), prepareInspectorsAsync(inspectors)]);
  return withRoster(preparedEntities, preparedInspectors);
}

/** Prepares the rows of a plan's scope (§2b) of both lists: prepareScopeAsync, or one that keeps what it prepared (keepPrepared). */
export type PrepareScope = (entities: readonly Entity[], inspectors: readonly Inspector[], plan: DrawPlan) => Promise<PreparedLists>;

export const prepareScopeAsync: PrepareScope = (entities, inspectors, plan) => prepareListsAsync(inScope(entities, plan), inScope(inspectors, plan));

/**
 * prepareScopeAsync that keeps the lists it prepared last: asked again for the same list arrays (by
 * identity: a holder that reads the lists again makes new arrays) and the same scope, it answers with
 * them. The draw worker prepares the lists for the commitment and draws on them without hashing
 * 100,000 rows a second time. Prepared lists are never changed by a draw.
 */
export function keepPrepared(prepare: PrepareScope = prepareScopeAsync): PrepareScope {
  let kept: { entities: readonly Entity[]; inspectors: readonly Inspector[]; scope: string; lists: Promise<PreparedLists> } | null = null;
  return (entities, inspectors, plan) => {
    const scope = JSON.stringify(normalizePlan(plan).districts ?? []);
    if (kept && kept.entities === entities && kept.inspectors === inspectors && kept.scope === scope) return kept.lists;
    const lists = prepare(entities, inspectors, plan);
    const mine = { entities, inspectors, scope, lists };
    kept = mine;
    lists.catch(() => {
      if (kept === mine) kept = null;
    });
    return lists;
  };
}

function withRoster(entities: PreparedEntities, inspectors: PreparedList<Inspector>): PreparedLists {
  return { entities, inspectors, roster: prepareRoster(entities, inspectors), excluded: excludedRows(entities, inspectors) };
}

/** The draw over lists from prepareLists; `drawnAt` is an ISO time, recorded in UTC. Throws DrawError. */
export function runPreparedDraw(lists: PreparedLists, plan: DrawPlan, seed: string, drawnAt: string): DrawOutcome {
  const { outcome, words } = drawOnPrepared(lists, plan, seed, drawnAt);
  outcome.record.outputHash = outputHashOfWords(words);
  return outcome;
}

/** runPreparedDraw with the output hashed by gatherSha256 (WebCrypto in the renderer). */
export async function runPreparedDrawAsync(lists: PreparedLists, plan: DrawPlan, seed: string, drawnAt: string): Promise<DrawOutcome> {
  const { outcome, words } = drawOnPrepared(lists, plan, seed, drawnAt);
  outcome.record.outputHash = await outputHashOfWordsAsync(words);
  return outcome;
}

/** The draw itself; the record's outputHash is left for the caller to fill from `words` (§10). */
function drawOnPrepared(lists: PreparedLists, planInput: DrawPlan, seed: string, drawnAt: string): { outcome: DrawOutcome; words: Uint32Array } {
  const plan = parsePlan(planInput);
  checkSeed(seed);
  refuseDuplicates(lists);
  const hashOfPlan = planHash(plan);
  const stream = new DrawStream(deriveKey({ seed, entitiesHash: lists.entities.hash, inspectorsHash: lists.inspectors.hash, planHash: hashOfPlan }));
  const grouping = groupTargets(lists.entities, plan);
  const { groups } = grouping;
  const picks = selectTargets(grouping, stream);
  const { seats, words } = assignTeams(picks, groups, lists, plan, stream);
  const record: DrawRecord = {
    algorithm: DRAW_ALGORITHM,
    seed,
    plan,
    entitiesHash: lists.entities.hash,
    inspectorsHash: lists.inspectors.hash,
    planHash: hashOfPlan,
    entitiesCount: lists.entities.rows.length,
    inspectorsCount: lists.inspectors.rows.length,
    selectedCount: picks.targets.length,
    outputHash: '',
    excludedHash: excludedHash(lists.entities, lists.inspectors),
    // Normalised to UTC 'Z' form (throws RangeError on a malformed time: a caller's bug, not a refusal).
    drawnAt: new Date(drawnAt).toISOString(),
  };
  const selection: DrawnSelection = { targets: picks.targets, groupOf: picks.groupOf, teamSize: plan.teamSize, seats };
  return { outcome: { record, groups: groups.map(publicGroup), excluded: lists.excluded.slice(), selection, lists }, words };
}

/** The drawn targets as people read them: names, group labels and teams by certificate number. */
export function selectedTargets(outcome: Pick<DrawOutcome, 'selection' | 'lists' | 'groups'>): SelectedTarget[] {
  const { targets, groupOf, teamSize, seats } = outcome.selection;
  const { columns, groupCodes } = outcome.lists.entities;
  const { codes, values } = groupCodes;
  const certNos = outcome.lists.inspectors.rows.map((i) => i.certNo);
  const credits = values.credit.map((c) => (c === '' ? null : (c as CreditGrade)));
  const selected: SelectedTarget[] = [];
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k]!;
    const team: string[] = [];
    for (let seat = k * teamSize; seat < (k + 1) * teamSize; seat++) team.push(certNos[seats[seat]!]!);
    selected.push({
      uscc: columns.uscc[t]!,
      name: columns.name[t]!,
      district: values.district[codes.district[t]!]!,
      subdistrict: values.subdistrict[codes.subdistrict[t]!]!,
      kind: values.kind[codes.kind[t]!]! as EntityKind,
      credit: credits[codes.credit[t]!]!,
      group: outcome.groups[groupOf[k]!]!.label,
      inspectors: team,
    });
  }
  return selected;
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

function excludedRows(entities: PreparedEntities, inspectors: PreparedList<Inspector>): Excluded[] {
  const entityReason = drawText('draw.excluded.entityInactive');
  const inspectorReason = drawText('draw.excluded.inspectorInactive');
  return [
    ...entities.inactive.map((e) => ({ key: `entities ${e.uscc}`, reason: entityReason })),
    ...inspectors.inactive.map((i) => ({ key: `inspectors ${i.certNo}`, reason: inspectorReason })),
  ];
}

// ——— Groups ———————————————————————————————————————————————————————————————————————————————————————

interface TargetGroup {
  /** Values of the grouping dimensions, in plan.groupBy order ('' for no credit grade). */
  values: string[];
  key: Record<string, string>;
  label: string;
  /** One of its targets (a canonical index), for what all its targets share, such as their district. */
  row: number;
  /** Indices into the canonical target list: in canonical order, until selectTargets shuffles them. */
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

interface Grouping {
  /** In ascending order of their value tuples. */
  groups: TargetGroup[];
  /** Per canonical target index: its group's index in `groups`. */
  groupOfRow: Int32Array;
}

/** Active targets split by the plan's dimensions. */
function groupTargets(entities: PreparedEntities, plan: DrawPlan): Grouping {
  const n = entities.rows.length;
  const groups: TargetGroup[] = [];
  let groupOfRow: Int32Array;
  const newGroupAt = (i: number): number => groups.push(newGroup(entities.rows[i]!, i, plan)) - 1;
  const dense = denseKeys(entities.groupCodes, plan.groupBy);
  if (dense) {
    // Few possible value tuples (the usual case): a table indexed by the mixed-radix key, no Map. The
    // keys are built one dimension at a time, each a tight loop over typed arrays.
    const { codes, radix, size } = dense;
    const keys = new Int32Array(n);
    codes.forEach((code, d) => {
      const r = radix[d]!;
      for (let i = 0; i < n; i++) keys[i] = keys[i]! * r + code[i]!;
    });
    const table = new Int32Array(size).fill(-1);
    // Each key is replaced by its group's index in place.
    for (let i = 0; i < n; i++) {
      let g = table[keys[i]!]!;
      if (g < 0) table[keys[i]!] = g = newGroupAt(i);
      keys[i] = g;
    }
    groupOfRow = keys;
  } else {
    const keyOf = compositeKeys(entities.groupCodes, plan.groupBy);
    const indexOf = new Map<number | string, number>();
    groupOfRow = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      let g = indexOf.get(key);
      if (g === undefined) indexOf.set(key, (g = newGroupAt(i)));
      groupOfRow[i] = g;
    }
  }
  // A counting sort: every group's members are a slice of one array, in canonical order.
  const next = new Int32Array(groups.length + 1);
  for (let i = 0; i < n; i++) next[groupOfRow[i]! + 1]!++;
  for (let g = 1; g <= groups.length; g++) next[g]! += next[g - 1]!;
  const members = new Int32Array(n);
  groups.forEach((group, g) => (group.members = members.subarray(next[g]!, next[g + 1]!)));
  for (let i = 0; i < n; i++) members[next[groupOfRow[i]!]!++] = i;
  const order = groups.map((_, g) => g).sort((a, b) => compareTuples(groups[a]!.values, groups[b]!.values));
  const rank = new Int32Array(groups.length);
  order.forEach((g, r) => (rank[g] = r));
  for (let i = 0; i < n; i++) groupOfRow[i] = rank[groupOfRow[i]!]!;
  return { groups: order.map((g) => groups[g]!), groupOfRow };
}

function newGroup(e: Entity, row: number, plan: DrawPlan): TargetGroup {
  const values = plan.groupBy.map((d) => dimensionValue(e, d));
  const key: Record<string, string> = {};
  plan.groupBy.forEach((d, i) => (key[d] = values[i]!));
  const label = plan.groupBy.map((d) => dimensionLabel(e, d)).join(drawText('draw.label.separator'));
  const risk = plan.groupBy.includes('credit') && e.credit !== null ? plan.riskRatios[e.credit] : undefined;
  return { values, key, label, row, members: new Int32Array(0), bp: ratioBasisPoints(risk ?? plan.ratio), selected: 0 };
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
  /** Canonical indices of the drawn targets, ascending. */
  targets: Int32Array;
  /** Index of each drawn target's group. */
  groupOf: Int32Array;
}

/**
 * ceil(bp × size) targets per group (§8): a forward partial Fisher–Yates over the group in canonical order
 * picks the smaller side, the drawn targets or those left out, so a group drawn whole takes no word. The
 * draw is the set; it is listed in canonical order.
 */
function selectTargets({ groups, groupOfRow }: Grouping, stream: DrawStream): Picks {
  const drawn = new Uint8Array(groupOfRow.length);
  let total = 0;
  for (const group of groups) {
    const size = group.members.length;
    group.selected = ceilCount(group.bp, size);
    // A count above the group (a broken ceilCount) would draw from an empty remainder.
    if (!(group.selected >= 0 && group.selected <= size)) throw new RangeError(`group ${group.label}: ${group.selected} to select from ${size}`);
    total += group.selected;
    // The group's own array is shuffled in place: it was made for this draw and nothing reads its order later.
    const order = group.members;
    const picked = Math.min(group.selected, size - group.selected);
    for (let i = 0; i < picked; i++) {
      const j = i + stream.uniform(size - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const [from, to] = picked === group.selected ? [0, picked] : [picked, size];
    for (let i = from; i < to; i++) drawn[order[i]!] = 1;
  }
  const picks: Picks = { targets: new Int32Array(total), groupOf: new Int32Array(total) };
  let p = 0;
  for (let t = 0; t < drawn.length; t++) {
    if (drawn[t] === 0) continue;
    picks.targets[p] = t;
    picks.groupOf[p++] = groupOfRow[t]!;
  }
  return picks;
}

// ——— Teams ————————————————————————————————————————————————————————————————————————————————————————

interface Teams {
  /** Canonical inspector index per seat, teamSize per drawn target. */
  seats: Int32Array;
  /** The output encoding's words (§10): per target its index, the team size and each member's index. */
  words: Uint32Array;
}

function assignTeams(picks: Picks, groups: readonly TargetGroup[], lists: PreparedLists, plan: DrawPlan, stream: DrawStream): Teams {
  const entities = lists.entities.rows;
  const inspectors = lists.inspectors.rows;
  const { roster } = lists;
  const pools = new Map(roster.districts.map((d) => [d, new DistrictPool(d)]));
  // District is always the first grouping dimension, so each group has one pool.
  const poolOfGroup = groups.map((g) => {
    const district = roster.byDistrictCode[lists.entities.groupCodes.codes.district[g.row]!];
    return district ? pools.get(district)! : null;
  });
  const recusedSub = plan.recusal.sameSubdistrict;
  const recusedLast = plan.recusal.lastInspector ? 1 : 0;
  const maxLoad = plan.maxPerInspector ?? Infinity;
  const teamSize = plan.teamSize;
  const { targets: info, recusals } = roster;
  const count = picks.targets.length;
  const seats = new Int32Array(count * teamSize);
  const words = new Uint32Array(count * (2 + teamSize));
  // Targets in canonical order: their packed entries and recusals are read front to back.
  let w = 0;
  for (let p = 0; p < count; p++) {
    const t = picks.targets[p]!;
    const g = picks.groupOf[p]!;
    const pool = poolOfGroup[g]!;
    if (!pool) throw unfillable(entities[t]!, groups[g]!.label, null, [], inspectors, plan);
    // Declared conflicts always, last inspectors when the plan says so (§9).
    const at = t * TARGET_STRIDE;
    const from = info[at + 1]!;
    const to = from + info[at + 2]! + recusedLast * info[at + 3]!;
    const filled = pool.fillTeam(recusals, from, to, recusedSub ? info[at]! : -1, teamSize, maxLoad, stream, seats, p * teamSize);
    if (filled < teamSize) throw unfillable(entities[t]!, groups[g]!.label, pool, teamSoFar(seats, p * teamSize, filled, inspectors), inspectors, plan);
    words[w++] = t;
    words[w++] = teamSize;
    for (let seat = p * teamSize; seat < (p + 1) * teamSize; seat++) words[w++] = seats[seat]!;
  }
  return { seats, words };
}

/** Certificate numbers of the first `filled` seats from `start` (for the message of a failed draw). */
function teamSoFar(seats: Int32Array, start: number, filled: number, inspectors: readonly Inspector[]): string[] {
  return Array.from(seats.subarray(start, start + filled), (i) => inspectors[i]!.certNo);
}

/** Why no inspector is left for a seat: counts every rule that removed someone (slow path, failure only). */
function shortfallRules(e: Entity, pool: DistrictPool | null, team: readonly string[], inspectors: readonly Inspector[], plan: DrawPlan): DrawRule[] {
  if (!pool) return ['no-inspectors'];
  const rules = new Set<DrawRule>();
  if (pool.members.length < plan.teamSize) rules.add('too-few-inspectors');
  pool.members.forEach((i, local) => {
    const insp = inspectors[i]!;
    if (team.includes(insp.certNo)) return;
    for (const rule of recusalRules(insp, e, plan.recusal)) rules.add(rule);
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
