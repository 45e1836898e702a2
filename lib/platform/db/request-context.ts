// The fallback context of a query made while a request is served without an explicit
// runAsUser (Next.js rendering a page, running a server action or a route handler): how a
// request becomes a context is the app's to say, not the database layer's — the app
// registers a resolver once at start (instrumentation.ts registers the session cookie's,
// lib/platform/auth/session-db-context.ts). Kept on globalThis: Next.js may load this module in
// more than one bundle, and they must share it. Without one (scripts, tests, the worker)
// there is no request context.
import type { DbContext } from "@/lib/platform/db/db-context";

/** The current request's context, or undefined outside a request. */
export type RequestContextResolver = () => Promise<DbContext | undefined>;

const globalForResolver = globalThis as unknown as { drempelRequestContextResolver?: RequestContextResolver };

export function setRequestContextResolver(resolver: RequestContextResolver | undefined): void {
  globalForResolver.drempelRequestContextResolver = resolver;
}

/** The request's context as the registered resolver gives it, or undefined (none registered, or outside a request). */
export async function requestDbContext(): Promise<DbContext | undefined> {
  return globalForResolver.drempelRequestContextResolver?.();
}
