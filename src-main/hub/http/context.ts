// What every route needs from the hub.
import type { SessionCache } from '../accounts/sessionCache';
import type { Store } from '../store/store';

export interface HubContext {
  store: Store;
  /** The hub's clock; tests pass a fixed one. */
  now: () => Date;
  version: string;
  /** Sessions of recent reads (see requireRole). */
  sessions: SessionCache;
}
