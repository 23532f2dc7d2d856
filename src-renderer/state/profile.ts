// The local profile: who uses this device, in which role. Log-in against the hub comes later.
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { cleanString } from '../../src-shared/text';
import { db, type TariffDb } from '../db/db';

export const ROLES = ['office', 'lead', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const profileSchema = z.object({
  name: cleanString().trim().min(1).max(100),
  role: z.enum(ROLES),
  district: cleanString().trim().max(200),
  /** The enforcement certificate number, for an inspector (to find their own cases). */
  certNo: cleanString().trim().max(200),
});
export type Profile = z.infer<typeof profileSchema>;

/** The local profile, or null when none was made yet. */
export async function readProfile(database: TariffDb = db): Promise<Profile | null> {
  const row = await database.settings.get('profile');
  const parsed = profileSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** undefined while loading, null when no profile was made yet. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(() => readProfile());
}

export async function saveProfile(profile: Profile, database: TariffDb = db): Promise<void> {
  await database.settings.put({ key: 'profile', value: profileSchema.parse(profile) });
}
