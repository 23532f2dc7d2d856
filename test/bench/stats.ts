// Timing helpers shared by the benchmarks: warm up, repeat, report median and spread.

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds. */
export async function time(fn: () => unknown, runs = 7, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return summary(ms);
}

export const fmt = (t: Timing) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}–${t.max.toFixed(1)}, n=${t.runs})`;

/** Median and spread of a set of timings in milliseconds. */
export function summary(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Runs the two alternately, so drift of the machine (GC, frequency) hits both alike. */
export async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup: number): Promise<[Timing, Timing]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    for (const [fn, into] of [[a, ta], [b, tb]] as const) {
      const t0 = performance.now();
      await fn();
      if (i >= warmup) into.push(performance.now() - t0);
    }
  }
  return [summary(ta), summary(tb)];
}
