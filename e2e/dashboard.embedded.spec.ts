// The dashboard on the demo data (embedded database): its figures agree with the
// turnover endpoint, "why?" lists the invoices the engine counted, the year selector
// works, outsiders get a real 404, the pages pass axe, and the layout holds from a
// 360-pixel phone to a desktop.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = Number(today.slice(0, 4));
const euro = (cents: number) => new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
const percent = (value: number) => new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(value);

type Turnover = {
  korTurnoverCents: number;
  kor: { limitCents: number; crossing: { invoiceId: string } | null; participatingOnAsOf: boolean };
  explanations?: { years: Record<string, { kor: { counted: { transactionId: string }[]; notCounted: { transactionId: string }[] } }> };
};

async function loginAs(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Je bedrijven" })).toBeVisible();
}

async function openBusiness(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function turnover(page: Page, businessId: string, y: number, explain = false): Promise<Turnover> {
  const response = await page.request.get(`/api/v1/businesses/${businessId}/turnover?year=${y}${explain ? "&explain=true" : ""}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: Turnover }).data;
}

async function invoiceNumbers(page: Page, businessId: string, y: number): Promise<Map<string, string>> {
  const response = await page.request.get(`/api/v1/businesses/${businessId}/invoices?year=${y}&pageSize=200`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { id: string; number: string }[] };
  return new Map(body.data.map((invoice) => [invoice.id, invoice.number]));
}

test.describe("dashboard on the demo data", () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, "eigenaar@demo.drempel.nl");
  });

  test("Studio Eva: the progress, status and chart figures match the turnover endpoint", async ({ page }) => {
    const id = await openBusiness(page, "Studio Eva");
    const data = await turnover(page, id, year);
    const counted = data.korTurnoverCents;
    const limit = data.kor.limitCents;
    expect(limit).toBe(2_000_000);

    const progress = page.getByRole("region", { name: `Meetellende omzet ${year}` });
    await expect(progress.getByTestId("kor-progress-amount")).toHaveText(
      `${euro(counted)} van ${euro(limit)} (${percent(Math.floor((counted * 1000) / limit) / 10)}%)`,
    );
    const expectedStatus = data.kor.crossing ? "Grens overschreden" : counted >= 0.8 * limit ? "Bijna aan de grens" : "Veilig";
    await expect(progress.getByTestId("kor-status")).toHaveText(new RegExp(expectedStatus));
    if (counted < limit) await expect(progress.getByText(`Nog ${euro(limit - counted)} ruimte tot de grens`)).toBeVisible();
    await expect(progress.getByText(`80%-grens: ${euro(1_600_000)}`)).toBeVisible();
    await expect(progress.getByText(`95%-grens: ${euro(1_900_000)}`)).toBeVisible();

    // The chart's text summary and its table give the same total, and last year's line ends at last year's total.
    const chart = page.getByRole("region", { name: `Omzetverloop ${year}` });
    await expect(chart.getByTestId("cumulative-summary")).toContainText(
      `Tot en met de laatste factuur in ${year}: ${euro(counted)}; de grens is ${euro(limit)}.`,
    );
    const previous = await turnover(page, id, year - 1);
    await expect(chart.getByTestId("cumulative-summary")).toContainText(
      `Vorig jaar (${year - 1}) eindigde op ${euro(previous.korTurnoverCents)}.`,
    );
    await expect(chart.getByRole("img", { name: /Lijngrafiek/ })).toBeVisible();
    await expect(chart.getByTestId("cumulative-chart").locator("[data-frame]:visible")).toHaveCount(1);
    // The year's line, in the server SVG or in the Recharts chart that replaces it.
    await expect(chart.getByTestId("cumulative-chart").locator("svg:visible .series-actual")).toBeVisible();
    await chart.getByText("Toon als tabel").click();
    const table = chart.getByTestId("cumulative-table");
    await expect(table).toBeVisible();
    const actualColumn = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(actualColumn.filter((cell) => cell.trim() !== "").at(-1)).toBe(euro(counted));

    // The monthly bars count the same total.
    const monthly = page.getByRole("region", { name: "Omzet per maand" });
    await expect(monthly.getByTestId("monthly-summary")).toContainText(`In ${year} telt ${euro(counted)} mee`);
  });

  test("Studio Eva: why? lists exactly the invoices the engine counted", async ({ page }) => {
    const id = await openBusiness(page, "Studio Eva");
    const [data, numbers] = await Promise.all([turnover(page, id, year, true), invoiceNumbers(page, id, year)]);
    const explained = data.explanations!.years[String(year)]!.kor;
    const expected = explained.counted.map((entry) => numbers.get(entry.transactionId));
    expect(expected.length).toBeGreaterThan(0);

    const progress = page.getByRole("region", { name: `Meetellende omzet ${year}` });
    // By keyboard: the "why?" is a native disclosure.
    await progress.getByText("Waarom?").focus();
    await page.keyboard.press("Enter");
    const panel = progress.getByRole("group", { name: `Hoe de meetellende KOR-omzet van ${year} tot stand komt` });
    await expect(panel).toBeVisible();
    const countedTable = panel.getByRole("table", { name: `Telt mee (${expected.length})` });
    await expect(countedTable.locator("tbody th")).toHaveText(expected as string[]);
    await expect(panel.getByText(`Telt niet mee (${explained.notCounted.length})`)).toBeVisible();
    await expect(countedTable.getByText("Binnenlandse omzet telt mee voor de KOR en voor de EU-omzet.").first()).toBeVisible();
    await expect(countedTable.getByRole("cell", { name: "Welke omzet meetelt, per soort transactie" }).first()).toBeVisible();
  });

  test("the alerts panel names the action for Studio Eva near the limit", async ({ page }) => {
    const id = await openBusiness(page, "Studio Eva");
    const data = await turnover(page, id, year);
    const actions = page.getByRole("region", { name: "Wat moet je doen?" });
    if (data.kor.crossing) {
      await expect(actions.getByText(/^Meld je direct af voor de KOR — einddatum/)).toBeVisible();
    } else if (data.korTurnoverCents >= 0.95 * data.kor.limitCents) {
      await expect(actions.getByText("95% van de grens bereikt — let op je volgende facturen", { exact: true })).toBeVisible();
    } else if (data.korTurnoverCents >= 0.8 * data.kor.limitCents) {
      await expect(actions.getByText("80% van de grens bereikt — let op je volgende facturen", { exact: true })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Termijnen" })).toBeVisible();
  });

  test("Eva Advies is not in the KOR, and the year selector shows last year", async ({ page }) => {
    const id = await openBusiness(page, "Eva Advies");
    await expect(page.getByRole("region", { name: `Meetellende omzet ${year}` }).getByTestId("kor-status")).toHaveText(/Niet in de KOR/);
    const data = await turnover(page, id, year);
    await expect(page.getByTestId("kor-progress-amount")).toContainText(`${euro(data.korTurnoverCents)} van ${euro(data.kor.limitCents)}`);
    // Under the limit and outside the KOR: when to apply to join from the next quarter.
    await expect(
      page
        .getByRole("region", { name: "Wat moet je doen?" })
        .getByText(/^Vraag de KOR aan vóór \d{1,2} \p{L}+ \d{4} om mee te doen vanaf 1 \p{L}+ \d{4}$/u),
    ).toBeVisible();

    await page.getByLabel("Jaar", { exact: true }).selectOption(String(year - 1));
    await page.getByRole("button", { name: "Toon jaar" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?year=${year - 1}$`));
    await expect(page.getByRole("heading", { name: `Meetellende omzet ${year - 1}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Nog geen omzet in ${year - 1}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nieuwe factuur invoeren" })).toHaveAttribute("href", `/businesses/${id}/invoices/new`);
    await expect(page.getByRole("link", { name: "Facturen importeren (CSV)" })).toHaveAttribute("href", `/businesses/${id}/import`);
  });

  test("the KOR comparison and the herziening planner compute on the page", async ({ page }) => {
    // Several server-action round trips and reloads on a shared two-core machine.
    test.setTimeout(180_000);
    await openBusiness(page, "Studio Eva");
    const comparison = page.getByRole("region", { name: "Moet ik in de KOR?" });
    // The input VAT is the registered purchases' (none for Studio Eva): not typed by hand.
    await expect(comparison.getByTestId("kor-comparison-input-vat")).toHaveText("€ 0,00");
    await comparison.getByLabel("Deel van je omzet aan zakelijke klanten (%)").fill("100");
    await expect(comparison.getByTestId("kor-comparison-result")).toContainText("Voor jou maakt het in geld nauwelijks verschil.");
    await comparison.getByLabel("Deel van je omzet aan zakelijke klanten (%)").fill("0");
    await expect(comparison.getByTestId("kor-comparison-result")).toContainText("In de KOR ben je ongeveer");

    // docs/domain/KOR-RULES.md §3.6: a car first used in 2020 with €4,500 VAT, joining in 2021 → repay €900 in 2021–2024.
    const planner = page.getByRole("region", { name: "Btw-herziening bij in- of uittreden" });
    // Invalid input is answered field by field and saves nothing.
    await planner.getByLabel("Omschrijving").fill("Bestelauto");
    await planner.getByLabel("Btw-bedrag (€)").fill("veel");
    await planner.getByRole("button", { name: "Goed opslaan" }).click();
    await expect(planner.getByText("Dit is geen bedrag (bijvoorbeeld 1.234,56 of 1234.56).")).toBeVisible();
    await expect(planner.getByLabel("Btw-bedrag (€)")).toHaveAttribute("aria-invalid", "true");
    await expect(planner.getByTestId("investment-goods")).toHaveCount(0);

    await planner.getByLabel("Btw-bedrag (€)").fill("4.500");
    await planner.getByLabel("Jaar van eerste gebruik").fill("2020");
    await planner.getByRole("button", { name: "Goed opslaan" }).click();
    await expect(planner.getByRole("status")).toHaveText("Bestelauto is opgeslagen.");
    await planner.getByLabel("Met ingang van jaar").selectOption("2021");
    const table = planner.getByTestId("revision-table");
    await expect(table.locator("tbody tr")).toHaveCount(4);
    await expect(table.getByRole("row", { name: /2021/ })).toContainText("€ 900,00 terugbetalen");
    await expect(table.getByRole("row", { name: /2024/ })).toContainText("€ 900,00 terugbetalen");

    // Saved: still there after a reload; then changed (immovable: 10 years, €450 a year, below €500 after the first year) and removed.
    await page.reload();
    const goods = planner.getByTestId("investment-goods");
    await expect(goods.getByRole("row", { name: /Bestelauto/ })).toContainText("€ 4.500,00");
    await planner.getByRole("button", { name: "Wijzig Bestelauto" }).click();
    await planner.getByLabel("Soort").selectOption("IMMOVABLE");
    await planner.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect(goods.getByRole("row", { name: /Bestelauto/ })).toContainText("Onroerend (10 jaar)");
    await planner.getByLabel("Met ingang van jaar").selectOption("2021");
    await expect(table.locator("tbody tr")).toHaveCount(9);
    await expect(table.getByRole("row", { name: /2022/ })).toContainText("onder € 500 — geen herziening");
    await planner.getByRole("button", { name: "Verwijder Bestelauto" }).click();
    await expect(planner.getByRole("status")).toHaveText("Bestelauto is verwijderd.");
    await expect(planner.getByText("Nog geen goederen.")).toBeVisible();
    await page.reload();
    await expect(planner.getByText("Nog geen goederen.")).toBeVisible();
  });

  test("the demo accountant, with read-only access, sees the saved goods but no form", async ({ page, browser }) => {
    // Several server-action round trips and reloads on a shared two-core machine.
    test.setTimeout(180_000);
    await openBusiness(page, "Studio Eva");
    const planner = page.getByRole("region", { name: "Btw-herziening bij in- of uittreden" });
    await planner.getByLabel("Omschrijving").fill("Werkplaats");
    await planner.getByLabel("Btw-bedrag (€)").fill("21000");
    await planner.getByLabel("Soort").selectOption("IMMOVABLE");
    await planner.getByRole("button", { name: "Goed opslaan" }).click();
    await expect(planner.getByRole("status")).toHaveText("Werkplaats is opgeslagen.");
    const url = page.url();

    const context = await browser.newContext();
    const accountant = await context.newPage();
    await accountant.goto("/login");
    await accountant.getByLabel("E-mailadres").fill("boekhouder@demo.drempel.nl");
    await accountant.getByLabel("Wachtwoord").fill("drempel-demo");
    await accountant.getByRole("button", { name: "Inloggen" }).click();
    await accountant.waitForURL((u) => !u.pathname.startsWith("/login"));
    await accountant.goto(url);
    const seen = accountant.getByRole("region", { name: "Btw-herziening bij in- of uittreden" });
    await expect(seen.getByTestId("investment-goods").getByRole("row", { name: /Werkplaats/ })).toContainText("€ 21.000,00");
    await expect(seen.getByText("Je hebt leestoegang: je ziet de goederen, maar kunt ze niet wijzigen.")).toBeVisible();
    await expect(seen.getByRole("button", { name: "Goed opslaan" })).toHaveCount(0);
    await expect(seen.getByRole("button", { name: "Verwijder Werkplaats" })).toHaveCount(0);
    await context.close();

    await planner.getByRole("button", { name: "Verwijder Werkplaats" }).click();
    await expect(planner.getByRole("status")).toHaveText("Werkplaats is verwijderd.");
    await expect(planner.getByRole("row", { name: /Werkplaats/ })).toHaveCount(0);
  });

  test("axe finds no serious or critical violations on the dashboard, the invoice list and the settings", async ({ page }) => {
    // Three pages of axe on a shared two-core machine take longer than the default minute.
    test.setTimeout(180_000);
    const id = await openBusiness(page, "Studio Eva");
    for (const path of [`/businesses/${id}`, `/businesses/${id}/invoices`, `/businesses/${id}/settings`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path === `/businesses/${id}`) {
        await expect(page.getByTestId("cumulative-chart").locator("[data-frame]:visible")).toBeVisible();
        // Open every disclosure so axe also checks the why-tables and the chart tables.
        for (const summary of await page.locator("main details > summary").all()) await summary.click();
      }
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${path}: ${v.id} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  for (const viewport of [
    { name: "phone", width: 360, height: 780 },
    { name: "desktop", width: 1280, height: 900 },
  ]) {
    test(`the dashboard fits a ${viewport.name} screen (${viewport.width} px) without sideways scrolling`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ reducedMotion: "reduce" });
      await openBusiness(page, "Studio Eva");
      await expect(page.getByTestId("cumulative-chart").locator("[data-frame]:visible")).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // Every chart is as wide as its card allows, and not wider than the screen.
      // A chart is one frame that may hold nested SVGs (plot area and labels): every visible SVG of
      // both charts counts, and each chart has at least one.
      for (const testId of ["cumulative-chart", "monthly-chart"]) {
        const rights = await page
          .getByTestId(testId)
          .locator("svg:visible")
          .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().right));
        expect(rights.length, `${testId}: a visible SVG`).toBeGreaterThan(0);
        for (const right of rights) expect(right, testId).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${viewport.name}.png`), fullPage: true, animations: "disabled" });
    });
  }
});

