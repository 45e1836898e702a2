// With the database unreachable the API answers 503 (never 500), and when it is back the
// same process serves again without a restart. The outage is a TCP proxy in front of the
// test database that we close and reopen.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listBusinesses } from "@/app/api/v1/businesses/route";
import { GET as health } from "@/app/api/health/route";
import { disconnectDb } from "@/lib/platform/db/client";
import { resetEnvCache } from "@/lib/platform/env";
import { createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor } from "./helpers";

const realUrl = process.env.DATABASE_URL!;
let proxy: net.Server | undefined;
const sockets = new Set<net.Socket>();
let port = 0;

function openProxy(): Promise<void> {
  const target = new URL(realUrl);
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    proxy!.listen(port, "127.0.0.1", () => {
      port = (proxy!.address() as net.AddressInfo).port;
      resolve();
    }),
  );
}

function closeProxy(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => proxy!.close(() => resolve()));
}

let token: string;
beforeAll(async () => {
  token = await tokenFor((await createUser("outage")).id);
  await openProxy();
  const url = new URL(realUrl);
  url.port = String(port);
  await disconnectDb();
  // The app's own connection (drempel_app, derived from DATABASE_URL) goes through the proxy too.
  process.env.DATABASE_URL = url.toString();
  resetEnvCache();
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = realUrl;
  resetEnvCache();
  if (proxy?.listening) await closeProxy();
});

describe("database outage", () => {
  it("answers 503 while the database is away and recovers without a restart", async () => {
    const call = () => listBusinesses(apiRequest("GET", "/api/v1/businesses", { token }), ctx({}));
    expect((await call()).status).toBe(200);

    await closeProxy();
    const down = await call();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect((await readJson(down)).error.code).toBe("UNAVAILABLE");
    expect((await health()).status).toBe(503);

    await openProxy();
    expect((await call()).status).toBe(200);
    expect((await health()).status).toBe(200);
  }, 60_000);
});
