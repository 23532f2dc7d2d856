// A worker started before its first request: a page prepares it, a request takes it, a request that succeeded
// gives it back while the page is open; closing the page ends it, and a worker finishing after that is ended.
import { describe, expect, it } from 'vitest';
import { standbyWorker } from '../../../src-renderer/workers/standby';
import { runTask, type WorkerLike } from '../../../src-renderer/workers/task';
import { FakeWorker } from './fakeWorker';

function counting() {
  const made: FakeWorker<number, string, string>[] = [];
  const create = (): WorkerLike => {
    const number = made.length + 1;
    const w = new FakeWorker<number, string, string>(async (n) => `worker ${number} ran ${n}`);
    made.push(w);
    return w;
  };
  return { made, standby: standbyWorker(create) };
}

describe('a worker on standby', () => {
  it('is started when the page opens, serves every request while it succeeds, and ends with the page', async () => {
    const { made, standby } = counting();
    standby.prepare();
    standby.prepare();
    expect(made).toHaveLength(1);
    const ask = (n: number) => runTask<number, string, string>(standby.take, n, { keep: standby.keep });
    expect(await ask(1)).toBe('worker 1 ran 1');
    expect(await ask(2)).toBe('worker 1 ran 2');
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    standby.end();
    expect(made[0]!.terminated).toBe(true);
    // Without a page open, a request gets a new worker and ends it after.
    expect(await ask(3)).toBe('worker 2 ran 3');
    expect(made[1]!.terminated).toBe(true);
  });

  it('a worker still working when the page closes is ended when it finishes, not kept', async () => {
    const { made, standby } = counting();
    standby.prepare();
    const running = runTask<number, string, string>(standby.take, 1, { keep: standby.keep });
    standby.end();
    expect(await running).toBe('worker 1 ran 1');
    expect(made[0]!.terminated).toBe(true);
    // Opened again meanwhile: the new page's worker waits; the finishing one is ended rather than kept twice.
    standby.prepare();
    const again = runTask<number, string, string>(standby.take, 2, { keep: standby.keep });
    standby.end();
    standby.prepare();
    expect(await again).toBe('worker 2 ran 2');
    expect(made.map((w) => w.terminated)).toEqual([true, true, false]);
  });
});