test("the accountant's overview fits a 390-pixel phone: a card per client, no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("boekhouder@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.goto("/accountant");
  await expect(page.getByTestId("client-row").first()).toBeVisible();
  const overflow = await page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) wide.push(`page ${document.documentElement.scrollWidth}`);
    for (const table of document.querySelectorAll("main table")) {
      if (table.closest("details:not([open])")) continue;
      const scroller = table.parentElement!;
      if (table.getBoundingClientRect().right > window.innerWidth + 0.5 || scroller.scrollWidth > scroller.clientWidth + 1)
        wide.push(table.className);
    }
    return wide;
  });
  expect(overflow).toEqual([]);
});

test("an outsider gets a real 404 for someone else's dashboard", async ({ page, browser }) => {
  await loginAs(page, "eigenaar@demo.drempel.nl");
  const id = await openBusiness(page, "Studio Eva");
  const context = await browser.newContext();
  const outsider = await context.newPage();
  await loginAs(outsider, "tweede@demo.drempel.nl");
  const response = await outsider.goto(`/businesses/${id}`);
  expect(response?.status()).toBe(404);
  // Issue #16: the 404 inside the app's layout is one page with one main landmark, not two nested.
  await expect(outsider.getByRole("heading", { level: 1, name: "Niet gevonden" })).toBeVisible();
  await expect(outsider.locator("main")).toHaveCount(1);
  await expect(outsider.locator("#main")).toHaveCount(1);
  // And so is the 404 of an unknown address (outside the app's layout), and the dashboard itself.
  expect((await outsider.goto("/bestaat-niet"))?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { level: 1, name: "Niet gevonden" })).toBeVisible();
  await expect(outsider.locator("main")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await context.close();
});

