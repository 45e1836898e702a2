// The origins a browser may have used to reach this app for one request: the Host it
// sent (http://127.0.0.1:3000 as well as http://localhost:3000), NEXTAUTH_URL's, the URL
// Next.js built, and — only behind TRUSTED_PROXIES — the proxy's X-Forwarded-Host. For the
// same-origin check of cookie-authenticated writes and for redirects after login. A
// cross-site page cannot make a browser send another site's Host with its own Origin,
// so accepting the Host keeps other sites out.
import { env } from "@/lib/platform/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const first = (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();
  return first || undefined;
}

function origin(protocol: string, host: string): string | undefined {
  try {
    const url = new URL(`${protocol}//${host}`);
    return url.host === host.toLowerCase() || url.host === host ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function requestOrigins(headers: HeaderSource, requestUrl?: string): Set<string> {
  const origins = new Set<string>();
  const { NEXTAUTH_URL, trustedProxies } = env();
  if (requestUrl) origins.add(new URL(requestUrl).origin);
  if (NEXTAUTH_URL) origins.add(new URL(NEXTAUTH_URL).origin);
  const forwardedProto = read(headers, "x-forwarded-proto");
  const protocols = new Set<string>();
  if (forwardedProto === "http" || forwardedProto === "https") protocols.add(`${forwardedProto}:`);
  if (requestUrl) protocols.add(new URL(requestUrl).protocol);
  if (!protocols.size) protocols.add("http:");
  const hosts = [read(headers, "host")];
  if (trustedProxies.configured) hosts.push(read(headers, "x-forwarded-host"));
  for (const host of hosts) {
    if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) continue;
    for (const protocol of protocols) {
      const value = origin(protocol, host);
      if (value) origins.add(value);
    }
  }
  return origins;
}
