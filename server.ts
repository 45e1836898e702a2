// The production web server (`npm start`, the end-to-end tests, the benchmarks): Next.js's
// own request handler, on PostgreSQL behind the dashboard page cache
// (lib/platform/page-cache/page-cache.ts). `next start` serves the same pages without that cache,
// as does this server on the embedded database, which one process can open only once.
// It also resolves the client address (TRUSTED_PROXIES) and refuses unknown methods and
// oversize server-action bodies itself (lib/platform/http/).
// SIGTERM/SIGINT: graceful shutdown. The node stops accepting connections, answers
// /api/ready with 503 on the connections still open and closes each kept-alive connection
// after its current answer, waits for the requests in flight (at most SHUTDOWN_TIMEOUT_MS,
// then it cuts the rest), stops the inline queue worker (its round finishes, pg-boss
// finishes or releases its jobs), closes the database pools and exits 0.
//   PORT (3000), HOSTNAME_BIND (all interfaces)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

(process.env as Record<string, string>).NODE_ENV ??= "production";
const { default: next } = await import("next");
const { env } = await import("@/lib/platform/env");
const { ContextPool } = await import("@/lib/platform/db/context-pool");
const { fingerprintReader } = await import("@/lib/platform/page-cache/dashboard-fingerprint");
const { PageCache } = await import("@/lib/platform/page-cache/page-cache");
const { normalizeForwardedHeaders } = await import("@/lib/platform/http/client-address");
const { earlyRefusal } = await import("@/lib/platform/http/early-refusal");
const { isShuttingDown, markShuttingDown } = await import("@/lib/platform/http/lifecycle");
const { stopInlineWorker } = await import("@/lib/platform/jobs/start-inline-worker");
const { disconnectDb } = await import("@/lib/platform/db/client");

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || undefined;
const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const { appDatabaseUrl, trustedProxies, SHUTDOWN_TIMEOUT_MS } = env();
const pool = appDatabaseUrl
  ? new ContextPool({ connectionString: appDatabaseUrl, max: 4, connectionTimeoutMillis: 5_000, query_timeout: 5_000 })
  : undefined;
pool?.on("error", () => undefined); // an idle connection lost; the next checkout opens another
const cache = pool ? new PageCache((req, res) => handle(req, res), fingerprintReader(pool)) : undefined;

function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return cache ? cache.handle(req, res) : handle(req, res);
}

let inFlight = 0;
let drained: (() => void) | null = null;

const server = createServer((req, res) => {
  inFlight += 1;
  res.once("close", () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  });
  if (isShuttingDown()) {
    // A kept-alive connection asking after the signal: this answer is its last.
    res.setHeader("connection", "close");
    if (req.url === "/api/ready" || req.url?.startsWith("/api/ready?")) {
      res
        .writeHead(503, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify({ status: "shutting-down" }));
      return;
    }
  }
  // The client's address from the socket (X-Forwarded-* only from TRUSTED_PROXIES), before
  // Next.js or the page cache reads the request (lib/platform/http/client-address.ts).
  normalizeForwardedHeaders(req, trustedProxies);
  // Unknown methods (405) and oversize server-action bodies (413), which Next.js would answer with a 500.
  const refusal = earlyRefusal(req);
  if (refusal) {
    res.writeHead(refusal.status, refusal.headers).end(req.method === "HEAD" ? undefined : refusal.body);
    return;
  }
  respond(req, res).catch((error: unknown) => {
    console.error("[drempel] request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () =>
  console.log(`[drempel] ready on http://${hostname ?? "localhost"}:${port}${cache ? " (dashboard page cache on)" : ""}`),
);

async function shutdown(signal: string): Promise<void> {
  if (isShuttingDown()) return;
  markShuttingDown();
  console.log(`[drempel] ${signal}: no new connections, finishing ${inFlight} request(s) in flight`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timedOut = await new Promise<boolean>((resolve) => {
    if (inFlight === 0) return resolve(false);
    drained = () => resolve(false);
    setTimeout(() => resolve(true), SHUTDOWN_TIMEOUT_MS).unref();
  });
  if (timedOut) console.error(`[drempel] ${inFlight} request(s) still running after ${SHUTDOWN_TIMEOUT_MS} ms: closing their connections`);
  server.closeAllConnections();
  await closed;
  await stopInlineWorker(SHUTDOWN_TIMEOUT_MS).catch((error: unknown) => console.error("[drempel] stopping the queue worker failed", error));
  await Promise.allSettled([pool?.end(), disconnectDb()]);
  console.log("[drempel] stopped");
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
