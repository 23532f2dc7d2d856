// Forms saved as they are typed: a field typed on site is in IndexedDB before the next keystroke, so a
// reload, a crash or a flat battery loses nothing. A draft is the form's own state, local to this device
// and never synced; the record it becomes is saved through a mutator like any other (db/write.ts).
import { db, type Draft } from './db';

/** The key of a form's draft: one per case and form ('meter:new', 'meter:<record id>', 'posting', …). */
export const draftKey = (caseId: string, form: string): string => `${caseId}:${form}`;

export async function readDraft(key: string): Promise<Draft | undefined> {
  return db.drafts.get(key);
}

/**
 * Keeps the form's values. Writes are chained so they land in the order typed: a slow write never
 * overwrites a later one.
 */
let queue: Promise<unknown> = Promise.resolve();
export function keepDraft(key: string, caseId: string, values: unknown): Promise<void> {
  const write = queue.then(() => db.drafts.put({ key, caseId, values, savedAt: new Date().toISOString() }));
  queue = write.catch(() => undefined);
  return write.then(() => undefined);
}

/** Drops the draft once its record is saved (or the inspector discards it). */
export function dropDraft(key: string): Promise<void> {
  const write = queue.then(() => db.drafts.delete(key));
  queue = write.catch(() => undefined);
  return write;
}

/** The case's drafts (the case page says which forms hold unsaved input). */
export function draftsOf(caseId: string): Promise<Draft[]> {
  return db.drafts.where('caseId').equals(caseId).toArray();
}
