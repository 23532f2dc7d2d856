// How many times some tables were written, as one number shared by every component asking for the same tables:
// the cue for work made elsewhere (in a worker) from those tables to be made again. A live count over each
// table's whole key range runs again at any write to it (Dexie observes the ranges read, not the results), and
// no row is read. One subscription per set of tables, held while a component uses it.
import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import { db } from './db';

interface Writes {
  /** 0 until the first count; then one more at each run. */
  version: number;
  listeners: Set<() => void>;
  subscription: Subscription | null;
}

const watched = new Map<string, Writes>();

function writesOf(key: string): Writes {
  let w = watched.get(key);
  if (!w) watched.set(key, (w = { version: 0, listeners: new Set(), subscription: null }));
  return w;
}

/** Calls `listener` at every write to these tables (and once when first counted); returns the unsubscribe. */
export function watchWrites(tables: readonly string[], listener: () => void): () => void {
  const key = tables.join(',');
  const w = writesOf(key);
  w.listeners.add(listener);
  w.subscription ??= liveQuery(() => Promise.all(key.split(',').map((t) => db.table(t).count()))).subscribe(() => {
    w.version++;
    for (const l of w.listeners) l();
  });
  return () => {
    w.listeners.delete(listener);
    if (w.listeners.size > 0) return;
    w.subscription?.unsubscribe();
    w.subscription = null;
  };
}

/** How many times these tables were counted so far: 0 until the first count, then one more at each write. */
export const writesVersion = (tables: readonly string[]): number => writesOf(tables.join(',')).version;

/** A number that moves at every write to these tables; undefined until they are first counted. */
export function useWritesTo(tables: readonly string[]): number | undefined {
  const key = tables.join(',');
  const listen = useCallback((listener: () => void) => watchWrites(key.split(','), listener), [key]);
  const version = useSyncExternalStore(listen, () => writesVersion(key.split(',')));
  return version === 0 ? undefined : version;
}
