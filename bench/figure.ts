/**
 * The benchmark module contract. Every `bench/*.bench.ts` exports
 * `async function run(): Promise<BenchFigure[]>`; `bench/run.ts` finds, runs and tabulates them.
 */

/** One measured figure. */
export interface BenchFigure {
  /** What was measured, e.g. "core: snapshot → issues + PRL + roll-ups (10 000 projects)". */
  figure: string;
  value: number;
  /** "ms", "×", "KB", "writes" … */
  unit: string;
  /** The SPEC §11 target as text, e.g. "≤ 300 ms" (absent for context figures). */
  target?: string;
  /** Whether the target is met (absent when there is no target). */
  pass?: boolean;
}

/** The median of a non-empty list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Milliseconds taken by `fn` (awaited), measured with the monotonic clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds for display: 2 decimals under 10, 1 under 100, else whole. */
export function round(v: number): number {
  const a = Math.abs(v);
  const k = a < 10 ? 100 : a < 100 ? 10 : 1;
  return Math.round(v * k) / k;
}
