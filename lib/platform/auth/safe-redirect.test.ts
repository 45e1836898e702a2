import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origins = ["http://localhost:3000"];

describe("safeRedirectPath", () => {
  it.each([
    ["/\\evil.example/phish"],
    ["/\t/evil.example"],
    ["/%09/evil.example".replace("%09", "\t")],
    ["//evil.example/phish"],
    ["///evil.example"],
    ["\\\\evil.example"],
    ["https://evil.example/phish"],
    ["http://localhost:3000@evil.example/"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["http://localhost:3001/businesses"],
    [" //evil.example"],
    ["\n/\\evil.example"],
  ])("refuses %j", (raw) => {
    expect(safeRedirectPath(raw, { origins })).toBe("/businesses");
    expect(safeRedirectPath(raw)).toBe("/businesses");
  });

  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeRedirectPath("/businesses/abc/invoices?year=2026&status=open#top", { origins })).toBe(
      "/businesses/abc/invoices?year=2026&status=open#top",
    );
    expect(safeRedirectPath("http://localhost:3000/settings/account?x=1", { origins })).toBe("/settings/account?x=1");
    expect(safeRedirectPath("settings/account", { origins })).toBe("/settings/account");
  });

  it("never answers a path a browser would read as another host", () => {
    expect(safeRedirectPath("/.//evil.example", { origins })).toBe("/evil.example");
    expect(safeRedirectPath("/%2F%2Fevil.example", { origins })).toBe("/%2F%2Fevil.example");
  });

  it("falls back on nothing, non-strings and what does not parse", () => {
    expect(safeRedirectPath(undefined)).toBe("/businesses");
    expect(safeRedirectPath(["/a"])).toBe("/businesses");
    expect(safeRedirectPath("http://[::1", { origins })).toBe("/businesses");
    expect(safeRedirectPath("", { fallback: "/login" })).toBe("/login");
  });
});

describe("next-auth's redirect callback", () => {
  it("sends both payloads of the finding to the app, and keeps a same-origin callback", async () => {
    const { authOptions } = await import("@/lib/platform/auth/options");
    const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
    expect(await redirect("/\\evil.example/phish")).toBe("http://localhost:3000/businesses");
    expect(await redirect("/\t/evil.example")).toBe("http://localhost:3000/businesses");
    expect(await redirect("https://evil.example/")).toBe("http://localhost:3000/businesses");
    expect(await redirect("http://localhost:3000/businesses/x?year=2026")).toBe("http://localhost:3000/businesses/x?year=2026");
    expect(await redirect("/login")).toBe("http://localhost:3000/login");
  });
});
