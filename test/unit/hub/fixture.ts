// A hub on a fresh store with a settable clock, and helpers to make users and enrolled devices.
import type { FastifyInstance } from 'fastify';
import { createPairingCode } from '../../../src-main/hub/accounts/devices';
import type { Role } from '../../../src-main/hub/accounts/roles';
import { addUser } from '../../../src-main/hub/accounts/users';
import { createHub } from '../../../src-main/hub/server';
import type { Store } from '../../../src-main/hub/store/store';
import type { StoreFactory, TestStore } from './stores';

export const START = new Date('2026-03-02T01:00:00.000Z');
/** The seal key of the test hubs' office keys. */
export const FIXTURE_SEAL_KEY = new Uint8Array(32).fill(7);
const CLI = { userId: null, deviceId: null };

export interface HubFixture {
  store: Store;
  app: FastifyInstance;
  clock: { now: Date };
  /** Adds a user and enrolls a device for them; returns its token and ids. */
  enrolled(role: Role, username?: string, extra?: { certNo?: string; district?: string }): Promise<Device>;
  /** Enrolls another device for an existing user (a second laptop, or a wiped one). */
  enrollAgain(username: string): Promise<Device>;
  close(): Promise<void>;
}

export interface Device {
  token: string;
  deviceId: string;
  userId: string;
  username: string;
}

let serial = 0;

export async function openHub(factory: StoreFactory): Promise<HubFixture> {
  const opened: TestStore = await factory.open();
  const clock = { now: START };
  // Every test hub can sign documents (its office key is made the first time one is asked for).
  const app = await createHub({ store: opened.store, now: () => clock.now, sealKey: FIXTURE_SEAL_KEY });
  const enrollAgain = async (username: string): Promise<Device> => {
    const { code } = await createPairingCode(opened.store, username, CLI, clock.now);
    const reply = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: `${username}-laptop` } });
    const body = reply.json<{ token: string; deviceId: string; user: { id: string } }>();
    return { token: body.token, deviceId: body.deviceId, userId: body.user.id, username };
  };
  const enrolled = async (role: Role, username = `${role}${++serial}`, extra: { certNo?: string; district?: string } = {}): Promise<Device> => {
    const district = extra.district ?? '海淀区';
    await addUser(opened.store, { username, displayName: username, role, district, password: 'correct horse', ...(extra.certNo ? { certNo: extra.certNo } : {}) }, CLI, clock.now);
    return enrollAgain(username);
  };
  return {
    store: opened.store,
    app,
    clock,
    enrolled,
    enrollAgain,
    async close() {
      await app.close();
      await opened.dispose();
    },
  };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
