// Reads and device-local actions of the sync screens: the account, the outbox, what the hub reported,
// the offline login, case-file export and photo bytes. None of these is domain data.
import { useLiveQuery } from 'dexie-react-hooks';
import { readAccount, type Account } from '../sync/account';
import { storeBlob as storeBlobIn } from '../sync/blobs';
import type { HubClient } from '../sync/hubClient';
import { hasVerifier, loginOffline as offline, loginOnline as online } from '../sync/login';
import { db, type HubRow } from './db';

export type { HubRow };

/** The enrollment; undefined while loading, null when not enrolled. */
export function useAccount(): Account | null | undefined {
  return useLiveQuery(() => readAccount(db), []);
}

/** The enrollment as stored now (null when not enrolled). */
export const currentAccount = (): Promise<Account | null> => readAccount(db);

export function useOutboxCount(): number {
  return useLiveQuery(() => db.outbox.count(), []) ?? 0;
}

export function useHubRejected(): HubRow[] {
  return useLiveQuery(() => db.hubRejected.toArray(), []) ?? [];
}

export function useHubConflicts(): HubRow[] | undefined {
  return useLiveQuery(() => db.hubConflicts.toArray(), []);
}

export function useHasVerifier(): boolean | undefined {
  return useLiveQuery(() => hasVerifier(db), []);
}

/** Locked: an offline verifier exists and this browser session has not unlocked yet. */
export function useLocked(unlockedKey: string): boolean | undefined {
  return useLiveQuery(async () => (await hasVerifier(db)) && sessionStorage.getItem(unlockedKey) !== '1', []);
}

export const loginOnline = (client: HubClient, password: string) => online(db, client, password);
export const loginOffline = (password: string) => offline(db, password);
// A case file is made in a worker (zipping photos would hold the window); the writer loads only then.
export const exportCaseFile = async () => (await import('../workers/caseFileClient')).exportCaseFileInWorker();
/** Keeps a photo or signature's bytes under its SHA-256; returns the hash. */
export const storeBlob = (blob: Blob) => storeBlobIn(db, blob);
