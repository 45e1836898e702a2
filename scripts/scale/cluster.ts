// The processes of one scale run: two server.ts web nodes and two workers (scripts/worker.ts),
// each its own Node.js process on its own port, all on one database — through PgBouncer in
// transaction mode or directly. Started with the settings a deployment would give them
// (docs/deploy.md), short leases and limits so the test sees their effect within seconds.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { asAppRole, asWorkerRole } from "@/lib/platform/env";

export const SECRET = "scale-test-secret-0123456789abcdef";
/** Failed logins per client IP and window on every web node (the rate-limit check counts up to it). */
export const LOGIN_LIMIT = 8;

export type Node = { name: string; child: ChildProcess; output: () => string };
export type Cluster = { bases: string[]; web: Node[]; workers: Node[]; stop(): Promise<void>; exits: string[] };

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyText: string,
  exits: string[],
  started: Node[],
): Promise<Node> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const node: Node = { name, child, output: () => output };
  started.push(node);
  child.once("exit", (code, signal) => {
    // SIGKILL is the test's own (the killed worker, or one that would not stop).
    if (code !== 0 && signal !== "SIGKILL") exits.push(`${name} exited ${code ?? signal}: ${output.slice(-2000)}`);
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 180_000; // a busy machine starts Next.js slowly
    const poll = setInterval(() => {
      if (output.includes(readyText)) {
        clearInterval(poll);
        resolve(node);
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`${name} did not start:\n${output}`));
      }
    }, 100);
  });
}

/**
 * Starts the two web nodes and two workers. `databaseUrl` is the owner's direct URL (the
 * migrations' role); `serverUrl` what the app and workers connect to (PgBouncer's or the
 * same server); `smtpUrl` where the workers send mail.
 */
export async function startCluster(options: {
  databaseUrl: string;
  serverUrl: string;
  pooler: "transaction" | "direct";
  smtpUrl: string;
  leaseMs: number;
}): Promise<Cluster> {
  const exits: string[] = [];
  const started: Node[] = [];
  const roles = {
    DATABASE_URL: options.databaseUrl,
    APP_DATABASE_URL: asAppRole(options.serverUrl),
    WORKER_DATABASE_URL: asWorkerRole(options.serverUrl),
    DATABASE_POOLER: options.pooler,
    NEXTAUTH_SECRET: SECRET,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    API_RATE_LIMIT: "100000000",
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: "Drempel <drempel@drempel.test>",
  };
  // SIGTERM, as an orchestrator stops a node: each must exit 0 (recorded in `exits` otherwise);
  // one still running after 30 s is killed and recorded.
  const stop = async () => {
    await Promise.all(
      started.map(
        ({ name, child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              exits.push(`${name} did not stop within 30 s of SIGTERM`);
              child.kill("SIGKILL");
            }, 30_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    const ports = [await freePort(), await freePort()];
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    const [web, workers] = await Promise.all([
      Promise.all(
        ports.map((port, i) =>
          startProcess(
            `web ${i + 1}`,
            ["server.ts"],
            { ...roles, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", NEXTAUTH_URL: bases[i]!, ALERT_WORKER: "off" },
            "[drempel] ready on",
            exits,
            started,
          ),
        ),
      ),
      Promise.all(
        [1, 2].map((i) =>
          startProcess(
            `worker ${i}`,
            ["scripts/worker.ts"],
            { ...roles, ALERT_WORKER_POLL_MS: "200", ALERT_WORKER_LEASE_MS: String(options.leaseMs) },
            "schedules on pg-boss",
            exits,
            started,
          ),
        ),
      ),
    ]);
    return { bases, web, workers, stop, exits };
  } catch (error) {
    await stop();
    throw error;
  }
}
