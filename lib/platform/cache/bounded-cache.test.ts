import { describe, expect, it } from "vitest";
import { BoundedCache, VersionedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("keeps at most `limit` entries and drops the least recently used", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });
});

describe("VersionedCache", () => {
  it("answers only for the version the value was stored at", () => {
    const cache = new VersionedCache<string>(10);
    cache.set("business:2026", 7, "figures at 7");
    expect(cache.get("business:2026", 7)).toBe("figures at 7");
    expect(cache.get("business:2026", 8)).toBeUndefined();
    cache.set("business:2026", 8, "figures at 8");
    expect(cache.get("business:2026", 7)).toBeUndefined();
    expect(cache.get("business:2026", 8)).toBe("figures at 8");
  });
});
