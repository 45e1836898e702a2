// npm run test:scale — Drempel as it runs beyond one machine (issue #18, docs/deploy.md):
// two server.ts web nodes on different ports and two workers (npm run worker), all
// connected as drempel_app / drempel_worker through Debian's PgBouncer 1.18 in transaction
// mode (DATABASE_POOLER=transaction; installed with apt-get when missing) to a fresh
// PostgreSQL database. Two tenants' users hammer their own dashboard page (session),
// business list, invoice list and turnover (API token) through both nodes at once for
// SCALE_SECONDS (default 20): every answer must be 200 and free of the other tenant's ids
// and names. Then an invoice made through node A must show on node B's next dashboard
// (the page cache's fingerprint), and the workers must have delivered that change's alert
// mails exactly once; a third tenant's 30 invoices sent at once through both nodes must
// give exactly one mail per alert level, with one worker killed (SIGKILL) while it holds a
// claimed row: nothing is lost. Exit 0 when everything held, 1 otherwise. Needs `next build` (done
// here when missing) and TEST_DATABASE_URL's PostgreSQL. SCALE_POOLER=direct runs the same
// suite on direct connections, for comparison.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { asAppRole, asWorkerRole } from "@/lib/env";
import { sessionCookie } from "@/bench/http-helpers";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { startPgBouncer, type PgBouncer } from "@/test/integration/pgbouncer";

const SECONDS = Number(process.env.SCALE_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.SCALE_CONCURRENCY ?? 8);
const PASSWORD = "scale-test-password-1";
const YEAR = new Date().getUTCFullYear();
const SECRET = "scale-test-secret-0123456789abcdef";
const DIRECT = process.env.SCALE_POOLER === "direct";

const children: ChildProcess[] = [];
const failures: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function startProcess(name: string, args: string[], env: Record<string, string>, readyText: string): Promise<ChildProcess> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  child.once("exit", (code) => {
    if (code !== 0 && code !== null) failures.push(`${name} exited ${code}: ${output.slice(-2000)}`);
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = setInterval(() => {
      if (output.includes(readyText)) {
        clearInterval(poll);
        resolve(child);
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`${name} did not start:\n${output}`));
      }
    }, 100);
  });
}

type Tenant = { name: string; email: string; businessId: string; businessName: string; invoiceIds: string[]; token: string; cookies: string[] };

