// Re-running a published draw (复核): the record's seed and plan over the lists given now must give the
// recorded result. Every difference is named in Chinese, so an auditor sees what changed, not just "no".
import type { Entity, Inspector } from '../domain';
import { drawText, type DrawMessageKey } from '../i18n/draw';
import { outputHash, planHash, type SelectionLine } from './canonical';
import { DrawError, prepareLists, prepareListsAsync, runPreparedDraw, selectedTargets, type Excluded, type PreparedLists, type SavedDrawRecord, type SelectedTarget } from './draw';
import { excludedHash } from './commitment';
import { DRAW_ALGORITHM } from './rng';
import { inScope } from './plan';

/** What verify needs of a saved draw: the record and the selected USCCs with their teams. */
export interface SavedDraw {
  record: SavedDrawRecord;
  selected: readonly SelectionLine[];
  /** The rows left out; a target left out for an open case (`code: 'open-case'`) was drawn as inactive. */
  excluded?: readonly Excluded[];
}

/** The targets as the draw saw them: those it left out for an open case count as inactive. */
export function asDrawn(saved: Pick<SavedDraw, 'excluded'>, entities: readonly Entity[]): readonly Entity[] {
  const leftOut = new Set((saved.excluded ?? []).filter((x) => x.code === 'open-case' && x.key.startsWith('entities ')).map((x) => x.key.slice('entities '.length)));
  return leftOut.size === 0 ? entities : entities.map((e) => (leftOut.has(e.uscc) ? { ...e, active: false } : e));
}

export interface Verdict {
  ok: boolean;
  /** One line per difference, in Chinese. */
  differences: string[];
}

export interface VerifyOptions {
  /** Items listed per kind of difference (targets, teams) before the rest is summarised; default 100. */
  maxListed?: number;
}

/** Reruns the draw of `saved.record` over these lists and lists every difference (empty when it reproduces). */
export function verifyDraw(saved: SavedDraw, given: readonly Entity[], givenInspectors: readonly Inspector[], options: VerifyOptions = {}): Verdict {
  const entities = asDrawn(saved, inScope(given, saved.record.plan));
  const inspectors = inScope(givenInspectors, saved.record.plan);
  return verifyOn(saved, () => prepareLists(entities, inspectors), entities, options);
}

/** verifyDraw with the lists hashed by gatherSha256 (WebCrypto in the renderer). */
export async function verifyDrawAsync(saved: SavedDraw, given: readonly Entity[], givenInspectors: readonly Inspector[], options: VerifyOptions = {}): Promise<Verdict> {
  // A foreign algorithm is named without preparing anything, as verifyDraw does.
  if (saved.record.algorithm !== DRAW_ALGORITHM) return verifyDraw(saved, given, givenInspectors, options);
  const entities = asDrawn(saved, inScope(given, saved.record.plan));
  const inspectors = inScope(givenInspectors, saved.record.plan);
  const lists = await prepareListsAsync(entities, inspectors);
  return verifyOn(saved, () => lists, entities, options);
}

