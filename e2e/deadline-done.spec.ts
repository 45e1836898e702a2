// Issue #16: a deadline is marked done once, everywhere. After the crossing of 20 November
// 2026 the first VAT return (4th quarter 2026, due 31 January 2027) is a to-do on the
// dashboard; the owner marks it filed with a date and the dashboard shows "Ingediend op …"
// instead of the deadline; undo brings it back. The business list shows each business's
// turnover, share of the limit, status and next deadline as cards, on a phone too.
import { expect, test, type Page } from "@playwright/test";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const inWords = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

async function postInvoice(page: Page, businessId: string, number: string, date: string, netCents: number): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin: new URL(page.url()).origin },
    data: { number, date, customer: { name: `Klant ${number}` }, category: "NL_STANDARD", netCents, vatCents: 0 },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("the first VAT return after the crossing is marked filed on the dashboard, and taken back", async ({ page }) => {
  test.skip(today <= "2026-11-20" || today > "2026-12-31", "the scenario's dashboard of 2026 is today's while 2026 runs after 20 November");
  test.setTimeout(120_000);
  await register(page, "Fien Filing", uniqueEmail("ingediend"));
  const overview = await createKorBusiness(page, "Fien Fotografie", "2026-01-01");
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, "2026-001", "2026-02-10", 1_950_000);
  await postInvoice(page, businessId, "2026-002", "2026-11-20", 100_000);

  await page.goto(overview);
  const actions = page.getByRole("region", { name: "Wat moet je doen?" });
  const item = actions.getByRole("listitem").filter({ hasText: "Doe je btw-aangifte over 4e kwartaal 2026" });
  await expect(item).toContainText("Uiterlijk 31 januari 2027");
  await item.getByLabel("Ingediend op").fill(today);
  await item.getByRole("button", { name: "Markeer als ingediend" }).click();

  const done = actions.getByRole("listitem").filter({ hasText: "Doe je btw-aangifte over 4e kwartaal 2026" });
  await expect(done.getByTestId("deadline-done")).toHaveText(`✓ Ingediend op ${inWords(today)}`);
  await expect(done.getByRole("button", { name: "Markeer als ingediend" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Termijnen" })).toContainText(`Btw-aangifte (ingediend op ${inWords(today)})`);

  // The business list: turnover, share, status, and the next deadline is no longer the filed return.
  await page.goto("/businesses");
  const card = page.getByTestId("business-list").getByRole("listitem", { name: "Fien Fotografie" });
  await expect(card.getByTestId("business-status")).toHaveText("Grens overschreden");
  await expect(card.getByTestId("business-turnover")).toHaveText("Omzet 2026: € 20.500,00 — 102,5% van € 20.000,00");
  await expect(card.getByTestId("business-deadline")).not.toContainText("Btw-aangifte");

  await page.goto(overview);
  await done.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(
    actions
      .getByRole("listitem")
      .filter({ hasText: "Doe je btw-aangifte over 4e kwartaal 2026" })
      .getByRole("button", { name: "Markeer als ingediend" }),
  ).toBeVisible();
  await page.goto("/businesses");
  await expect(card.getByTestId("business-deadline")).toHaveText("Volgende termijn: 31 januari 2027 — Btw-aangifte");
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
