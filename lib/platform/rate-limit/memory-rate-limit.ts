// Fixed-window counters in this process's memory: no I/O at all. Each app process
// counts on its own, so behind N processes a caller gets up to N times the limit; use it
// where that is acceptable (API_RATE_LIMIT_STORE=memory), the database store otherwise.
import type { RateLimitResult } from "@/lib/platform/rate-limit/hit-rate-limit";

type Window = { count: number; resetAt: number };

const windows = new Map<string, Window>();
const SWEEP_AT = 10_000;

function sweep(now: number): void {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
}

export function hitMemoryRateLimit(options: { key: string; limit: number; windowSeconds: number; now?: number }): RateLimitResult {
  const now = options.now ?? Date.now();
  if (windows.size >= SWEEP_AT) sweep(now);
  let window = windows.get(options.key);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + options.windowSeconds * 1000 };
    windows.set(options.key, window);
  }
  window.count += 1;
  return {
    allowed: window.count <= options.limit,
    count: window.count,
    retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
  };
}

/** For tests. */
export function clearMemoryRateLimits(): void {
  windows.clear();
}
