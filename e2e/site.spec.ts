// Small things a browser asks for on every site.
import { expect, test } from "@playwright/test";

test("/favicon.ico is an icon, not a 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/");
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("a missing invoice answers 404, not a 200 streamed after the loading skeleton", async ({ page }) => {
  const { createKorBusiness, register, uniqueEmail } = await import("./helpers");
  await register(page, "Nina Nergens", uniqueEmail("missing"));
  const overview = await createKorBusiness(page, "Nina Nergens", "2026-01-01");
  const response = await page.goto(`${overview}/invoices/00000000-0000-4000-8000-000000000000`);
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  // The list itself still loads behind its skeleton.
  const list = await page.goto(`${overview}/invoices`);
  expect(list!.status()).toBe(200);
});

// Issue #16: an error thrown inside an app page must render exactly one main landmark, and
// inside the app's frame: before app/(app)/error.tsx the root error page (with its own
// <main>) replaced the whole app layout, header and navigation included. A real error: the
// app's database role loses the right to read one table that only these pages read (the
// deadlines marked done), then gets it back.
test("an error inside an app page renders exactly one main landmark, streamed or not", async ({ page }) => {
  const pg = (await import("pg")).default;
  const { e2eDatabaseUrl } = await import("../playwright.config");
  const { createKorBusiness, register, uniqueEmail } = await import("./helpers");
  await register(page, "Eva Fout", uniqueEmail("error-main"));
  const overview = await createKorBusiness(page, "Eva Fout", "2026-01-01");
  const db = new pg.Client({ connectionString: e2eDatabaseUrl });
  await db.connect();
  try {
    await db.query(`REVOKE SELECT ON "DeadlineDone" FROM drempel_app`);
    // A change of the books, so the dashboard's figures are computed afresh (not from its cache).
    const businessId = new URL(overview).pathname.split("/")[2]!;
    const created = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
      headers: { origin: new URL(overview).origin },
      data: { number: "F-1", date: "2026-03-02", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 10_000, vatCents: 0 },
    });
    expect(created.status(), await created.text()).toBe(201);
    // A page without a loading boundary, and the dashboard whose figures stream in after its skeleton.
    for (const path of [`${overview}/invoices/eu-kor`, overview]) {
      const response = await page.goto(path);
      await expect(page.getByRole("heading", { name: "Er ging iets mis" })).toBeVisible();
      await expect(page.locator("main")).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveCount(1);
      expect((await response!.text()).match(/<main\b/g)?.length ?? 0, path).toBeLessThanOrEqual(1);
      // The app's header stays: the error replaces the page, not the frame.
      await expect(page.getByRole("banner").getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
    }
    // And arriving by a link inside the app, without a page load.
    await page.goto(`${overview}/invoices`);
    await page.getByRole("link", { name: "Overzicht", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Er ging iets mis" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.getByRole("banner")).toBeVisible();
  } finally {
    await db.query(`GRANT SELECT ON "DeadlineDone" TO drempel_app`);
    await db.end();
  }
  await page.goto(overview);
  await expect(page.getByRole("heading", { name: "Er ging iets mis" })).toHaveCount(0);
});
