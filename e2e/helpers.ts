// Shared steps of the end-to-end tests, written as a person would do them.
import { expect, type Page } from "@playwright/test";
import { e2eMailUrl } from "../playwright.config";

export const PASSWORD = "een-lang-wachtwoord";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.drempel.nl`;
}

type ReceivedMail = { subject: string; text: string; receivedAt: number };

/** The mails the e2e server sent to `email` over SMTP (scripts/e2e-mail-catcher.ts), oldest first. */
async function receivedMails(email: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${e2eMailUrl}/mails?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return ((await response.json()) as ReceivedMail[]).sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Waits (up to 20 s: the app's queue worker sends) until `email` has received at least `count` mails. */
export async function mailsTo(email: string, count = 1): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = await receivedMails(email);
    if (mails.length >= count) return mails.map((mail) => mail.text);
    if (Date.now() > deadline) throw new Error(`${email} received ${mails.length} mails, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The path and query of the link to `path` in the newest mail `email` received that has one. */
export async function mailedLink(email: string, path: string): Promise<string> {
  const pattern = new RegExp(`https?://[^/\\s]+(${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\?token=[A-Za-z0-9_-]{43})`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = await receivedMails(email);
    for (const mail of mails.reverse()) {
      const match = pattern.exec(mail.text);
      if (match) return match[1]!;
    }
    if (Date.now() > deadline) throw new Error(`no mail with a ${path} link reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
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

/**
 * Logs in and waits for the landing page: an owner's businesses ("Je bedrijven"), or the
 * clients of an accountant without a business of his own ("Je klanten", /accountant).
 * `landing` insists on one of them.
 */
export async function login(page: Page, email: string, password = PASSWORD, landing?: "businesses" | "accountant"): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const heading = landing === "businesses" ? "Je bedrijven" : landing === "accountant" ? "Je klanten" : /^Je (bedrijven|klanten)$/;
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
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

/** The Origin header the app's API wants from a browser session (its CSRF check): the page's own. */
const originOf = (page: Page) => ({ origin: new URL(page.url()).origin });

/**
 * Saves an invoice over the API in the logged-in user's session: `netCents` to a customer
 * "Klant <number>" at NL_STANDARD without VAT, unless `extra` says otherwise.
 */
export async function postInvoice(
  page: Page,
  businessId: string,
  number: string,
  date: string,
  netCents: number,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: originOf(page),
    data: { number, date, customer: { name: `Klant ${number}` }, category: "NL_STANDARD", netCents, vatCents: 0, ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Creates a business over the API (which takes what the form does not, e.g. the EU-KOR's EX number); returns its id. */
export async function createBusinessOverApi(page: Page, data: Record<string, unknown>): Promise<string> {
  await page.goto("/businesses");
  const created = await page.request.post("/api/v1/businesses", { headers: originOf(page), data: { kvkNumber: "12345678", ...data } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { data: { id: string } }).data.id;
}
