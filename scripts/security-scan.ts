// npm run security:scan — sqlmap against the API's parameters on a real server.
// Installs Debian's sqlmap when it is missing (apt-get, as scripts/test.mjs does for
// Chromium), builds the app if needed, starts `server.ts` on a fresh PostgreSQL database
// with a seeded user, business, invoices and API token, and runs sqlmap (--batch, the
// token in the Authorization header) on every endpoint that takes parameters: query
// strings, path ids and JSON bodies. Prints one line per endpoint and exits 1 when any
// parameter is injectable, 2 when a scan did not finish within its time budget.
//   SCAN_PORT (3310), SCAN_LEVEL (2), SCAN_RISK (2), SCAN_TARGET_SECONDS (300), SCAN_ONLY (a target name)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { waitFor } from "@/bench/http-helpers";

const PORT = Number(process.env.SCAN_PORT ?? 3310);
const LEVEL = process.env.SCAN_LEVEL ?? "2";
const RISK = process.env.SCAN_RISK ?? "2";
const TARGET_SECONDS = Number(process.env.SCAN_TARGET_SECONDS ?? 300);
const base = `http://127.0.0.1:${PORT}`;

function ensureSqlmap(): string {
  const found = spawnSync("sh", ["-c", "command -v sqlmap"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  if (!fs.existsSync("/usr/bin/apt-get") || process.getuid?.() !== 0)
    throw new Error("sqlmap is not installed and apt-get is not usable here (install Debian's sqlmap)");
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "sqlmap"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  console.log("[scan] installing sqlmap (apt-get install sqlmap)…");
  install();
  if (!fs.existsSync("/usr/bin/sqlmap")) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    install();
  }
  if (!fs.existsSync("/usr/bin/sqlmap")) throw new Error("installing sqlmap failed");
  return "/usr/bin/sqlmap";
}

type Target = { name: string; url: string; method?: string; data?: string; contentType?: string; params?: string };
type Verdict = {
  name: string;
  tested: string[];
  injectable: string[];
  rejected: string[];
  httpErrors: string;
  outcome: "not injectable" | "INJECTABLE" | "incomplete" | "error";
  seconds: number;
  note?: string;
};

/**
 * sqlmap's own words, version 1.7: what it tested, the candidates it found and then
 * rejected as false positives, and the injection points it confirmed (only those are
 * listed under "sqlmap identified the following injection point(s)", as "Parameter: x (…)").
 */
function parseSqlmapOutput(output: string): {
  tested: string[];
  injectable: string[];
  rejected: string[];
  httpErrors: string;
  finished: boolean;
  problem?: string;
} {
  const tested = new Set<string>();
  const candidates = new Set<string>();
  const injectable = new Set<string>();
  for (const match of output.matchAll(/testing if (?:\(custom\) )?\w+ parameter '([^']+)' is dynamic/g)) tested.add(match[1]!);
  for (const match of output.matchAll(/\w+ parameter '([^']+)' does not (?:seem|appear) to be injectable/g)) tested.add(match[1]!);
  for (const match of output.matchAll(/\w+ parameter '([^']+)' (?:is|appears to be) '[^']+' injectable/g)) candidates.add(match[1]!);
  for (const match of output.matchAll(/^Parameter: (.+?) \(/gm)) injectable.add(match[1]!);
  const finished =
    /all tested parameters do not appear to be injectable|sqlmap identified the following injection point|\[\*\] ending @/.test(output);
  const problem = /\[CRITICAL\] (?!all tested parameters)(.*)/.exec(output)?.[1];
  const httpErrors = /HTTP error codes detected during run:\s*\n([^\n]*)/.exec(output)?.[1]?.trim() ?? "";
  return {
    tested: [...tested],
    injectable: [...injectable],
    rejected: [...candidates].filter((c) => !injectable.has(c)),
    httpErrors,
    finished,
    problem,
  };
}

function runSqlmap(sqlmap: string, target: Target, token: string, outputDir: string): Promise<Verdict> {
  const args = [
    "-u",
    target.url,
    "--batch",
    `--level=${LEVEL}`,
    `--risk=${RISK}`,
    "--dbms=PostgreSQL",
    "--technique=BEUST",
    "--time-sec=2",
    "--timeout=15",
    "--retries=1",
    "--threads=4",
    "--disable-coloring",
    "--flush-session",
    `--output-dir=${outputDir}`,
    "-H",
    `Authorization: Bearer ${token}`,
    // Refusals of bad input are the expected answers, not connection problems.
    "--ignore-code=400,404,409,413,415,422",
  ];
  if (target.method) args.push(`--method=${target.method}`);
  if (target.data !== undefined) args.push(`--data=${target.data}`);
  if (target.contentType) args.push("-H", `Content-Type: ${target.contentType}`);
  if (target.params) args.push(`-p`, target.params);
  const started = Date.now();
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(sqlmap, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, TARGET_SECONDS * 1000);
    child.on("close", () => {
      clearTimeout(timer);
      fs.writeFileSync(path.join(outputDir, `${target.name.replace(/\W+/g, "-")}.log`), output);
      const parsed = parseSqlmapOutput(output);
      const seconds = Math.round((Date.now() - started) / 1000);
      // A 401 means the token did not work and the parameters were never reached.
      const unauthenticated = /\b401\b/.test(parsed.httpErrors);
      const outcome: Verdict["outcome"] = parsed.injectable.length
        ? "INJECTABLE"
        : timedOut
          ? "incomplete"
          : unauthenticated
            ? "error"
            : parsed.finished
              ? "not injectable"
              : "error";
      const note = timedOut
        ? `stopped after ${TARGET_SECONDS} s`
        : unauthenticated
          ? "the API answered 401: the scan did not reach the parameters"
          : outcome === "error"
            ? (parsed.problem ?? output.trim().split("\n").slice(-3).join(" | "))
            : undefined;
      resolve({
        name: target.name,
        tested: parsed.tested,
        injectable: parsed.injectable,
        rejected: parsed.rejected,
        httpErrors: parsed.httpErrors,
        outcome,
        seconds,
        note,
      });
    });
  });
}

