/** GET latency while something else runs: the measure behind the hostile-text benchmark and its test. */
import { performance } from 'node:perf_hooks';

/** Requests `url` one after another, every `gapMs`, until `work` settles; returns each latency in ms. */
export async function latenciesDuring<T>(url: string, work: Promise<T>, gapMs = 25): Promise<{ latencies: number[]; result: T }> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return { latencies, result: await settled };
}

/** `count` sequential requests to `url`, for a baseline. */
export async function latencies(url: string, count: number): Promise<number[]> {
  const all: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    all.push(performance.now() - started);
  }
  return all;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