async function main(): Promise<void> {
  ensureBuilt();
  const database = await createDatabase("drempel_scale");
  let bouncer: PgBouncer | undefined;
  try {
    if (!DIRECT) bouncer = await startPgBouncer(database.url, { poolSize: 4, maxClients: 500 });
    const appServer = bouncer ? bouncer.url.toString() : database.url;
    console.log(`[scale] PostgreSQL database ${database.name}, ${bouncer ? `PgBouncer (transaction mode) on port ${bouncer.url.port}` : "direct connections"}`);

    // Two tenants, seeded in process in system mode (as drempel_worker), directly.
    useDatabaseInProcess(database.url);
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { hashPassword } = await import("@/lib/auth/password");
    const { createBusiness } = await import("@/lib/businesses/create-business");
    const { createInvoice } = await import("@/lib/invoices/create-invoice");
    const { createApiToken } = await import("@/lib/api-tokens/create-api-token");
    const tenants: Tenant[] = [];
    for (const name of ["Alfa", "Beta", "Gamma"]) {
      const email = `schaal-${name.toLowerCase()}@drempel.test`;
      const user = await db().user.create({ data: { email, name: `Schaal ${name}`, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() } });
      const businessName = `Schaal ${name} BV`;
      const business = await createBusiness({ caller: { userId: user.id }, input: { name: businessName, korParticipations: [{ from: `${YEAR - 1}-01-01` }] } });
      const invoiceIds: string[] = [];
      for (let i = 1; i <= (name === "Gamma" ? 0 : 20); i++) {
        const invoice = await createInvoice({ caller: { userId: user.id }, businessId: business.id, input: { number: `${name}-${i}`, date: `${YEAR}-01-${String(i).padStart(2, "0")}`, customer: { name: `Klant ${name} ${i}` }, category: "NL_STANDARD", netCents: 40_000 } });
        invoiceIds.push(invoice.id);
      }
      const { secret } = await createApiToken({ caller: { userId: user.id }, input: { name: "scale", scope: "read_write" } });
      tenants.push({ name, email, businessId: business.id, businessName, invoiceIds, token: secret, cookies: [] });
    }
    await disconnectDb();
    // Gamma is only for the burst below; Alfa and Beta are the two tenants that hammer.
    const gamma = tenants.pop()!;

    const roles = {
      DATABASE_URL: database.url,
      APP_DATABASE_URL: asAppRole(appServer),
      WORKER_DATABASE_URL: asWorkerRole(appServer),
      DATABASE_POOLER: bouncer ? "transaction" : "direct",
      NEXTAUTH_SECRET: SECRET,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOGIN_RATE_LIMIT: "1000",
      API_RATE_LIMIT: "100000000",
    };
    const ports = [await freePort(), await freePort()];
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(
      ports.map((port, i) =>
        startProcess(`web ${i + 1}`, ["server.ts"], { ...roles, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", NEXTAUTH_URL: bases[i]!, ALERT_WORKER: "off" }, "[drempel] ready on"),
      ),
    );
    // A short lease, so rows held by the worker killed below come back within the test.
    const workers = await Promise.all([1, 2].map((i) => startProcess(`worker ${i}`, ["scripts/worker.ts"], { ...roles, ALERT_WORKER_POLL_MS: "200", ALERT_WORKER_LEASE_MS: "3000" }, "schedules on pg-boss")));
    console.log(`[scale] web nodes on ${ports.join(" and ")}, two workers`);
    for (const tenant of tenants) for (const base of bases) tenant.cookies.push(await sessionCookie(base, tenant.email, PASSWORD));

    // The hammering: each request checked in full.
    const statuses = new Map<string, number>();
    const leaks: string[] = [];
    let requests = 0;
    const request = async (tenantIndex: number, i: number) => {
      const tenant = tenants[tenantIndex]!;
      const other = tenants[1 - tenantIndex]!;
      const node = i % 2;
      const base = bases[node]!;
      const api = `${base}/api/v1/businesses`;
      const kind = i % 4;
      const [label, url, headers] =
        kind === 0
          ? ["dashboard", `${base}/businesses/${tenant.businessId}`, { cookie: tenant.cookies[node]! }]
          : kind === 1
            ? ["businesses", api, { authorization: `Bearer ${tenant.token}` }]
            : kind === 2
              ? ["invoices", `${api}/${tenant.businessId}/invoices?pageSize=50`, { authorization: `Bearer ${tenant.token}` }]
              : ["turnover", `${api}/${tenant.businessId}/turnover?year=${YEAR}`, { authorization: `Bearer ${tenant.token}` }];
      const response = await fetch(url, { headers, redirect: "manual" });
      const body = await response.text();
      requests++;
      const key = `${label} ${response.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      for (const foreign of [other.businessId, other.businessName, `Klant ${other.name}`, ...other.invoiceIds]) {
        if (body.includes(foreign)) leaks.push(`${tenant.name} saw ${foreign} in ${label} on node ${node + 1}`);
      }
      if (response.status === 200 && !body.includes(tenant.businessName) && kind !== 2 && kind !== 3) leaks.push(`${tenant.name}'s own business missing from ${label} on node ${node + 1}`);
      if (response.status === 200 && kind === 2 && (JSON.parse(body) as { data: unknown[] }).data.length !== tenant.invoiceIds.length) {
        leaks.push(`${tenant.name}'s invoice list on node ${node + 1} has ${(JSON.parse(body) as { data: unknown[] }).data.length} rows`);
      }
    };
    const until = Date.now() + SECONDS * 1_000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, lane) => {
        for (let i = lane; Date.now() < until; i += CONCURRENCY) await request(lane % 2, i);
      }),
    );
    const elapsed = (Date.now() - started) / 1_000;
    const errors = [...statuses].filter(([key]) => !key.endsWith(" 200")).reduce((sum, [, count]) => sum + count, 0);
    console.log(`[scale] ${requests} requests in ${elapsed.toFixed(1)} s (${(requests / elapsed).toFixed(0)}/s) through both nodes: ${JSON.stringify(Object.fromEntries(statuses))}; errors ${errors}; other tenant's rows seen ${leaks.length}`);
    if (errors) failures.push(`${errors} answers were not 200`);
    if (leaks.length) failures.push(`isolation: ${leaks.slice(0, 10).join("; ")}`);

    // A change through node A, seen on node B's next page.
    const [alfa] = tenants as [Tenant];
    const dashboardOnB = () => fetch(`${bases[1]}/businesses/${alfa.businessId}`, { headers: { cookie: alfa.cookies[1]! } });
    const before = await (await dashboardOnB()).text();
    const cachedBefore = (await dashboardOnB()).headers.get("x-drempel-page-cache");
    const created = await fetch(`${bases[0]}/api/v1/businesses/${alfa.businessId}/invoices`, {
      method: "POST",
      headers: { authorization: `Bearer ${alfa.token}`, "content-type": "application/json" },
      body: JSON.stringify({ number: "ALFA-OVER", date: `${YEAR}-02-01`, customer: { name: "Klant Alfa Over" }, category: "NL_STANDARD", netCents: 1_500_000 }),
    });
    if (created.status !== 201) failures.push(`the invoice through node A answered ${created.status}`);
    const afterResponse = await dashboardOnB();
    const after = await afterResponse.text();
    const seen = !before.includes("ALFA-OVER") && after.includes("ALFA-OVER");
    console.log(`[scale] dashboard on node B before the change: page cache ${cachedBefore}; after an invoice through node A: page cache ${afterResponse.headers.get("x-drempel-page-cache")}, the crossing invoice ${seen ? "shown" : "NOT shown"}`);
    if (cachedBefore !== "hit") failures.push(`node B's dashboard was not served from its page cache before the change (${cachedBefore})`);
    if (!seen) failures.push("node B's next dashboard did not show the change made through node A");

    // The workers deliver that change's alert mails (outbox only: no SMTP_URL): one per level.
    useDatabaseInProcess(database.url);
    const deadline = Date.now() + 30_000;
    let mails: { subject: string | null; status: string }[] = [];
    while (Date.now() < deadline) {
      mails = await db().outboxJob.findMany({ where: { businessId: alfa.businessId, kind: "ALERT_EMAIL" }, select: { subject: true, status: true } });
      if (mails.length > 0 && mails.every((mail) => mail.status === "SENT")) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const subjects = mails.map((mail) => mail.subject ?? "");
    const duplicates = subjects.filter((subject, index) => subjects.indexOf(subject) !== index);
    console.log(`[scale] alert mails for Alfa after the crossing: ${mails.length} (${mails.filter((mail) => mail.status === "SENT").length} sent by the workers), duplicates ${duplicates.length}`);
    if (!mails.length || mails.some((mail) => mail.status !== "SENT")) failures.push("the workers did not deliver the alert mails");
    if (duplicates.length) failures.push(`duplicate alert mails: ${duplicates.join(", ")}`);

    // 30 invoices of €700 at once, spread over both nodes, the two workers evaluating while
    // they arrive: one mail per alert level (80%, 95%, crossed; perhaps a projected crossing).
    // Worker 1 is killed (SIGKILL) while it holds a claimed row of the burst, if it is seen
    // holding one within 5 s: worker 2 must take that row over after the lease.
    const victim = workers[0]!;
    const killed = (async () => {
      const killDeadline = Date.now() + 5_000;
      let held = 0;
      while (Date.now() < killDeadline) {
        held = await db().outboxJob.count({ where: { status: "SENDING", lockedBy: { startsWith: `worker-${victim.pid}-` } } });
        if (held > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      victim.kill("SIGKILL");
      return held;
    })();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${bases[i % 2]}/api/v1/businesses/${gamma.businessId}/invoices`, {
          method: "POST",
          headers: { authorization: `Bearer ${gamma.token}`, "content-type": "application/json" },
          body: JSON.stringify({ number: `G-${String(i + 1).padStart(2, "0")}`, date: `${YEAR}-01-${String(i + 1).padStart(2, "0")}`, customer: { name: `Klant Gamma ${i}` }, category: "NL_STANDARD", netCents: 70_000 }),
        }).then((response) => response.status),
      ),
    );
    if (burst.some((status) => status !== 201)) failures.push(`burst answers: ${JSON.stringify(burst)}`);
    const heldAtKill = await killed;
    console.log(`[scale] worker 1 killed with SIGKILL ${heldAtKill > 0 ? `holding ${heldAtKill} claimed row(s)` : "(not seen holding a row)"}`);
    const burstDeadline = Date.now() + 60_000;
    let gammaMails: { subject: string | null; status: string }[] = [];
    const levels = [/80% van de KOR-grens/, /95% van de KOR-grens/, /KOR-grens overschreden/];
    while (Date.now() < burstDeadline) {
      gammaMails = await db().outboxJob.findMany({ where: { businessId: gamma.businessId, kind: "ALERT_EMAIL" }, select: { subject: true, status: true } });
      const pendingEvaluations = await db().outboxJob.count({ where: { businessId: gamma.businessId, kind: "EVALUATE", status: { not: "SENT" } } });
      const unfinished = await db().outboxJob.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
      if (unfinished === 0 && pendingEvaluations === 0 && levels.every((level) => gammaMails.some((mail) => level.test(mail.subject ?? ""))) && gammaMails.every((mail) => mail.status === "SENT")) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const perLevel = levels.map((level) => gammaMails.filter((mail) => level.test(mail.subject ?? "")).length);
    const gammaSubjects = gammaMails.map((mail) => mail.subject ?? "");
    const gammaDuplicates = gammaSubjects.filter((subject, index) => gammaSubjects.indexOf(subject) !== index);
    console.log(`[scale] 30 invoices at once through both nodes: mails per level 80%/95%/crossed ${perLevel.join("/")}, ${gammaMails.length} in all, duplicates ${gammaDuplicates.length}`);
    if (perLevel.some((count) => count !== 1)) failures.push(`burst: mails per level ${perLevel.join("/")}, expected 1/1/1`);
    if (gammaDuplicates.length) failures.push(`burst: duplicate mails ${gammaDuplicates.join(", ")}`);
    const left = await db().outboxJob.count({ where: { status: { not: "SENT" } } });
    console.log(`[scale] after the kill: outbox rows not SENT ${left}`);
    if (left) failures.push(`${left} outbox rows were not finished after worker 1 was killed`);
    await disconnectDb();
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    bouncer?.stop();
    await dropDatabase(database.name);
  }
}

main()
  .catch((error: unknown) => failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error)))
  .finally(() => {
    for (const failure of failures) console.error(`[scale] FAILED ${failure}`);
    console.log(failures.length ? "[scale] failed" : "[scale] passed");
    process.exit(failures.length ? 1 : 0);
  });
