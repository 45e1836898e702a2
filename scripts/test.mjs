// npm test — every test on a fresh clone: lint and format (Biome), type check, vitest unit tests, integration
// tests on a real PostgreSQL (a fresh database per run), the scale test (two web nodes and
// two workers behind PgBouncer, then on direct connections: scripts/test-scale.ts),
// Playwright in Chromium.
// With CI=true a missing PostgreSQL or browser fails the run; elsewhere it is reported
// and that suite is left out (and the run still fails, so nothing passes by omission).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { bin, ensureBuilt, ensureGenerated, ensureInstalled, log, root, run } from "./bootstrap.mjs";

const ci = process.env.CI === "true" || process.env.CI === "1";
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

function step(name, work) {
  const t0 = Date.now();
  log(`▶ ${name}`);
  try {
    work();
    log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
    log(`✘ ${name}: ${error.message}`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitest(project) {
  const out = path.join(os.tmpdir(), `drempel-vitest-${project}-${process.pid}.json`);
  const result = spawnSync(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: serverUrl },
    },
  );
  const report = readJson(out);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (result.status !== 0) throw new Error(`vitest ${project} exited ${result.status}`);
  if (!report || report.numTotalTests === 0) throw new Error(`vitest ${project} ran no test`);
}

function psql(sql) {
  // pg is installed by now; a tiny child keeps this script free of imports from node_modules.
  const code = `const pg=require("pg");const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})`;
  const result = spawnSync("node", ["-e", code, serverUrl, sql], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr.trim() || "PostgreSQL query failed");
}

function postgresAvailable() {
  try {
    psql("SELECT 1");
    return true;
  } catch (error) {
    const message = `PostgreSQL at ${serverUrl} is not reachable (${error.message})`;
    if (ci) throw new Error(message);
    failures.push(`${message}: integration and end-to-end tests not run`);
    return false;
  }
}

function scaleTest() {
  const out = path.join(os.tmpdir(), `drempel-scale-${process.pid}.json`);
  fs.rmSync(out, { force: true });
  const result = spawnSync(bin("tsx"), ["scripts/test-scale.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: serverUrl, SCALE_REPORT: out },
  });
  const report = readJson(out);
  if (report) {
    totals.passed += report.passed;
    totals.failed += report.failed;
  }
  if (result.status !== 0) throw new Error(`test:scale exited ${result.status}`);
  if (!report || report.passed + report.failed === 0) throw new Error("test:scale ran no check");
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  const canApt = fs.existsSync("/usr/bin/apt-get") && process.getuid?.() === 0;
  if (canApt) {
    log("installing Chromium (apt-get install chromium)…");
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (!fs.existsSync("/usr/bin/chromium")) {
      spawnSync("apt-get", ["update"], { stdio: "inherit" });
      spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    }
    if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  const message = "no Chromium found (set CHROMIUM_PATH or install Debian's chromium)";
  if (ci) throw new Error(message);
  failures.push(`${message}: end-to-end tests not run`);
  return null;
}

function playwright(chromiumPath) {
  const database = `drempel_e2e_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "drempel-e2e-data-"));
  const out = path.join(os.tmpdir(), `drempel-playwright-${process.pid}.json`);
  psql(`CREATE DATABASE "${database}"`);
  try {
    const result = spawnSync(bin("playwright"), ["test"], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_DATABASE_URL: url.toString(),
        E2E_DATA_DIR: dataDir,
        CHROMIUM_PATH: chromiumPath,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      },
    });
    const report = readJson(out);
    if (report?.stats) {
      totals.passed += report.stats.expected + report.stats.flaky;
      totals.failed += report.stats.unexpected;
      totals.skipped += report.stats.skipped;
    }
    if (result.status !== 0) throw new Error(`playwright exited ${result.status}`);
    if (!report?.stats || report.stats.expected === 0) throw new Error("playwright ran no test");
  } finally {
    psql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  ensureInstalled();
  ensureGenerated();
} catch (error) {
  console.error(`[drempel] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

step("lint and format (biome ci)", () => run(bin("biome"), ["ci", "--error-on-warnings", "--max-diagnostics=50", "."]));
step("type check (tsc --noEmit)", () => run(bin("tsc"), ["--noEmit", "-p", "."]));
step("unit tests (vitest)", () => vitest("unit"));
let pgReady = false;
step("PostgreSQL", () => {
  pgReady = postgresAvailable();
});
// Built first: test/process/ starts server.ts as its own process.
step("build (next build)", () => ensureBuilt());
if (pgReady) step("integration tests on PostgreSQL (vitest)", () => vitest("integration"));
if (pgReady && !failures.some((f) => f.startsWith("build")))
  step("scale test: two web nodes and two workers, PgBouncer and direct", () => scaleTest());
let chromiumPath = null;
step("Chromium", () => {
  chromiumPath = findChromium();
});
if (pgReady && chromiumPath && !failures.some((f) => f.startsWith("build"))) {
  step("end-to-end tests (Playwright)", () => playwright(chromiumPath));
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
log(`finished in ${seconds} s`);
for (const failure of failures) log(`FAILED ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
