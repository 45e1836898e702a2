// The dashboard after a KOR crossing, on a fresh business: the crossing marker and the
// crossing panel name the invoice from which VAT is due, the action says to deregister
// with the crossing date, the remediation lists the invoices sent without VAT with both
// totals (docs/domain/KOR-RULES.md §3.3 example), and the progress matches the turnover endpoint.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = today.slice(0, 4);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const euro = (cents: number) => new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);

type NewInvoice = { number: string; date: string; netCents: number; customer: string; category?: string; country?: string };

async function postInvoice(page: Page, businessId: string, invoice: NewInvoice): Promise<string> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin },
    data: {
      number: invoice.number,
      date: invoice.date,
      customer: {
        name: invoice.customer,
        ...(invoice.country ? { country: invoice.country, type: invoice.category === "EU_B2C_FOREIGN_VAT" ? "consumer" : "business" } : {}),
      },
      category: invoice.category ?? "NL_STANDARD",
      netCents: invoice.netCents,
      vatCents: 0,
      ...(invoice.country ? { country: invoice.country } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

test("after a crossing the dashboard names the crossing invoice and computes the remedies", async ({ page }) => {
  // Four invoices, two languages and an axe run on a shared two-core machine.
  test.setTimeout(180_000);
  await register(page, "Carla Crossing", uniqueEmail("dash"));
  const overview = await createKorBusiness(page, "Carla Keramiek", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;

  // A new business: how to start.
  await expect(page.getByRole("heading", { name: `Nog geen omzet in ${year}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Facturen importeren (CSV)" })).toHaveAttribute("href", `/businesses/${businessId}/import`);
  await expect(page.getByTestId("kor-status")).toHaveText(/Veilig/);

  // The first article's example, early in the year: €19,950, then €600 crosses, then €800 and €1,000.
  await postInvoice(page, businessId, { number: `${year}-001`, date: `${year}-01-05`, netCents: 1_995_000, customer: "Atelier Noord" });
  const crossingId = await postInvoice(page, businessId, {
    number: `${year}-002`,
    date: `${year}-01-06`,
    netCents: 60_000,
    customer: "Galerie Zuid",
  });
  await postInvoice(page, businessId, { number: `${year}-003`, date: `${year}-01-07`, netCents: 80_000, customer: "Atelier Noord" });
  await postInvoice(page, businessId, { number: `${year}-004`, date: `${year}-01-08`, netCents: 100_000, customer: "Museum Oost" });

  await page.goto(overview);
  const api = await page.request.get(`/api/v1/businesses/${businessId}/turnover?year=${year}`);
  const data = ((await api.json()) as { data: { korTurnoverCents: number; kor: { crossing: { invoiceId: string; date: string } } } }).data;
  expect(data.kor.crossing.invoiceId).toBe(crossingId);
  expect(data.korTurnoverCents).toBe(2_235_000);

  await expect(page.getByTestId("kor-status")).toHaveText(/Grens overschreden/);
  await expect(page.getByTestId("kor-progress-amount")).toHaveText(`${euro(2_235_000)} van ${euro(2_000_000)} (111,7%)`);
  await expect(page.getByText(`${euro(235_000)} boven de grens`)).toBeVisible();

  // The chart's marker and the crossing panel name invoice 002.
  await expect(page.getByTestId("crossing-marker")).toHaveText(`Grens overschreden: factuur ${year}-002`);
  const chart = page.getByRole("region", { name: `Omzetverloop ${year}` });
  // One chart for every width shows the dot and its label.
  await expect(chart.locator('[data-testid="crossing-dot"]:visible')).toHaveCount(1);
  await expect(chart.locator("svg:visible text", { hasText: `${year}-002` })).toBeVisible();
  // In view, after the user's first interaction and with the browser idle, the Recharts chart
  // replaces the SVG in the same box: it marks the same invoice, and the box keeps the
  // height the server SVG gave it.
  const chartBox = chart.getByTestId("cumulative-chart");
  await chartBox.scrollIntoViewIfNeeded();
  await chartBox.hover();
  await expect(chartBox).toHaveAttribute("data-enhanced", "true", { timeout: 30_000 });
  const fallbackHeight = await chartBox
    .locator("[data-frame]")
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height).find((h) => h > 0));
  const boxHeight = (await chartBox.boundingBox())!.height;
  expect(Math.abs(boxHeight - fallbackHeight!)).toBeLessThan(1);
  await expect(chartBox.locator("[data-frame]:visible")).toHaveCount(0);
  const surface = chartBox.locator("svg.recharts-surface");
  await expect(surface).toBeVisible();
  expect(Math.abs((await surface.boundingBox())!.height - boxHeight)).toBeLessThan(2);
  await expect(chart.locator('[data-testid="crossing-dot"]:visible')).toHaveCount(1);
  await expect(surface.locator('[data-testid="crossing-dot"]')).toBeVisible();
  await expect(surface.locator("text", { hasText: `${year}-002` })).toBeVisible();
  // The monthly bars get a tooltip per category.
  const monthly = page.getByTestId("monthly-chart");
  await monthly.scrollIntoViewIfNeeded();
  await monthly.hover();
  await expect(monthly).toHaveAttribute("data-enhanced", "true", { timeout: 30_000 });
  await monthly.locator(".recharts-bar-rectangle").first().hover();
  await expect(monthly.getByTestId("monthly-tooltip")).toContainText("januari");
  await expect(monthly.getByTestId("monthly-tooltip")).toContainText(`Binnenland, 21% (telt mee): ${euro(2_235_000)}`);
  await expect(page.getByTestId("crossing-invoice")).toContainText(`factuur ${year}-002 (Galerie Zuid) van ${longDate(`${year}-01-06`)}`);

  // The action: deregister at once, the crossing date as end date.
  const actions = page.getByRole("region", { name: "Wat moet je doen?" });
  await expect(actions.getByText(`Meld je direct af voor de KOR — einddatum ${longDate(`${year}-01-06`)}`, { exact: true })).toBeVisible();

  // Remediation (§3.3): re-invoice 126 + 168 + 210 = €504.00; absorb 104.13 + 138.84 + 173.55 = €416.52.
  const crossing = page.getByRole("region", { name: "Grens overschreden" });
  const table = crossing.getByRole("table", { name: "Facturen zonder btw na de overschrijding" });
  await expect(table.locator("tbody th")).toHaveText([`${year}-002`, `${year}-003`, `${year}-004`]);
  await expect(table.locator("tfoot")).toContainText("€ 504,00");
  await expect(table.locator("tfoot")).toContainText("€ 416,52");
  await expect(
    crossing.getByText(
      "Opnieuw factureren: crediteer de factuur en stuur een nieuwe met btw erbovenop. Je klant betaalt de btw: € 504,00.",
    ),
  ).toBeVisible();
  // Every line of it as CSV, with both remedies and the total.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    crossing.getByRole("link", { name: "Alle 3 facturen downloaden (CSV)" }).click(),
  ]);
  const csv = (await readFile(await download.path(), "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe("invoice,date,customer,net_cents,net_eur,rate_percent,reinvoice_vat_eur,absorbed_vat_eur,rule");
  expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual([`${year}-002`, `${year}-003`, `${year}-004`, "total"]);
  expect(csv.at(-1)).toBe("total,,,240000,2400.00,,504.00,416.52,§3.3");

  // Why? lists all four invoices as counted, with the running total after each.
  const progress = page.getByRole("region", { name: `Meetellende omzet ${year}` });
  await progress.getByText("Waarom?").click();
  const counted = progress.getByRole("table", { name: "Telt mee (4)" });
  await expect(counted.locator("tbody th")).toHaveText([`${year}-001`, `${year}-002`, `${year}-003`, `${year}-004`]);
  await expect(counted.getByRole("row", { name: new RegExp(`${year}-002`) })).toContainText(euro(2_055_000));

  // Deadlines: the earliest rejoin is 1 January two years on.
  await expect(
    page.getByRole("region", { name: "Termijnen" }).getByText(`${longDate(`${Number(year) + 2}-01-01`)} — Vroegst weer in de KOR`),
  ).toBeVisible();

  // axe on the crossed dashboard with every panel opened.
  for (const summary of await page.locator("main details > summary").all()) await summary.click();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  // In English the same dashboard speaks English with English amounts.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(overview).origin }]);
  await page.goto(overview);
  await expect(page.getByTestId("kor-status")).toHaveText(/Limit crossed/);
  await expect(page.getByTestId("kor-progress-amount")).toHaveText("€22,350.00 of €20,000.00 (111.7%)");
  await expect(page.getByTestId("crossing-marker")).toHaveText(`Limit crossed: invoice ${year}-002`);
  await expect(page.getByRole("region", { name: "What do you need to do?" }).getByText(/^Leave the KOR at once — end date/)).toBeVisible();
});

test("with EU sales the dashboard shows Union turnover and each member state against its threshold, highest risk first", async ({
  page,
}) => {
  await register(page, "Erik Export", uniqueEmail("dash-eu"));
  const overview = await createKorBusiness(page, "Erik Exportadvies", `${year}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, { number: `${year}-001`, date: `${year}-01-05`, netCents: 900_000, customer: "Bakker Utrecht" });
  await postInvoice(page, businessId, {
    number: `${year}-002`,
    date: `${year}-01-06`,
    netCents: 1_500_000,
    customer: "Brussels BV",
    category: "EU_B2B_SERVICES",
    country: "BE",
  });
  await postInvoice(page, businessId, {
    number: `${year}-003`,
    date: `${year}-01-07`,
    netCents: 300_000,
    customer: "Herr Schmidt",
    category: "EU_B2C_FOREIGN_VAT",
    country: "DE",
  });
  await page.goto(overview);

  const eu = page.getByRole("region", { name: "EU-omzet en EU-KOR" });
  await expect(eu.getByText(`EU-omzet ${year}: € 27.000,00 van € 100.000,00 (27%)`, { exact: true })).toBeVisible();
  await expect(eu.getByText("Afstandsverkopen aan consumenten in andere EU-landen: € 3.000,00 van € 10.000,00")).toBeVisible();
  // BE 60% of €25,000, NL 45% of €20,000, DE 12% of €25,000.
  await expect(eu.getByRole("listitem")).toHaveText([
    /^BE:\s€\s15\.000,00\s\/\s€\s25\.000,00\s\(60%\)/,
    /^NL:\s€\s9\.000,00\s\/\s€\s20\.000,00\s\(45%\)/,
    /^DE:\s€\s3\.000,00\s\/\s€\s25\.000,00\s\(12%\)/,
  ]);
  // Only the Dutch invoice counts for the KOR; why? says the BE and DE ones do not.
  await expect(page.getByTestId("kor-progress-amount")).toHaveText("€ 9.000,00 van € 20.000,00 (45%)");
  const progress = page.getByRole("region", { name: `Meetellende omzet ${year}` });
  await progress.getByText("Waarom?").click();
  await expect(progress.getByRole("table", { name: "Telt niet mee (2)" }).locator("tbody th")).toHaveText([`${year}-002`, `${year}-003`]);
  // Monthly bars: January has €9,000 counted and €18,000 not counted.
  const monthly = page.getByRole("region", { name: "Omzet per maand" });
  await monthly.getByText("Toon als tabel").click();
  const january = monthly.getByTestId("monthly-table").getByRole("row", { name: /januari/ });
  await expect(january.getByRole("cell").nth(0)).toHaveText("€ 9.000,00");
  await expect(january.getByRole("cell").nth(1)).toHaveText("€ 18.000,00");
});

test("a year of many invoices: why? sums them all, lists the latest 25 and links to the rest; the remediation lists the first 25 of all", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await register(page, "Veel Facturen", uniqueEmail("many"));
  const overview = await createKorBusiness(page, "Drukke Zaak", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  // 80 invoices of €500, one a day from 1 January: €40,000, over the limit at the 41st.
  const day = (i: number) => new Date(Date.UTC(Number(year), 0, 1 + i)).toISOString().slice(0, 10);
  const lines = Array.from(
    { length: 80 },
    (_, i) => `M-${String(i + 1).padStart(3, "0")},${day(i)},Klant ${i + 1},Werk,NL_STANDARD,500.00,0.00`,
  );
  const imported = await page.request.post(`/api/v1/businesses/${businessId}/invoices/import`, {
    headers: { origin: new URL(page.url()).origin, "content-type": "text/csv" },
    data: `number,date,customer,description,category,net,vat\n${lines.join("\n")}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(201);

  await page.goto(overview);
  const progress = page.getByRole("region", { name: `Meetellende omzet ${year}` });
  await progress.getByText("Waarom?").click();
  const groups = progress.getByRole("table", { name: "Per categorie: wat meetelt" });
  await expect(groups.locator("tfoot td").nth(0)).toHaveText("80");
  await expect(groups.locator("tfoot td").nth(1)).toHaveText(euro(4_000_000));
  const counted = progress.getByRole("table", { name: "Telt mee (80)" });
  await expect(counted.locator("tbody tr")).toHaveCount(25);
  await expect(counted.locator("tbody th").first()).toHaveText("M-056");
  await expect(counted.locator("tbody th").last()).toHaveText("M-080");
  await expect(counted.getByRole("row", { name: /M-080/ })).toContainText(euro(4_000_000));
  await expect(progress.getByText("Hieronder de laatste 25 van 80 facturen.")).toBeVisible();

  // From the 41st on, 40 invoices went out without VAT: the first 25 listed, the totals of all 40.
  const crossing = page.getByRole("region", { name: "Grens overschreden" });
  await expect(crossing.getByTestId("remediation-more")).toHaveText(
    "Hieronder de eerste 25 van 40 facturen; de bedragen hierboven gelden voor alle 40.",
  );
  const remediation = crossing.getByRole("table", { name: "Facturen zonder btw na de overschrijding" });
  await expect(remediation.locator("tbody tr")).toHaveCount(25);
  await expect(remediation.locator("tbody th").first()).toHaveText("M-041");
  await expect(remediation.locator("tfoot")).toContainText(euro(2_000_000));
  await expect(remediation.locator("tfoot")).toContainText(euro(420_000));

  await progress.getByRole("link", { name: "Alle 80 meetellende facturen in de factuurlijst" }).click();
  await expect(page).toHaveURL(new RegExp(`/businesses/${businessId}/invoices\\?year=${year}&counted=yes$`));
  await expect(page.locator("#invoice-counted")).toHaveValue("yes");
  await expect(page.getByRole("region", { name: "Totalen van deze selectie" }).locator("dd").first()).toHaveText("80");
});

// Issue #19: a page load carries the figures in its first HTML (the status card is the
// page's largest paint; streamed behind the skeleton it waited for the framework's
// scripts); a navigation inside the app still shows the skeleton while they load.
test("a page load of the dashboard has its figures in the HTML, not streamed behind the skeleton", async ({ page }) => {
  await register(page, "Fenna Figuur", uniqueEmail("first-html"));
  const overview = await createKorBusiness(page, "Fenna Fotografie", `${year}-01-01`);
  const response = await page.request.get(overview);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const status = html.indexOf('data-testid="kor-status"');
  expect(status).toBeGreaterThan(-1);
  // Not inside a hidden segment that a script moves into place, and no skeleton before it.
  expect(html.slice(0, status)).not.toMatch(/<div hidden id="S:/);
  expect(html).not.toContain('class="h-56 animate-pulse');
  // Arriving by a link inside the app: the figures come, as before.
  await page.goto(`${overview}/invoices`);
  await page.getByRole("link", { name: "Overzicht", exact: true }).click();
  await expect(page.getByTestId("kor-status")).toHaveText(/Veilig/);
});
