/**
 * Exponential backoff with full jitter: attempt 1 waits up to `base`, each next attempt doubles,
 * capped at `cap`. Jitter spreads retries of many jobs that failed together (a provider outage).
 */
export function backoffMs(attempt: number, opts: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const base = opts.baseMs ?? 2_000;
  const cap = opts.capMs ?? 30 * 60_000;
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: never retry immediately, never all at once.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
