// Issue #20: received UBL e-invoices imported as purchases on the purchases page: a zip with
// a 21% invoice, a German reverse charge and a credit note; the preview shows the reverse
// charge waiting for its rate (with the reason), the choice for its group, the import, the
// purchases in the list, and the VAT return's 4b and 5b (voorbelasting) moving.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createBusiness, register, uniqueEmail } from "./helpers";

const euros = (value: number) =>
  new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);

test("imports a zip of received UBL e-invoices as purchases: the reverse charge reviewed, the VAT return's 5b moves", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Ingrid Inkoop", uniqueEmail("ubl-buy"));
  await page.goto("/businesses");
  // Outside the KOR (no participation), KvK 12345678: the buyer the fixtures name.
  const businessId = new URL(await createBusiness(page, `Kapsalon Knip ${Date.now()}`)).pathname.split("/")[2]!;

  const table = page.getByTestId("vat-return-table");
  const row = (code: string) => table.locator(`tr[data-rubriek="${code}"]`);
  await page.goto(`/businesses/${businessId}/vat-return?period=2026-Q1`);
  await expect(row("5b").locator("td").last()).toHaveText(euros(0));

  await page.goto(`/businesses/${businessId}/purchases?year=2026`);
  const section = page.getByRole("region", { name: "E-facturen van leveranciers importeren (UBL)" });
  await expect(section).toBeVisible();
  const zip = fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases/purchases.zip"));
  await section
    .getByLabel("XML- of zip-bestand met inkoopfacturen")
    .setInputFiles({ name: "inkoop.zip", mimeType: "application/zip", buffer: zip });

  // The preview: the 21% invoice and the credit note new; the reverse charge waits for its rate.
  await expect(
    section.getByText("3 regels: 2 nieuw, 0 al aanwezig, 0 met fouten. Btw op de nieuwe inkopen (voorbelasting): € 63,00."),
  ).toBeVisible();
  await expect(section.getByText("1 bestand in de zip is geen XML en overgeslagen.")).toBeVisible();
  await expect(section.getByRole("cell", { name: "inkoop/purchase-reverse-charge-ae.xml" })).toBeVisible();
  await expect(section.getByText(/Btw verlegd door een leverancier uit een ander EU-land \(rubriek 4b\)/)).toBeVisible();
  await expect(section.getByRole("button", { name: "2 inkopen importeren" })).toBeDisabled();
  await section
    .getByLabel("Btw-behandeling voor alle regels met AE · DE")
    .selectOption({ label: "Uit een ander EU-land, btw verlegd, 21%" });
  await expect(
    section.getByText("3 regels: 3 nieuw, 0 al aanwezig, 0 met fouten. Btw op de nieuwe inkopen (voorbelasting): € 168,00."),
  ).toBeVisible();
  const commit = section.getByRole("button", { name: "3 inkopen importeren" });
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(section.getByText("Klaar: 3 inkopen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();

  // The same zip again: every document is there already, nothing to choose or import.
  await section
    .getByLabel("XML- of zip-bestand met inkoopfacturen")
    .setInputFiles({ name: "inkoop.zip", mimeType: "application/zip", buffer: zip });
  await expect(
    section.getByText("3 regels: 0 nieuw, 3 al aanwezig, 0 met fouten. Btw op de nieuwe inkopen (voorbelasting): € 0,00."),
  ).toBeVisible();
  await expect(section.getByRole("button", { name: "0 inkopen importeren" })).toBeDisabled();

  const list = page.getByTestId("purchase-list");
  await expect(list.getByRole("row", { name: /Cloudwerk GmbH/ })).toContainText("€ 105,00");
  await expect(list.getByRole("row", { name: /Creditnota op INK-2026-101/ })).toContainText(/€\s-21,00/);

  // The VAT return of the quarter: the reverse charge in 4b, all input VAT in 5b.
  await page.goto(`/businesses/${businessId}/vat-return?period=2026-Q1`);
  await expect(row("4b").locator("td")).toHaveText([euros(500), euros(105)]);
  await expect(row("5b").locator("td").last()).toHaveText(euros(168));
});

test("marks an imported UBL purchase as an investment good in the preview; it shows in the herziening planner", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Ivo Investering", uniqueEmail("ubl-asset"));
  await page.goto("/businesses");
  const businessId = new URL(await createBusiness(page, `Kapsalon Knip ${Date.now()}`)).pathname.split("/")[2]!;

  await page.goto(`/businesses/${businessId}/purchases?year=2026`);
  const section = page.getByRole("region", { name: "E-facturen van leveranciers importeren (UBL)" });
  const xml = fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases/purchase-s21.xml"));
  await section
    .getByLabel("XML- of zip-bestand met inkoopfacturen")
    .setInputFiles({ name: "purchase-s21.xml", mimeType: "application/xml", buffer: xml });
  const kind = section.getByLabel("Soort van regel 1");
  await expect(kind).toHaveValue("COSTS");
  await kind.selectOption({ label: "Bedrijfsmiddel (roerend, 5 jaar herziening)" });
  await expect(kind).toHaveValue("INVESTMENT_MOVABLE");
  await section.getByRole("button", { name: "1 inkoop importeren" }).click();
  await expect(section.getByText("Klaar: 1 inkoop geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();
  await expect(page.getByTestId("purchase-list").getByRole("row", { name: /Drukkerij Van Dam/ })).toContainText(
    "In de btw-herzieningsplanner",
  );

  await page.goto(`/businesses/${businessId}`);
  const planner = page.getByRole("region", { name: "Btw-herziening bij in- of uittreden" });
  await expect(planner.getByTestId("investment-goods").getByRole("row", { name: /Flyers A5, 2\.000 stuks/ })).toContainText("€ 84,00");
});
