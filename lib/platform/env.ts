// The one place that reads process.env: every setting is validated here with zod.
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/platform/http/client-address";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Unset: the embedded PGlite database in DREMPEL_DATA_DIR, with demo data.
    DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
    // The app's own connection (web app, worker, scripts that call lib/): the role
    // drempel_app, under row-level security (prisma/migrations/*_row_level_security).
    // Unset: DATABASE_URL's server and database as drempel_app without a password (trust
    // authentication, as on a developer's machine and in the tests); production sets it
    // with the role's password. Migrations, backups and restores use DATABASE_URL, the
    // tables' owner. Setting it to DATABASE_URL runs the app as the owner, unrestricted.
    APP_DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
    // System mode (every tenant's rows: the queue worker, the scheduler, seeding, scripts)
    // is the role drempel_worker's alone: the policies check the role, so drempel_app
    // cannot switch itself into it. Unset: APP_DATABASE_URL's (else DATABASE_URL's) server
    // and database as drempel_worker without a password; production sets it with that
    // role's password. Only processes that run system work open it (the worker, the web
    // process with ALERT_WORKER=inline, seeding and scripts).
    WORKER_DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
    // "transaction": the app is behind a transaction-mode pooler that does not carry named
    // prepared statements across server connections (PgBouncer before 1.21): the hot
    // statements are sent unnamed. "direct" (default): a direct connection, or a pooler
    // in session mode, or one with protocol-level prepared statements (PgBouncer >= 1.21
    // with max_prepared_statements > 0).
    DATABASE_POOLER: z.enum(["direct", "transaction"]).default("direct"),
    // A read replica (a hot standby of DATABASE_URL's database), connected as drempel_app:
    // the reads lib/platform/db/replica.ts allows go there. Unset: every read goes to the primary.
    DATABASE_REPLICA_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
    DREMPEL_DATA_DIR: z.string().min(1).default(".data"),
    NEXTAUTH_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "must be at least 16 characters").optional()),
    NEXTAUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Proxies in front of the app whose X-Forwarded-For / -Host / -Proto are believed: IP
    // addresses and CIDR ranges, separated by commas or spaces ("127.0.0.1, 10.0.0.0/8").
    // Unset: forwarded headers are ignored and the socket's peer is the client.
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    // Login limits (lib/platform/auth/authenticate.ts), counting failed attempts only: per client IP,
    // LOGIN_RATE_LIMIT failures per window; per address, after LOGIN_DELAY_AFTER_FAILURES
    // failures a wait of 1, 2, 4 … s (at most LOGIN_DELAY_MAX_SECONDS) before the next
    // attempt. An address's failures are forgotten after a window without one.
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    LOGIN_RATE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    LOGIN_DELAY_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // Registrations per IP per window.
    REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    REGISTER_RATE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(60 * 60),
    // Password reset requests per window: per e-mail address and per IP.
    PASSWORD_RESET_EMAIL_LIMIT: z.coerce.number().int().min(1).default(3),
    PASSWORD_RESET_IP_LIMIT: z.coerce.number().int().min(1).default(20),
    PASSWORD_RESET_RATE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(60 * 60),
    // How long a password reset link works.
    PASSWORD_RESET_TOKEN_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    // The API: requests per window per API token (or per user for session calls).
    API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    // "database": one counter shared by every app process (an upsert per request, its
    // commit not waiting for the WAL flush). "memory": per process, no I/O; behind N
    // processes a caller may make N times the limit.
    API_RATE_LIMIT_STORE: z.enum(["database", "memory"]).default("database"),
    // Alerts (issue #6). Unset SMTP_URL: mails are kept in the outbox and shown in the app.
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    MAIL_FROM: z.string().min(3).default("Drempel <meldingen@drempel.local>"),
    // Base of links in mails; falls back to NEXTAUTH_URL, then http://localhost:PORT.
    APP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    // Signs unsubscribe links; falls back to NEXTAUTH_SECRET.
    ALERT_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "must be at least 16 characters").optional()),
    // "inline": the web process runs the queue worker (default; the only choice for the
    // embedded database). "off": run `npm run worker` separately.
    ALERT_WORKER: z.enum(["inline", "off"]).default("inline"),
    ALERT_WORKER_POLL_MS: z.coerce.number().int().min(50).default(1000),
    // An outbox row a worker claimed (or began: the claim is renewed as each job starts) and
    // did not finish within this time (the worker died: SIGKILL, a lost machine) is claimed
    // again by another worker. Longer than the slowest evaluation or SMTP conversation.
    ALERT_WORKER_LEASE_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(10 * 60_000),
    // The schedules on pg-boss (lib/platform/jobs/scheduler.ts): a running schedule job whose node sent
    // no heartbeat for SCHEDULER_HEARTBEAT_SECONDS (the node died) is failed by any node's
    // supervisor, which looks every SCHEDULER_SUPERVISE_SECONDS, and retried after
    // SCHEDULER_RETRY_DELAY_SECONDS (doubling for each further try); workers look for due
    // schedule jobs every SCHEDULER_POLL_SECONDS.
    SCHEDULER_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3_600).default(60),
    SCHEDULER_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    SCHEDULER_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    SCHEDULER_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(10),
    // Hour (Europe/Amsterdam) from which the daily evaluation and digests are enqueued.
    ALERT_DAILY_HOUR: z.coerce.number().int().min(0).max(23).default(6),
    // Graceful shutdown (server.ts, npm run worker): on SIGTERM a web node stops accepting,
    // answers /api/ready with 503 and waits this long for its requests in flight; a worker
    // waits this long for a running schedule job before releasing it. Then it exits.
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(10 * 60_000)
      .default(25_000),
    // A login ends after this many minutes without a request (lib/platform/auth/sessions/); it
    // ends 30 days after the login in any case.
    // The origin passkeys are bound to (its host name is WebAuthn's relying party id; an IP
    // address cannot be one). Unset: APP_URL, else NEXTAUTH_URL, else http://localhost:PORT.
    PASSKEY_ORIGIN: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60)
      .default(8 * 60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production with DATABASE_URL" });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  /** True when no DATABASE_URL is set: embedded database, demo accounts shown. */
  embedded: boolean;
  /** Where the app's own queries go (APP_DATABASE_URL, else DATABASE_URL as drempel_app); undefined when embedded. */
  appDatabaseUrl: string | undefined;
  /** Where system work goes (WORKER_DATABASE_URL, else the app's server and database as drempel_worker); undefined when embedded. */
  workerDatabaseUrl: string | undefined;
  dataDir: string;
  /** TRUSTED_PROXIES, parsed. */
  trustedProxies: TrustedProxies;
};

