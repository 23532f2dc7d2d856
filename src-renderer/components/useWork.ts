// The long work a component runs in a worker, one piece at a time: a new piece ends the one before (a newer
// file replaces it), Cancel ends it, and the component going away ends it quietly (nobody is there to read
// "cancelled"). What the work shows (progress, its result) stays the component's own state.
import { useEffect, useMemo, useRef } from 'react';

export interface WorkHandle {
  /** A new piece of work, ending the one before: its signal, for runTask. */
  start(): AbortSignal;
  /** Ends the running piece (Cancel). */
  cancel(): void;
  /** Whether this piece is still the running one: a cancel then is the person's, worth a word. */
  isCurrent(signal: AbortSignal): boolean;
  /** This piece is over: nothing runs any more (unless a newer piece has started). */
  end(signal: AbortSignal): void;
}

/** The handle over a slot that holds the running piece (a ref in the hook, a plain object in tests). */
export function workHandle(running: { current: AbortController | null }): WorkHandle {
  return {
    start() {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      return controller.signal;
    },
    cancel: () => running.current?.abort(),
    isCurrent: (signal) => running.current?.signal === signal,
    end(signal) {
      if (running.current?.signal === signal) running.current = null;
    },
  };
}

export function useWork(): WorkHandle {
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => {
    const left = running.current;
    running.current = null;
    left?.abort();
  }, []);
  return useMemo(() => workHandle(running), []);
}
