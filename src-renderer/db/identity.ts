// Who uses this device: once enrolled, the hub's user is the only identity (name, role, district,
// certificate number); the self-declared local profile serves an unenrolled device alone.
import { useLiveQuery } from 'dexie-react-hooks';
import type { TariffDb } from './db';
import { db as defaultDb } from './db';
import { readAccount } from '../sync/account';
import { readProfile, type Role } from '../state/profile';

export interface Identity {
  name: string;
  role: Role;
  district: string;
  /** Enforcement certificate number ('' when none). */
  certNo: string;
  /** The hub's username when enrolled, else null. */
  username: string | null;
  enrolled: boolean;
}

/** The identity of this device's user, or null before a profile was made (and no enrollment). */
export async function readIdentity(db: TariffDb = defaultDb): Promise<Identity | null> {
  const account = await readAccount(db);
  if (account) {
    const u = account.user;
    return { name: u.displayName, role: u.role, district: u.district, certNo: u.certNo ?? '', username: u.username, enrolled: true };
  }
  const profile = await readProfile(db);
  return profile ? { ...profile, username: null, enrolled: false } : null;
}

/** undefined while loading, null when the device has neither an enrollment nor a profile. */
export function useIdentity(): Identity | null | undefined {
  return useLiveQuery(() => readIdentity(), []);
}
