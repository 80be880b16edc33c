/** Counting events in time windows, for the rate-limit tests and benchmarks. */

/** Most of `times` (ms) in any window of `windowMs`, half-open: two events exactly a window apart are in two windows. */
export function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
