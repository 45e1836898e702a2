// Unsubscribe tokens: genuine ones verify; any change, another key or another kind fails.
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/platform/mail/unsubscribe-token";

const secret = "a-test-secret-of-enough-length";
const userId = "6b1f2c9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f";

describe("unsubscribe tokens", () => {
  it("verify when untouched", () => {
    const token = signUnsubscribeToken({ userId, kind: "KOR_THRESHOLD_CROSSED" }, secret);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ userId, kind: "KOR_THRESHOLD_CROSSED" });
  });

  it("refuse every single-character change, another key and garbage", () => {
    const token = signUnsubscribeToken({ userId, kind: "KOR_THRESHOLD_CROSSED" }, secret);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      if (changed !== token) expect(verifyUnsubscribeToken(changed, secret)).toBeNull();
    }
    expect(verifyUnsubscribeToken(token, "another-secret-of-enough-length")).toBeNull();
    for (const garbage of [undefined, 42, "", ".", "a.b", `${token}.x`]) expect(verifyUnsubscribeToken(garbage, secret)).toBeNull();
  });

  it("refuse a signed payload naming an unknown kind", () => {
    const payload = Buffer.from(JSON.stringify({ u: userId, k: "EVERYTHING", v: 1 })).toString("base64url");
    const [, signature] = signUnsubscribeToken({ userId, kind: "KOR_THRESHOLD_CROSSED" }, secret).split(".");
    expect(verifyUnsubscribeToken(`${payload}.${signature}`, secret)).toBeNull();
  });
});
