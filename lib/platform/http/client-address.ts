// Who is on the other end of a request. Only a proxy the operator trusts
// (TRUSTED_PROXIES: IP addresses and CIDR ranges) may say whom it forwards for; anyone
// else's X-Forwarded-For is ignored, so a client cannot pick the address its rate
// limits are counted under. The production server (server.ts) resolves the address
// from the socket before Next.js sees the request and leaves exactly that address in
// X-Forwarded-For (and the forwarded host and protocol only from a trusted proxy);
// the app reads it back with clientIpFromHeaders.
import net from "node:net";

export type TrustedProxies = { check(address: string): boolean; configured: boolean };

/** "::ffff:10.0.0.1" → "10.0.0.1"; undefined for anything that is not an IP address. */
export function normalizeIp(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  address = address.replace(/%.*$/, ""); // an IPv6 zone index
  return net.isIP(address) ? address.toLowerCase() : undefined;
}

/** Parses "10.0.0.1, 192.168.0.0/16 ::1" (commas or spaces); throws on an entry that is not an IP or a CIDR range. */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blockList = new net.BlockList();
  const entries = (list ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, prefixText, extra] = entry.split("/");
    const ip = normalizeIp(address);
    const family = ip && net.isIPv4(ip) ? "ipv4" : "ipv6";
    const prefix = prefixText === undefined ? undefined : Number(prefixText);
    const maxPrefix = family === "ipv4" ? 32 : 128;
    if (!ip || extra !== undefined || (prefix !== undefined && (!/^\d{1,3}$/.test(prefixText!) || prefix > maxPrefix))) {
      throw new Error(`not an IP address or CIDR range: ${entry}`);
    }
    if (prefix === undefined) blockList.addAddress(ip, family);
    else blockList.addSubnet(ip, prefix, family);
  }
  return {
    configured: entries.length > 0,
    check(address: string) {
      const ip = normalizeIp(address);
      return ip !== undefined && blockList.check(ip, net.isIPv4(ip) ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the peer, or — while the peer is a trusted proxy — the next
 * address of X-Forwarded-For from the right, skipping trusted proxies. A hop that is not
 * an IP address stops the walk at the last trusted proxy.
 */
export function resolveClientAddress(options: {
  peer: string | undefined;
  forwardedFor?: string | string[] | null;
  trusted: TrustedProxies;
}): string | undefined {
  let current = normalizeIp(options.peer);
  if (!current) return undefined;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .reverse();
  for (const hop of hops) {
    if (!options.trusted.check(current)) return current;
    const next = normalizeIp(hop);
    if (!next) return current;
    current = next;
  }
  return current;
}

type HeaderSource = Record<string, unknown> | Headers | undefined;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : undefined;
}

/**
 * The client's address as the app sees it. Behind server.ts, X-Forwarded-For holds exactly
 * the address it resolved; Next.js itself puts the socket's address there when the header
 * is absent. The rightmost entry is therefore the nearest peer, and the walk from it
 * skips only trusted proxies.
 */
export function clientIpFromHeaders(headers: HeaderSource, trusted: TrustedProxies): string | undefined {
  const hops = (readHeader(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const peer = hops.pop();
  return resolveClientAddress({ peer, forwardedFor: hops.join(","), trusted });
}

const FORWARDED_FROM_PROXY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * For server.ts, before Next.js reads the request: X-Forwarded-For becomes the one resolved
 * client address, and the other forwarding headers are dropped unless the peer is a
 * trusted proxy (X-Real-IP always: nothing reads it).
 */
export function normalizeForwardedHeaders(
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  trusted: TrustedProxies,
): void {
  const peer = request.socket.remoteAddress;
  const client = resolveClientAddress({ peer, forwardedFor: request.headers["x-forwarded-for"], trusted });
  if (client) request.headers["x-forwarded-for"] = client;
  else delete request.headers["x-forwarded-for"];
  const fromProxy = peer !== undefined && trusted.check(peer);
  for (const name of FORWARDED_FROM_PROXY) {
    if (!fromProxy || name === "x-real-ip") delete request.headers[name];
  }
}
