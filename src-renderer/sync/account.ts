// This device's enrollment at a hub and its sync bookkeeping, kept in the settings table.
import { z } from 'zod';
import { sealedSecretSchema, type PlatformApi } from '../../src-shared/platform-api';
import type { TariffDb } from '../db/db';
import { platform } from '../platform';

export const hubUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['office', 'lead', 'inspector']),
  district: z.string(),
  certNo: z.string().nullable(),
});
export type HubUser = z.infer<typeof hubUserSchema>;

export const accountSchema = z.object({
  /** The hub's origin, e.g. http://192.168.1.10:8787 ('' when the app is served by the hub itself). */
  hubUrl: z.string(),
  deviceId: z.string(),
  token: z.string(),
  user: hubUserSchema,
});
export type Account = z.infer<typeof accountSchema>;

/** What sealing the token needs of the platform (Electron's safeStorage; as it is on the web). */
export type SecretSealer = Pick<PlatformApi, 'sealSecret' | 'openSecret'>;

/** The account as stored: its token sealed by the platform. */
const storedAccountSchema = accountSchema.omit({ token: true }).extend({
  sealedToken: sealedSecretSchema,
});

const KEYS = { account: 'sync.account', cursor: 'sync.cursor', nextId: 'sync.nextMutationId', hlc: 'sync.hlc', log: 'sync.log' } as const;
export { KEYS as SYNC_KEYS };

/**
 * This device's account with its token opened; null when not enrolled, or when the token cannot be opened
 * on this machine (sealed under another OS account): the device must then be enrolled again. An account
 * stored before tokens were sealed is sealed now.
 */
export async function readAccount(db: TariffDb, secrets: SecretSealer = platform): Promise<Account | null> {
  const row = await db.settings.get(KEYS.account);
  const stored = storedAccountSchema.safeParse(row?.value);
  if (stored.success) {
    const { sealedToken, ...rest } = stored.data;
    const token = await secrets.openSecret(sealedToken);
    return token === null ? null : { ...rest, token };
  }
  const legacy = accountSchema.safeParse(row?.value);
  if (!legacy.success) return null;
  const { token, ...rest } = legacy.data;
  await db.settings.put({ key: KEYS.account, value: { ...rest, sealedToken: await secrets.sealSecret(token) } });
  return legacy.data;
}

export async function saveAccount(db: TariffDb, account: Account, secrets: SecretSealer = platform): Promise<void> {
  const { token, ...rest } = account;
  // Sealed first: a call to the main process inside the Dexie transaction would end the transaction.
  const value = { ...rest, sealedToken: await secrets.sealSecret(token) };
  await db.transaction('rw', [db.settings, db.outbox], async () => {
    await db.settings.put({ key: KEYS.account, value });
    // A new enrollment is a new device for the hub: mutation ids and the pull cursor start over. Work
    // waiting in the outbox (written standalone, or never pushed before a re-enrollment) is kept,
    // renumbered 1, 2, 3 … in its order, and goes to the hub with the first sync.
    const waiting = await db.outbox.orderBy('id').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(waiting.map((m, i) => ({ ...m, id: i + 1 })));
    await db.settings.put({ key: KEYS.cursor, value: '0.0' });
    await db.settings.put({ key: KEYS.nextId, value: waiting.length + 1 });
  });
}

export async function readCursor(db: TariffDb): Promise<string> {
  const row = await db.settings.get(KEYS.cursor);
  return typeof row?.value === 'string' ? row.value : '0.0';
}
