// Debian's PgBouncer (1.18 on Debian 12) in transaction mode in front of a PostgreSQL
// server, for the pooler test and `npm run test:scale`. Installed with apt-get when missing
// (as root), as the test script does for Chromium; run as the postgres user when we are
// root (PgBouncer refuses to run as root). Trust authentication for the owner and both
// app roles.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { asAppRole } from "@/lib/platform/env";

export type PgBouncer = { url: URL; logFile: string; stop(): void };

export function pgbouncerBinary(): string {
  const found = () => ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((file) => fs.existsSync(file));
  if (!found() && fs.existsSync("/usr/bin/apt-get") && process.getuid?.() === 0) {
    const install = () =>
      spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "pgbouncer"], {
        stdio: "ignore",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    install();
    if (!found()) {
      spawnSync("apt-get", ["update"], { stdio: "ignore" });
      install();
    }
  }
  const binary = found();
  if (!binary) throw new Error("no PgBouncer (apt-get install pgbouncer)");
  return binary;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts PgBouncer in transaction mode before `serverUrl`'s server; its URL is serverUrl with the pooler's port. */
export async function startPgBouncer(serverUrl: string, options: { poolSize?: number; maxClients?: number } = {}): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  const server = new URL(serverUrl);
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drempel-pgbouncer-"));
  const pidFile = path.join(dir, "pgbouncer.pid");
  const logFile = path.join(dir, "pgbouncer.log");
  fs.writeFileSync(path.join(dir, "users.txt"), `${['"postgres" ""', '"drempel_app" ""', '"drempel_worker" ""'].join("\n")}\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `${[
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `max_client_conn = ${options.maxClients ?? 200}`,
      `default_pool_size = ${options.poolSize ?? 2}`,
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${logFile}`,
      `pidfile = ${pidFile}`,
    ].join("\n")}\n`,
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync("chown", ["-R", "postgres", dir]);
  fs.chmodSync(dir, 0o755);
  const command = `${binary} -d ${path.join(dir, "pgbouncer.ini")}`;
  const started = asRoot ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command]) : spawnSync("sh", ["-c", command]);
  if (started.status !== 0) throw new Error(`PgBouncer did not start: ${started.stderr}`);
  const url = new URL(server);
  url.port = String(port);
  const stop = () => {
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
      if (pid > 0) process.kill(pid, "SIGTERM");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    const probe = new pg.Client({ connectionString: asAppRole(url.toString()) });
    try {
      await probe.connect();
      await probe.query("SELECT 1");
      await probe.end();
      break;
    } catch (error) {
      await probe.end().catch(() => undefined);
      if (attempt > 50) {
        stop();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, logFile, stop };
}
