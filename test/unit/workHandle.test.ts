// One piece of long work at a time in a component (components/useWork.ts): a new piece ends the one before,
// Cancel ends the running one, and only the running piece's cancel is the person's.
import { describe, expect, it } from 'vitest';
import { workHandle } from '../../src-renderer/components/useWork';

describe('workHandle', () => {
  it('a new piece ends the one before; only the running piece is current', () => {
    const work = workHandle({ current: null });
    const first = work.start();
    expect(work.isCurrent(first)).toBe(true);
    const second = work.start();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    expect(work.isCurrent(first)).toBe(false);
    expect(work.isCurrent(second)).toBe(true);
  });

  it('Cancel ends the running piece, which stays current until it ends; an older piece ending changes nothing', () => {
    const slot = { current: null as AbortController | null };
    const work = workHandle(slot);
    const old = work.start();
    const now = work.start();
    work.cancel();
    expect(now.aborted).toBe(true);
    expect(work.isCurrent(now)).toBe(true);
    work.end(old);
    expect(work.isCurrent(now)).toBe(true);
    work.end(now);
    expect(slot.current).toBeNull();
    expect(work.isCurrent(now)).toBe(false);
  });
});
