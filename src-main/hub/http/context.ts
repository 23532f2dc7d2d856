// What every route needs from the hub.
import type { Store } from '../store/store';

export interface HubContext {
  store: Store;
  /** The hub's clock; tests pass a fixed one. */
  now: () => Date;
  version: string;
}
