// This device's enrollment at a hub and its sync bookkeeping, kept in the settings table.
import { z } from 'zod';
import type { TariffDb } from '../db/db';

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

const KEYS = { account: 'sync.account', cursor: 'sync.cursor', nextId: 'sync.nextMutationId', hlc: 'sync.hlc', log: 'sync.log' } as const;
export { KEYS as SYNC_KEYS };

export async function readAccount(db: TariffDb): Promise<Account | null> {
  const row = await db.settings.get(KEYS.account);
  const parsed = accountSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveAccount(db: TariffDb, account: Account): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: KEYS.account, value: account });
    // A new enrollment is a new device for the hub: mutation ids and the pull cursor start over.
    await db.settings.put({ key: KEYS.cursor, value: '0.0' });
    await db.settings.put({ key: KEYS.nextId, value: 1 });
  });
}

export async function readCursor(db: TariffDb): Promise<string> {
  const row = await db.settings.get(KEYS.cursor);
  return typeof row?.value === 'string' ? row.value : '0.0';
}
