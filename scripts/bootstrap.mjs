// Steps shared by `npm start` and `npm test` on a fresh clone: install, generate, build.
// Plain Node only: this runs before node_modules exists.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules/.bin", name);

export function log(message) {
  console.log(`[drempel] ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

function newestMtime(entries) {
  let newest = 0;
  const visit = (target) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target)) {
        if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
        visit(path.join(target, name));
      }
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

export function ensureInstalled() {
  const lock = path.join(root, "package-lock.json");
  const marker = path.join(root, "node_modules/.package-lock.json");
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs);
  if (!fs.existsSync(bin("next")) || stale) {
    log("installing dependencies (npm install)…");
    // The clean-install command fails on these machines (STACK.md); npm install keeps the lockfile as it is.
    run("npm", ["install", "--no-audit", "--no-fund"]);
  }
}

export function ensureGenerated() {
  const client = path.join(root, "lib/platform/db/generated/prisma/client.ts");
  const schema = path.join(root, "prisma/schema.prisma");
  if (!fs.existsSync(client) || fs.statSync(schema).mtimeMs > fs.statSync(client).mtimeMs) {
    log("generating the Prisma client…");
    run("node", ["scripts/prisma.mjs", "generate"]);
  }
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

export function ensureBuilt() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestMtime(BUILD_INPUTS)) return;
  log("building the app (next build)…");
  run(bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}
