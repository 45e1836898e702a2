// Issue #16: a deadline is marked done once, everywhere. After a crossing today the first
// VAT return (this quarter's, due at the end of the month after it) is a to-do on the
// dashboard; the owner marks it filed with a date and the dashboard shows "Ingediend op …"
// instead of the deadline; undo brings it back. The business list shows each business's
// turnover, share of the limit, status and next deadline as cards, on a phone too.
import { expect, test } from "@playwright/test";
import { createBusinessOverApi, createKorBusiness, postInvoice, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const inWords = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const year = Number(today.slice(0, 4));
const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
// The return of a quarter is due on the last day of the month after it.
const due = new Date(Date.UTC(year, quarter * 3 + 1, 0)).toISOString().slice(0, 10);
const returnTitle = `Doe je btw-aangifte over ${quarter}e kwartaal ${year}`;

test("the first VAT return after the crossing is marked filed on the dashboard, and taken back", async ({ page }) => {
  test.setTimeout(120_000);
  await register(page, "Fien Filing", uniqueEmail("ingediend"));
  const overview = await createKorBusiness(page, "Fien Fotografie", `${year}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, `${year}-001`, `${year}-01-01`, 1_950_000, { sequence: 1 });
  // The crossing today (second on 1 January, when today is that day).
  await postInvoice(page, businessId, `${year}-002`, today, 100_000, { sequence: 2 });

  await page.goto(overview);
  const actions = page.getByRole("region", { name: "Wat moet je doen?" });
  const item = actions.getByRole("listitem").filter({ hasText: returnTitle });
  await expect(item).toContainText(`Uiterlijk ${inWords(due)}`);
  await item.getByLabel("Ingediend op").fill(today);
  await item.getByRole("button", { name: "Markeer als ingediend" }).click();

  const done = actions.getByRole("listitem").filter({ hasText: returnTitle });
  await expect(done.getByTestId("deadline-done")).toHaveText(`✓ Ingediend op ${inWords(today)}`);
  await expect(done.getByRole("button", { name: "Markeer als ingediend" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Termijnen" })).toContainText(`Btw-aangifte (ingediend op ${inWords(today)})`);

  // The business list: turnover, share, status, and the next deadline is no longer the filed return.
  await page.goto("/businesses");
  const card = page.getByTestId("business-list").getByRole("listitem", { name: "Fien Fotografie" });
  await expect(card.getByTestId("business-status")).toHaveText("Grens overschreden");
  await expect(card.getByTestId("business-turnover")).toHaveText(`Omzet ${year}: € 20.500,00 — 102,5% van € 20.000,00`);
  await expect(card.getByTestId("business-deadline")).not.toContainText("Btw-aangifte");

  await page.goto(overview);
  await done.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(
    actions.getByRole("listitem").filter({ hasText: returnTitle }).getByRole("button", { name: "Markeer als ingediend" }),
  ).toBeVisible();
  await page.goto("/businesses");
  await expect(card.getByTestId("business-deadline")).toHaveText(`Volgende termijn: ${inWords(due)} — Btw-aangifte`);
});

test("the business list at 390 px: one card per business, nothing scrolls sideways; an empty list says what to do", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await register(page, "Lot Lijst", uniqueEmail("lijst"));
  await page.goto("/businesses");
  await expect(page.getByText("Je hebt nog geen bedrijf.")).toBeVisible();
  await createKorBusiness(page, "Lot Letterwerk met een heel lange bedrijfsnaam", `${today.slice(0, 4)}-01-01`);
  await createKorBusiness(page, "Lot Lampen", `${today.slice(0, 4)}-01-01`);
  await page.goto("/businesses");
  const cards = page.getByTestId("business-list").getByRole("listitem");
  await expect(cards).toHaveCount(2);
  await expect(cards.first().getByTestId("business-status")).toHaveText("In de KOR");
  await expect(cards.first().getByTestId("business-turnover")).toHaveText(`Omzet ${today.slice(0, 4)}: € 0,00 — 0% van € 20.000,00`);
  await expect(cards.first().getByRole("meter")).toHaveAttribute("aria-valuenow", "0");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("a refused done-mark shows its error on the form that was sent, not on every open form of the panel", async ({ page }) => {
  test.setTimeout(120_000);
  await register(page, "Rik Refused", uniqueEmail("geweigerd"));
  // In the KOR and the EU-KOR: after a crossing today the panel has two open forms, the
  // first VAT return and the next EU-KOR quarterly report.
  const businessId = await createBusinessOverApi(page, {
    name: "Rik Reizen",
    korParticipations: [{ from: `${year}-01-01` }],
    euKor: { exNumber: "NL123456789EX01", from: `${year}-01-01`, memberStates: ["DE"] },
  });
  await postInvoice(page, businessId, `${year}-001`, `${year}-01-01`, 1_950_000, { sequence: 1 });
  await postInvoice(page, businessId, `${year}-002`, today, 100_000, { sequence: 2 });

  await page.goto(`/businesses/${businessId}`);
  const actions = page.getByRole("region", { name: "Wat moet je doen?" });
  const vatReturn = actions.getByRole("listitem").filter({ hasText: returnTitle });
  const euReport = actions.getByRole("listitem").filter({ hasText: "Dien het EU-KOR-kwartaalrapport in" });
  await expect(euReport.getByRole("button", { name: "Markeer als ingediend" })).toBeVisible();
  // A day after today, as a browser that does not hold the field to its `max` would send it.
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const field = vatReturn.getByLabel("Ingediend op");
  await field.evaluate((input) => input.removeAttribute("max"));
  await field.fill(tomorrow);
  await vatReturn.getByRole("button", { name: "Markeer als ingediend" }).click();

  await expect(vatReturn.getByRole("alert")).toHaveText("Dit lukte niet. Kies een datum die niet in de toekomst ligt.");
  await expect(vatReturn.getByLabel("Ingediend op")).toHaveAttribute("aria-invalid", "true");
  await expect(euReport.getByRole("button", { name: "Markeer als ingediend" })).toBeVisible();
  await expect(euReport.getByRole("alert")).toHaveCount(0);
  await expect(euReport.getByLabel("Ingediend op")).not.toHaveAttribute("aria-invalid", "true");
  await expect(actions.getByRole("alert")).toHaveCount(1);
});
