// Issue #17: the CSV export of a business, imported through the wizard into a new business,
// gives the same books: €21,000 stays €21,000 (no €2,100,000, no warning), and the new
// business's export is the same file.
import { expect, test, type Page } from "@playwright/test";
import { createBusiness as createBusinessFrom, register, uniqueEmail } from "./helpers";

async function createBusiness(page: Page, name: string): Promise<string> {
  await page.goto("/businesses");
  return createBusinessFrom(page, name);
}

test("the CSV export round-trips through the import wizard", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Rita Rondje", uniqueEmail("roundtrip"));
  const source = new URL(await createBusiness(page, `Bron ${Date.now()}`)).pathname.split("/")[2]!;

  // Books with a foreign-currency invoice, a credit note and a service abroad.
  const books = [
    "number;date;customer_name;customer_country;customer_type;category;net_cents;vat_cents;currency;foreign_amount;exchange_rate;country;kind;sequence;credits_invoice_number",
    "R-1;2026-01-10;Bakkerij Jansen;NL;business;NL_STANDARD;700000;0;EUR;;;;invoice;;",
    "R-2;2026-02-14;Acme Inc;US;business;NL_STANDARD;800000;0;USD;8700.00;1.0875;;invoice;2;",
    "R-3;2026-03-10;Designbüro Berlin GmbH;DE;business;EU_B2B_SERVICES;600000;0;EUR;;;DE;invoice;;",
    "R-4;2026-03-20;Bakkerij Jansen;NL;business;NL_STANDARD;-50000;0;EUR;;;;credit_note;;R-1",
  ].join("\n");
  await page.goto(`/businesses/${source}/import`);
  await page.getByLabel("CSV-bestand").setInputFiles({ name: "boeken.csv", mimeType: "text/csv", buffer: Buffer.from(books) });
  await page.getByRole("button", { name: "4 facturen importeren" }).click();
  await expect(page.getByText("Klaar: 4 facturen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();

  const exported = await page.request.get(`/businesses/${source}/invoices/export`);
  expect(exported.status()).toBe(200);
  const file = await exported.body();

  const target = new URL(await createBusiness(page, `Doel ${Date.now()}`)).pathname.split("/")[2]!;
  await page.goto(`/businesses/${target}/import`);
  await page.getByLabel("CSV-bestand").setInputFiles({ name: "facturen-alle.csv", mimeType: "text/csv", buffer: file });
  await expect(page.getByText("Dit is een export van Drempel")).toBeVisible();
  // €7,000 + €8,000 − €500 count; the service abroad does not: €14,500, not €1,450,000.
  await expect(
    page.getByText("4 regels: 4 nieuw, 0 al aanwezig, 0 met fouten. Nieuwe omzet die meetelt voor de KOR: € 14.500,00."),
  ).toBeVisible();
  await expect(page.getByText("Kijk dit na voordat je importeert")).toHaveCount(0);
  await page.getByRole("button", { name: "4 facturen importeren" }).click();
  await expect(page.getByText("Klaar: 4 facturen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();

  // The same books: the new business's export is the same file, byte for byte.
  const again = await page.request.get(`/businesses/${target}/invoices/export`);
  expect((await again.body()).toString("utf8")).toBe(file.toString("utf8"));

  // Dutch Excel: semicolons and decimal commas, read back as well.
  const excel = (await (await page.request.get(`/businesses/${source}/invoices/export?format=excel-nl`)).body()).toString("utf8");
  expect(excel.split("\r\n")[0]).toContain("number;kind;date");
  expect(excel).toContain("1.0875".replace(".", ","));
  const third = new URL(await createBusiness(page, `Excel ${Date.now()}`)).pathname.split("/")[2]!;
  await page.goto(`/businesses/${third}/import`);
  await page.getByLabel("CSV-bestand").setInputFiles({ name: "facturen-alle-excel.csv", mimeType: "text/csv", buffer: Buffer.from(excel) });
  await page.getByRole("button", { name: "4 facturen importeren" }).click();
  await expect(page.getByText("Klaar: 4 facturen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();
  expect((await (await page.request.get(`/businesses/${third}/invoices/export`)).body()).toString("utf8")).toBe(file.toString("utf8"));
});
