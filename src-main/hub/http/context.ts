// What every route needs from the hub.
import type { SessionCache } from '../accounts/sessionCache';
import type { Store } from '../store/store';
import type { PushQueue } from '../sync/pushQueue';

export interface HubContext {
  store: Store;
  /** The hub's clock; tests pass a fixed one. */
  now: () => Date;
  version: string;
  /** Sessions of recent reads (see requireRole). */
  sessions: SessionCache;
  /** Pushes applied together when they wait for the store (the embedded store); null: each on its own. */
  pushes: PushQueue | null;
  /** The key the office's signing keys are sealed under (src-main/hub/seal/officeKeys.ts); null: no signing. */
  sealKey: Uint8Array | null;
}
