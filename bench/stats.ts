/** Percentiles of a set of timings, and the one row per figure that bench/results/latest.json holds. */
export interface Percentiles { n: number; p50: number; p95: number; max: number }

/** Nearest-rank percentiles (no interpolation: every figure is a time that was measured). */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

export interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'nodes' | '×';
  p50: number;
  p95: number;
  n: number;
  /** The target in words ("p95 ≤ 8 ms") and whether this run met it; absent when the figure has none. */
  target?: string;
  met?: boolean;
  /** What the store held when it was measured. */
  store: StoreSize;
}

export interface StoreSize { products: number; artisans: number; sales: number; lines: number; closedDays: number }

export function figure(name: string, stats: Percentiles, store: StoreSize, target?: { text: string; met: (s: Percentiles) => boolean }, unit: Figure['unit'] = 'ms'): Figure {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    name, unit, p50: round(stats.p50), p95: round(stats.p95), n: stats.n, store,
    ...(target ? { target: target.text, met: target.met(stats) } : {}),
  };
}
