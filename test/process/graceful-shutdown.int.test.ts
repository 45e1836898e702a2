// server.ts as its own process (needs `next build` first; npm test builds before the
// integration tests): SIGTERM during a slow request lets that request finish, refuses new
// connections and exits 0, with the inline worker and its pg-boss scheduler stopped; the
// readiness endpoint answers 503 when the database is unreachable or the node is shutting
// down, 200 otherwise.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { markShuttingDown } from "@/lib/platform/http/lifecycle";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.NEXT_DIST_DIR || ".next";
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Asks `probe` until it answers 200 and returns that answer. The readiness check gives the
 * database 2 s; a node's first query (a new client and connection) can take longer on a
 * loaded machine, and then it is rightly not ready yet.
 */
async function becomesReady(probe: () => Promise<Response>): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await probe();
    if (response.status === 200) return response;
    if (Date.now() > deadline) throw new Error(`not ready: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function startServer(databaseUrl: string): Promise<Server> {
  if (!fs.existsSync(path.join(ROOT, DIST, "BUILD_ID"))) throw new Error(`no Next.js build in ${DIST}: run \`next build\` first`);
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "process-test-secret-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ALERT_WORKER: "inline",
      SHUTDOWN_TIMEOUT_MS: "10000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes("[drempel] ready on")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server.ts did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, port, output: () => output, exited };
}

/**
 * A raw HTTP/1.1 request that announces its body (Expect: 100-continue) and sends it only on
 * sendBody(): `inFlight` resolves with the server's 100 Continue, which Node.js sends as it
 * hands the request to server.ts (counted in flight from then on); `answer` is the rest.
 */
function heldRequest(port: number): { inFlight: Promise<void>; sendBody: () => void; answer: Promise<string> } {
  const body = "csrfToken=x&email=nobody%40example.nl&password=wrong-password&json=true";
  let raw = "";
  let continued: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => (continued = resolve));
  const socket = net.connect(port, "127.0.0.1", () => {
    socket.write(
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
  });
  const answer = new Promise<string>((resolve, reject) => {
    socket.on("data", (chunk) => {
      raw += chunk;
      if (raw.startsWith("HTTP/1.1 100 Continue\r\n\r\n")) continued();
    });
    socket.on("end", () => resolve(raw.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "")));
    socket.on("error", reject);
  });
  return { inFlight, sendBody: () => socket.write(body), answer };
}

// A node starts in about 20 s on a loaded 2-core machine: the time limits bound a hang, not its speed.
describe("server.ts graceful shutdown", { timeout: 180_000 }, () => {
  it("SIGTERM during a slow request: the request completes, new connections are refused, exit 0", async () => {
    const server = await startServer(process.env.DATABASE_URL!);
    const readyBefore = await becomesReady(() => fetch(`http://127.0.0.1:${server.port}/api/ready`));
    expect(await readyBefore.json()).toEqual({ status: "ready", database: "ok" });

    // The signal arrives while a request is in flight and its body is not complete; each
    // step waits for the one before, so no step depends on how fast this machine is.
    const request = heldRequest(server.port);
    await request.inFlight;
    server.child.kill("SIGTERM");
    const deadline = Date.now() + 30_000;
    while (!server.output().includes("SIGTERM: no new connections")) {
      if (Date.now() > deadline) throw new Error(`no shutdown started:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // New connections are refused; the request in flight then completes.
    await expect(fetch(`http://127.0.0.1:${server.port}/api/health`)).rejects.toThrow();
    request.sendBody();
    expect(await request.answer).toMatch(/^HTTP\/1\.1 (200|302|401) /);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("SIGTERM: no new connections, finishing 1 request(s) in flight");
    expect(server.output()).toContain("[drempel] stopped");
    expect(server.output()).not.toMatch(/still running after|stopping the queue worker failed|could not start/);
  });

  it("readiness is 503 while the database is unreachable, and the node still stops cleanly", async () => {
    const unreachable = new URL(process.env.DATABASE_URL!);
    unreachable.port = String(await freePort()); // nothing listens there
    const server = await startServer(unreachable.toString());
    const response = await fetch(`http://127.0.0.1:${server.port}/api/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not-ready", database: "unreachable" });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("npm run worker: SIGTERM stops its outbox round and pg-boss, exit 0", async () => {
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: process.env.DATABASE_URL!,
        NEXTAUTH_SECRET: "process-test-secret-0123456789",
        ALERT_WORKER_POLL_MS: "100",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!output.includes("schedules on pg-boss")) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(output).toContain("SIGTERM: finishing the current round");
    expect(output).toContain("[drempel-worker] stopped");
  });

  it("readiness is 503 once the node is shutting down", async () => {
    await becomesReady(ready);
    markShuttingDown();
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "shutting-down" });
  });
});
