// The request context the app registers with the database layer (lib/platform/db/request-context.ts,
// from instrumentation.ts): a query made while Next.js renders a page, runs a server action
// or a route handler without an explicit runAsUser runs as the user of the request's
// next-auth session cookie (its signature and expiry checked by next-auth/jwt), decoded
// once per request. Outside a request (scripts, tests, the worker) there is none.
import type { DbContext } from "@/lib/platform/db/db-context";
import { SESSION_COOKIES } from "@/lib/platform/auth/session-cookie";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CookieStore = { getAll(): { name: string; value: string }[] };

// Keyed by the request's cookie store, which lives exactly as long as the request.
const perRequest = new WeakMap<object, Promise<DbContext>>();

async function decodeSession(store: CookieStore): Promise<DbContext> {
  const cookies = Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value]));
  const cookieName = SESSION_COOKIES.find((name) => cookies[name] || cookies[`${name}.0`]);
  if (!cookieName) return { kind: "none" };
  const [{ getToken }, { authOptions }] = await Promise.all([import("next-auth/jwt"), import("@/lib/platform/auth/options")]);
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authOptions.secret,
    secureCookie: cookieName.startsWith("__Secure-"),
  }).catch(() => null);
  const userId = token?.uid;
  return typeof userId === "string" && UUID.test(userId) ? { kind: "user", userId } : { kind: "none" };
}

/** The request's session user as a context, or undefined outside a Next.js request. */
export async function sessionDbContext(): Promise<DbContext | undefined> {
  let store: CookieStore;
  try {
    const { cookies } = await import("next/headers");
    store = await cookies();
  } catch {
    return undefined; // not inside a request
  }
  let context = perRequest.get(store);
  if (!context) {
    context = decodeSession(store);
    perRequest.set(store, context);
  }
  return context;
}
