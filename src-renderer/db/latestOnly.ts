// Work asked for by several components at once and again after each write: made once per key, one at a time,
// and only for the newest key (a burst of writes — a pull of many cases — does not queue a run per write).
export function latestOnly<T>(): (key: string, make: () => Promise<T>) => Promise<T | null> {
  let latest: { key: string; result: Promise<T | null> } | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  return (key, make) => {
    if (latest?.key === key) return latest.result;
    // Waits for the run before; skipped (null) if a newer key came meanwhile.
    const result = chain.then(() => (latest?.key === key ? make() : null));
    latest = { key, result };
    chain = result.catch(() => undefined);
    return result;
  };
}
