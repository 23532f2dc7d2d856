// Sessions of recent read requests, remembered for a moment: a laptop's sync is a push, a pull and a
// checksum request in a row, and looking its token up once instead of three times spares the store
// (PGlite runs every query on one thread). Only reads use it; every write authenticates afresh.
import type { Sql } from '../store/store';
import { authenticate, type DeviceSession } from './devices';
import { sha256Hex } from './secrets';

/** How long a read may be served on a remembered session (ms). */
export const SESSION_CACHE_MS = 2_000;
/** Most sessions remembered at once; the oldest go first. */
const MAX_ENTRIES = 1_000;

export class SessionCache {
  /** Keyed by the token's SHA-256, never the token. */
  private readonly entries = new Map<string, { session: DeviceSession; until: number }>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_MS,
    /** Monotonic milliseconds; tests pass their own. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The session behind `token`, from memory when looked up within the last ttlMs, else from the store. */
  async forRead(db: Sql, token: string): Promise<DeviceSession> {
    const key = sha256Hex(token);
    const hit = this.entries.get(key);
    if (hit && hit.until > this.clock()) return hit.session;
    return this.lookUp(db, key, token);
  }

  /** The session behind `token`, always from the store (writes); remembered for the reads that follow. */
  async forWrite(db: Sql, token: string): Promise<DeviceSession> {
    return this.lookUp(db, sha256Hex(token), token);
  }

  /** Forgets a device at once (its revocation through this hub). */
  forgetDevice(deviceId: string): void {
    for (const [key, entry] of this.entries) if (entry.session.deviceId === deviceId) this.entries.delete(key);
  }

  /** From the store; a token it refuses (revoked meanwhile) is forgotten, so no read is served on it either. */
  private async lookUp(db: Sql, key: string, token: string): Promise<DeviceSession> {
    try {
      return this.remember(key, await authenticate(db, token));
    } catch (e) {
      this.entries.delete(key);
      throw e;
    }
  }

  private remember(key: string, session: DeviceSession): DeviceSession {
    if (this.ttlMs <= 0) return session;
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { session, until: this.clock() + this.ttlMs });
    return session;
  }
}
