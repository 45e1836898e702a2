// Issue #16: a deadline is marked done once, everywhere. After a crossing today the first
// VAT return (this quarter's, due at the end of the month after it) is a to-do on the
// dashboard; the owner marks it filed with a date and the dashboard shows "Ingediend op …"
// instead of the deadline; undo brings it back. The business list shows each business's
// turnover, share of the limit, status and next deadline as cards, on a phone too.
import { expect, test, type Page } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const inWords = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const year = Number(today.slice(0, 4));
const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
// The return of a quarter is due on the last day of the month after it.
const due = new Date(Date.UTC(year, quarter * 3 + 1, 0)).toISOString().slice(0, 10);
const returnTitle = `Doe je btw-aangifte over ${quarter}e kwartaal ${year}`;

async function postInvoice(
  page: Page,
  businessId: string,
  number: string,
  date: string,
  netCents: number,
  sequence: number,
): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin: new URL(page.url()).origin },
    data: { number, date, sequence, customer: { name: `Klant ${number}` }, category: "NL_STANDARD", netCents, vatCents: 0 },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("the first VAT return after the crossing is marked filed on the dashboard, and taken back", async ({ page }) => {
  test.setTimeout(120_000);
  await register(page, "Fien Filing", uniqueEmail("ingediend"));
  const overview = await createKorBusiness(page, "Fien Fotografie", `${year}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, `${year}-001`, `${year}-01-01`, 1_950_000, 1);
  // The crossing today (second on 1 January, when today is that day).
  await postInvoice(page, businessId, `${year}-002`, today, 100_000, 2);

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
