// npm start — from a fresh clone to a running Drempel: install if needed, generate,
// build if needed, migrate, seed the demo (embedded mode), serve on PORT (default 3000).
// Without DATABASE_URL the data lives in an embedded PostgreSQL (PGlite) in DREMPEL_DATA_DIR.
// It serves with server.ts (Next.js behind the dashboard page cache). `npm run dev` (--dev)
// runs `next dev` instead of building; --no-build serves the existing build (the
// end-to-end tests build once and run two servers from it).
import { spawn } from "node:child_process";
import { bin, ensureBuilt, ensureGenerated, ensureInstalled, log, root, run } from "./bootstrap.mjs";

const dev = process.argv.includes("--dev");
const build = !dev && !process.argv.includes("--no-build");
const port = process.env.PORT || "3000";

try {
  ensureInstalled();
  ensureGenerated();
  if (build) ensureBuilt();
  run(bin("tsx"), ["scripts/prepare-db.ts"]);
} catch (error) {
  console.error(`[drempel] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

log(
  process.env.DATABASE_URL
    ? `starting on http://localhost:${port} (PostgreSQL)`
    : `starting on http://localhost:${port} (embedded database in ${process.env.DREMPEL_DATA_DIR || ".data"}; demo login eigenaar@demo.drempel.nl / drempel-demo)`,
);
const [command, args] = dev
  ? [bin("next"), ["dev", "-p", port, ...(process.env.HOSTNAME_BIND ? ["-H", process.env.HOSTNAME_BIND] : [])]]
  : [process.execPath, ["--import", "tsx", "server.ts"]];
const server = spawn(command, args, {
  cwd: root,
  stdio: "inherit",
  env: { NEXTAUTH_URL: `http://localhost:${port}`, ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
