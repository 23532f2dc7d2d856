// The local profile: who uses this device, in which role. Log-in against the hub comes later.
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { db } from '../db/db';

export const ROLES = ['office', 'lead', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const profileSchema = z.object({
  name: z.string().trim().min(1),
  role: z.enum(ROLES),
  district: z.string().trim(),
  /** The enforcement certificate number, for an inspector (to find their own cases). */
  certNo: z.string().trim(),
});
export type Profile = z.infer<typeof profileSchema>;

/** undefined while loading, null when no profile was made yet. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(async () => {
    const row = await db.settings.get('profile');
    if (!row) return null;
    const parsed = profileSchema.safeParse(row.value);
    return parsed.success ? parsed.data : null;
  });
}

export async function saveProfile(profile: Profile): Promise<void> {
  await db.settings.put({ key: 'profile', value: profileSchema.parse(profile) });
}
