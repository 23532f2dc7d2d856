import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src-renderer/db/db';
import { storeBlob } from '../../../src-renderer/sync/blobs';

describe('blobs waiting for upload', () => {
  it('a stored photo is found through the pending index, without reading any bytes', async () => {
    const db = openDb('blobs-pending');
    const sha = await storeBlob(db, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }));
    expect(await db.blobs.where('pending').equals(1).primaryKeys()).toEqual([sha]);
    await db.blobs.update(sha, { uploaded: true, pending: undefined });
    expect(await db.blobs.where('pending').equals(1).count()).toBe(0);
    expect(await db.blobs.get(sha)).toMatchObject({ uploaded: true, type: 'image/jpeg' });
    db.close();
    await db.delete();
  });

  it('upgrading from the schema before the index marks exactly the blobs not yet uploaded', async () => {
    const name = 'blobs-upgrade';
    // Version 3 as laptops hold it: `uploaded` is a boolean, which IndexedDB cannot index.
    const old = new Dexie(name);
    old.version(3).stores({ blobs: '&sha256, uploaded' });
    await old.table('blobs').bulkPut([
      { sha256: 'a'.repeat(64), bytes: new Uint8Array([1]), type: 'image/png', uploaded: false },
      { sha256: 'b'.repeat(64), bytes: new Uint8Array([2]), type: 'image/png', uploaded: true },
      { sha256: 'c'.repeat(64), bytes: new Uint8Array([3]), type: 'image/png', uploaded: false },
    ]);
    old.close();
    const db = openDb(name);
    expect(await db.blobs.where('pending').equals(1).primaryKeys()).toEqual(['a'.repeat(64), 'c'.repeat(64)]);
    expect((await db.blobs.get('b'.repeat(64)))?.pending).toBeUndefined();
    expect(await db.blobs.count()).toBe(3);
    db.close();
    await db.delete();
  });
});
