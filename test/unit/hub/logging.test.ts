import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../../../src-main/hub/accounts/devices';
import { addUser } from '../../../src-main/hub/accounts/users';
import { createHub } from '../../../src-main/hub/server';
import { STORES, type TestStore } from './stores';

const AT = new Date('2026-03-02T01:00:00.000Z');

describe('hub log', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await STORES[0]!.open();
  });
  afterAll(() => t.dispose());

  it('never contains a pairing code, a token or an Authorization header', async () => {
    const lines: string[] = [];
    const app = await createHub({ store: t.store, logger: true, logStream: { write: (line) => lines.push(line) }, now: () => AT });
    await addUser(t.store, { username: 'sun', displayName: '孙', role: 'office', district: '海淀区', password: 'correct horse' }, { userId: null, deviceId: null }, AT);
    const { code } = await createPairingCode(t.store, 'sun', { userId: null, deviceId: null }, AT);
    const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: 'pc' } });
    const { token } = enrolled.json<{ token: string }>();
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${'B'.repeat(43)}` } });
    await app.close();
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    expect(log).not.toContain(code);
    expect(log).not.toContain(token);
    expect(log).not.toContain('B'.repeat(43));
  });
});
