import { describe, expect, it } from "vitest";
import {
  API_TOKEN_PREFIX,
  generateApiToken,
  hashApiToken,
  isApiTokenFormat,
  VISIBLE_PREFIX_LENGTH,
} from "@/lib/features/api-tokens/token-format";

describe("API token format", () => {
  it("is drp_ and 43 base64url characters (256 random bits)", () => {
    const { token } = generateApiToken();
    expect(token).toMatch(/^drp_[A-Za-z0-9_-]{43}$/);
    expect(isApiTokenFormat(token)).toBe(true);
  });

  it("keeps only a short prefix in clear and the SHA-256 of the whole", () => {
    const { token, prefix, tokenHash } = generateApiToken();
    expect(prefix).toBe(token.slice(0, VISIBLE_PREFIX_LENGTH));
    expect(prefix.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(prefix.length).toBe(12);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashApiToken(token));
    expect(tokenHash).not.toContain(token.slice(4));
  });

  it("hashes deterministically, to a known SHA-256", () => {
    const token = generateApiToken(() => Buffer.alloc(32, 0)).token;
    expect(token).toBe(`drp_${"A".repeat(43)}`);
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("never repeats in practice", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateApiToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("refuses other shapes before any lookup", () => {
    for (const value of [
      "",
      "drp_",
      "drp_short",
      `xyz_${"A".repeat(43)}`,
      `drp_${"A".repeat(42)}!`,
      `drp_${"A".repeat(44)}`,
      `DRP_${"A".repeat(43)}`,
    ]) {
      expect(isApiTokenFormat(value), value).toBe(false);
    }
  });
});
