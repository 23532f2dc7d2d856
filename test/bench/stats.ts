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
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, min: ms[0]!, max: ms[ms.length - 1]!, runs };
}

export const fmt = (t: Timing) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}–${t.max.toFixed(1)}, n=${t.runs})`;
