// What a failed round says: this device's own database failing is `storage`, never the hub's fault; a storage
// failure stands only while there is an account to sync.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src-renderer/db/db';
import { saveAccount, SYNC_KEYS } from '../../../src-renderer/sync/account';
import { SyncController } from '../../../src-renderer/sync/controller';

const engine = vi.hoisted(() => ({ fail: new Error('unset') as Error }));
vi.mock('../../../src-renderer/sync/engine', async (original) => ({
  ...(await original<typeof import('../../../src-renderer/sync/engine')>()),
  syncOnce: () => Promise.reject(engine.fail),
}));

const USER = { id: 'u', username: 'wang', displayName: '王检查', role: 'inspector', district: '鼓楼区', certNo: 'GL-001' } as const;
const controllers: SyncController[] = [];

async function enrolled() {
  const db = openDb(`controller-failures-${Math.random()}`);
  await saveAccount(db, { hubUrl: 'http://127.0.0.1:1', deviceId: '0195d0a0-0000-7000-8000-0000000000d1', token: 't'.repeat(43), user: USER });
  const controller = new SyncController(db);
  controllers.push(controller);
  return { db, controller };
}

afterEach(() => {
  // The retries the failures scheduled.
  for (const c of controllers.splice(0)) clearTimeout((c as unknown as { timer: ReturnType<typeof setTimeout> }).timer);
});

describe('a failed round', () => {
  it("is `storage` when this device's database fails inside the round, `server` for anything else", async () => {
    const { controller } = await enrolled();
    engine.fail = new Dexie.DatabaseClosedError('closed while pulling');
    await controller.syncNow();
    expect(controller.snapshot().lastError).toMatchObject({ cause: 'storage', message: expect.stringContaining('closed while pulling') });
    engine.fail = new DOMException('disk full', 'QuotaExceededError');
    await controller.syncNow();
    expect(controller.snapshot().lastError?.cause).toBe('storage');
    engine.fail = new TypeError('undefined is not a function');
    await controller.syncNow();
    expect(controller.snapshot().lastError?.cause).toBe('server');
  });

  it('a storage failure no longer stands once the account is gone (nothing to sync, nothing to retry)', async () => {
    const { db, controller } = await enrolled();
    engine.fail = new Dexie.DatabaseClosedError('closed');
    await controller.syncNow();
    expect(controller.snapshot().retryAt).not.toBeNull();
    await db.settings.delete(SYNC_KEYS.account);
    await controller.syncNow();
    expect(controller.snapshot()).toMatchObject({ lastError: null, retryAt: null });
  });
});
