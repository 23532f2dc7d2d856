// The app's one sync controller: runs rounds on demand, when the network comes back and every
// minute; retries with backoff; publishes a status the header shows at all times.
import Dexie, { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import { CLOCK_SKEW_WARN_MS } from '../../src-shared/sync/protocol';
import { db, type TariffDb } from '../db/db';
import { readAccount, saveAccount, SYNC_KEYS, type Account } from './account';
import { syncOnce, type SyncProgress } from './engine';
import { HubClient, SyncError, type SyncCause } from './hubClient';

export interface SyncStatus {
  enrolled: boolean;
  running: boolean;
  online: boolean;
  /** Mutations not yet acknowledged by the hub. */
  pending: number;
  lastSuccess: string | null;
  lastError: { cause: SyncCause; message: string; at: string } | null;
  progress: SyncProgress | null;
  clockSkewMs: number | null;
  rejected: number;
  conflicts: number;
  /** When the next automatic attempt is due after a failure (ISO), or null. */
  retryAt: string | null;
}

const INITIAL: SyncStatus = {
  enrolled: false, running: false, online: typeof navigator === 'undefined' ? true : navigator.onLine, pending: 0, lastSuccess: null,
  lastError: null, progress: null, clockSkewMs: null, rejected: 0, conflicts: 0, retryAt: null,
};

const BACKOFF_MS = [2_000, 5_000, 15_000, 60_000, 300_000];
const PERIOD_MS = 60_000;
/** From a write to its push, when online: a burst of writes (an import's slices) goes as one push. */
const WRITE_DELAY_MS = 1_500;

export class SyncController {
  private status: SyncStatus = INITIAL;
  private listeners = new Set<() => void>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** The round asked for while one ran: at most one waits, whoever asks. */
  private followUp: Promise<void> | null = null;
  /** A write landed while a round ran: the next round comes soon, not in a minute. */
  private writtenDuringRound = false;

  constructor(private readonly database: TariffDb) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SyncStatus => this.status;

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l();
  }

  /** Reads what is stored (account, pending count, last result) and starts the automatic rounds. */
  async start(): Promise<void> {
    // Listened to first, then read: the engine starts after the first screen, and a network lost or found
    // before that (or while the stored state is read) must not leave the status saying otherwise.
    window.addEventListener('online', () => {
      this.set({ online: true });
      void this.join();
    });
    window.addEventListener('offline', () => this.set({ online: false }));
    this.set({ online: navigator.onLine });
    const account = await readAccount(this.database);
    const log = (await this.database.settings.get(SYNC_KEYS.log))?.value as Partial<SyncStatus> | undefined;
    this.set({ ...log, enrolled: account !== null, pending: await this.database.outbox.count(), running: false, progress: null, online: navigator.onLine });
    this.schedule(1_000);
    this.pushSoonAfterWrites();
  }

  /**
   * A write queued while online goes out within seconds, not at the next minute's round: the office
   * saving its settings, an inspector back in signal. Waits out a failure's backoff as scheduled.
   */
  private pushSoonAfterWrites(): void {
    let last = this.status.pending;
    liveQuery(() => this.database.outbox.count()).subscribe({
      next: (count) => {
        if (count > last && navigator.onLine && this.failures === 0) {
          if (this.running) this.writtenDuringRound = true;
          else this.schedule(WRITE_DELAY_MS);
        }
        last = count;
        this.set({ pending: count });
      },
      error: () => undefined,
    });
  }

  async refreshPending(): Promise<void> {
    this.set({ pending: await this.database.outbox.count(), rejected: await this.database.hubRejected.count(), conflicts: await this.database.hubConflicts.filter((k) => k.row.resolvedAt === null).count() });
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.join(), ms);
  }

  async enroll(hubUrl: string, code: string, deviceName: string): Promise<Account> {
    const enrollment = await new HubClient(hubUrl, null).enroll(code, deviceName);
    const account: Account = { hubUrl, deviceId: enrollment.deviceId, token: enrollment.token, user: enrollment.user };
    await saveAccount(this.database, account);
    this.set({ enrolled: true, lastError: null });
    void this.syncNow();
    return account;
  }

  /**
   * One round now, asked by a person or a page. Asked while a round runs, one more round follows it and the
   * caller waits for that: the running round may have pulled before what the caller knows is on the hub (its
   * own draw there). A failed sync does not throw: its outcome is in the status.
   */
  syncNow(): Promise<void> {
    if (!this.running) return this.join();
    const next = () => {
      this.followUp = null;
      return this.join();
    };
    // Also after a round that failed outright: the next ask must not find this one still waiting.
    this.followUp ??= this.running.then(next, next);
    return this.followUp;
  }

  /** A round now, or the one running: the timer's and the network's way, which never queue one more (backoff holds). */
  private join(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** One round; never rejects: whatever fails is in the status, and the next round is scheduled. */
  private async round(): Promise<void> {
    let account: Account | null;
    try {
      account = await readAccount(this.database);
    } catch (e) {
      this.failed(new SyncError('storage', e instanceof Error ? e.message : String(e)));
      return;
    }
    if (!account) {
      // Read again, with no account now (the device let go): an earlier storage failure no longer stands.
      if (this.status.lastError?.cause === 'storage') {
        this.failures = 0;
        this.set({ lastError: null, retryAt: null });
        await this.keepLog().catch(() => undefined);
      }
      return;
    }
    this.set({ running: true, progress: null });
    try {
      const client = new HubClient(account.hubUrl, account.token);
      const report = await syncOnce(this.database, client, { onProgress: (progress) => this.set({ progress }) });
      // The office's public keys come along, so that documents can be verified here offline (never fails a sync).
      // Loaded on use: db/seal also holds the PDF sealing code, which the first screen does not need.
      await import('../db/seal')
        .then(({ refreshOfficeKeys }) => refreshOfficeKeys(client, this.database))
        .catch(() => undefined);
      this.failures = 0;
      const skew = report.clockSkewMs !== null && Math.abs(report.clockSkewMs) > CLOCK_SKEW_WARN_MS ? report.clockSkewMs : null;
      const lastError = report.mismatched.length > 0 ? { cause: 'checksum' as const, message: report.mismatched.join(', '), at: new Date().toISOString() } : null;
      this.set({ lastSuccess: new Date().toISOString(), lastError, clockSkewMs: skew, retryAt: null });
      this.schedule(this.writtenDuringRound ? WRITE_DELAY_MS : PERIOD_MS);
      this.writtenDuringRound = false;
    } catch (e) {
      this.failed(e instanceof SyncError ? e : new SyncError(isLocal(e) ? 'storage' : 'server', e instanceof Error ? e.message : String(e)));
    } finally {
      this.set({ running: false, progress: null });
      // The outcome is already in the status: a database failing here fails the next round's read too, which says so.
      await this.keepLog().catch(() => undefined);
    }
  }

  /** A failed round: said in the status, tried again after the backoff (a revoked device stops: only a new enrollment helps). */
  private failed(error: SyncError): void {
    const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!;
    this.failures += 1;
    const revoked = error.kind === 'revoked';
    this.set({ lastError: { cause: error.kind, message: error.message, at: new Date().toISOString() }, retryAt: revoked ? null : new Date(Date.now() + wait).toISOString() });
    if (!revoked) this.schedule(wait);
  }

  /** The pending counts, and the last result kept for the next start. */
  private async keepLog(): Promise<void> {
    await this.refreshPending();
    const { lastSuccess, lastError, clockSkewMs } = this.status;
    await this.database.settings.put({ key: SYNC_KEYS.log, value: { lastSuccess, lastError, clockSkewMs } });
  }
}

/** A failure of this device's own database (Dexie's errors, a full disk as the browser names it), not of the hub. */
function isLocal(e: unknown): boolean {
  return e instanceof Dexie.DexieError || (e instanceof Error && e.name === 'QuotaExceededError');
}

export const syncController = new SyncController(db);

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncController.subscribe, syncController.snapshot);
}
