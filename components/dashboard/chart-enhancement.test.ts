import { describe, expect, it } from "vitest";
import { enhancementAllowed } from "./chart-enhancement";

describe("enhancementAllowed", () => {
  it("lets the Recharts charts replace the SVG unless the URL asks for static charts", () => {
    expect(enhancementAllowed("")).toBe(true);
    expect(enhancementAllowed("?year=2024")).toBe(true);
    expect(enhancementAllowed("?year=2024&charts=static")).toBe(false);
    expect(enhancementAllowed("?charts=static")).toBe(false);
    expect(enhancementAllowed("?charts=interactive")).toBe(true);
  });
});
