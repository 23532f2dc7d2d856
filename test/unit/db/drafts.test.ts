// Saving as you type: drafts land in the order typed, are read back after a "reload" (a new connection)
// and are gone once dropped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db, openDb } from '../../../src-renderer/db/db';
import { draftKey, draftsOf, dropDraft, keepDraft, readDraft } from '../../../src-renderer/db/drafts';

describe('drafts of forms', () => {
  it('keeps every change in order, survives a new connection, and is dropped when saved', async () => {
    const caseId = '0190aaaa-0000-7000-8000-00000000d001';
    const key = draftKey(caseId, 'meter:new');
    expect(key).toBe(`${caseId}:meter:new`);
    // Keystrokes fired without waiting: the last one typed is the one kept.
    const writes = ['S', 'S-', 'S-3', 'S-31'].map((meterNo) => keepDraft(key, caseId, { meterNo, tenant: '三楼书店' }));
    await Promise.all(writes);
    await keepDraft(draftKey(caseId, 'posting:new'), caseId, { location: '一楼大厅' });
    const reopened = openDb(db.name);
    await reopened.open();
    expect((await reopened.drafts.get(key))?.values).toEqual({ meterNo: 'S-31', tenant: '三楼书店' });
    reopened.close();
    expect((await draftsOf(caseId)).map((d) => d.key).sort()).toEqual([`${caseId}:meter:new`, `${caseId}:posting:new`]);
    // A drop queued behind a keep still lands after it.
    void keepDraft(key, caseId, { meterNo: 'S-32' });
    await dropDraft(key);
    expect(await readDraft(key)).toBeUndefined();
    expect((await draftsOf(caseId)).map((d) => d.key)).toEqual([`${caseId}:posting:new`]);
  });
});