function verifyOn(saved: SavedDraw, prepare: () => PreparedLists, entities: readonly Entity[], options: VerifyOptions): Verdict {
  const { record } = saved;
  const differences: string[] = [];
  const push = (key: DrawMessageKey, params: Record<string, string | number> = {}) => differences.push(drawText(key, params));
  // Another algorithm version encodes and draws differently: nothing else can be compared meaningfully.
  if (record.algorithm !== DRAW_ALGORITHM) {
    push('draw.verify.algorithm', { recorded: record.algorithm, current: DRAW_ALGORITHM });
    return { ok: false, differences };
  }
  const plansHash = planHash(record.plan);
  if (plansHash !== record.planHash) push('draw.verify.planHash', { recorded: record.planHash, actual: plansHash });

  const lists = prepare();
  const sameEntities = lists.entities.hash === record.entitiesHash;
  const sameInspectors = lists.inspectors.hash === record.inspectorsHash;
  // The output encoding names targets and inspectors by their place in the canonical lists (§10), so the
  // file can be checked against its hash only with the lists it was drawn from; otherwise the re-run
  // below still names every difference of the file's lines.
  if (sameEntities && sameInspectors) {
    const fileHash = outputHash(saved.selected, lists.entities.rows, lists.inspectors.rows);
    if (fileHash !== record.outputHash) differences.unshift(drawText('draw.verify.tampered', { recorded: record.outputHash, actual: fileHash }));
  }
  if (!sameEntities)
    push('draw.verify.entitiesHash', { recorded: record.entitiesHash, actual: lists.entities.hash, recordedCount: record.entitiesCount, actualCount: lists.entities.rows.length });
  if (!sameInspectors)
    push('draw.verify.inspectorsHash', { recorded: record.inspectorsHash, actual: lists.inspectors.hash, recordedCount: record.inspectorsCount, actualCount: lists.inspectors.rows.length });

  // The rows left out (§2a): recorded since the hash was added; an older record has none to compare.
  if (record.excludedHash !== undefined) {
    const actual = excludedHash(lists.entities, lists.inspectors);
    if (actual !== record.excludedHash) push('draw.verify.excludedHash', { recorded: record.excludedHash, actual, actualCount: lists.excluded.length });
  }

  let reproduced: SelectedTarget[];
  let reproducedHash: string;
  try {
    const outcome = runPreparedDraw(lists, record.plan, record.seed, record.drawnAt);
    reproduced = selectedTargets(outcome);
    reproducedHash = outcome.record.outputHash;
  } catch (e) {
    if (!(e instanceof DrawError)) throw e;
    push('draw.verify.rerunFailed', { reason: e.message });
    return { ok: false, differences };
  }
  if (reproducedHash !== record.outputHash) push('draw.verify.outputHash', { recorded: record.outputHash, actual: reproducedHash });
  differences.push(...selectionDifferences(saved.selected, reproduced, entities, options.maxListed ?? 100));
  return { ok: differences.length === 0, differences };
}

/** Targets in one selection and not the other, teams that differ, and the first place the order differs. */
function selectionDifferences(recorded: readonly SelectionLine[], reproduced: readonly SelectionLine[], entities: readonly Entity[], maxListed: number): string[] {
  const names = new Map(entities.map((e) => [e.uscc, e.name]));
  const nameOf = (uscc: string) => {
    const name = names.get(uscc);
    return name === undefined ? '' : `（${name}）`;
  };
  const recordedTeams = new Map(recorded.map((s) => [s.uscc, s.inspectors]));
  const reproducedTeams = new Map(reproduced.map((s) => [s.uscc, s.inspectors]));
  const onlyRecorded = recorded.filter((s) => !reproducedTeams.has(s.uscc)).map((s) => drawText('draw.verify.onlyRecorded', { uscc: s.uscc, name: nameOf(s.uscc) }));
  const onlyReproduced = reproduced.filter((s) => !recordedTeams.has(s.uscc)).map((s) => drawText('draw.verify.onlyReproduced', { uscc: s.uscc, name: nameOf(s.uscc) }));
  const teams = recorded.flatMap((s) => {
    const other = reproducedTeams.get(s.uscc);
    if (other === undefined || sameList(other, s.inspectors)) return [];
    return [drawText('draw.verify.team', { uscc: s.uscc, recorded: teamText(s.inspectors), actual: teamText(other) })];
  });
  const lines = [...capped(onlyRecorded, maxListed), ...capped(onlyReproduced, maxListed), ...capped(teams, maxListed)];
  if (recorded.length !== reproduced.length) lines.unshift(drawText('draw.verify.count', { recorded: recorded.length, actual: reproduced.length }));
  // Same targets and teams in another order would still change the output hash; say where.
  if (lines.length === 0) lines.push(...orderDifference(recorded, reproduced));
  return lines;
}

function orderDifference(recorded: readonly SelectionLine[], reproduced: readonly SelectionLine[]): string[] {
  const i = recorded.findIndex((s, k) => s.uscc !== reproduced[k]?.uscc);
  if (i < 0) return [];
  return [drawText('draw.verify.order', { position: i + 1, recorded: recorded[i]!.uscc, actual: reproduced[i]?.uscc ?? '—' })];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function teamText(team: readonly string[]): string {
  return team.length === 0 ? '—' : team.join(drawText('draw.list.separator'));
}

function capped(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), drawText('draw.verify.more', { count: lines.length - max })];
}
