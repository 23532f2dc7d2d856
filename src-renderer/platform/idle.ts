// The window's idle moments, for work done ahead of need (pages' code, the lists' search column), so that
// what the user is doing goes first.

/**
 * Resolves when the window is idle, or after `timeoutMs` at most; where there is no requestIdleCallback (Node
 * in tests; Safari), after a short pause, so that work read ahead still leaves the window turns between.
 */
export function idleMoment(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 50);
  });
}
