// Issue #20, as a user does it: a business that sells in other member states crosses the
// EU-KOR's €100,000 on Thursday 10 September 2026 (KOR-RULES.md §4's example: inform by
// 1 October 2026). The EU-KOR page shows the notice with its date and supplies and the ICP
// and OSS figures (and their CSV); the dashboard's PDF link gives the statement with the
// same filing figures, read back as text.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createBusinessOverApi, postInvoice, register, uniqueEmail } from "./helpers";
import { pdfText } from "../test/support/pdf-text";

test("the EU-KOR notice, ICP and OSS on the page, in the CSV and in the PDF from the dashboard", async ({ page }) => {
  test.setTimeout(150_000);
  await register(page, "Iris Intra", uniqueEmail("icp"));
  // An EU-KOR business (created over the API, which takes the EX number and member states).
  const businessId = await createBusinessOverApi(page, {
    name: "Iris Glas",
    euKor: { exNumber: "NL123456789EX01", from: "2026-01-01", memberStates: ["DE", "FR"] },
  });
  const overview = `/businesses/${businessId}`;
  await postInvoice(page, businessId, "F-1", "2026-01-10", 8_600_000, { vatCents: 1_806_000 });
  await postInvoice(page, businessId, "F-2", "2026-02-10", 400_000, {
    category: "EU_B2B_GOODS",
    customer: { name: "Holz GmbH", country: "DE", type: "business", vatId: "DE123456789" },
  });
  await postInvoice(page, businessId, "F-3", "2026-07-06", 900_000, {
    category: "EU_B2C_NL_VAT",
    customer: { name: "Claire", country: "FR", type: "consumer" },
  });
  // Union turnover €100,500 and distance sales €10,500 with this sale.
  await postInvoice(page, businessId, "F-4", "2026-09-10", 150_000, { category: "EU_B2C_FOREIGN_VAT", country: "FR", vatCents: 30_000 });

  await page.goto(`/businesses/${businessId}/invoices/eu-kor?year=2026`);
  await expect(page.getByTestId("eu-kor-ex-number")).toHaveText(
    "Je EX-nummer voor het kwartaalrapport: NL123456789EX01. EU-KOR sinds: 1 januari 2026.",
  );
  const notice = page.getByRole("region", { name: "Melding: EU-omzetgrens overschreden" });
  await expect(notice.getByTestId("eu-kor-notice-deadline")).toHaveText(
    "Meld dit uiterlijk 1 oktober 2026 aan de Belastingdienst: 15 werkdagen na de overschrijding.",
  );
  await expect(notice.getByText("Meld je leveringen per lidstaat van 1 juli 2026 tot en met 10 september 2026:")).toBeVisible();
  await expect(notice.getByRole("row", { name: /FR/ })).toContainText("€ 1.500,00");
  await expect(notice.getByRole("row", { name: /Totaal/ })).toContainText("€ 10.500,00");

  const figures = page.getByRole("region", { name: "ICP en OSS 2026" });
  await expect(
    figures.getByRole("table", { name: "ICP: per btw-nummer van de afnemer" }).getByRole("row", { name: /DE123456789/ }),
  ).toContainText("€ 4.000,00");
  await expect(figures.getByTestId("oss-start")).toContainText("met factuur F-4 op 10 september 2026 boven € 10.000,00");
  await expect(figures.getByRole("table", { name: "OSS: per lidstaat van de consument" }).getByRole("row", { name: /FR/ })).toContainText(
    "€ 300,00",
  );

  // At 390 px nothing scrolls sideways but the ICP table's own box; axe finds nothing serious.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    figures.getByRole("link", { name: "ICP en OSS 2026 (CSV)" }).click(),
  ]);
  const csv = (await readFile(await csvDownload.path(), "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe("section,quarter,member_state,vat_id,customer,goods_cents,services_cents,net_cents,vat_cents,invoices,rule");
  expect(csv).toContain("ICP,2026-Q1,DE,DE123456789,Holz GmbH,400000,0,400000,,F-2,§2");
  expect(csv).toContain("OSS,2026-Q3,FR,,,,,150000,30000,F-4,§1");

  // The PDF from the dashboard's link.
  await page.goto(`${overview}?year=2026`);
  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Overzicht 2026 voor je boekhouder \(PDF\)/ }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe("omzetoverzicht-2026.pdf");
  const text = (await pdfText(await readFile(await pdfDownload.path()))).replace(/\s+/g, " ");
  expect(text).toContain("Meld dit uiterlijk 1 oktober 2026 aan de Belastingdienst");
  expect(text).toMatch(/2026-Q1 DE123456789 Holz GmbH € 4\.000,00 € 0,00/);
  expect(text).toMatch(/2026-Q3 FR € 1\.500,00 € 300,00/);
});
