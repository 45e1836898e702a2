// Screenshots of the dashboard at phone (360 px) and desktop width, compared with the
// committed baselines. Deterministic on any day: a business of its own with invoices on
// fixed dates in 2024, shown with ?year=2024, so the page's "today" (the as-of date is
// 31 December 2024 for a past year) never enters the picture. Only the header's unread
// count is hidden (fixtures/screenshot.css): background alert evaluation may or may not
// have raised a notification yet, and deadline reminders depend on the real date. The
// pictures are of the server-rendered SVG charts: `&charts=static` turns off only their
// swap for the Recharts version (chart-enhancement.tsx), which depends on scrolling and idle time.
// axe runs on the same fixed page at both widths.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

type Invoice = { number: string; date: string; netCents: number; category?: string; country?: string; customer: string };

// 2023 ends at €15,000 (the faint line); 2024 crosses €20,000 on 22 October with 2024-007,
// then two invoices go out without VAT; one Belgian sale counts for the EU only.
const INVOICES: Invoice[] = [
  { number: "2023-001", date: "2023-03-15", netCents: 600_000, customer: "Bakkerij Vast" },
  { number: "2023-002", date: "2023-09-15", netCents: 900_000, customer: "Gemeente Vast" },
  { number: "2024-001", date: "2024-01-20", netCents: 300_000, customer: "Bakkerij Vast" },
  { number: "2024-002", date: "2024-03-12", netCents: 450_000, customer: "Gemeente Vast" },
  { number: "2024-003", date: "2024-05-08", netCents: 380_000, customer: "Fietsen Vast" },
  { number: "2024-004", date: "2024-06-10", netCents: 250_000, customer: "Bruxelles SA", category: "EU_B2B_SERVICES", country: "BE" },
  { number: "2024-005", date: "2024-07-16", netCents: 520_000, customer: "Bakkerij Vast" },
  { number: "2024-006", date: "2024-09-03", netCents: 290_000, customer: "Gemeente Vast" },
  { number: "2024-007", date: "2024-10-22", netCents: 150_000, customer: "Fietsen Vast" },
  { number: "2024-008", date: "2024-11-14", netCents: 120_000, customer: "Bakkerij Vast" },
  { number: "2024-009", date: "2024-12-05", netCents: 80_000, customer: "Boekhandel Vast", category: "NL_REDUCED" },
];