// Issue #16: the demo tells the story. Besides the everyday businesses the demo owner has
// one that crossed €20,000 this year, one under the EU-KOR and one with investment goods.
test.describe("the demo's story businesses", () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, "eigenaar@demo.drempel.nl");
  });

  test("Catering Eva crossed €20,000 this year: the crossing panel names the invoice and the remediation table lists the 0% invoice after it", async ({
    page,
  }) => {
    const id = await openBusiness(page, "Catering Eva");
    const data = await turnover(page, id, year);
    expect(data.kor.crossing).not.toBeNull();
    expect(data.kor.participatingOnAsOf).toBe(false);
    const numbers = await invoiceNumbers(page, id, year);
    expect(numbers.get(data.kor.crossing!.invoiceId)).toBe(`${year}-008`);

    const crossing = page.getByRole("region", { name: "Grens overschreden" });
    await expect(crossing.getByTestId("crossing-invoice")).toContainText(`De grens is overschreden met factuur ${year}-008`);
    const remediation = crossing.getByRole("table", { name: "Facturen zonder btw na de overschrijding" });
    await expect(remediation.getByRole("row", { name: new RegExp(`^${year}-009`) })).toContainText(euro(150_000));
    await expect(remediation.getByRole("row", { name: new RegExp(`^${year}-008`) })).toContainText(euro(280_000));
    // The invoice with VAT after the crossing owes nothing more.
    await expect(remediation.getByRole("row", { name: new RegExp(`^${year}-010`) })).toHaveCount(0);
  });

  test("Keramiek Eva uses the EU-KOR: Union turnover and sales in Belgium and Germany", async ({ page }) => {
    await openBusiness(page, "Keramiek Eva");
    const eu = page.getByRole("region", { name: "EU-omzet en EU-KOR" });
    await expect(eu.getByText(`EU-omzet ${year}:`).first()).toContainText(`${euro(1_420_000)} van ${euro(10_000_000)} (14,2%)`);
    await expect(eu.getByText("Je gebruikt de EU-KOR niet.")).toHaveCount(0);
    const belgium = eu.getByRole("listitem").filter({ hasText: "BE:" });
    await expect(belgium).toContainText(euro(630_000));
    await expect(belgium).toContainText("EU-KOR gebruikt");
    const germany = eu.getByRole("listitem").filter({ hasText: "DE:" });
    await expect(germany).toContainText(euro(360_000));
    await expect(germany).toContainText("EU-KOR gebruikt");
  });

  test("Catering Eva has purchases after the crossing: the purchases page and the VAT returns are not empty", async ({ page }) => {
    const id = await openBusiness(page, "Catering Eva");
    await page.goto(`/businesses/${id}/purchases?year=${year}`);
    const list = page.getByTestId("purchase-list");
    for (const supplier of ["Groothandel Horeca BV", "Bakkerij Van Dam", "Küchenbedarf GmbH", "Keukenwinkel Zeist"])
      await expect(list.getByRole("row", { name: new RegExp(supplier) })).toBeVisible();
    await expect(list.getByRole("row", { name: /Keukenwinkel Zeist/ })).toContainText("In de btw-herzieningsplanner");
    // 21% of €850, 9% of €420, 21% of €600 reverse-charged, 21% of €3,200.
    await expect(list.locator("tfoot")).toContainText(euro(17_850 + 3_780 + 12_600 + 67_200));

    // Every purchase lies outside the KOR (on or after the crossing): the returns deduct all of it.
    const yearAnswer = await page.request.get(`/api/v1/businesses/${id}/vat-returns?year=${year}`);
    const periods = ((await yearAnswer.json()) as { data: { periods: { label: string; required: boolean }[] } }).data.periods;
    let inputVatCents = 0;
    let reverseChargedCents = 0;
    for (const period of periods.filter((p) => p.required)) {
      const answer = await page.request.get(`/api/v1/businesses/${id}/vat-returns/${period.label}`);
      const rubrieken = (
        (await answer.json()) as { data: { rubrieken: { code: string; turnoverCents: number | null; vatCents: number | null }[] } }
      ).data.rubrieken;
      inputVatCents += rubrieken.find((r) => r.code === "5b")!.vatCents ?? 0;
      reverseChargedCents += rubrieken.find((r) => r.code === "4b")!.turnoverCents ?? 0;
    }
    expect(inputVatCents).toBe(17_850 + 3_780 + 12_600 + 67_200);
    expect(reverseChargedCents).toBe(60_000);
  });

  test("Fotografie Eva has investment goods: the revision planner shows what joining the KOR repays", async ({ page }) => {
    await openBusiness(page, "Fotografie Eva");
    const planner = page.getByRole("region", { name: "Btw-herziening bij in- of uittreden" });
    const goods = planner.getByTestId("investment-goods");
    await expect(goods.getByRole("row", { name: /Camera en objectieven/ })).toContainText(euro(315_000));
    await expect(goods.getByRole("row", { name: /Studioruimte/ })).toContainText("Onroerend (10 jaar)");
    // Joining next year: a fifth of the camera's VAT (€630) plus a tenth of the studio's (€840) a year.
    const table = planner.getByTestId("revision-table");
    await expect(table.getByRole("row", { name: new RegExp(String(year + 1)) }).first()).toContainText(`${euro(147_000)} terugbetalen`);
  });
});
