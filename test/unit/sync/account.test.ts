// The device's account in Dexie: its hub token is stored sealed by the platform, never as it is where
// the platform can seal, and an account stored before sealing is sealed on its first read.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SealedSecret } from '../../../src-shared/platform-api';
import { openDb } from '../../../src-renderer/db/db';
import { readAccount, saveAccount, SYNC_KEYS, type Account, type SecretSealer } from '../../../src-renderer/sync/account';
import { webPlatform } from '../../../src-renderer/platform/web';

const account: Account = {
  hubUrl: 'http://192.168.1.10:8787',
  deviceId: '3f1b2c4d-0000-4000-8000-000000000001',
  token: 'tc_dev_SECRET-token-1234567890',
  user: { id: 'u1', username: 'wang', displayName: '王检查', role: 'inspector', district: '鼓楼区', certNo: '35010001' },
};

/** A stand-in for safeStorage: reversible, with a per-machine key, so another "machine" cannot open it. */
function machine(key: string): SecretSealer & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    sealSecret: async (plain) => {
      sealed.push(plain);
      return { scheme: 'os', value: Buffer.from(`${key}|${plain}`).toString('base64') };
    },
    openSecret: async (s: SealedSecret) => {
      if (s.scheme === 'plain') return s.value;
      const [k, ...rest] = Buffer.from(s.value, 'base64').toString().split('|');
      return k === key ? rest.join('|') : null;
    },
  };
}

let serial = 0;
const db = () => openDb(`account-test-${++serial}`);

describe('device account', () => {
  it('stores the token sealed, not as it is, and reads it back opened', async () => {
    const d = db();
    const here = machine('k1');
    await saveAccount(d, account, here);
    const row = await d.settings.get(SYNC_KEYS.account);
    expect(JSON.stringify(row?.value)).not.toContain(account.token);
    expect(row?.value).toEqual({ hubUrl: account.hubUrl, deviceId: account.deviceId, user: account.user, sealedToken: { scheme: 'os', value: Buffer.from(`k1|${account.token}`).toString('base64') } });
    expect(await readAccount(d, here)).toEqual(account);
    // A new enrollment starts the device's mutation ids and pull cursor over.
    expect((await d.settings.get(SYNC_KEYS.nextId))?.value).toBe(1);
    expect((await d.settings.get(SYNC_KEYS.cursor))?.value).toBe('0.0');
  });

  it('reads no account where the token cannot be opened (sealed under another machine’s key): the device enrolls again', async () => {
    const d = db();
    await saveAccount(d, account, machine('k1'));
    expect(await readAccount(d, machine('k2'))).toBeNull();
  });

  it('seals an account stored before tokens were sealed on its first read', async () => {
    const d = db();
    await d.settings.put({ key: SYNC_KEYS.account, value: account });
    const here = machine('k1');
    expect(await readAccount(d, here)).toEqual(account);
    expect(here.sealed).toEqual([account.token]);
    const row = await d.settings.get(SYNC_KEYS.account);
    expect(JSON.stringify(row?.value)).not.toContain(account.token);
    expect(await readAccount(d, here)).toEqual(account);
  });

  it('keeps the token as it is on the web build, which has no key store, and says so', async () => {
    const d = db();
    await saveAccount(d, account, webPlatform);
    expect((await d.settings.get(SYNC_KEYS.account))?.value).toMatchObject({ sealedToken: { scheme: 'plain', value: account.token } });
    expect(await readAccount(d, webPlatform)).toEqual(account);
    expect(await webPlatform.openSecret({ scheme: 'os', value: 'AAAA' })).toBeNull();
  });

  it('reads no account from a damaged row', async () => {
    const d = db();
    await d.settings.put({ key: SYNC_KEYS.account, value: { hubUrl: 1 } });
    expect(await readAccount(d, machine('k1'))).toBeNull();
  });
});
