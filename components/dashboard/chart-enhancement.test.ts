import { describe, expect, it } from "vitest";
import { enhancementAllowed, firstInteraction } from "./chart-enhancement";

describe("enhancementAllowed", () => {
  it("lets the Recharts charts replace the SVG unless the URL asks for static charts", () => {
    expect(enhancementAllowed("")).toBe(true);
    expect(enhancementAllowed("?year=2024")).toBe(true);
    expect(enhancementAllowed("?year=2024&charts=static")).toBe(false);
    expect(enhancementAllowed("?charts=static")).toBe(false);
    expect(enhancementAllowed("?charts=interactive")).toBe(true);
  });
});

describe("firstInteraction", () => {
  it("resolves at the first interaction event, not before, and stops listening", async () => {
    const target = new EventTarget();
    let resolved = false;
    const waiting = firstInteraction(target as unknown as Window).then(() => {
      resolved = true;
    });
    await Promise.resolve();
    target.dispatchEvent(new Event("resize"));
    await Promise.resolve();
    expect(resolved).toBe(false);
    target.dispatchEvent(new Event("pointermove"));
    await waiting;
    expect(resolved).toBe(true);
  });
});
