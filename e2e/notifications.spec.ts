import { expect, test } from "@playwright/test";
import { createKorBusiness, mailsTo, register, uniqueEmail } from "./helpers";

// The worker runs inside the web server (ALERT_WORKER=inline, polling every second) and
// sends the mails over SMTP to the e2e mail server (scripts/e2e-mail-catcher.ts); the app
// lists them as sent, with their text.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = today.slice(0, 4);
const todayInWords = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date());

test("the notification centre shows the crossing after the invoice that crosses the KOR limit", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("melding");
  await register(page, "Nina Melding", email);
  const overview = await createKorBusiness(page, "Nina Naaiatelier", `${year}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await expect(page.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();

  // €19.000 through the API (95% of the limit), with the session cookie.
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { Origin: baseURL! },
    data: { number: `${year}-001`, date: today, customer: { name: "Stoffenhuis" }, category: "NL_STANDARD", netCents: 1_900_000 },
  });
  expect(response.status()).toBe(201);

  // The crossing invoice through the form.
  await page.goto(`/businesses/${businessId}/invoices/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe factuur" })).toBeVisible();
  await expect(page.getByLabel("Factuurnummer")).toHaveValue(`${year}-002`);
  await page.getByLabel("Datum").fill(today);
  await page.getByLabel("Naam klant").fill("Modehuis Mees");
  await page.getByLabel("Bedrag excl. btw").fill("1.500,00");
  await page.getByRole("button", { name: "Factuur opslaan" }).click();
  await expect(page.getByText(`Factuur ${year}-002 is opgeslagen.`)).toBeVisible();

  // Once the worker has run: the crossing, the 95% alert (and, depending on the date, the
  // projection, which at 95% may already foresee a crossing), counted in the header.
  const crossed = page.getByRole("article", { name: "KOR-grens overschreden", exact: true });
  await expect(async () => {
    await page.goto("/notifications");
    await expect(crossed).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const unread = await page.getByRole("article").filter({ hasText: "Ongelezen" }).count();
  expect(unread).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("link", { name: `Meldingen ${unread} ongelezen` })).toBeVisible();
  await expect(crossed.getByText(`Je omzet ${year} is met ${year}-002 op ${todayInWords} boven € 20.000,00 gekomen`)).toBeVisible();
  await expect(page.getByRole("article", { name: "KOR-grens komt in zicht (80% en 95%)" })).toBeVisible();

  await crossed.getByRole("button", { name: "Markeer als gelezen" }).click();
  await expect(page.getByRole("link", { name: `Meldingen ${unread - 1} ongelezen` })).toBeVisible();
  await expect(crossed.getByRole("button", { name: "Markeer als gelezen" })).toHaveCount(0);

  // The crossing's mail reached the mail server over SMTP …
  await expect(async () => {
    const received = await mailsTo(email, 1);
    expect(received.some((text) => text.includes(`Factuur: ${year}-002`))).toBe(true);
  }).toPass({ timeout: 20_000 });
  // … and the app lists it as sent, with its text.
  await page.getByRole("link", { name: "Verzonden e-mails" }).click();
  const mail = page.getByRole("article", { name: `Nina Naaiatelier: KOR-grens overschreden met factuur ${year}-002` });
  await expect(mail).toBeVisible();
  await expect(mail.getByText(/Status: Verstuurd/)).toBeVisible();
  await mail.getByText("Tekst van de e-mail").click();
  const text = (await mail.locator("pre").textContent()) ?? "";
  expect(text).toContain(`Factuur: ${year}-002`);
  const unsubscribeLink = text.match(/Afmelden: (\S+)/)?.[1];
  expect(unsubscribeLink).toBeTruthy();

  // The unsubscribe link works without logging in, for that kind only.
  const stranger = await browser.newContext({ baseURL });
  const anonymous = await stranger.newPage();
  const linkPath = new URL(unsubscribeLink!).pathname + new URL(unsubscribeLink!).search;
  await anonymous.goto(linkPath);
  await expect(anonymous.getByText(/Wil je geen e-mails meer over „KOR-grens overschreden”/)).toBeVisible();
  await anonymous.getByRole("button", { name: "Afmelden" }).click();
  await expect(anonymous.getByText(/Afgemeld: je krijgt geen e-mails meer over „KOR-grens overschreden”/)).toBeVisible();
  await anonymous.goto(linkPath.slice(0, -2) + (linkPath.endsWith("A") ? "BB" : "AA"));
  await expect(anonymous.getByText("Deze afmeldlink is ongeldig of beschadigd.", { exact: false })).toBeVisible();
  await stranger.close();

  await page.goto("/notifications");
  await expect(page.getByRole("checkbox", { name: "KOR-grens overschreden", exact: true })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "KOR-grens komt in zicht (80% en 95%)" })).toBeChecked();
});
