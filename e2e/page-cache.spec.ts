// The dashboard page cache (server.ts, lib/platform/page-cache) in the real server and browser: a
// repeat load comes from the cache with a fresh nonce and still hydrates under the CSP;
// a change to the books, the business or the language renders anew; another user never
// gets the owner's page.
import { expect, test, type Page, type Response } from "@playwright/test";
import { createKorBusiness, login, register, uniqueEmail } from "./helpers";

/** Loads until the page comes from the cache: the worker may still deliver an alert (the bell's count) after a change. */
async function loadUntilCached(page: Page, url: string): Promise<void> {
  await expect.poll(async () => (await load(page, url)).cached, { timeout: 30_000 }).toBe("hit");
}

const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()).slice(0, 4);

async function load(page: Page, url: string): Promise<{ cached: string | null; nonce: string | undefined }> {
  const response = (await page.goto(url)) as Response;
  expect(response.status()).toBe(200);
  const headers = await response.allHeaders();
  return { cached: headers["x-drempel-page-cache"] ?? null, nonce: /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] };
}

test("a repeat dashboard load comes from the page cache, hydrates, and every change shows at once", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const email = uniqueEmail("cache");
  await register(page, "Cas Cache", email);
  const overview = await createKorBusiness(page, "Cas Cacheadvies", `${year}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;

  const first = await load(page, overview);
  const second = await load(page, overview);
  expect(first.cached).toBe("miss");
  expect(second.cached).toBe("hit");
  expect(second.nonce).toBeTruthy();
  expect(second.nonce).not.toBe(first.nonce);
  await expect(page.getByTestId("kor-status")).toHaveText(/Veilig/);
  // Hydrated: a client component of the cached page answers input.
  const share = page.getByLabel("Deel van je omzet aan zakelijke klanten (%)");
  await share.fill("150");
  await expect(page.getByText("Vul een percentage van 0 tot 100 in.")).toBeVisible();
  await expect(share).toHaveAttribute("aria-invalid", "true");

  // A new invoice: the next load renders and shows it.
  const origin = new URL(overview).origin;
  const posted = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin },
    data: {
      number: `${year}-001`,
      date: `${year}-01-05`,
      customer: { name: "Atelier Noord" },
      category: "NL_STANDARD",
      netCents: 2_100_000,
      vatCents: 0,
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  expect((await load(page, overview)).cached).toBe("miss");
  await expect(page.getByTestId("kor-status")).toHaveText(/Grens overschreden/);
  await loadUntilCached(page, overview);
  await expect(page.getByTestId("kor-status")).toHaveText(/Grens overschreden/);

  // The business renamed in its settings: the heading follows.
  await page.goto(`${overview}/settings`);
  await page.getByLabel("Bedrijfsnaam").fill("Cas Cache & Co");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen." })).toBeVisible();
  expect((await load(page, overview)).cached).toBe("miss");
  await expect(page.getByRole("heading", { level: 1, name: "Cas Cache & Co" })).toBeVisible();
  await loadUntilCached(page, overview);
  await expect(page.getByRole("heading", { level: 1, name: "Cas Cache & Co" })).toBeVisible();

  // Another language: its own page.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("kor-status")).toHaveText(/Limit crossed/);
  expect((await load(page, overview)).cached).toBe("miss");
  await expect(page.getByTestId("kor-status")).toHaveText(/Limit crossed/);
  await loadUntilCached(page, overview);
  await expect(page.getByTestId("kor-status")).toHaveText(/Limit crossed/);

  // Another user asking for the same address gets the not-found page, never the owner's.
  const context = await browser.newContext({ baseURL: origin, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const outsider = await context.newPage();
  await register(outsider, "Olga Outsider", uniqueEmail("cache-outsider"));
  const refused = (await outsider.goto(overview)) as Response;
  expect(refused.status()).toBe(404);
  expect((await refused.allHeaders())["x-drempel-page-cache"]).toBeUndefined();
  await expect(outsider.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  await expect(outsider.getByText("Cas Cache & Co")).toHaveCount(0);
  await context.close();

  // Signed out, the cached page is not served either: the login page.
  await page.context().clearCookies();
  await page.goto(overview);
  await expect(page).toHaveURL(/\/login/);
  await login(page, email);
  expect(cspErrors).toEqual([]);
});
