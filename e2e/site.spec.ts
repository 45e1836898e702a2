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