async function main() {
  const startedAt = Date.now();
  const sqlmap = ensureSqlmap();
  ensureBuilt();
  const database = await createDatabase("drempel_scan");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { createInvoice } = await import("@/lib/features/invoices/create-invoice");
  const { createApiToken } = await import("@/lib/features/api-tokens/create-api-token");
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "drempel-sqlmap-"));
  let server: ChildProcess | undefined;
  let exitCode = 0;
  try {
    const user = await db().user.create({
      data: { email: "scan@drempel.nl", name: "Scan", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const business = await createBusiness({
      caller: { userId: user.id },
      input: { name: "Scan BV", kvkNumber: "12345678", korParticipations: [{ from: "2025-01-01" }] },
    });
    const invoiceIds: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const invoice = await createInvoice({
        caller: { userId: user.id },
        businessId: business.id,
        input: {
          number: `SCAN-${String(i).padStart(3, "0")}`,
          date: `2026-${String((i % 12) + 1).padStart(2, "0")}-10`,
          customer: { name: `Klant ${i}`, country: "NL" },
          category: "NL_STANDARD",
          netCents: 10_000 * i,
          vatCents: 2_100 * i,
          description: `Werk ${i}`,
        },
      });
      invoiceIds.push(invoice.id);
    }
    const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "scan", scope: "read_write" } });
    await disconnectDb();

    server = spawn("node", ["--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOSTNAME_BIND: "127.0.0.1",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "scan-secret-0123456789abcdef",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        ALERT_WORKER: "off",
        API_RATE_LIMIT: "100000000",
      },
      stdio: "ignore",
    });
    await waitFor(`${base}/api/health`);

    const businessPath = `/api/v1/businesses/${business.id}`;
    const invoiceJson = JSON.stringify({
      number: "SCAN-NEW",
      date: "2026-05-01",
      customer: { name: "Nieuwe Klant", country: "NL", type: "business" },
      category: "NL_STANDARD",
      netCents: 5000,
      vatCents: 1050,
      description: "Scan",
    });
    const mapping = JSON.stringify({
      columns: { number: "Nummer", date: "Datum", customerName: "Klant", netAmount: "Bedrag" },
      defaultCategory: "NL_STANDARD",
    });
    const targets: Target[] = [
      {
        name: "GET invoices (query)",
        url: `${base}${businessPath}/invoices?year=2026&month=3&page=1&pageSize=50&q=Klant&category=NL_STANDARD&counted=yes&sort=date&dir=desc&deleted=exclude`,
      },
      { name: "GET turnover (query)", url: `${base}${businessPath}/turnover?year=2026&explain=true` },
      { name: "GET invoice (path ids)", url: `${base}/api/v1/businesses/${business.id}*/invoices/${invoiceIds[0]}*` },
      {
        name: "POST businesses (JSON)",
        url: `${base}/api/v1/businesses`,
        data: JSON.stringify({ name: "Scan Twee", kvkNumber: "12345678", filingPeriod: "quarter" }),
        contentType: "application/json",
      },
      { name: "POST invoices (JSON)", url: `${base}${businessPath}/invoices`, data: invoiceJson, contentType: "application/json" },
      {
        name: "PATCH invoice (JSON)",
        url: `${base}${businessPath}/invoices/${invoiceIds[1]}`,
        method: "PATCH",
        data: JSON.stringify({ description: "Gewijzigd", customer: { name: "Andere Klant" } }),
        contentType: "application/json",
      },
      {
        name: "POST import (query)",
        url: `${base}${businessPath}/invoices/import?dryRun=true&mapping=${encodeURIComponent(mapping)}`,
        data: "Nummer;Datum;Klant;Bedrag\nIMP-1;02-01-2026;Klant;100,00\n",
        contentType: "text/csv",
        params: "dryRun,mapping",
      },
    ].filter((target) => !process.env.SCAN_ONLY || target.name.includes(process.env.SCAN_ONLY));

    console.log(
      `[scan] sqlmap ${spawnSync(sqlmap, ["--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0]} on ${targets.length} endpoints, --level=${LEVEL} --risk=${RISK}, at most ${TARGET_SECONDS} s each; logs in ${outputDir}`,
    );
    const verdicts: Verdict[] = [];
    for (const target of targets) {
      const verdict = await runSqlmap(sqlmap, target, secret, outputDir);
      verdicts.push(verdict);
      console.log(
        [
          `${verdict.outcome.padEnd(15)} ${verdict.name.padEnd(24)} ${String(verdict.seconds).padStart(4)} s  tested: ${verdict.tested.join(", ") || "(none)"}`,
          verdict.injectable.length ? `  INJECTABLE: ${verdict.injectable.join(", ")}` : "",
          verdict.rejected.length ? `  (candidates sqlmap rejected as false positives: ${verdict.rejected.join(", ")})` : "",
          verdict.httpErrors ? `  [HTTP ${verdict.httpErrors}]` : "",
          verdict.note ? `  (${verdict.note})` : "",
        ].join(""),
      );
    }
    const injectable = verdicts.filter((v) => v.outcome === "INJECTABLE");
    const unfinished = verdicts.filter((v) => v.outcome === "incomplete" || v.outcome === "error" || v.tested.length === 0);
    console.log(
      `[scan] ${verdicts.length} endpoints, ${verdicts.reduce((n, v) => n + v.tested.length, 0)} parameters tested, ${injectable.length} injectable, ${unfinished.length} unfinished; ${Math.round((Date.now() - startedAt) / 1000)} s in total`,
    );
    exitCode = injectable.length ? 1 : unfinished.length ? 2 : 0;
  } finally {
    server?.kill("SIGTERM");
    await disconnectDb();
    await dropDatabase(database.name);
  }
  process.exit(exitCode);
}

await main();
