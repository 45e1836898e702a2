// What a person does before the page has become interactive (its JavaScript held back
// here until after the change, as on a slow phone or a busy machine) must survive React
// taking over, and a form sent before then must not put a password in the address.
import { expect, test, type Page, type Route } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const PASSWORD = "Drempel-e2e-wachtwoord-2026";

/** Holds every script chunk of the app until `release()`; the page is server HTML until then. */
async function holdScripts(page: Page): Promise<{ held: () => number; release: () => Promise<void> }> {
  const held: Route[] = [];
  let holding = true;
  await page.route(/\/_next\/static\/chunks\/.*\.js/, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  return {
    held: () => held.length,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

test("a category chosen before the invoice form hydrated stays chosen", async ({ page }) => {
  await register(page, "Hanna Hydratatie", uniqueEmail("hydration"));
  const overview = await createKorBusiness(page, "Hanna Verhuur", "2026-01-01");

  const scripts = await holdScripts(page);
  await page.goto(`${overview}/invoices/new`, { waitUntil: "commit" });
  const category = page.getByLabel("Categorie", { exact: true });
  await category.selectOption("EXEMPT_REAL_ESTATE");
  await page.getByLabel("Naam klant").fill("Huurder BV");
  // The choice was made on the server's HTML: no script of the app had run yet.
  expect(scripts.held()).toBeGreaterThan(0);
  await expect(page.getByLabel(/bijkomende handeling/)).toHaveCount(0);

  await scripts.release();
  // Hydrated with the user's choice: the form shows what belongs to that category…
  await expect(page.getByLabel(/bijkomende handeling/)).toBeVisible();
  // …and keeps it through later renders (typing an amount re-renders the whole form).
  await page.getByLabel("Bedrag excl. btw").fill("500");
  await expect(category).toHaveValue("EXEMPT_REAL_ESTATE");
  await expect(page.getByLabel("Naam klant")).toHaveValue("Huurder BV");
});

test("a login sent before the page hydrated never puts the password in the address", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  const scripts = await holdScripts(page);
  await page.goto("/login", { waitUntil: "commit" });
  await page.getByLabel("E-mailadres").fill(uniqueEmail("early"));
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForLoadState("domcontentloaded");
  expect(scripts.held()).toBeGreaterThan(0);
  await scripts.release();
  expect(urls.length).toBeGreaterThan(1);
  expect(urls.filter((url) => url.includes(encodeURIComponent(PASSWORD)) || url.includes(PASSWORD))).toEqual([]);
  expect(page.url()).not.toContain("password");
});
