// Pure request helpers of the API: body reading, fingerprints, message translation,
// cookies and the same-origin rule.
import { describe, expect, it } from "vitest";
import { translateFields, translateMessageKey } from "@/lib/platform/api/api-response";
import { canonicalJson, readIdempotencyKey, requestFingerprint } from "@/lib/platform/api/idempotency";
import { MAX_JSON_DEPTH, isJsonContentType, nestsDeeperThan, readJsonBody } from "@/lib/platform/api/read-json-body";
import { isSameOriginRequest, parseCookies } from "@/lib/platform/api/resolve-api-caller";

const jsonRequest = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers });

describe("readJsonBody", () => {
  it("returns the object", async () => {
    await expect(readJsonBody(jsonRequest('{"a":1}'))).resolves.toEqual({ a: 1 });
  });
  it.each([
    ["text/plain", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/jsonx", "UNSUPPORTED_MEDIA_TYPE"],
  ])("refuses content type %s", async (contentType, code) => {
    await expect(readJsonBody(jsonRequest("{}", { "content-type": contentType }))).rejects.toMatchObject({ code });
  });
  it("counts streamed bytes, not characters", async () => {
    // 4 bytes of UTF-8 per emoji: 300 of them exceed a 1000-byte limit in bytes only.
    const body = JSON.stringify({ text: "😀".repeat(300) });
    expect(body.length).toBeLessThan(1000);
    await expect(readJsonBody(jsonRequest(body), { maxBytes: 1000 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
  });
  it("refuses JSON that is not an object", async () => {
    await expect(readJsonBody(jsonRequest("[1]"))).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { _: "validation.object" } });
  });
});

describe("content types", () => {
  it("accepts JSON with parameters and +json types", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/merge-patch+json")).toBe(true);
    expect(isJsonContentType(null)).toBe(false);
    expect(isJsonContentType("multipart/form-data")).toBe(false);
  });
});

describe("idempotency fingerprints", () => {
  it("ignore key order but not values, method or path", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    const base = { method: "POST", path: "/api/v1/businesses", body: { a: 1, b: 2 } };
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, body: { b: 2, a: 1 } }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, body: { a: 1, b: 3 } }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, path: "/api/v1/other" }));
  });
  it("read a key of visible ASCII, up to 255 characters", () => {
    const withKey = (key?: string) => new Request("http://localhost/", { headers: key === undefined ? {} : { "idempotency-key": key } });
    expect(readIdempotencyKey(withKey())).toBeUndefined();
    expect(readIdempotencyKey(withKey("8e03978e-40d5-43e8-bc93-6894a57f9324"))).toBe("8e03978e-40d5-43e8-bc93-6894a57f9324");
    for (const bad of ["", "x".repeat(256), "with space"]) expect(() => readIdempotencyKey(withKey(bad)), bad).toThrow();
  });
});

describe("field messages", () => {
  it("translate known keys to English and keep unknown ones", () => {
    expect(translateMessageKey("validation.required")).toBe("Please fill in this field.");
    expect(translateMessageKey("validation.noSuchKey")).toBe("validation.noSuchKey");
    expect(translateMessageKey("validation.constructor")).toBe("validation.constructor");
    expect(translateFields({ "customer.name": "validation.required" })).toEqual({ "customer.name": "Please fill in this field." });
  });
});

describe("session helpers", () => {
  it("parse cookies", () => {
    expect(parseCookies("a=1; next-auth.session-token=abc%3D; b")).toEqual({ a: "1", "next-auth.session-token": "abc=" });
    expect(parseCookies(null)).toEqual({});
  });
  it("judge same origin by Origin, else by Sec-Fetch-Site", () => {
    const request = (headers: Record<string, string>) =>
      new Request("http://localhost:3000/api/v1/businesses", { method: "POST", headers });
    expect(isSameOriginRequest(request({ origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(request({ origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOriginRequest(request({ origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(request({}))).toBe(false);
  });
});

describe("nestsDeeperThan", () => {
  it("measures objects and arrays, at any depth without recursion", () => {
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan("text", 0)).toBe(false);
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(nestsDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
  });
});
