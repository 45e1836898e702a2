// Shared steps of the end-to-end tests, written as a person would do them.
import pg from "pg";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "een-lang-wachtwoord";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/drempel_e2e";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.drempel.nl`;
}

/**
 * The path and query of the link in the newest mail of `kind` to `email` whose link goes
 * to `path`. The e2e server has no SMTP_URL, so the outbox row is the mail as it was sent.
 */
export async function mailedLink(email: string, path: string, kind = "ACCOUNT_EMAIL"): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pattern = new RegExp(`https?://\\S+(${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\?token=[A-Za-z0-9_-]{43})`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ textBody: string }>(
        `SELECT "textBody" FROM "OutboxJob" WHERE "kind" = $1 AND "toAddress" = $2 ORDER BY "createdAt" DESC`,
        [kind, email],
      );
      for (const row of rows) {
        const match = pattern.exec(row.textBody ?? "");
        if (match) return match[1]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no ${kind} mail with a ${path} link to ${email}`);
  } finally {
    await client.end();
  }
}

/** The text of every mail of `kind` to `email`, oldest first. */
export async function mailsTo(email: string, kind = "ACCOUNT_EMAIL"): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ textBody: string }>(`SELECT "textBody" FROM "OutboxJob" WHERE "kind" = $1 AND "toAddress" = $2 ORDER BY "createdAt"`, [kind, email]);
    return rows.map((row) => row.textBody);
  } finally {
    await client.end();
  }
}

/** Fills in and sends the registration form; the answer is always "check your mail". */
export async function submitRegistration(page: Page, name: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
}

/** Opens the verification link from the mail to `email`. */
export async function verifyEmail(page: Page, email: string): Promise<void> {
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Je e-mailadres is bevestigd" })).toBeVisible();
}

/** Registers, verifies the address through the mailed link (unless `verify: false`) and logs in. */
export async function register(page: Page, name: string, email: string, options: { verify?: boolean } = {}): Promise<void> {
  await submitRegistration(page, name, email);
  await expect(page.getByRole("heading", { name: "Controleer je e-mail" })).toBeVisible();
  if (options.verify !== false) await verifyEmail(page, email);
  await login(page, email);
}

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
}

export async function createBusiness(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Nieuw bedrijf" }).first().click();
  await page.getByLabel("Bedrijfsnaam").fill(name);
  await page.getByLabel("KVK-nummer").fill("12345678");
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/** A business that takes part in the KOR from `korFrom` (YYYY-MM-DD); returns its overview URL. */
export async function createKorBusiness(page: Page, name: string, korFrom: string): Promise<string> {
  await page.goto("/businesses/new");
  await page.getByLabel("Bedrijfsnaam").fill(name);
  await page.getByLabel("KVK-nummer").fill("12345678");
  await page.getByRole("button", { name: "Periode toevoegen" }).click();
  await page.getByLabel("Vanaf (Periode 1)").fill(korFrom);
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}
