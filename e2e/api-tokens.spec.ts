// Personal API tokens as a person makes them (issue #15): one that works through a chosen
// day and reaches one of two businesses; the list says so; the API answers for that
// business only, and 401 once the token is revoked.
import { expect, test } from "@playwright/test";
import { createBusiness, register, uniqueEmail } from "./helpers";

test("a token limited to one business and a last day, created and revoked in the settings", async ({ page, request }) => {
  const stamp = Date.now();
  await register(page, "Token Eigenaar", uniqueEmail("tokens"));
  const first = await createBusiness(page, `Tokenzaak ${stamp}`);
  await page.goto("/businesses");
  const second = await createBusiness(page, `Andere zaak ${stamp}`);
  const firstId = new URL(first).pathname.split("/")[2]!;
  const secondId = new URL(second).pathname.split("/")[2]!;

  const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/settings/tokens");
  await page.getByLabel("Naam").fill("Koppeling één zaak");
  await page.getByLabel("Laatste geldige dag (optioneel)").fill(lastDay);
  await page.getByRole("group", { name: "Bedrijven (optioneel)" }).getByLabel(`Tokenzaak ${stamp}`).check();
  await page.getByRole("button", { name: "Token aanmaken" }).click();
  const secret = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(secret).toMatch(/^drp_/);

  const row = page.getByRole("row", { name: /Koppeling één zaak/ });
  await expect(row).toContainText(`Tokenzaak ${stamp}`);
  await expect(row).not.toContainText(`Andere zaak ${stamp}`);
  await expect(row.locator(`time[datetime]`).last()).toBeVisible();

  const headers = { authorization: `Bearer ${secret}` };
  const list = await request.get("/api/v1/businesses", { headers });
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { data: { id: string }[] }).data.map((business) => business.id)).toEqual([firstId]);
  expect((await request.get(`/api/v1/businesses/${firstId}/invoices`, { headers })).status()).toBe(200);
  expect((await request.get(`/api/v1/businesses/${secondId}/invoices`, { headers })).status()).toBe(404);

  await page.getByRole("button", { name: "Koppeling één zaak intrekken" }).click();
  await page.getByRole("button", { name: "Ja, Koppeling één zaak intrekken" }).click();
  await expect(page.getByRole("row", { name: /Koppeling één zaak/ })).toHaveCount(0);
  expect((await request.get("/api/v1/businesses", { headers })).status()).toBe(401);
});
