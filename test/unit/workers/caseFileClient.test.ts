// A case file made in a worker (workers/caseFile.worker.ts) comes back whole, as the window made it before;
// a refusal thrown there (this device is not enrolled) arrives as the same LocalRefusal with its code.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src-renderer/db/db';
import { saveAccount } from '../../../src-renderer/sync/account';
import { exportCaseFile } from '../../../src-renderer/sync/caseFile';
import { addRecord, LocalRefusal } from '../../../src-renderer/sync/mutators';
import { exportCaseFileInWorker } from '../../../src-renderer/workers/caseFileClient';
import type { CaseFileReply, CaseFileRequest } from '../../../src-renderer/workers/caseFile.worker';
import { readCaseFile } from '../../../src-shared/sync/tcase';
import { FakeWorker } from './fakeWorker';

const CASE = '0195d0a0-0000-7000-8000-00000000ca5e';
let serial = 0;

function inWorker(db: ReturnType<typeof openDb>) {
  return () => new FakeWorker<CaseFileRequest, never, CaseFileReply>((request) => exportCaseFile(db, request.caseId));
}

describe('case file made in a worker', () => {
  it('carries the unsynced work, named for the user, as bytes the office reads', async () => {
    const db = openDb(`case-file-worker-${++serial}`);
    await saveAccount(db, { hubUrl: 'http://127.0.0.1:1', deviceId: '0195d0a0-0000-7000-8000-0000000000d1', token: 't'.repeat(43), user: { id: 'u', username: 'wang', displayName: '王检查', role: 'inspector', district: '鼓楼区', certNo: 'GL-001' } });
    await db.cases.put({ id: CASE, drawId: CASE, uscc: '91350102MA2Y00001E', entityName: '万象城', address: '', district: '鼓楼区', subdistrict: '', inspectors: ['GL-001'], status: 'assigned', reviewNote: '', missingMedia: [], version: 1 });
    await addRecord(db, CASE, 'meterReading', { meterNo: 'M-1', reading: '12.5', note: '' });
    const file = await exportCaseFileInWorker(undefined, inWorker(db));
    expect(file.count).toBe(1);
    expect(file.name).toMatch(/^wang-all-\d{12}\.tcase$/);
    const read = readCaseFile(file.bytes);
    expect(read.mutations.map((m) => [m.id, m.name])).toEqual([[1, 'addRecord']]);
  });

  it('a device not enrolled is refused there, and the refusal arrives here as a LocalRefusal', async () => {
    const db = openDb(`case-file-worker-${++serial}`);
    const refused = await exportCaseFileInWorker(undefined, inWorker(db)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LocalRefusal);
    expect((refused as LocalRefusal).code).toBe('not-enrolled');
  });
});
