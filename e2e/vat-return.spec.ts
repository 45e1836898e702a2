// Purchases and the VAT return after a crossing (issue #20): a KOR business crosses the
// limit on 15 October of last year (the invoices through the API, as the dashboard spec
// does); its owner enters two purchases on the purchases page (an invalid amount is
// answered beside its field), then opens the VAT return: Q1–Q3 need none, Q4 does, and its
// rubrieken come from the invoices and purchases in whole euros; the documents behind a
// rubriek are one click away; marking it filed keeps the figures; the PDF statement shows
// them too. At 390 px nothing scrolls sideways.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../test/support/pdf-text";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = Number(today.slice(0, 4)) - 1;
const euros = (value: number) =>
  new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);

async function postInvoice(page: Page, businessId: string, data: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin: new URL(page.url()).origin },
    data,
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("purchases entered on the page feed the VAT return of the crossing quarter", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Vera Aangifte", uniqueEmail("btw"));
  const overview = await createKorBusiness(page, "Vera Vormgeving", `${year - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  const customer = { name: "Atelier Noord", country: "NL", type: "business" };
  await postInvoice(page, businessId, {
    number: `${year}-001`,
    date: `${year}-09-30`,
    customer,
    category: "NL_STANDARD",
    netCents: 1_940_000,
    vatCents: 0,
  });
  // Still inside the KOR in Q4, before the crossing: no VAT, not in the return.
  await postInvoice(page, businessId, {
    number: `${year}-005`,
    date: `${year}-10-01`,
    customer,
    category: "NL_STANDARD",
    netCents: 10_000,
    vatCents: 0,
  });
  // The crossing: €19,400 + €100 + €1,000 > €20,000, VAT from this invoice on (KOR-RULES §3.2).
  await postInvoice(page, businessId, {
    number: `${year}-002`,
    date: `${year}-10-15`,
    customer,
    category: "NL_STANDARD",
    netCents: 100_000,
    vatCents: 21_000,
  });
  await postInvoice(page, businessId, {
    number: `${year}-003`,
    date: `${year}-11-10`,
    customer: { name: "Kunde GmbH", country: "DE", type: "business", vatId: "DE123456789" },
    category: "EU_B2B_GOODS",
    netCents: 150_000,
  });
  await postInvoice(page, businessId, {
    number: `${year}-004`,
    date: `${year}-11-12`,
    customer: { name: "Client Inc", country: "US", type: "business" },
    category: "EXPORT_NON_EU",
    netCents: 80_000,
  });

  // Purchases: the empty state, then two entered through the form.
  await page.goto(`/businesses/${businessId}/purchases?year=${year}`);
  await expect(page.getByRole("heading", { level: 1, name: `Inkopen ${year}` })).toBeVisible();
  await expect(page.getByText(`Je hebt in ${year} nog geen inkopen vastgelegd.`)).toBeVisible();
  const form = page.getByRole("form", { name: "Inkoop toevoegen" });
  await form.getByLabel("Datum").fill(`${year}-10-16`);
  await form.getByLabel("Leverancier", { exact: true }).fill("Computershop BV");
  await form.getByLabel("Soort inkoop").selectOption("INVESTMENT_MOVABLE");
  await form.getByLabel("Bedrag excl. btw (€)").fill("twaalfhonderd");
  await form.getByRole("button", { name: "Inkoop opslaan" }).click();
  await expect(form.getByText("Dit is geen bedrag (bijvoorbeeld 1.234,56 of 1234.56).")).toBeVisible();
  await expect(form.getByLabel("Bedrag excl. btw (€)")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Bedrag excl. btw (€)").fill("1.200,00");
  await form.getByLabel("Omschrijving (optioneel)").fill("Laptop");
  await form.getByRole("button", { name: "Inkoop opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Inkoop van Computershop BV opgeslagen." })).toBeVisible();
  const list = page.getByTestId("purchase-list");
  await expect(list.getByRole("row", { name: /Computershop BV/ })).toContainText("In de btw-herzieningsplanner");

  await form.getByLabel("Datum").fill(`${year}-11-05`);
  await form.getByLabel("Leverancier", { exact: true }).fill("Lieferant GmbH");
  await form.getByLabel("Land van de leverancier").fill("DE");
  await form.getByLabel("Hoe werkt de btw?").selectOption("EU_REVERSE_CHARGE");
  await form.getByLabel("Bedrag excl. btw (€)").fill("600");
  await form.getByRole("button", { name: "Inkoop opslaan" }).click();
  await expect(list.getByRole("row", { name: /Lieferant GmbH/ })).toContainText("€ 126,00");
  await expect(list.locator("tfoot")).toContainText("€ 378,00");

  // The VAT return: no return while in the KOR, the crossing quarter is due.
  await expect(page.getByRole("link", { name: "Btw-aangifte", exact: true })).toHaveAttribute(
    "href",
    `/businesses/${businessId}/vat-return`,
  );
  await page.goto(`/businesses/${businessId}/vat-return?year=${year}`);
  const periods = page.getByTestId("vat-return-periods");
  await expect(periods.locator("tbody tr")).toHaveCount(4);
  for (const quarter of [1, 2, 3])
    await expect(periods.getByRole("row", { name: `${year}-Q${quarter}` })).toContainText("Geen aangifte (in de KOR)");
  await expect(periods.getByRole("row", { name: `${year}-Q4` })).toContainText("Nog te doen");

  // Q4 opens by itself: the rubrieken in whole euros, ready to copy.
  await expect(page.getByRole("heading", { name: `Btw-aangifte ${year}-Q4` })).toBeVisible();
  await expect(page.getByText(`Buiten de KOR vanaf 15 oktober ${year}`)).toBeVisible();
  const table = page.getByTestId("vat-return-table");
  const row = (code: string) => table.locator(`tr[data-rubriek="${code}"]`);
  await expect(row("1a").locator("td")).toHaveText([euros(1_000), euros(210)]);
  await expect(row("3a").locator("td")).toHaveText([euros(800), "—"]);
  await expect(row("3b").locator("td")).toHaveText([euros(1_500), "—"]);
  await expect(row("4b").locator("td")).toHaveText([euros(600), euros(126)]);
  await expect(row("5a").locator("td").last()).toHaveText(euros(336));
  await expect(row("5b").locator("td").last()).toHaveText(euros(378));
  await expect(row("5g").locator("td").last()).toHaveText(euros(-42));
  await expect(row("5e").locator("td").last()).toHaveText("zelf invullen");
  // Drill-down: the purchases behind the input VAT.
  await row("5b").getByRole("link", { name: "5b" }).click();
  const documents = page.locator("#docs-5b");
  await documents.locator("summary").click();
  await expect(documents.getByRole("link")).toHaveText(["Inkoop Computershop BV", "Inkoop Lieferant GmbH"]);
  // The invoice before the crossing is named as inside the KOR.
  await expect(page.getByText(`Factuur ${year}-005`)).toContainText("in de KOR");

  // At 390 px the page fits.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Filed: the figures are kept; the period says so.
  await page.getByLabel("Ingediend op").fill(`${year + 1}-01-20`);
  await page.getByRole("button", { name: "Markeer als ingediend" }).click();
  await expect(periods.getByRole("row", { name: `${year}-Q4` })).toContainText("Ingediend");
  await expect(page.getByText("Er is niets veranderd sinds je aangifte")).toBeVisible();

  // The API answers the same figures.
  const api = await page.request.get(`/api/v1/businesses/${businessId}/vat-returns/${year}-Q4`);
  const data = ((await api.json()) as { data: { status: string; rubrieken: { code: string; vatEuros: number | null }[] } }).data;
  expect(data.status).toBe("filed");
  expect(data.rubrieken.find((r) => r.code === "5g")!.vatEuros).toBe(-42);

  // The PDF statement from the dashboard's link carries the same figures (its text read back).
  await page.goto(`${overview}?year=${year}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: new RegExp(`Overzicht ${year} voor je boekhouder \\(PDF\\)`) }).click(),
  ]);
  const text = (await pdfText(await readFile(await download.path()))).replace(/\s+/g, " ");
  // The text's spaces are plain; Intl puts a no-break space after the euro sign.
  const amount = (value: number) => euros(value).replace(/\s/g, " ");
  expect(text).toContain(`Btw-aangifte ${year}`);
  expect(text).toContain(`4e kwartaal ${year} (1 oktober ${year} t/m 31 december ${year}) — uiterlijk 31 januari ${year + 1}`);
  expect(text).not.toContain(`3e kwartaal ${year} (`);
  expect(text).toContain(`1a Leveringen/diensten belast met hoog tarief ${amount(1_000)} ${amount(210)}`);
  expect(text).toContain(`4b Leveringen/diensten uit landen binnen de EU ${amount(600)} ${amount(126)}`);
  expect(text).toContain(`5b Voorbelasting ${amount(378)}`);
  expect(text).toContain("5e Schatting vorige aangifte(n) vul zelf in");
  expect(text).toContain(`Ingediend op 20 januari ${year + 1}.`);
});
