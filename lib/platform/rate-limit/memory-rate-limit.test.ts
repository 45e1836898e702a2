import { beforeEach, describe, expect, it } from "vitest";
import { clearMemoryRateLimits, hitMemoryRateLimit } from "@/lib/platform/rate-limit/memory-rate-limit";

beforeEach(() => clearMemoryRateLimits());

describe("hitMemoryRateLimit", () => {
  it("allows `limit` hits per window, then refuses with the seconds left", () => {
    const t0 = 1_000_000;
    const hit = (now: number) => hitMemoryRateLimit({ key: "k", limit: 3, windowSeconds: 60, now });
    expect([hit(t0), hit(t0 + 1), hit(t0 + 2)].map((r) => r.allowed)).toEqual([true, true, true]);
    expect(hit(t0 + 20_500)).toEqual({ allowed: false, count: 4, retryAfterSeconds: 40 });
    // A new window starts once the old one is over.
    expect(hit(t0 + 60_000)).toEqual({ allowed: true, count: 1, retryAfterSeconds: 60 });
  });

  it("counts keys apart", () => {
    expect(hitMemoryRateLimit({ key: "a", limit: 1, windowSeconds: 60 }).allowed).toBe(true);
    expect(hitMemoryRateLimit({ key: "a", limit: 1, windowSeconds: 60 }).allowed).toBe(false);
    expect(hitMemoryRateLimit({ key: "b", limit: 1, windowSeconds: 60 }).allowed).toBe(true);
  });
});
