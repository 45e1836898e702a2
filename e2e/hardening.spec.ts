// Issue #15/#17 findings, end to end against server.ts: a malicious callbackUrl after a
// valid login stays on the app; unknown methods are 405 and an oversize server-action body
// 413, not 500; a read-only accountant's delete form is a 403 page; the import wizard
// works when the app is opened by another host name than NEXTAUTH_URL's.
import pg from "pg";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../playwright.config";
import { PASSWORD, createBusiness, register, uniqueEmail } from "./helpers";

test("a valid login with a malicious callbackUrl lands on the app, never on evil.example", async ({ page, baseURL }) => {
  const email = uniqueEmail("redirect");
  await register(page, "Rita Redirect", email);
  for (const callbackUrl of [
    "%2F%5Cevil.example%2Fphish",
    "%2F%09%2Fevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
  ]) {
    await page.context().clearCookies();
    const external: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname.endsWith("evil.example")) external.push(request.url());
    });
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname, callbackUrl).toBe("/businesses");
    expect(external, callbackUrl).toEqual([]);
  }
  // A same-origin callback is kept.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/settings/account")}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
});

test("TRACE and other unknown methods answer 405, never 500", async ({ request }) => {
  for (const path of ["/", "/login", "/api/v1/businesses", "/api/health", "/api/auth/session"]) {
    // (A method Node.js's parser does not know at all, e.g. FOO, is its own 400.)
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "LOCK"]) {
      const response = await request.fetch(path, { method });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow, `${method} ${path}`).toContain("GET");
    }
  }
});

test("a server-action body over the limit answers 413 with a message; one over 10 MB within it is no 500", async ({ request }) => {
  const tooLarge = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: Buffer.alloc(26 * 1024 * 1024, 97),
  });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.text()).toContain("at most 25 MB");
  const large = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: Buffer.alloc(12 * 1024 * 1024, 97),
  });
  expect(large.status()).toBeLessThan(500);
});

test("a read-only accountant's delete and restore forms answer the 403 page, and change nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const ownerPage = await (await browser.newContext()).newPage();
  await register(ownerPage, "Olga Eigenaar", uniqueEmail("ro-owner"));
  const businessId = new URL(await createBusiness(ownerPage, `Alleen Lezen ${Date.now()}`)).pathname.split("/")[2]!;
  const created = await ownerPage.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin },
    data: { number: "RO-1", date: "2026-03-02", customer: { name: "Klant BV" }, category: "NL_STANDARD", netCents: 10_000 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const invoiceId = ((await created.json()) as { data: { id: string } }).data.id;

  const accountantEmail = uniqueEmail("ro-accountant");
  const accountantPage = await (await browser.newContext()).newPage();
  await register(accountantPage, "Rob Leesrecht", accountantEmail);
  // Read-only access straight in the database: this test is about the form action, not how access is granted.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Membership" ("id", "businessId", "userId", "role", "access") SELECT gen_random_uuid(), $1::uuid, "id", 'ACCOUNTANT', 'READ_ONLY' FROM "User" WHERE "email" = $2`,
      [businessId, accountantEmail],
    );
  } finally {
    await client.end();
  }

  // The owner's list holds the delete form (and, for a deleted invoice, the restore form);
  // their hidden fields are what a browser without JavaScript posts.
  const listPath = `/businesses/${businessId}/invoices`;
  const formFields = async (path: string, button: RegExp) => {
    await ownerPage.goto(path);
    const form = ownerPage.locator("form").filter({ has: ownerPage.getByRole("button", { name: button }) });
    // The list streams in after the load event: wait for the form before reading its fields.
    await expect(form).toHaveCount(1);
    const fields = await form
      .locator("input[type=hidden]")
      .evaluateAll((inputs) =>
        inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]),
      );
    expect(
      fields.some(([name]) => name.startsWith("$ACTION_ID_")),
      `${path}: a form action`,
    ).toBe(true);
    return Object.fromEntries(fields);
  };
  const deletedAt = async () => {
    const db = new pg.Client({ connectionString: e2eDatabaseUrl });
    await db.connect();
    try {
      return (await db.query<{ deletedAt: Date | null }>(`SELECT "deletedAt" FROM "Invoice" WHERE "id" = $1`, [invoiceId])).rows[0]!
        .deletedAt;
    } finally {
      await db.end();
    }
  };

  // Posted as a browser without JavaScript does: Next.js answers an MPA action's 403 with its
  // not-found page (the fetch path's 403 is unit-tested in lib/platform/action-result.test.ts).
  const refuse = async (path: string, fields: Record<string, string>) => {
    const form = await accountantPage.request.post(path, { headers: { origin }, multipart: fields });
    expect([403, 404], `form post: ${form.status()}`).toContain(form.status());
    const html = await form.text();
    expect(html).toMatch(/Niet gevonden|Geen toegang/);
    // One main landmark: the refusal inside the app's layout does not nest a second <main> (issue #16).
    expect(html.match(/<main\b/g)).toHaveLength(1);
  };

  await refuse(listPath, await formFields(listPath, /Factuur RO-1 verwijderen/));
  expect(await deletedAt()).toBeNull();

  expect(
    (await ownerPage.request.delete(`/api/v1/businesses/${businessId}/invoices/${invoiceId}`, { headers: { origin } })).status(),
  ).toBeLessThan(300);
  const deletedList = `${listPath}?deleted=only`;
  await refuse(deletedList, await formFields(deletedList, /Factuur RO-1 herstellen/));
  expect(await deletedAt()).not.toBeNull();

  // The accountant still reads the list.
  expect((await accountantPage.goto(deletedList))!.status()).toBe(200);
  await expect(accountantPage.getByRole("rowheader", { name: "RO-1" })).toBeVisible();
});

test("the import wizard uploads when the app is opened at another host name than NEXTAUTH_URL's", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const other = new URL(baseURL!);
  other.hostname = other.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  const context = await browser.newContext({ baseURL: other.origin, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await register(page, "Henk Hostnaam", uniqueEmail("host"));
  const businessId = new URL(await createBusiness(page, `Hostnaam ${Date.now()}`)).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import`);
  // Over the server actions' body limit: said in the page's language before anything is sent.
  await page
    .getByLabel("CSV-bestand")
    .setInputFiles({ name: "groot.csv", mimeType: "text/csv", buffer: Buffer.alloc(26 * 1024 * 1024, 97) });
  await expect(page.getByText("Dit bestand is groter dan 25 MB. Splits het in kleinere bestanden, bijvoorbeeld per jaar.")).toBeVisible();
  await page.getByLabel("CSV-bestand").setInputFiles({
    name: "facturen.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("number,date,customer,net\nH-1,2026-01-15,Klant BV,100.00\nH-2,2026-01-16,Klant BV,200.00\n"),
  });
  await page.getByRole("button", { name: "2 facturen importeren" }).click();
  await expect(page.getByText("Klaar: 2 facturen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();
  await context.close();
});
