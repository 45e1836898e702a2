import { describe, expect, it } from "vitest";
import { RETRY_BACKOFF_MS, retryDelayMs } from "@/lib/platform/jobs/retry-schedule";

describe("retry schedule", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 6 h, then gives up", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt))).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]);
    expect(retryDelayMs(RETRY_BACKOFF_MS.length + 1)).toBeNull();
    expect(retryDelayMs(2, [10, 20])).toBe(20);
    expect(retryDelayMs(3, [10, 20])).toBeNull();
  });
});