async function postInvoice(page: Page, businessId: string, invoice: Invoice): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin: new URL(page.url()).origin },
    data: {
      number: invoice.number,
      date: invoice.date,
      customer: { name: invoice.customer, ...(invoice.country ? { country: invoice.country, type: "business" } : {}) },
      category: invoice.category ?? "NL_STANDARD",
      netCents: invoice.netCents,
      vatCents: 0,
      ...(invoice.country ? { country: invoice.country } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("the dashboard of a fixed past year looks the same at phone and desktop width, and passes axe", async ({ page }) => {
  // Eleven invoices, two full-page screenshots and two axe runs on a shared machine.
  test.setTimeout(180_000);
  await register(page, "Sanne Vast", uniqueEmail("screenshot"));
  const overview = await createKorBusiness(page, "Atelier Vast", "2024-01-01");
  const businessId = new URL(overview).pathname.split("/")[2]!;
  for (const invoice of INVOICES) await postInvoice(page, businessId, invoice);

  for (const viewport of [
    { name: "phone", width: 360, height: 780 },
    { name: "desktop", width: 1280, height: 900 },
  ]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${overview}?year=2024&charts=static`);
    await expect(page.getByTestId("dashboard")).toBeVisible();
    // The figures the picture must show, so a wrong page cannot become the baseline.
    await expect(page.getByTestId("kor-progress-amount")).toHaveText("€ 22.900,00 van € 20.000,00 (114,5%)");
    await expect(page.getByTestId("crossing-invoice")).toContainText("factuur 2024-007 (Fietsen Vast) van 22 oktober 2024");
    await expect(page.getByText("Stand op 31 december 2024")).toBeVisible();
    await expect(page.getByTestId("cumulative-chart")).toHaveAttribute("data-enhanced", "false");
    await expect(page).toHaveScreenshot(`dashboard-${viewport.name}.png`, {
      fullPage: true,
      animations: "disabled",
      caret: "hide",
      stylePath: path.join(import.meta.dirname, "fixtures/screenshot.css"),
      maxDiffPixelRatio: 0.002,
      // The "done on" field proposes today's date.
      mask: [page.locator('input[name="doneOn"]')],
    });

    for (const summary of await page.locator("main details > summary").all()) await summary.click();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${viewport.name}: ${v.id} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  }
});

/** Neither the page nor any of its tables scrolls sideways: what a phone user needs is on screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      wide.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    for (const table of document.querySelectorAll("main table")) {
      if (table.closest("details:not([open])")) continue; // folded away until asked for
      const box = table.getBoundingClientRect();
      const scroller = table.parentElement;
      if (box.right > window.innerWidth + 0.5)
        wide.push(`table "${table.querySelector("caption")?.textContent ?? ""}" ends at ${box.right}`);
      if (scroller && scroller.scrollWidth > scroller.clientWidth + 1)
        wide.push(`table "${table.querySelector("caption")?.textContent ?? ""}" scrolls ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    }
    return wide;
  });
  expect(overflow).toEqual([]);
}

test("at 390 px the dashboard after a crossing and the invoice list fit the phone, cards instead of wide tables", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Pim Telefoon", uniqueEmail("phone"));
  const overview = await createKorBusiness(page, "Atelier Telefoon", "2024-01-01");
  const businessId = new URL(overview).pathname.split("/")[2]!;
  for (const invoice of INVOICES) await postInvoice(page, businessId, invoice);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  // The "done on" field proposes today's date: masked.
  const shot = {
    fullPage: true,
    animations: "disabled" as const,
    caret: "hide" as const,
    stylePath: path.join(import.meta.dirname, "fixtures/screenshot.css"),
    maxDiffPixelRatio: 0.002,
    mask: [page.locator('input[name="doneOn"]')],
  };

  // The header is one slim band, not a third of the screen.
  await page.goto(`${overview}?year=2024&charts=static`);
  await expect(page.getByTestId("dashboard")).toBeVisible();
  const header = await page.locator("header").first().boundingBox();
  expect(header!.height).toBeLessThanOrEqual(100);
  // The remediation table's amounts are on screen: a card per invoice.
  await expect(page.getByTestId("crossing-invoice")).toBeVisible();
  await expectNoSidewaysScroll(page);
  // 80% and 95% labels do not overlap, however far past the limit the bar runs.
  const [eighty, ninetyFive] = await page.getByTestId("progress-mark-label").all();
  const a = (await eighty!.boundingBox())!;
  const b = (await ninetyFive!.boundingBox())!;
  expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  await expect(page).toHaveScreenshot("dashboard-crossing-390.png", shot);

  await page.goto(`${overview}/invoices?year=2024`);
  await expect(page.getByRole("link", { name: "2024-007", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  // Each invoice's amount and actions are within the screen.
  const edit = await page.getByRole("link", { name: "Factuur 2024-007 bewerken" }).boundingBox();
  expect(edit!.x + edit!.width).toBeLessThanOrEqual(390);
  await expect(page).toHaveScreenshot("invoice-list-390.png", shot);
});

test("at 390 px the accountant overview fits the phone, one card per client, and looks the same", async ({ page }) => {
  test.setTimeout(180_000);
  const pg = (await import("pg")).default;
  const { e2eDatabaseUrl } = await import("../playwright.config");
  // Three clients of one owner, in the KOR since 2024 with invoices only in 2024: this
  // year's figures (the overview's) are €0 on any day, and the last invoice dates are fixed.
  await register(page, "Olga Opdrachtgever", uniqueEmail("klant"));
  const clients: { name: string; invoices: Invoice[] }[] = [
    { name: "Atelier Vast met een heel lange naam", invoices: INVOICES.slice(2, 5) },
    { name: "Bakkerij Vast", invoices: INVOICES.slice(5, 7) },
    { name: "Tuinontwerp Vast", invoices: [INVOICES[10]!] },
  ];
  const ids: string[] = [];
  for (const client of clients) {
    const overview = await createKorBusiness(page, client.name, "2024-01-01");
    const businessId = new URL(overview).pathname.split("/")[2]!;
    for (const invoice of client.invoices) await postInvoice(page, businessId, invoice);
    ids.push(businessId);
  }
  await page.context().clearCookies();
  const email = uniqueEmail("kantoor");
  await register(page, "Karel Kantoor", email);
  // Granted as an accepted invitation would (the invitation flow is e2e/accountant.spec.ts's).
  const db = new pg.Client({ connectionString: e2eDatabaseUrl });
  await db.connect();
  try {
    for (const id of ids) {
      await db.query(
        `INSERT INTO "Membership" ("id", "businessId", "userId", "role", "access") SELECT gen_random_uuid(), $1::uuid, u."id", 'ACCOUNTANT', 'READ_ONLY' FROM "User" u WHERE u."email" = $2`,
        [id, email],
      );
    }
  } finally {
    await db.end();
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/accountant");
  await expect(page.getByRole("heading", { level: 1, name: "Je klanten" })).toBeVisible();
  const rows = page.getByTestId("client-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Bakkerij Vast" })).toContainText(/16 jul(i)? 2024/);
  await expectNoSidewaysScroll(page);
  // Each client's name and status are within the screen.
  for (const row of await rows.all()) {
    const box = (await row.boundingBox())!;
    expect(box.x + box.width, (await row.textContent()) ?? "").toBeLessThanOrEqual(390);
  }
  // What names today or this year is masked: the "as of" line and each card's "Omzet <year>" line.
  await expect(page).toHaveScreenshot("accountant-overview-390.png", {
    fullPage: true,
    animations: "disabled",
    caret: "hide",
    stylePath: path.join(import.meta.dirname, "fixtures/screenshot.css"),
    maxDiffPixelRatio: 0.002,
    mask: [page.getByTestId("overview-as-of"), page.locator('[data-testid="client-row"] > td:first-of-type')],
  });
});
