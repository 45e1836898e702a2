import { expect, test, type Page } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

// Dates in the current year, never after today (the overview counts up to today).
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = today.slice(0, 4);
const dateIn = (monthDay: string) => (`${year}-${monthDay}` < today ? `${year}-${monthDay}` : today);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

type InvoiceEntry = {
  number: string;
  date: string;
  customer: string;
  amount: string;
  description?: string;
  category?: string;
  country?: string;
};

async function enterInvoice(page: Page, entry: InvoiceEntry): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe factuur" })).toBeVisible();
  // The form proposes the next number; the test checks it is the one expected.
  await expect(page.getByLabel("Factuurnummer")).toHaveValue(entry.number);
  await page.getByLabel("Datum").fill(entry.date);
  await page.getByLabel("Naam klant").fill(entry.customer);
  if (entry.description) await page.getByLabel("Omschrijving").fill(entry.description);
  if (entry.category) await page.getByLabel("Categorie", { exact: true }).selectOption(entry.category);
  if (entry.country) await page.getByLabel("Land van levering").selectOption(entry.country);
  await page.getByLabel("Bedrag excl. btw").fill(entry.amount);
}

async function saveInvoice(page: Page, number: string): Promise<void> {
  await page.getByRole("button", { name: "Factuur opslaan" }).click();
  await expect(page.getByText(`Factuur ${number} is opgeslagen.`)).toBeVisible();
}

