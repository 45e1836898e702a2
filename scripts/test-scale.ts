// npm run test:scale — Drempel as it runs beyond one machine (issue #18, docs/deploy.md), and
// a step of `npm test`. Twice, each on a fresh PostgreSQL database: first through Debian's
// PgBouncer 1.18 in transaction mode (installed with apt-get when missing;
// DATABASE_POOLER=transaction), then on direct connections. Each time two server.ts web
// nodes and two workers (scripts/worker.ts) run as their own processes on their own ports,
// sending mail over SMTP to a real SMTP server in this process
// (lib/features/alerts/testing/smtp-capture.ts):
//   1. two tenants' users hammer their own dashboards, business and invoice lists, turnover
//      and CSV imports through both nodes at once for SCALE_SECONDS (default 60); every
//      answer checked: its status, none of the other tenant's rows, the own data present
//      (scripts/scale/hammer.ts);
//   2. a change made through node A is on node B's next page (the page cache);
//   3. failed logins spread over both nodes hit the limit at the same count as on one node;
//   4. the crossing's alert mails arrive once each over SMTP;
//   5. 30 invoices at once through both nodes cross 80/95/100%: exactly one mail per level
//      and recipient, with a worker SIGKILLed while it holds claimed mails (scripts/scale/checks.ts).
// Every check, and a minimum of answers per kind and node (a run that made no requests
// fails), counts as one test; the figures of both runs are printed side by side.
// SCALE_POOLER=pgbouncer|direct runs one of them; SCALE_APP_POOLER=direct with
// SCALE_POOLER=pgbouncer runs the app behind PgBouncer with named prepared statements (the
// finding of #18: the run must fail); SCALE_REPORT=<file> writes
// { passed, failed, runs } as JSON (scripts/test.mjs adds it to its totals). Exit 0 when
// every check held. Needs `next build` (done here when missing) and TEST_DATABASE_URL's server.
import fs from "node:fs";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { startSmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { createDatabase, dropDatabase } from "@/test/integration/database";
import { startPgBouncer, type PgBouncer } from "@/test/integration/pgbouncer";
import { startCluster, type Cluster } from "@/scripts/scale/cluster";
import { seedTenants } from "@/scripts/scale/seed";
import { hammer, KINDS, type HammerFigures } from "@/scripts/scale/hammer";
import { burstWithKill, crossingMails, pageCacheAcrossNodes, rateLimitAcrossNodes, signIn, type Check } from "@/scripts/scale/checks";

const SECONDS = Number(process.env.SCALE_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.SCALE_CONCURRENCY ?? 8);
/**
 * Fewer answers than this for a kind on a node fails the run: the load must really have run
 * (not a throughput target — a busy 2-core machine answered ≥ 20 per kind and node in 60 s).
 */
const MIN_ANSWERS = Math.max(3, Math.floor(SECONDS / 12));
/** Overrides the app's DATABASE_POOLER: `direct` behind PgBouncer brings back named prepared statements, which must fail the run. */
const APP_POOLER = process.env.SCALE_APP_POOLER as "transaction" | "direct" | undefined;
const MODES = (process.env.SCALE_POOLER ? [process.env.SCALE_POOLER] : ["pgbouncer", "direct"]) as ("pgbouncer" | "direct")[];

type Run = {
  mode: string;
  checks: Check[];
  figures?: HammerFigures;
  mails?: { crossing: number; burst: number; perLevel: string; duplicates: number };
  seconds: number;
};

const log = (text: string) => console.log(`[scale] ${text}`);

async function runSuite(mode: "pgbouncer" | "direct"): Promise<Run> {
  const t0 = Date.now();
  const run: Run = { mode, checks: [], seconds: 0 };
  const check = (entry: Check) => {
    run.checks.push(entry);
    log(`${entry.ok ? "✔" : "✘"} ${entry.name}: ${entry.detail}`);
  };
  const database = await createDatabase("drempel_scale");
  let bouncer: PgBouncer | undefined;
  let cluster: Cluster | undefined;
  const capture = await startSmtpCapture();
  try {
    if (mode === "pgbouncer") bouncer = await startPgBouncer(database.url, { poolSize: 4, maxClients: 500 });
    log(
      `— ${mode}: database ${database.name}, ${bouncer ? `PgBouncer (transaction mode) on port ${bouncer.url.port}` : "direct connections"}, SMTP on ${capture.port}`,
    );
    const { alfa, beta, gamma } = await seedTenants(database.url);
    cluster = await startCluster({
      databaseUrl: database.url,
      serverUrl: bouncer ? bouncer.url.toString() : database.url,
      pooler: APP_POOLER ?? (bouncer ? "transaction" : "direct"),
      smtpUrl: capture.url,
      leaseMs: 10_000,
    });
    log(`web nodes ${cluster.bases.join(" and ")}, two workers; started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await signIn(cluster.bases, [alfa, beta]);

    const figures = await hammer({ bases: cluster.bases, tenants: [alfa, beta], seconds: SECONDS, concurrency: CONCURRENCY });
    run.figures = figures;
    log(
      `${figures.requests} answers in ${figures.seconds.toFixed(1)} s (${(figures.requests / figures.seconds).toFixed(0)}/s), p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms; per kind p95 ${JSON.stringify(figures.p95MsPerKind)}`,
    );
    log(
      `answers per kind@node ${JSON.stringify(figures.perKindAndNode)}; statuses ${JSON.stringify(figures.statuses)}; ${figures.importedRows} rows imported`,
    );
    for (const problem of figures.problems) log(`  ${problem}`);
    const few = KINDS.flatMap((kind) => [1, 2].map((node) => `${kind}@${node}`)).filter(
      (key) => (figures.perKindAndNode[key] ?? 0) < MIN_ANSWERS,
    );
    check({
      name: "the load ran: every kind of request answered on both nodes",
      ok: few.length === 0 && figures.requests > 0,
      detail: few.length
        ? `fewer than ${MIN_ANSWERS} answers for ${few.join(", ")}`
        : `${figures.requests} answers, at least ${MIN_ANSWERS} per kind and node`,
    });
    check({ name: "0 errors under load", ok: figures.errors === 0, detail: `${figures.errors} answers not 200 (201 for imports)` });
    check({
      name: "0 rows of the other tenant in any answer",
      ok: figures.leaks === 0,
      detail: `${figures.leaks} answers with the other tenant's ids, names or invoice numbers, of ${figures.requests}`,
    });
    check({
      name: "the own data in every answer",
      ok: figures.missing === 0,
      detail: `${figures.missing} answers with the tenant's own data missing or short`,
    });

    check(await pageCacheAcrossNodes(cluster.bases, alfa));
    check(await rateLimitAcrossNodes(cluster.bases, database.url));
    const crossing = await crossingMails(capture, alfa, database.url);
    check(crossing.check);
    const burst = await burstWithKill({ cluster, capture, gamma, databaseUrl: database.url });
    for (const entry of burst.checks) check(entry);
    run.mails = { crossing: crossing.mails, burst: burst.mails, perLevel: burst.perLevel, duplicates: burst.duplicates };
  } catch (error) {
    check({ name: "the run finished", ok: false, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await cluster?.stop();
    if (cluster) {
      check({
        name: "no process failed, and each exited 0 on SIGTERM",
        ok: cluster.exits.length === 0,
        detail: cluster.exits.join("\n") || "both web nodes and the surviving worker ran to the end and stopped cleanly",
      });
    }
    bouncer?.stop();
    await capture.close();
    await dropDatabase(database.name);
  }
  run.seconds = (Date.now() - t0) / 1000;
  return run;
}

function table(runs: Run[]): string {
  const rows: [string, (run: Run) => string][] = [
    ["answers", (r) => String(r.figures?.requests ?? "—")],
    ["answers/s", (r) => (r.figures ? (r.figures.requests / r.figures.seconds).toFixed(0) : "—")],
    ["errors", (r) => String(r.figures?.errors ?? "—")],
    ["other tenant's rows", (r) => String(r.figures?.leaks ?? "—")],
    ["own data missing", (r) => String(r.figures?.missing ?? "—")],
    ["rows imported", (r) => String(r.figures?.importedRows ?? "—")],
    ["p50 ms", (r) => String(r.figures?.p50Ms ?? "—")],
    ["p95 ms", (r) => String(r.figures?.p95Ms ?? "—")],
    ...KINDS.map((kind): [string, (run: Run) => string] => [`p95 ms ${kind}`, (r) => String(r.figures?.p95MsPerKind[kind] ?? "—")]),
    ["crossing mails", (r) => String(r.mails?.crossing ?? "—")],
    ["burst mails", (r) => String(r.mails?.burst ?? "—")],
    ["burst 80/95/100% per recipient", (r) => r.mails?.perLevel ?? "—"],
    ["duplicate mails", (r) => String(r.mails?.duplicates ?? "—")],
    ["checks passed", (r) => `${r.checks.filter((c) => c.ok).length}/${r.checks.length}`],
    ["run seconds", (r) => r.seconds.toFixed(0)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const header = `${"".padEnd(width)}  ${runs.map((r) => r.mode.padEnd(26)).join("")}`;
  return [header, ...rows.map(([label, value]) => `${label.padEnd(width)}  ${runs.map((r) => value(r).padEnd(26)).join("")}`)].join("\n");
}

async function main(): Promise<number> {
  ensureBuilt();
  const runs: Run[] = [];
  for (const mode of MODES) runs.push(await runSuite(mode));
  console.log(`\n${table(runs)}\n`);
  const checks = runs.flatMap((run) => run.checks.map((check) => ({ ...check, mode: run.mode })));
  const failed = checks.filter((check) => !check.ok);
  for (const check of failed) console.error(`[scale] FAILED (${check.mode}) ${check.name}: ${check.detail}`);
  const passed = checks.length - failed.length;
  if (process.env.SCALE_REPORT)
    fs.writeFileSync(process.env.SCALE_REPORT, JSON.stringify({ passed, failed: failed.length, runs }, null, 2));
  log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0 && checks.length > 0 ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
