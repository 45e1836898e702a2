// Where to send a browser after logging in: only a path of this app. A callbackUrl is
// parsed with URL against the app's origin (as a browser would: `/\evil.example` and
// `/<tab>/evil.example` both mean the host evil.example) and kept only when it stays on
// that origin; then only its path, query and fragment are used. Anything else, including
// what cannot be parsed, goes to the default page.
export const AFTER_LOGIN_PATH = "/businesses";

// Resolves relative callbacks when no real origin is known; never a host anyone can own.
const PLACEHOLDER_ORIGIN = "http://app.drempel.invalid";

/**
 * The same-origin path in `raw` (relative, or absolute on one of `origins`), or `fallback`.
 * The path never starts with `//`, which a browser would read as another host.
 */
export function safeRedirectPath(raw: unknown, options: { origins?: readonly string[]; fallback?: string } = {}): string {
  const fallback = options.fallback ?? AFTER_LOGIN_PATH;
  if (typeof raw !== "string" || raw.trim() === "") return fallback;
  const origins = new Set((options.origins ?? []).flatMap((origin) => originOf(origin) ?? []));
  const base = [...origins][0] ?? PLACEHOLDER_ORIGIN;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base && !origins.has(url.origin)) return fallback;
  if (url.username || url.password) return fallback;
  const path = `${url.pathname.replace(/^[/\\]+/, "/")}${url.search}${url.hash}`;
  return path.startsWith("/") ? path : fallback;
}

function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}
