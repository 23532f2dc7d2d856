// Reads for opening a targeted case: targets to choose from, the inspectors who may be sent, the target's open case.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Entity, Inspector } from '../../src-shared/domain';
import { isOpenCase, originOf } from '../../src-shared/targeted/origin';
import { db, type LocalCase } from './db';

/** Most targets a search offers at once (the office types more to narrow). */
const TARGET_MATCHES = 30;

/** Active targets whose name or USCC holds the text (the first 30 in USCC order); none for no text. */
export function useTargetSearch(text: string): Entity[] {
  const q = text.trim();
  return useLiveQuery(async () => {
    if (q === '') return [];
    const upper = q.toUpperCase();
    return db.entities.filter((e) => e.active && (e.name.includes(q) || e.uscc.includes(upper))).limit(TARGET_MATCHES).toArray();
  }, [q]) ?? [];
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
