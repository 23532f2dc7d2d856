// The office's public keys on a device: fetched with every sync (the hub's list wins for its keys),
// imported from a .pub file (another office's kept beside them), for verifying documents offline.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/db';
import { importOfficeKeys, refreshOfficeKeys } from '../../../src-renderer/db/seal';
import type { HubClient } from '../../../src-renderer/sync/hubClient';
import { fingerprintOf, publicKeyOf, publicKeyPem, type OfficePublicKey } from '../../../src-shared/seal/officeKey';

const key = (seed: number): OfficePublicKey => {
  const publicKey = publicKeyOf(Uint8Array.from({ length: 32 }, (_, i) => (i * seed + 1) % 256));
  return { fingerprint: fingerprintOf(publicKey), publicKey, createdAt: '2026-03-01T00:00:00.000Z', retiredAt: null };
};

describe('office keys kept on the device', () => {
  it('imports a key file once, refuses a file without a key, and keeps imported keys beside the hub’s', async () => {
    const [a, b, c] = [key(3), key(5), key(7)];
    expect(await importOfficeKeys(publicKeyPem(a) + publicKeyPem(b))).toBe(2);
    expect(await importOfficeKeys(publicKeyPem(b))).toBe(0);
    await expect(importOfficeKeys('hello')).rejects.toThrow('no PUBLIC KEY block');
    const hub = { officeKeys: async () => ({ keys: [{ fingerprint: c.fingerprint, pem: publicKeyPem(c), createdAt: c.createdAt, retiredAt: null }, { fingerprint: a.fingerprint, pem: publicKeyPem(a), createdAt: a.createdAt, retiredAt: '2026-06-01T00:00:00.000Z' }] }) } as unknown as HubClient;
    const fresh = await refreshOfficeKeys(hub);
    expect(fresh.map((k) => [k.fingerprint, k.retiredAt])).toEqual([[c.fingerprint, null], [a.fingerprint, '2026-06-01T00:00:00.000Z']]);
    const stored = (await db.settings.get('officeKeys'))?.value as { fingerprint: string; retiredAt: string | null }[];
    // The hub's keys first (with their dates), then the imported key the hub does not list.
    expect(stored.map((k) => [k.fingerprint, k.retiredAt])).toEqual([[c.fingerprint, null], [a.fingerprint, '2026-06-01T00:00:00.000Z'], [b.fingerprint, null]]);
  });
});
