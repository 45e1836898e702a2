// End-to-end tests in Debian's Chromium (or CHROMIUM_PATH) against the built app:
// - "postgres": server.ts (Next.js behind the dashboard page cache) on a fresh PostgreSQL
//   database (E2E_DATABASE_URL), migrated as its owner and served as the role drempel_app
//   derived from it, as `npm start` does;
// - "embedded": `npm start`'s own path on an empty PGlite folder, with the demo data.
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two runs share a machine (each with its own NEXT_DIST_DIR build).
const PG_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMBEDDED_PORT = PG_PORT + 1;
// The postgres project's mail server (scripts/e2e-mail-catcher.ts): the app sends its mails
// there over SMTP and the specs read them from its HTTP side (e2e/helpers.ts mailsTo).
const MAIL_SMTP_PORT = PG_PORT + 2;
const MAIL_HTTP_PORT = PG_PORT + 3;
/** Where the specs read the mails the e2e server sent. */
export const e2eMailUrl = `http://127.0.0.1:${MAIL_HTTP_PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/drempel_e2e";
/** The postgres project's database, for specs that seed it directly (e2e/tenant-isolation.spec.ts). */
export const e2eDatabaseUrl = databaseUrl;
const embeddedDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `drempel-e2e-${process.pid}`);
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
// Many logins and registrations from 127.0.0.1 in a few minutes: the limits themselves are
// tested in integration.
const serverEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef",
  LOGIN_RATE_LIMIT: "500",
  REGISTER_RATE_LIMIT: "500",
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: { trace: "retain-on-failure", locale: "nl-NL", timezoneId: "Europe/Amsterdam" },
  projects: [
    {
      name: "postgres",
      testIgnore: /embedded\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PG_PORT}`, launchOptions: chromium },
    },
    {
      name: "embedded",
      testMatch: /embedded\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${EMBEDDED_PORT}`, launchOptions: chromium },
    },
  ],
  webServer: [
    {
      command: "node node_modules/.bin/tsx scripts/db-migrate.ts && node --import tsx server.ts",
      url: `http://127.0.0.1:${PG_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // Passkeys need a domain name, not an IP address: e2e/sessions.spec.ts uses them on localhost.
      env: {
        ...serverEnv,
        DATABASE_URL: databaseUrl,
        APP_DATABASE_URL: "",
        WORKER_DATABASE_URL: "",
        PORT: String(PG_PORT),
        HOSTNAME_BIND: "127.0.0.1",
        NEXTAUTH_URL: `http://127.0.0.1:${PG_PORT}`,
        PASSKEY_ORIGIN: `http://localhost:${PG_PORT}`,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
      },
    },
    {
      command: "node --import tsx scripts/e2e-mail-catcher.ts",
      url: `${e2eMailUrl}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { MAIL_CATCHER_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_CATCHER_HTTP_PORT: String(MAIL_HTTP_PORT) },
    },
    {
      command: "node scripts/start.mjs --no-build",
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        ...serverEnv,
        DATABASE_URL: "",
        DREMPEL_DATA_DIR: embeddedDir,
        PORT: String(EMBEDDED_PORT),
        HOSTNAME_BIND: "127.0.0.1",
        NEXTAUTH_URL: `http://127.0.0.1:${EMBEDDED_PORT}`,
      },
    },
  ],
});
