// The two lists as the draw worker holds them between its requests: read once when the worker starts (while
// the user fills in the plan or the witnesses their seeds), then used again while nothing has been written to
// them. Reading 100,000 targets from IndexedDB is most of a draw's time. Every write of list rows stores their
// search column in the same transaction (db/listColumn.ts), raising its chunks' rev; so a list's version is
// its row count (kept beside the column) and its highest chunk rev, read in the same transaction as the rows.
import Dexie from 'dexie';
import type { Entity, Inspector, ListKind } from '../../src-shared/domain';
import type { TariffDb } from '../db/db';
import { readTotal } from '../db/listColumn';

export interface Lists {
  entities: readonly Entity[];
  inspectors: readonly Inspector[];
}

interface Held {
  version: string;
  lists: Lists;
}

async function versionOf(db: TariffDb): Promise<string> {
  const rev = (kind: ListKind) => db.listChunks.where('[kind+rev]').between([kind, Dexie.minKey], [kind, Dexie.maxKey]).lastKey();
  return JSON.stringify(await Promise.all([readTotal(db.listTotals, 'entities'), readTotal(db.listTotals, 'inspectors'), rev('entities'), rev('inspectors')]));
}

function readHeld(db: TariffDb): Promise<Held> {
  return db.transaction('r', [db.entities, db.inspectors, db.listChunks, db.listTotals], async () => {
    const [version, entities, inspectors] = await Promise.all([versionOf(db), db.entities.toArray(), db.inspectors.toArray()]);
    return { version, lists: { entities, inspectors } };
  });
}

export interface ListSnapshot {
  /** Starts reading the lists ahead of the first request. */
  warm(): void;
  /** The lists as they stand now: those held when nothing was written since they were read, else read again. */
  current(): Promise<Lists>;
}

export function listSnapshot(db: TariffDb): ListSnapshot {
  let held: Promise<Held> | null = null;
  const read = () => {
    const reading = readHeld(db);
    held = reading;
    reading.catch(() => {
      if (held === reading) held = null;
    });
    return reading;
  };
  return {
    warm: () => void (held ?? read()),
    async current() {
      const h = await (held ?? read());
      if (h.version === (await versionOf(db))) return h.lists;
      return (await read()).lists;
    },
  };
}
