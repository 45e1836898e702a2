// Whether this process is shutting down (server.ts on SIGTERM), readable by the readiness
// route. Kept on globalThis: server.ts and Next.js's bundle of the route load separate
// copies of this module in the same process.
const KEY = Symbol.for("drempel.shuttingDown");
const store = globalThis as unknown as Record<symbol, boolean | undefined>;

export function markShuttingDown(): void {
  store[KEY] = true;
}

export function isShuttingDown(): boolean {
  return store[KEY] === true;
}
