// The cue for work made from tables elsewhere (db/writes.ts): a version that moves at every write to the tables
// watched, not at writes to others; one live count per set of tables, ended with its last watcher.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/db';
import { watchWrites, writesVersion } from '../../../src-renderer/db/writes';

const TABLES = ['settings', 'blobs'];
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('watchWrites', () => {
  it('moves at a write to a watched table, not at one to another, and stops with the last watcher', async () => {
    let heardA = 0;
    let heardB = 0;
    const stopA = watchWrites(TABLES, () => heardA++);
    const stopB = watchWrites(TABLES, () => heardB++);
    await settle();
    const first = writesVersion(TABLES);
    expect(first).toBe(1);
    expect([heardA, heardB]).toEqual([first, first]);

    await db.settings.put({ key: 'x', value: 1 });
    await settle();
    expect(writesVersion(TABLES)).toBe(first + 1);
    // The same row written again with the same value is still a write.
    await db.settings.put({ key: 'x', value: 1 });
    await settle();
    expect(writesVersion(TABLES)).toBe(first + 2);
    await db.outbox.clear();
    await db.tiles.put({ key: 't', data: new Uint8Array([1]) } as never);
    await settle();
    expect(writesVersion(TABLES)).toBe(first + 2);
    expect([heardA, heardB]).toEqual([first + 2, first + 2]);

    stopA();
    await db.settings.put({ key: 'y', value: 2 });
    await settle();
    expect([heardA, heardB]).toEqual([first + 2, first + 3]);
    stopB();
    await db.settings.put({ key: 'z', value: 3 });
    await settle();
    expect(writesVersion(TABLES)).toBe(first + 3);
  });
});