export const APP_ROLE = "drempel_app";
/** The role whose sessions are in system mode (prisma/migrations/*_worker_role). */
export const WORKER_ROLE = "drempel_worker";

function asRole(databaseUrl: string, role: string): string {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = "";
  return url.toString();
}

/** DATABASE_URL as the app's role: same server and database, user drempel_app, no password. */
export function asAppRole(databaseUrl: string): string {
  return asRole(databaseUrl, APP_ROLE);
}

/** A database URL as the worker's role: same server and database, user drempel_worker, no password. */
export function asWorkerRole(databaseUrl: string): string {
  return asRole(databaseUrl, WORKER_ROLE);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return {
    ...result.data,
    embedded: !result.data.DATABASE_URL,
    appDatabaseUrl: result.data.DATABASE_URL ? (result.data.APP_DATABASE_URL ?? asAppRole(result.data.DATABASE_URL)) : undefined,
    workerDatabaseUrl: result.data.DATABASE_URL
      ? (result.data.WORKER_DATABASE_URL ?? asWorkerRole(result.data.APP_DATABASE_URL ?? result.data.DATABASE_URL))
      : undefined,
    dataDir: path.resolve(result.data.DREMPEL_DATA_DIR),
    trustedProxies: parseTrustedProxies(result.data.TRUSTED_PROXIES),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
