// Work for several components at once, again after each write (db/latestOnly.ts): one run per key shared by all
// who ask, one run at a time, and a key overtaken before its turn is skipped (null), never run.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../src-renderer/db/latestOnly';

describe('latestOnly', () => {
  it('shares one run per key, runs one at a time, and skips a key a newer one overtook', async () => {
    const once = latestOnly<string>();
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const slow = (key: string) => () => {
      runs.push(key);
      return new Promise<string>((resolve) => (release = () => resolve(`made ${key}`)));
    };
    const first = once('v1', slow('v1'));
    expect(once('v1', slow('v1 again'))).toBe(first);
    await Promise.resolve();
    // v2 and v3 come while v1 runs: v2 never runs.
    const second = once('v2', slow('v2'));
    const third = once('v3', slow('v3'));
    release();
    expect(await first).toBe('made v1');
    expect(await second).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect(await third).toBe('made v3');
    expect(runs).toEqual(['v1', 'v3']);
  });

  it('a failed run rejects its askers and does not stop the next key', async () => {
    const once = latestOnly<number>();
    await expect(once('a', () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await once('b', () => Promise.resolve(2))).toBe(2);
  });
});
