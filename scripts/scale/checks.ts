// The cross-node checks of a scale run, after the load: a change through node A on node B's
// next page; failed logins spread over both nodes hit the limit at the same count as on one;
// alert mails received over SMTP exactly once per level and recipient, for one crossing and
// for 30 invoices sent at once through both nodes while a worker is SIGKILLed holding mails.
import pg from "pg";
import { sessionCookie } from "@/bench/http-helpers";
import type { SmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { LOGIN_LIMIT, type Cluster } from "@/scripts/scale/cluster";
import { PASSWORD, YEAR, type Tenant } from "@/scripts/scale/seed";

export type Check = { name: string; ok: boolean; detail: string };
export type MailFigures = { crossing: number; burst: number; perLevelAndRecipient: string; duplicates: number };

export const LEVELS = [
  { label: "80%", subject: /80% van de KOR-grens/ },
  { label: "95%", subject: /95% van de KOR-grens/ },
  { label: "crossed", subject: /KOR-grens overschreden/ },
] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function query<T>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, pollMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(pollMs);
  }
  return check();
}

/** A change made through node A is on node B's next dashboard, which served the old page from its cache before. */
export async function pageCacheAcrossNodes(bases: string[], alfa: Tenant): Promise<Check> {
  const dashboardOnB = () => fetch(`${bases[1]}/businesses/${alfa.businessId}`, { headers: { cookie: alfa.cookies[1]! } });
  const before = await (await dashboardOnB()).text();
  const cachedBefore = (await dashboardOnB()).headers.get("x-drempel-page-cache");
  const created = await fetch(`${bases[0]}/api/v1/businesses/${alfa.businessId}/invoices`, {
    method: "POST",
    headers: { authorization: `Bearer ${alfa.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      number: "ALFA-OVER",
      date: `${YEAR}-02-01`,
      customer: { name: "Klant Alfa Over" },
      category: "NL_STANDARD",
      netCents: 1_500_000,
    }),
  });
  const after = await dashboardOnB();
  const afterText = await after.text();
  const ok = created.status === 201 && cachedBefore === "hit" && !before.includes("ALFA-OVER") && afterText.includes("ALFA-OVER");
  return {
    name: "a change through node A is on node B's next page",
    ok,
    detail: `node B before: page cache ${cachedBefore}; invoice through node A: ${created.status}; node B after: page cache ${after.headers.get("x-drempel-page-cache")}, the new invoice ${afterText.includes("ALFA-OVER") ? "shown" : "NOT shown"}`,
  };
}

type LoginOutcome = "ok" | "wrong" | "limited" | "other";

async function attemptLogin(base: string, email: string, password: string): Promise<LoginOutcome> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const where = `${response.headers.get("location") ?? ""} ${await response.text()}`;
  if (where.includes("RATE_LIMITED")) return "limited";
  if (where.includes("CredentialsSignin")) return "wrong";
  if (response.headers.getSetCookie().some((header) => header.startsWith("next-auth.session-token="))) return "ok";
  return "other";
}

/** The attempt (1-based) at which failed logins, sent to `nodes` in turn, are first refused for the limit. */
async function firstLimitedAttempt(
  bases: string[],
  nodes: number[],
  databaseUrl: string,
  label: string,
): Promise<{ at: number | null; outcomes: string }> {
  await query(databaseUrl, `DELETE FROM "RateLimit" WHERE "key" LIKE 'login:%'`);
  const outcomes: LoginOutcome[] = [];
  for (let attempt = 1; attempt <= LOGIN_LIMIT * 3; attempt++) {
    // A new address each time: only the per-IP limit counts (not an address's delay).
    const outcome = await attemptLogin(
      bases[nodes[(attempt - 1) % nodes.length]!]!,
      `onbekend-${label}-${attempt}@drempel.test`,
      "wrong-password-123",
    );
    outcomes.push(outcome);
    if (outcome === "limited") break;
    if (outcome !== "wrong") return { at: null, outcomes: outcomes.join(",") };
  }
  await query(databaseUrl, `DELETE FROM "RateLimit" WHERE "key" LIKE 'login:%'`);
  const at = outcomes.indexOf("limited");
  return { at: at < 0 ? null : at + 1, outcomes: `${outcomes.filter((o) => o === "wrong").length} wrong then ${outcomes.at(-1)}` };
}

/** Failed logins hit the per-IP limit at the same attempt on one node and spread over both. */
export async function rateLimitAcrossNodes(bases: string[], databaseUrl: string): Promise<Check> {
  const single = await firstLimitedAttempt(bases, [0], databaseUrl, "a");
  const spread = await firstLimitedAttempt(bases, [0, 1], databaseUrl, "ab");
  const ok = single.at === LOGIN_LIMIT + 1 && spread.at === LOGIN_LIMIT + 1;
  return {
    name: "failed logins spread over both nodes hit the limit at the same count as on one node",
    ok,
    detail: `limit ${LOGIN_LIMIT} failures per IP: on node A alone refused at attempt ${single.at ?? "never"} (${single.outcomes}); alternating A/B refused at attempt ${spread.at ?? "never"} (${spread.outcomes})`,
  };
}

type OutboxRow = { id: string; status: string; kind: string; lockedBy: string | null };

function mailCounts(capture: SmtpCapture, recipients: string[]): { perLevel: number[][]; duplicates: number; total: number } {
  const perLevel = recipients.map((to) =>
    LEVELS.map((level) => capture.mailsTo(to).filter((mail) => level.subject.test(mail.subject ?? "")).length),
  );
  let duplicates = 0;
  let total = 0;
  for (const to of recipients) {
    const subjects = capture.mailsTo(to).map((mail) => mail.subject ?? "");
    total += subjects.length;
    duplicates += subjects.length - new Set(subjects).size;
  }
  return { perLevel, duplicates, total };
}

const unfinished = async (databaseUrl: string) =>
  Number((await query<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "OutboxJob" WHERE "status" IN ('PENDING', 'SENDING')`))[0]!.n);

/** Alfa's crossing (made by pageCacheAcrossNodes) mailed to Alfa over SMTP: each subject once. */
export async function crossingMails(capture: SmtpCapture, alfa: Tenant, databaseUrl: string): Promise<{ check: Check; mails: number }> {
  const crossed = LEVELS[2].subject;
  await waitUntil(
    async () => capture.mailsTo(alfa.email).some((mail) => crossed.test(mail.subject ?? "")) && (await unfinished(databaseUrl)) === 0,
    30_000,
    200,
  );
  const counts = mailCounts(capture, [alfa.email]);
  const ok = counts.perLevel[0]![2] === 1 && counts.duplicates === 0 && counts.perLevel[0]!.every((n) => n <= 1);
  return {
    check: {
      name: "the crossing through node A: its alert mails received once each",
      ok,
      detail: `${counts.total} mails to ${alfa.email}, 80%/95%/crossed ${counts.perLevel[0]!.join("/")}, duplicates ${counts.duplicates}`,
    },
    mails: counts.total,
  };
}

/**
 * 30 invoices of €700 sent at once, alternating the nodes: one mail per alert level and
 * recipient. The SMTP server holds every sender at MAIL FROM (no message has left) until a
 * worker has been seen holding claimed mail rows; that worker is SIGKILLed, the server lets
 * the rest go, and the other worker must send the dead one's rows after their lease.
 */
export async function burstWithKill(options: {
  cluster: Cluster;
  capture: SmtpCapture;
  gamma: Tenant;
  databaseUrl: string;
}): Promise<{ checks: Check[]; mails: number; perLevel: string; duplicates: number }> {
  const { cluster, capture, gamma, databaseUrl } = options;
  const checks: Check[] = [];
  capture.hold = true;
  let victimRows: OutboxRow[] = [];
  let victimName = "none";
  let heldAtKill = 0;
  let receivedAtKill = 0;
  // Watched while the invoices arrive (one connection, polled): the hold must be short
  // against the workers' lease, or a live worker's claim would expire while it waits.
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  try {
    const watch = waitUntil(
      async () => {
        const { rows } = await watcher.query<OutboxRow>(
          `SELECT "id", "status", "kind"::text AS "kind", "lockedBy" FROM "OutboxJob" WHERE "status" = 'SENDING' AND "kind" = 'ALERT_EMAIL' AND "businessId" = $1`,
          [gamma.businessId],
        );
        for (const worker of cluster.workers) {
          const mine = rows.filter((row) => row.lockedBy?.startsWith(`worker-${worker.child.pid}-`));
          if (mine.length && capture.held > 0) {
            victimRows = mine;
            victimName = worker.name;
            heldAtKill = capture.held;
            receivedAtKill = capture.mails.filter((mail) => mail.recipients.some((to) => gamma.recipients.includes(to))).length;
            worker.child.kill("SIGKILL");
            return true;
          }
        }
        return false;
      },
      60_000,
      10,
    ).then(async () => {
      // Only once the victim is gone may the held senders go on: a sender let go earlier
      // could have its message accepted and die before marking it.
      const victim = cluster.workers.find((worker) => worker.name === victimName);
      if (victim)
        await new Promise((resolve) =>
          victim.child.exitCode !== null || victim.child.signalCode !== null ? resolve(null) : victim.child.once("exit", resolve),
        );
      capture.release();
    });
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${cluster.bases[i % 2]}/api/v1/businesses/${gamma.businessId}/invoices`, {
          method: "POST",
          headers: { authorization: `Bearer ${gamma.token}`, "content-type": "application/json" },
          body: JSON.stringify({
            number: `G-${String(i + 1).padStart(2, "0")}`,
            date: `${YEAR}-01-${String(i + 1).padStart(2, "0")}`,
            customer: { name: `Klant Gamma ${i}` },
            category: "NL_STANDARD",
            netCents: 70_000,
          }),
        }).then(async (response) => ({
          status: response.status,
          body: response.status === 201 ? "" : (await response.text()).slice(0, 300),
        })),
      ),
    );
    const refused = burst.filter((answer) => answer.status !== 201);
    const statuses = burst.map((answer) => answer.status);
    checks.push({
      name: "30 invoices at once through both nodes",
      ok: refused.length === 0,
      detail: `answers ${[...new Set(statuses)].map((s) => `${s}×${statuses.filter((b) => b === s).length}`).join(", ")}${
        refused.length
          ? `; first refusal: ${refused[0]!.body}; web node logs: ${cluster.web
              .map((node) =>
                node
                  .output()
                  .split("\n")
                  .filter((line) => /error|Error/.test(line))
                  .slice(-3)
                  .join(" / "),
              )
              .join(" || ")}`
          : ""
      }`,
    });
    await watch;
    const victim = cluster.workers.find((worker) => worker.name === victimName);
    checks.push({
      name: "a worker is SIGKILLed while it holds claimed alert mails",
      ok: victimRows.length > 0,
      detail: victim
        ? `${victimName} killed holding ${victimRows.length} mail row(s), ${heldAtKill} sender(s) waiting at MAIL FROM, ${receivedAtKill} of Gamma's mails received before`
        : "no worker was seen holding alert mails within 60 s",
    });
  } finally {
    capture.release();
    await watcher.end();
  }
  const levelsDone = () => mailCounts(capture, gamma.recipients).perLevel.every((levels) => levels.every((n) => n >= 1));
  await waitUntil(async () => levelsDone() && (await unfinished(databaseUrl)) === 0, 60_000, 200);
  await sleep(500); // a late duplicate would arrive now
  const counts = mailCounts(capture, gamma.recipients);
  const perLevel = counts.perLevel.map((levels) => levels.join("/")).join(", ");
  checks.push({
    name: "one mail per alert level and recipient, received over SMTP",
    ok: counts.perLevel.every((levels) => levels.every((n) => n === 1)) && counts.duplicates === 0,
    detail: `80%/95%/crossed for ${gamma.recipients.join(", ")}: ${perLevel}; ${counts.total} mails, duplicates ${counts.duplicates}; subjects to ${gamma.recipients[0]}: ${capture
      .mailsTo(gamma.recipients[0]!)
      .map((mail) => mail.subject)
      .join(" | ")}`,
  });
  const left = await query<OutboxRow>(
    databaseUrl,
    `SELECT "id", "status", "kind"::text AS "kind", "lockedBy" FROM "OutboxJob" WHERE "status" <> 'SENT'`,
  );
  const taken = victimRows.length
    ? await query<OutboxRow>(
        databaseUrl,
        `SELECT "id", "status", "kind"::text AS "kind", "lockedBy" FROM "OutboxJob" WHERE "id" = ANY($1::uuid[])`,
        [victimRows.map((row) => row.id)],
      )
    : [];
  const takenOver = taken.filter(
    (row) => row.status === "SENT" && !row.lockedBy?.startsWith(`${victimRows[0]!.lockedBy!.split("-").slice(0, 2).join("-")}-`),
  );
  checks.push({
    name: "nothing lost after the SIGKILL",
    ok: left.length === 0 && victimRows.length > 0 && takenOver.length === victimRows.length,
    detail: `outbox rows not sent ${left.length}; the dead worker's ${victimRows.length} row(s) sent by the other worker: ${takenOver.length}`,
  });
  return { checks, mails: counts.total, perLevel, duplicates: counts.duplicates };
}

/** Signs each tenant in on each node (the dashboard needs a session per node's cookie). */
export async function signIn(bases: string[], tenants: Tenant[]): Promise<void> {
  for (const tenant of tenants) tenant.cookies = await Promise.all(bases.map((base) => sessionCookie(base, tenant.email, PASSWORD)));
}
