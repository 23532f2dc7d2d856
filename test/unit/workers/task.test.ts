import { describe, expect, it } from 'vitest';
import { runTask, TaskCancelled, type WorkerLike } from '../../../src-renderer/workers/task';
import { sendError, type TaskContext } from '../../../src-renderer/workers/serve';
import { FakeWorker } from './fakeWorker';

type Work = (request: number, context: TaskContext<string>) => Promise<string>;

/** Work that reports three steps, then asks to store, then stores `request` in `stored`. */
function storingWork(stored: number[]): Work {
  return async (request, { progress, mayStore }) => {
    for (const step of ['read', 'check', 'draw']) progress(step);
    await mayStore();
    stored.push(request);
    return `stored ${request}`;
  };
}

class CodedError extends Error {
  override readonly name = 'CodedError';
  constructor(readonly code: string, message: string, readonly missing: string[]) {
    super(message);
  }
}

describe('long work in a worker', () => {
  it('reports every progress step, asks before storing, answers with the result and ends the worker', async () => {
    const stored: number[] = [];
    const progress: string[] = [];
    let storing = 0;
    let worker: FakeWorker | null = null;
    const result = await runTask<number, string, string>(() => (worker = new FakeWorker(storingWork(stored))), 7, {
      onProgress: (p) => progress.push(p),
      onStoring: () => storing++,
    });
    expect(result).toBe('stored 7');
    expect(progress).toEqual(['read', 'check', 'draw']);
    expect(storing).toBe(1);
    expect(stored).toEqual([7]);
    expect(worker!.sent).toEqual([{ type: 'run', request: 7 }, { type: 'store' }]);
    expect(worker!.terminated).toBe(true);
  });

  it('Cancel before storing ends the worker, rejects with TaskCancelled and stores nothing', async () => {
    const stored: number[] = [];
    const controller = new AbortController();
    let worker: FakeWorker | null = null;
    const run = runTask<number, string, string>(() => (worker = new FakeWorker(storingWork(stored))), 7, {
      signal: controller.signal,
      onProgress: (p) => p === 'check' && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored).toEqual([]);
    expect(worker!.terminated).toBe(true);
    expect(worker!.sent).toEqual([{ type: 'run', request: 7 }]);
  });

  it('Cancel once the worker was told to store changes nothing: the write completes and the result comes back', async () => {
    const stored: number[] = [];
    const controller = new AbortController();
    const result = await runTask<number, string, string>(() => new FakeWorker(storingWork(stored)), 3, {
      signal: controller.signal,
      onStoring: () => controller.abort(),
    });
    expect(result).toBe('stored 3');
    expect(stored).toEqual([3]);
  });

  it('a work that rolls back is sent Cancel while it stores: cancelled before its last step it rejects with TaskCancelled, after it the result comes back', async () => {
    // Stores its request in three steps, checking for a cancel before each is kept; the steps are undone on a throw.
    const rollingWork = (stored: number[]): Work => async (request, { progress, mayStore, checkCancel }) => {
      await mayStore();
      const steps: number[] = [];
      for (const step of [1, 2, 3]) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        checkCancel();
        steps.push(request * step);
        progress(`step ${step}`);
      }
      stored.push(...steps);
      return `stored ${steps.join(',')}`;
    };
    const early: number[] = [];
    const controller = new AbortController();
    let worker: FakeWorker | null = null;
    const run = runTask<number, string, string>(() => (worker = new FakeWorker(rollingWork(early))), 2, {
      signal: controller.signal, rollsBack: true, onProgress: (p) => p === 'step 1' && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
    expect(early).toEqual([]);
    expect(worker!.sent).toEqual([{ type: 'run', request: 2 }, { type: 'store' }, { type: 'cancel' }]);
    expect(worker!.terminated).toBe(true);

    const late: number[] = [];
    const after = new AbortController();
    const result = await runTask<number, string, string>(() => new FakeWorker(rollingWork(late)), 2, {
      signal: after.signal, rollsBack: true, onProgress: (p) => p === 'step 3' && after.abort(),
    });
    expect(result).toBe('stored 2,4,6');
    expect(late).toEqual([2, 4, 6]);
  });

  it('a signal already aborted starts no worker', async () => {
    const controller = new AbortController();
    controller.abort();
    let created = 0;
    await expect(runTask(() => (created++, new FakeWorker(storingWork([]))), 1, { signal: controller.signal })).rejects.toBeInstanceOf(TaskCancelled);
    expect(created).toBe(0);
  });

  it("the worker's error comes back with its class name and fields, for the window to rebuild", async () => {
    const failing: Work = () => Promise.reject(new CodedError('missing-columns', '缺少必填列：统一社会信用代码', ['uscc']));
    const seen: unknown[] = [];
    const run = runTask<number, string, string>(() => new FakeWorker(failing), 1, {
      reviveError: (e) => (seen.push(e), new CodedError(String(e.fields.code), e.message, e.fields.missing as string[])),
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({ code: 'missing-columns', message: '缺少必填列：统一社会信用代码', missing: ['uscc'] });
    expect(seen).toEqual([{ name: 'CodedError', message: '缺少必填列：统一社会信用代码', fields: { name: 'CodedError', code: 'missing-columns', missing: ['uscc'] } }]);
  });

  it('without reviveError a failure is a plain Error with the message and its name (a full disk stays one); a thrown non-Error keeps its text', async () => {
    const error = await runTask(() => new FakeWorker(() => Promise.reject(new CodedError('x', 'bad file', []))), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect([(error as Error).name, (error as Error).message]).toEqual(['CodedError', 'bad file']);
    const full = await runTask(() => new FakeWorker(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))), 1).catch((e: unknown) => e);
    expect([(full as Error).name, (full as Error).message]).toEqual(['QuotaExceededError', 'The quota has been exceeded.']);
    expect(sendError('boom')).toEqual({ name: 'Error', message: 'boom', fields: {} });
  });

  it("a worker's script error rejects with its message and ends the worker", async () => {
    const broken: WorkerLike & { terminated: boolean } = {
      onmessage: null,
      onerror: null,
      terminated: false,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'SyntaxError: Unexpected token' } as ErrorEvent), 0);
      },
      terminate() {
        broken.terminated = true;
      },
    };
    await expect(runTask(() => broken, 1)).rejects.toThrow('SyntaxError: Unexpected token');
    expect(broken.terminated).toBe(true);
  });

  it('a worker asked to be kept serves a second request after the first succeeded; one that failed or was cancelled is ended', async () => {
    const stored: number[] = [];
    const kept: WorkerLike[] = [];
    const worker = new FakeWorker(async (request: number, context: TaskContext<string>) => {
      if (request < 0) throw new Error('refused');
      return storingWork(stored)(request, context);
    });
    const keep = (w: WorkerLike) => kept.push(w);
    expect(await runTask<number, string, string>(() => worker, 1, { keep })).toBe('stored 1');
    expect(kept).toEqual([worker]);
    expect(worker.terminated).toBe(false);
    expect(await runTask<number, string, string>(() => kept[0]!, 2, { keep })).toBe('stored 2');
    expect(stored).toEqual([1, 2]);
    await expect(runTask<number, string, string>(() => worker, -1, { keep })).rejects.toThrow('refused');
    expect(kept).toHaveLength(2);
    expect(worker.terminated).toBe(true);

    const controller = new AbortController();
    const other = new FakeWorker(storingWork(stored));
    const run = runTask<number, string, string>(() => other, 3, { keep, signal: controller.signal, onProgress: (p) => p === 'check' && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
    expect(other.terminated).toBe(true);
    expect(kept).toHaveLength(2);
  });
});