test("a KOR participant enters invoices past the limit, searches, edits, deletes and undoes, and reads the history", async ({
  page,
  browser,
}) => {
  await register(page, "Kees Kor", uniqueEmail("kor"));
  const overview = await createKorBusiness(page, "Kees Klusbedrijf", `${year}-01-01`);
  await expect(page.getByText(`Meetellende omzet ${year}`)).toBeVisible();
  await expect(page.getByText("€ 0,00 van € 20.000,00")).toBeVisible();

  await page.getByRole("link", { name: "Facturen", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Nog geen facturen" })).toBeVisible();
  await page.getByRole("link", { name: "Voer je eerste factuur in" }).click();

  // Inside the KOR the form charges no VAT and says so.
  await enterInvoice(page, {
    number: `${year}-001`,
    date: dateIn("02-10"),
    customer: "Bakkerij Jansen",
    description: "Verbouwing winkel",
    amount: "8.000,00",
  });
  await expect(page.getByTestId("vat-advice")).toContainText(
    `Je doet op ${longDate(dateIn("02-10"))} mee aan de KOR en blijft met deze factuur onder € 20.000: je rekent geen btw.`,
  );
  await expect(page.getByText("Telt mee voor de KOR", { exact: true })).toBeVisible();
  await saveInvoice(page, `${year}-001`);

  await page.getByRole("link", { name: "Nieuwe factuur" }).click();
  await enterInvoice(page, {
    number: `${year}-002`,
    date: dateIn("04-15"),
    customer: "Garage De Vries",
    description: "Kantine",
    amount: "9600",
  });
  await saveInvoice(page, `${year}-002`);

  // A service to a German business: the server wants a foreign EU country; it does not count.
  await page.getByRole("link", { name: "Nieuwe factuur" }).click();
  await enterInvoice(page, {
    number: `${year}-003`,
    date: dateIn("05-20"),
    customer: "Müller GmbH",
    amount: "5.000",
    category: "EU_B2B_SERVICES",
  });
  await expect(page.getByText("Telt niet mee voor de KOR", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Factuur opslaan" }).click();
  await expect(page.getByText("Kies een EU-land buiten Nederland.")).toBeVisible();
  await expect(page.getByLabel("Land van levering")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Land van levering").selectOption("DE");
  await saveInvoice(page, `${year}-003`);

  await page.goto(overview);
  await expect(page.getByText("€ 17.600,00 van € 20.000,00")).toBeVisible();
  await expect(page.getByText(/Grens overschreden/)).toHaveCount(0);

  // The invoice that crosses €20,000: the form proposes 21% with the reason, and saving it
  // asks nothing (issue #16: VAT from the crossing invoice on is never warned against).
  const crossingDate = dateIn("09-01");
  await page.goto(`${overview}/invoices/new`);
  await enterInvoice(page, {
    number: `${year}-004`,
    date: crossingDate,
    customer: "Bakkerij Jansen",
    description: "Nieuwe toonbank",
    amount: "2.500,00",
  });
  await expect(page.getByTestId("vat-advice")).toContainText(
    "Deze factuur brengt je omzet boven € 20.000: vanaf deze factuur reken je btw.",
  );
  await expect(page.getByLabel("21% btw in rekening brengen")).toBeChecked();
  await expect(page.getByText("€ 525,00")).toBeVisible();
  await page.getByRole("button", { name: "Factuur opslaan" }).click();
  await expect(page.getByText(`Factuur ${year}-004 is opgeslagen.`)).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await page.goto(overview);
  await expect(page.getByText("€ 20.100,00 van € 20.000,00")).toBeVisible();
  await expect(page.getByText(`Grens overschreden op ${longDate(crossingDate)}`)).toBeVisible();

  // The list: totals, search, filter, the reason per row, sorting.
  await page.getByRole("link", { name: "Facturen", exact: true }).click();
  const totals = page.getByRole("region", { name: "Totalen van deze selectie" });
  await expect(totals.getByText("€ 25.100,00")).toBeVisible();
  await expect(totals.getByText("€ 525,00")).toBeVisible();
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("jansen");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("rowheader", { name: `${year}-001` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${year}-004` })).toBeVisible();
  await expect(totals.getByText("€ 10.500,00")).toBeVisible();

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("");
  await page.getByLabel("Telt mee voor de KOR").selectOption("no");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  const german = page.getByRole("row", { name: new RegExp(`${year}-003`) });
  await expect(german.getByText("telt niet mee")).toBeVisible();
  await german.getByText("Waarom?").click();
  await expect(german.getByText(/telt niet voor de KOR, wel voor de EU-omzet/)).toBeVisible();
  // The rule in plain words, never a section number of the rule document.
  await expect(german.getByText(/^Regel: \p{Lu}/u)).toBeVisible();
  await expect(german.getByText(/KOR-RULES|§/)).toHaveCount(0);
  await expect(german.getByText("Interpretatie — check bij je adviseur.")).toBeVisible();

  await page.getByLabel("Telt mee voor de KOR").selectOption("");
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("bestaat-niet");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByText("Geen facturen gevonden die aan deze filters voldoen.")).toBeVisible();
  await page.getByRole("link", { name: "Filters wissen" }).first().click();

  await page.getByRole("link", { name: /^Nummer/ }).click();
  await expect(page.getByRole("columnheader", { name: /Nummer/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("rowheader").first()).toHaveText(`${year}-001`);

  // Edit: the amount of the second invoice changes.
  await page.getByRole("link", { name: `Factuur ${year}-002 bewerken` }).click();
  await expect(page.getByLabel("Bedrag excl. btw")).toHaveValue("9600,00");
  await page.getByLabel("Bedrag excl. btw").fill("9.700,00");
  await page.getByRole("button", { name: "Factuur opslaan" }).click();
  await expect(page.getByText(`Factuur ${year}-002 is bijgewerkt.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${year}-002`) }).getByText("€ 9.700,00")).toBeVisible();

  // Delete with undo.
  await page.getByRole("button", { name: `Factuur ${year}-004 verwijderen` }).click();
  await expect(page.getByText(`Factuur ${year}-004 is verwijderd.`)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${year}-004` })).toHaveCount(0);
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(page.getByText(`Factuur ${year}-004 is hersteld.`)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${year}-004` })).toBeVisible();

  await page.goto(overview);
  await expect(page.getByText("€ 20.200,00 van € 20.000,00")).toBeVisible();
  await expect(page.getByText(`Grens overschreden op ${longDate(crossingDate)}`)).toBeVisible();

  // History: who changed what.
  await page.goto(`${overview}/invoices`);
  await page.getByRole("link", { name: `${year}-002`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Factuur ${year}-002` })).toBeVisible();
  const history = page.getByRole("region", { name: "Geschiedenis" });
  await expect(history.getByText(/^Aangemaakt/)).toBeVisible();
  await expect(history.getByText("door Kees Kor op", { exact: false }).first()).toBeVisible();
  const change = history.getByRole("row", { name: /Bedrag excl\. btw/ });
  await expect(change.getByRole("cell").nth(0)).toHaveText("€ 9.600,00");
  await expect(change.getByRole("cell").nth(1)).toHaveText("€ 9.700,00");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invoice-detail-1280.png`, fullPage: true });

  await page.goto(`${overview}/invoices`);
  // Phones: the table scrolls inside its own region; the page itself never scrolls sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(page.getByRole("region", { name: /Facturen \d{4}, pagina 1 van 1/ })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invoices-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invoices-1280.png`, fullPage: true });
  }

  // Another user: the invoice pages and the export are "not found".
  const other = await browser.newContext();
  const intruder = await other.newPage();
  await register(intruder, "Ivo Indringer", uniqueEmail("indringer"));
  for (const path of [`${overview}/invoices`, `${overview}/invoices/new`]) {
    const response = await intruder.goto(path);
    expect(response?.status()).toBe(404);
    await expect(intruder.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
    await expect(intruder.getByText("Bakkerij Jansen")).toHaveCount(0);
  }
  const exported = await intruder.request.get(`${overview}/invoices/export?year=${year}`);
  expect(exported.status()).toBe(404);
  const own = await page.request.get(`${overview}/invoices/export?year=${year}&counted=no`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(`${year}-003`);
  // The year's counted-turnover statement: the same total as the overview, and private to the owner.
  expect((await intruder.request.get(`${overview}/invoices/statement?year=${year}`)).status()).toBe(404);
  const statement = await page.request.get(`${overview}/invoices/statement?year=${year}`);
  expect(statement.status()).toBe(200);
  expect(await statement.text()).toMatch(/total,\d{4},Meetellende KOR-omzet,yes,\d+,2020000,20200\.00/);
  await other.close();
});

test("a foreign-currency invoice follows its rate, a credit note corrects it, and the English UI says the same", async ({ page }) => {
  await register(page, "Fleur Valuta", uniqueEmail("valuta"));
  const overview = await createKorBusiness(page, "Fleur Vertalingen", `${year}-01-01`);
  await page.goto(`${overview}/invoices/new`);

  await enterInvoice(page, { number: `${year}-001`, date: dateIn("03-03"), customer: "Acme Inc.", amount: "0", category: "NL_STANDARD" });
  await page.getByLabel("Valuta").selectOption("USD");
  await page.getByLabel("Bedrag in USD").fill("1.000,00");
  await page.getByLabel("Koers: 1 USD is … euro").fill("0,9");
  const computed = page.getByRole("definition");
  await expect(computed.first()).toHaveText("€ 900,00");
  await saveInvoice(page, `${year}-001`);

  // Exempt letting may be marked ancillary, and the form says that is an interpretation.
  await page.getByRole("link", { name: "Nieuwe factuur" }).click();
  // The invoice list has a "Categorie" filter too: choose only once the form is there, or
  // the choice lands on the list that is being navigated away from.
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe factuur" })).toBeVisible();
  await page.getByLabel("Categorie", { exact: true }).selectOption("EXEMPT_REAL_ESTATE");
  await expect(page.getByLabel(/bijkomende handeling/)).toBeVisible();
  await expect(page.getByText(/Dit is een interpretatie — check bij je adviseur/)).toBeVisible();
  await page.getByLabel("Categorie", { exact: true }).selectOption("NL_STANDARD");
  await expect(page.getByLabel(/bijkomende handeling/)).toHaveCount(0);

  // The credit note: picks the invoice it corrects, and its amount is booked negative.
  await page.getByLabel("Soort", { exact: true }).selectOption("credit_note");
  await expect(page.getByLabel("Factuurnummer")).toHaveValue(`${year}-002`);
  await page.getByLabel("Corrigeert factuur").selectOption({ label: `${year}-001 — Acme Inc. — 3 mrt ${year} — € 900,00` });
  await expect(page.getByLabel("Naam klant")).toHaveValue("Acme Inc.");
  await page.getByLabel("Datum").fill(dateIn("03-20"));
  await page.getByLabel("Bedrag excl. btw").fill("100");
  if (process.env.SCREENSHOT_DIR) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/invoice-form-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await expect(page.getByRole("definition").first()).toHaveText("€ -100,00");
  await saveInvoice(page, `${year}-002`);
  const credit = page.getByRole("row", { name: new RegExp(`${year}-002`) });
  await expect(credit.getByText("Creditnota")).toBeVisible();
  await expect(credit.getByText("€ -100,00")).toBeVisible();

  await page.goto(overview);
  await expect(page.getByText("€ 800,00 van € 20.000,00")).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText(`Counted turnover ${year}`)).toBeVisible();
  await expect(page.getByText("€800.00 of €20,000.00")).toBeVisible();
  await page.getByRole("link", { name: "Invoices", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${year}-001`) }).getByText("counts", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Facturen" })).toBeVisible();
});
