// The office merges case files of several laptops in one go: one report summed from each file's.
import { describe, expect, it } from 'vitest';

describe('case files of several laptops merged in one go', () => {
  it('sums their reports into one; a file refused for a gap is counted apart and adds nothing', async () => {
    const { combinedReport } = await import('../../../src-renderer/sync/caseFile');
    const report = (n: number, extra: Record<string, unknown> = {}) => ({ deviceId: 'd', username: 'u', new: n, alreadyPresent: 1, conflicting: n > 2 ? 1 : 0, rejected: 0, blobs: { new: 2, alreadyPresent: 0 }, ...extra });
    expect(combinedReport([report(3), report(2), report(5, { gap: { expected: 4 } })])).toEqual({ new: 5, alreadyPresent: 2, conflicting: 1, rejected: 0, blobsNew: 4, refused: 1 });
  });
});
