import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeForwardedHeaders, normalizeIp, parseTrustedProxies, resolveClientAddress } from "./client-address";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1");

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR ranges of both families, and refuses anything else", () => {
    expect(proxies.configured).toBe(true);
    expect(none.configured).toBe(false);
    expect(proxies.check("10.200.3.4")).toBe(true);
    expect(proxies.check("::ffff:127.0.0.1")).toBe(true);
    expect(proxies.check("::1")).toBe(true);
    expect(proxies.check("11.0.0.1")).toBe(false);
    expect(proxies.check("not an ip")).toBe(false);
    for (const bad of ["10.0.0.0/33", "localhost", "10.0.0.1/8/2", "1.2.3", "::1/129", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(bad), bad).toThrow();
  });
});

describe("resolveClientAddress", () => {
  it("without trusted proxies is the peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "6.6.6.6", trusted: none })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "6.6.6.6", trusted: none })).toBe("127.0.0.1");
  });

  it("behind trusted proxies walks from the right, skipping them; a client-written left part is ignored", () => {
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9, 10.1.1.1", trusted: proxies })).toBe(
      "203.0.113.9",
    );
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9", trusted: proxies })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "garbage, 10.1.1.1", trusted: proxies })).toBe("10.1.1.1");
    expect(resolveClientAddress({ peer: "203.0.113.5", forwardedFor: "6.6.6.6", trusted: proxies })).toBe("203.0.113.5");
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "6.6.6.6", trusted: proxies })).toBeUndefined();
  });
});

describe("normalizeForwardedHeaders (server.ts)", () => {
  const request = (peer: string, headers: Record<string, string>) => ({
    socket: { remoteAddress: peer },
    headers: { host: "127.0.0.1:3000", ...headers } as Record<string, string | string[] | undefined>,
  });

  it("without TRUSTED_PROXIES replaces a spoofed X-Forwarded-For by the peer and drops the forwarded host and protocol", () => {
    const req = request("::ffff:192.0.2.7", {
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "7.7.7.7",
    });
    normalizeForwardedHeaders(req, none);
    expect(req.headers).toEqual({ host: "127.0.0.1:3000", "x-forwarded-for": "192.0.2.7" });
    expect(clientIpFromHeaders(req.headers, none)).toBe("192.0.2.7");
  });

  it("behind a trusted proxy keeps its forwarded host and protocol and the client it names", () => {
    const req = request("127.0.0.1", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.4",
      "x-forwarded-host": "drempel.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "7.7.7.7",
    });
    normalizeForwardedHeaders(req, proxies);
    expect(req.headers).toEqual({
      host: "127.0.0.1:3000",
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-host": "drempel.example",
      "x-forwarded-proto": "https",
    });
    expect(clientIpFromHeaders(req.headers, proxies)).toBe("198.51.100.4");
  });

  it("normalizes addresses", () => {
    expect(normalizeIp("[::1]:443")).toBe("::1");
    expect(normalizeIp("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normalizeIp("FE80::1%eth0")).toBe("fe80::1");
    expect(normalizeIp("1.2.3")).toBeUndefined();
  });
});
