// Issue #17: a zip of UBL e-invoices through the import page: the import tabs, the file
// input, the preview classifying each document (one needs a category), the import, and
// the invoices in the list.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createBusiness, register, uniqueEmail } from "./helpers";

test("imports a zip of UBL e-invoices: classified in the preview, one reviewed, then listed", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Erik Efactuur", uniqueEmail("ubl"));
  await page.goto("/businesses");
  const businessId = new URL(await createBusiness(page, `E-facturen ${Date.now()}`)).pathname.split("/")[2]!;

  // The tabs are links; the current one is marked, and the keyboard reaches the next.
  await page.goto(`/businesses/${businessId}/import`);
  const tabs = page.getByRole("navigation", { name: "Soort import" });
  await expect(tabs.getByRole("link", { name: "CSV" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Bankafschrift" })).toBeVisible();
  await tabs.getByRole("link", { name: "E-facturen" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/businesses/${businessId}/import/e-invoices$`));
  await expect(tabs.getByRole("link", { name: "E-facturen" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "E-facturen importeren (UBL)" })).toBeVisible();

  const zip = fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl/invoices.zip"));
  await page.getByLabel("XML- of zip-bestand").setInputFiles({ name: "facturen.zip", mimeType: "application/zip", buffer: zip });
  await expect(page.getByText(/Gekozen: facturen\.zip \(\d+(,\d)? kB\)/)).toBeVisible();

  // The preview: five documents classified, the exempt one waits for a category; the PDF is left out.
  await expect(
    page.getByText("6 regels: 5 nieuw, 0 al aanwezig, 0 met fouten. Nieuwe omzet die meetelt voor de KOR: € 3.100,00."),
  ).toBeVisible();
  await expect(page.getByText("1 bestand in de zip is geen XML en overgeslagen.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "facturen/reverse-charge-be.xml" })).toBeVisible();
  // Nothing can be imported while a row waits for its category.
  await expect(page.getByRole("button", { name: "5 facturen importeren" })).toBeDisabled();
  await page.getByLabel("Categorie voor regel 5").selectOption({ label: "Vrijgesteld: zorg, onderwijs, sport, schrijvers" });
  const commit = page.getByRole("button", { name: "6 facturen importeren" });
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(page.getByText("Klaar: 6 facturen geïmporteerd, 0 overgeslagen (al aanwezig).")).toBeVisible();

  await page.goto(`/businesses/${businessId}/invoices`);
  for (const number of ["F2026-001", "F2026-002", "F2026-003", "F2026-004", "F2026-005", "C2026-001"]) {
    await expect(page.getByText(number, { exact: true }).first()).toBeVisible();
  }
});
