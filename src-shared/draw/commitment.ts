// The commitment (抽查承诺) of a draw, fixed before any seed is entered (docs/draw-algorithm.md §4a):
// the plan and both lists as hashes, with the rows left out, shown and printable for the witnesses;
// and the seed made of the witnesses' contributions. A draw that names a commitment refuses lists or
// a plan that no longer hash to it.
import { z } from 'zod';
import type { Json } from '../canonicalJson';
import type { Entity, Inspector } from '../domain';
import { sha256Hex } from '../hash/sha256';
import { drawText } from '../i18n/draw';
import { compareCodeUnits, planHash, prepareEntitiesAsync, prepareInspectorsAsync } from './canonical';
import type { PreparedEntities, PreparedList } from './canonical';
import { inScope, type DrawPlan } from './plan';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const commitmentSchema = z.strictObject({
  planHash: hex64,
  entitiesHash: hex64,
  inspectorsHash: hex64,
  /** Hash of the rows left out (§2a): which rows of each list take no part, and why. */
  excludedHash: hex64,
  entitiesCount: z.number().int().nonnegative(),
  inspectorsCount: z.number().int().nonnegative(),
  excludedCount: z.number().int().nonnegative(),
  /** UTC ISO time the commitment was made (before the seed). */
  committedAt: z.iso.datetime(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** What a row left out of the draw is: a code, never a translated reason. */
export type ExcludedCode = 'inactive';

/**
 * The excluded encoding (§2a): `[["tariffcheck-excluded/1","list","key","reason"], [list, key, reason], …]`
 * for the inactive rows of both lists, sorted by list ("entities" before "inspectors") then key by code
 * units; `excludedHash` = hex SHA-256 of its UTF-8 bytes.
 */
export function excludedHash(entities: Pick<PreparedEntities, 'inactive'>, inspectors: Pick<PreparedList<Inspector>, 'inactive'>): string {
  const rows: Json[] = [['tariffcheck-excluded/1', 'list', 'key', 'reason']];
  const keys = (list: readonly string[]) => [...list].sort(compareCodeUnits);
  for (const key of keys(entities.inactive.map((e: Entity) => e.uscc))) rows.push(['entities', key, 'inactive' satisfies ExcludedCode]);
  for (const key of keys(inspectors.inactive.map((i) => i.certNo))) rows.push(['inspectors', key, 'inactive' satisfies ExcludedCode]);
  return sha256Hex(new TextEncoder().encode(JSON.stringify(rows)));
}

/** The commitment of a plan (in normal form: parsePlan) over these lists (the rows of its scope, §2b), made now (or at `at`). */
export async function makeCommitment(entities: readonly Entity[], inspectors: readonly Inspector[], plan: DrawPlan, at = new Date()): Promise<Commitment> {
  const [e, i] = await Promise.all([prepareEntitiesAsync(inScope(entities, plan)), prepareInspectorsAsync(inScope(inspectors, plan))]);
  return commitmentOf({ entities: e, inspectors: i }, plan, at);
}

/** Both lists of a plan's scope, prepared (canonical order and hashes): what a commitment is made of. */
export interface PreparedScope {
  entities: PreparedEntities;
  inspectors: PreparedList<Inspector>;
}

/** The commitment of a plan (in normal form) over lists already prepared for its scope, made now (or at `at`). */
export function commitmentOf(lists: PreparedScope, plan: DrawPlan, at = new Date()): Commitment {
  const { entities: e, inspectors: i } = lists;
  return {
    planHash: planHash(plan),
    entitiesHash: e.hash,
    inspectorsHash: i.hash,
    excludedHash: excludedHash(e, i),
    entitiesCount: e.rows.length,
    inspectorsCount: i.rows.length,
    excludedCount: e.inactive.length + i.inactive.length,
    committedAt: at.toISOString(),
  };
}

/** What differs between a commitment and the plan and lists a draw is about to use, in Chinese; empty when none. */
export function commitmentDifferences(c: Commitment, now: Omit<Commitment, 'committedAt'>): string[] {
  const out: string[] = [];
  if (now.planHash !== c.planHash) out.push(drawText('draw.commitment.plan'));
  if (now.entitiesHash !== c.entitiesHash) out.push(drawText('draw.commitment.entities', { committed: c.entitiesCount, now: now.entitiesCount }));
  if (now.inspectorsHash !== c.inspectorsHash) out.push(drawText('draw.commitment.inspectors', { committed: c.inspectorsCount, now: now.inspectorsCount }));
  if (now.excludedHash !== c.excludedHash) out.push(drawText('draw.commitment.excluded', { committed: c.excludedCount, now: now.excludedCount }));
  return out;
}

/**
 * The seed of a draw from the witnesses' contributions (§4a): each trimmed; one contribution is the
 * seed itself, several are the JSON array of them in the order entered. Empty contributions are dropped.
 */
export function combineSeeds(contributions: readonly string[]): string {
  const given = contributions.map((c) => c.trim()).filter((c) => c !== '');
  return given.length === 1 ? given[0]! : given.length === 0 ? '' : JSON.stringify(given);
}
