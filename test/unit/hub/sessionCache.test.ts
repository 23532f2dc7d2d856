import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../../src-main/hub/accounts/sessionCache';
import type { Sql } from '../../../src-main/hub/store/store';

/** A store that answers the session query with one device row and counts the lookups. */
function fakeStore(state: { revoked: boolean; lookups: number }): Sql {
  return {
    async query<Row>() {
      state.lookups++;
      const row = { device_id: 'd1', device_name: 'laptop', revoked_at: state.revoked ? '2026-03-02T01:00:00.000Z' : null, last_mutation_id: '4',
        id: 'u1', username: 'wang', display_name: '王', role: 'inspector', district: '海淀区', cert_no: 'HD-001' };
      return [row] as Row[];
    },
    exec: async () => undefined,
  };
}

const TOKEN = 'T'.repeat(43);

describe('SessionCache', () => {
  it('reads within the TTL reuse one lookup; after it, the store is asked again', async () => {
    const state = { revoked: false, lookups: 0 };
    const clock = { t: 0 };
    const cache = new SessionCache(2000, () => clock.t);
    const db = fakeStore(state);
    expect((await cache.forRead(db, TOKEN)).deviceId).toBe('d1');
    clock.t = 1999;
    await cache.forRead(db, TOKEN);
    expect(state.lookups).toBe(1);
    clock.t = 2000;
    await cache.forRead(db, TOKEN);
    expect(state.lookups).toBe(2);
  });

  it('writes always ask the store, and a revocation they find ends the cached reads too', async () => {
    const state = { revoked: false, lookups: 0 };
    const cache = new SessionCache(2000, () => 0);
    const db = fakeStore(state);
    await cache.forRead(db, TOKEN);
    state.revoked = true;
    await expect(cache.forWrite(db, TOKEN)).rejects.toMatchObject({ status: 401, code: 'device-revoked' });
    expect(state.lookups).toBe(2);
    // The refused write dropped the remembered session: the next read asks the store and is refused as well.
    await expect(cache.forRead(db, TOKEN)).rejects.toMatchObject({ code: 'device-revoked' });
  });

  it('forgetDevice drops the device at once; a TTL of 0 remembers nothing', async () => {
    const state = { revoked: false, lookups: 0 };
    const cache = new SessionCache(2000, () => 0);
    const db = fakeStore(state);
    await cache.forRead(db, TOKEN);
    cache.forgetDevice('d1');
    await cache.forRead(db, TOKEN);
    expect(state.lookups).toBe(2);
    const none = new SessionCache(0, () => 0);
    await none.forRead(db, TOKEN);
    await none.forRead(db, TOKEN);
    expect(state.lookups).toBe(4);
  });
});
