// Issue #20, as a user does it: subscribe to the calendar (create the URL on the account
// page and copy it), fetch the .ics as a calendar app would (no session) and parse it;
// revoke it and the URL answers 404; download the year's statement as PDF from the
// invoices page and read its text back.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { createKorBusiness, postInvoice, register, uniqueEmail } from "./helpers";
import { pdfText } from "../test/support/pdf-text";

test("subscribe to the deadlines calendar, and download the statement as PDF", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await register(page, "Cato Kalender", uniqueEmail("kalender"));
  const overview = await createKorBusiness(page, "Cato Keramiek", "2025-01-01");
  const businessId = new URL(overview).pathname.split("/")[2]!;
  // Crosses €20,000 with the second invoice, on 14 March 2025.
  await postInvoice(page, businessId, "2025-001", "2025-02-01", 1_500_000);
  await postInvoice(page, businessId, "2025-002", "2025-03-14", 600_000);

  // The calendar: create the URL on the account page and copy it.
  await page.goto("/settings/account");
  const section = page.getByRole("region", { name: "Deadlines in je agenda" });
  await expect(section.getByText("Je hebt nog geen agenda-URL.")).toBeVisible();
  await section.getByRole("button", { name: "Agenda-URL maken" }).click();
  const field = section.getByLabel("Je agenda-URL");
  await expect(field).toBeVisible();
  await expect(section.getByRole("status")).toHaveText("Agenda-URL gemaakt. Een eerdere URL werkt niet meer.");
  const url = await field.inputValue();
  expect(url).toMatch(/\/api\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(section.getByText(/Agenda-URL actief/)).toBeVisible();

  // A calendar app has no session: a fresh context fetches the URL.
  const app = await browser.newContext();
  const response = await app.request.get(new URL(new URL(url).pathname, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  const vatReturn = events.find((event) => event.summary === "Cato Keramiek: Btw-aangifte" && event.startDate.toString() === "2025-04-30");
  expect(vatReturn, events.map((e) => `${e.summary} ${e.startDate.toString()}`).join("\n")).toBeDefined();
  expect(vatReturn!.startDate.isDate).toBe(true);
  expect(vatReturn!.uid).toContain(businessId);

  // Revoked: the same URL answers 404.
  await section.getByRole("button", { name: "Agenda-URL intrekken" }).click();
  await expect(section.getByRole("status")).toHaveText("Agenda-URL ingetrokken: hij werkt niet meer.");
  expect((await app.request.get(new URL(new URL(url).pathname, page.url()).toString())).status()).toBe(404);
  await app.close();
  // Both steps are in the security log.
  await page.reload();
  await expect(page.getByRole("cell", { name: "Agenda-URL gemaakt" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Agenda-URL ingetrokken" })).toBeVisible();

  // The PDF statement from the invoices page.
  await page.goto(`/businesses/${businessId}/invoices?year=2025`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Overzicht 2025 (PDF)" }).click()]);
  expect(download.suggestedFilename()).toBe("omzetoverzicht-2025.pdf");
  const text = (await pdfText(await readFile(await download.path()))).replace(/\s+/g, " ");
  expect(text).toContain("Omzetoverzicht 2025");
  expect(text).toContain("Meetellende omzet in 2025: € 21.000,00");
  expect(text).toContain("overschreden op 14 maart 2025 met factuur 2025-002");
  expect(text).toContain("30 april 2025 — Btw-aangifte");
});

test("the EU-KOR quarterly report figures per member state, and their CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await register(page, "Eva Europa", uniqueEmail("eukor"));
  const overview = await createKorBusiness(page, "Eva Export", "2025-01-01");
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, "2025-001", "2025-02-01", 120_000);
  await postInvoice(page, businessId, "2025-002", "2025-02-10", 45_000, { category: "EU_LOCAL", country: "DE" });
  await postInvoice(page, businessId, "2025-003", "2025-05-10", 30_000, { category: "EU_LOCAL", country: "FR" });

  await page.goto(`/businesses/${businessId}/invoices?year=2025`);
  await page.getByRole("link", { name: "EU-KOR-kwartaalrapport 2025" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EU-KOR-kwartaalrapport 2025" })).toBeVisible();
  const q1 = page.getByRole("region", { name: "Kwartaal 2025-Q1" });
  await expect(q1.getByText("Uiterlijk indienen op 30 april 2025.")).toBeVisible();
  await expect(q1.getByRole("row", { name: /DE/ })).toContainText("€ 450,00");
  await expect(q1.getByRole("row", { name: /NL/ })).toContainText("€ 1.200,00");
  await expect(page.getByRole("region", { name: "Kwartaal 2025-Q2" }).getByRole("row", { name: /FR/ })).toContainText("€ 300,00");
  await expect(
    page.getByRole("region", { name: "Kwartaal 2025-Q3" }).getByText("Geen leveringen in dit kwartaal: vul overal 0 in."),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Kwartaalrapport 2025 (CSV, alle lidstaten)" }).click(),
  ]);
  const csv = (await readFile(await download.path(), "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe("quarter,due_date,member_state,net_cents,net_eur,rule");
  expect(csv).toHaveLength(1 + 4 * 27);
  expect(csv).toContain("2025-Q1,2025-04-30,DE,45000,450.00,§4");
  expect(csv).toContain("2025-Q2,2025-07-31,FR,30000,300.00,§4");
});
