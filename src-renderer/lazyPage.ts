// A page in its own chunk, fetched on first use, that renders at once when its chunk is already here.
// React.lazy suspends on its first render even then (the import resolves a tick later), and React then holds
// the page behind the Suspense fallback for at least 300 ms (it throttles revealing content that replaced a
// fallback): a page preloaded while the database opened still waited a third of a second to show.
import { createElement, lazy, useState, type ComponentType, type ReactElement } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReactElement;
  /** Fetches the page's chunk now (again after a failure); resolves once it can render without suspending. */
  preload(): Promise<void>;
}

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchPage = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        pending = null; // a chunk that failed (offline before the service worker had it) is asked again next time
        throw error;
      },
    );
    return pending;
  };
  const Suspending = lazy(() => fetchPage().then((page) => ({ default: page })));
  function Page(props: P): ReactElement {
    // Chosen once per mount: switching from the suspending wrapper to the page itself would remount it.
    const [component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return createElement(component, props);
  }
  Page.preload = () => fetchPage().then(() => undefined);
  return Page;
}
