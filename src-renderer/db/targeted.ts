// Reads for opening a targeted case: targets to choose from, the inspectors who may be sent, the target's open case.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Entity, Inspector } from '../../src-shared/domain';
import { isOpenCase, originOf } from '../../src-shared/targeted/origin';
import { db, type LocalCase, type TariffDb } from './db';
import { queryList } from './listQuery';

/** Most targets a search offers at once (the office types more to narrow). */
const TARGET_MATCHES = 30;

/**
 * The first 30 targets in USCC order whose name, USCC, address or contact holds the text, as the target list
 * searches (its search column, db/listQuery.ts: a search at 100,000 targets never reads the list whole); the
 * active ones only, or every one; none for no text.
 */
export async function searchTargets(database: TariffDb, text: string, activeOnly: boolean): Promise<Entity[]> {
  if (text.trim() === '') return [];
  const { rows } = await queryList(database, 'entities', { text, ...(activeOnly ? { status: 'active' as const } : {}) }, 0, TARGET_MATCHES);
  return rows as Entity[];
}

export function useTargetSearch(text: string, activeOnly: boolean): Entity[] {
  return useLiveQuery(() => searchTargets(db, text, activeOnly), [text, activeOnly]) ?? [];
}

export function useEntity(uscc: string | null): Entity | null | undefined {
  return useLiveQuery(async () => (uscc ? ((await db.entities.get(uscc)) ?? null) : null), [uscc]);
}

/** Every active inspector of the list, by district then certificate number. */
export function useActiveInspectors(): Inspector[] | undefined {
  return useLiveQuery(async () => (await db.inspectors.filter((i) => i.active).toArray()).sort((a, b) => a.district.localeCompare(b.district, 'zh-CN') || (a.certNo < b.certNo ? -1 : 1)), []);
}

/** The target's open case a complaint would join (a drawn one first), null when it has none. */
export function useOpenCaseOf(uscc: string | null): LocalCase | null | undefined {
  return useLiveQuery(async () => {
    if (!uscc) return null;
    const open = (await db.cases.where('uscc').equals(uscc).toArray()).filter(isOpenCase);
    return open.find((c) => originOf(c) === 'draw') ?? open[0] ?? null;
  }, [uscc]);
}
