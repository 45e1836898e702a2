// Issue #17: a CAMT.053 bank statement imported through the page: the payment of an
// invoice already registered and a private deposit are left out with their reason, two
// incoming payments are accepted as turnover (one on its own invoice date), one rejected
// and remembered — and the dashboard's counted turnover moves by the two accepted.
import { expect, test, type Page } from "@playwright/test";
import { camtStatement } from "../test/support/camt";
import { createKorBusiness, register, uniqueEmail } from "./helpers";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
const year = today.slice(0, 4);
const euro = (cents: number) => new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);

type Entry = { ref: string; cents: number; name: string; iban: string; text: string };

/** A camt.053.001.02 statement of today's payments into NL91ABNA0417164300. */
function camt(entries: Entry[]): string {
  const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  const ntry = entries.map(
    (e) => `<Ntry><Amt Ccy="EUR">${amount(e.cents)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${today}</Dt></BookgDt>
      <AcctSvcrRef>${e.ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${e.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${e.iban}</IBAN></Id></DbtrAcct></RltdPties>
      <RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
    <GrpHdr><MsgId>E2E</MsgId><CreDtTm>${today}T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt><Id>E2E-${today}</Id><CreDtTm>${today}T06:00:00+01:00</CreDtTm><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>${ntry.join("")}</Stmt>
  </BkToCstmrStmt></Document>`;
}

async function postInvoice(page: Page, businessId: string, number: string, netCents: number): Promise<void> {
  const response = await page.request.post(`/api/v1/businesses/${businessId}/invoices`, {
    headers: { origin: new URL(page.url()).origin },
    data: { number, date: today, customer: { name: "Galerie Zuid" }, category: "NL_STANDARD", netCents, vatCents: 0 },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("a CAMT.053 statement: review the candidates, accept two, and the dashboard's turnover moves", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Bea Bank", uniqueEmail("bank"));
  const overview = await createKorBusiness(page, "Bea Fotografie", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await postInvoice(page, businessId, `${year}-101`, 100_000);
  await page.goto(overview);
  await expect(page.getByTestId("kor-progress-amount")).toHaveText(new RegExp(`^${euro(100_000)} van`));

  await page.goto(`/businesses/${businessId}/import/bank`);
  await expect(page.getByRole("heading", { name: "Bankafschrift importeren" })).toBeVisible();
  await expect(page.getByText("Er zijn geen betalingen om te beoordelen.")).toBeVisible();

  const statement = camt([
    { ref: "E2E-1", cents: 100_000, name: "Galerie Zuid", iban: "NL14BNGH0285001234", text: `Factuur ${year}-101` },
    { ref: "E2E-2", cents: 60_500, name: "Bakkerij de Vries", iban: "NL20INGB0001234567", text: "Logo ontwerp" },
    { ref: "E2E-3", cents: 25_000, name: "J. Jansen", iban: "NL69INGB0123456789", text: "Fotoshoot" },
    { ref: "E2E-4", cents: 9_900, name: "C. Visser", iban: "NL18RABO0123459876", text: "Lening terug" },
    { ref: "E2E-5", cents: 50_000, name: "Bea Bank", iban: "NL63TRIO0212345678", text: "Storting privé" },
  ]);
  await page
    .getByLabel("Bankafschrift", { exact: true })
    .setInputFiles({ name: "afschrift.xml", mimeType: "application/xml", buffer: Buffer.from(statement) });
  await expect(page.getByRole("heading", { name: "Afschrift verwerkt" })).toBeVisible();
  await expect(
    page.getByText("5 regels, waarvan 5 nieuw: 3 voorstellen voor omzet, 1 bij een bestaande factuur, 1 weggelaten"),
  ).toBeVisible();
  const leftOut = page.getByRole("region", { name: "Weggelaten en gekoppeld" });
  await expect(leftOut.getByText(`Betaling van factuur ${year}-101`)).toBeVisible();
  await expect(leftOut.getByText("Privéstorting")).toBeVisible();

  const candidates = page.getByRole("region", { name: "Voorstellen voor omzet" });
  const bakery = candidates.getByRole("listitem", { name: "Bakkerij de Vries" });
  await bakery.getByLabel("Categorie").selectOption({ label: "Binnenland, 21%" });
  await bakery.getByRole("button", { name: "Boeken als omzet" }).click();
  await expect(page.getByText(/^Geboekt als verkoop BANK-/)).toBeVisible();

  const jansen = candidates.getByRole("listitem", { name: "J. Jansen" });
  await jansen.getByLabel("Categorie").selectOption({ label: "Binnenland, 21%" });
  await jansen.getByLabel("Datum van de factuur (optioneel)").fill(`${year}-01-02`);
  await jansen.getByRole("button", { name: "Boeken als omzet" }).click();
  await expect(jansen).toHaveCount(0);

  const visser = candidates.getByRole("listitem", { name: "C. Visser" });
  await visser.getByLabel("Onthoud deze keuze voor C. Visser").check();
  await visser.getByRole("button", { name: "Geen omzet" }).click();
  await expect(page.getByText("Genoteerd: geen omzet.")).toBeVisible();
  await expect(candidates.getByText("Er zijn geen betalingen om te beoordelen.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Beoordeeld" }).getByRole("listitem")).toHaveCount(3);

  // The same statement again adds nothing.
  await page
    .getByLabel("Bankafschrift", { exact: true })
    .setInputFiles({ name: "afschrift.xml", mimeType: "application/xml", buffer: Buffer.from(statement) });
  await expect(page.getByText("Dit afschrift was al geïmporteerd: er is niets toegevoegd.")).toBeVisible();

  // €1,000 before; the two accepted payments (€605 + €250) count now, the rest not.
  await page.goto(overview);
  await expect(page.getByTestId("kor-progress-amount")).toHaveText(new RegExp(`^${euro(185_500)} van`));
  const api = await page.request.get(`/api/v1/businesses/${businessId}/turnover?year=${year}`);
  expect(((await api.json()) as { data: { korTurnoverCents: number } }).data.korTurnoverCents).toBe(185_500);
});

test("an unreadable file is refused in the user's language, and a phone-wide page keeps its controls", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await register(page, "Bo Bestand", uniqueEmail("bankfile"));
  const overview = await createKorBusiness(page, "Bo Studio", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import/bank`);
  await page
    .getByLabel("Bankafschrift", { exact: true })
    .setInputFiles({ name: "kapot.xml", mimeType: "application/xml", buffer: Buffer.from("<Document><BkToCstmrStmt><Stmt>") });
  await expect(page.getByRole("alert").filter({ hasText: "XML" })).toHaveText(
    "Dit XML-bestand is niet compleet of niet goed opgebouwd. Download het afschrift opnieuw bij je bank.",
  );
  await page
    .getByLabel("Bankafschrift", { exact: true })
    .setInputFiles({ name: "lijst.csv", mimeType: "text/csv", buffer: Buffer.from("a;b\n1;2\n") });
  await expect(page.getByRole("alert").filter({ hasText: "herkennen" })).toContainText("Dit bestand herkennen we niet als bankafschrift.");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test("a long statement is read a page at a time, by status, with the counts and the lines' place", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Pim Pagina", uniqueEmail("bankpages"));
  const overview = await createKorBusiness(page, "Pim Drukwerk", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import/bank`);
  // 203 private deposits (left out) and, last in the file, 3 payments to review.
  const entries: Entry[] = Array.from({ length: 203 }, (_, i) => ({
    ref: `PG-${i}`,
    cents: 1_000 + i,
    name: "Pim Pagina",
    iban: "NL63TRIO0212345678",
    text: `Storting privé ${i}`,
  }));
  for (const [i, name] of ["Drukkerij Oost", "Studio West", "Atelier Noord"].entries())
    entries.push({ ref: `PG-C${i}`, cents: 40_000 + i, name, iban: "NL20INGB0001234567", text: `Opdracht ${i}` });
  await page
    .getByLabel("Bankafschrift", { exact: true })
    .setInputFiles({ name: "lang.xml", mimeType: "application/xml", buffer: Buffer.from(camt(entries)) });
  await expect(page.getByRole("heading", { name: "Afschrift verwerkt" })).toBeVisible();

  const filters = page.getByRole("navigation", { name: "Toon betalingen" });
  await expect(filters.getByRole("link", { name: "Alle (206)" })).toHaveAttribute("aria-current", "page");
  const pages = page.getByRole("navigation", { name: "Pagina's met betalingen" }).first();
  await expect(pages).toContainText("Regels 1–200 van 206");
  await expect(page.getByRole("region", { name: "Weggelaten en gekoppeld" }).getByRole("listitem")).toHaveCount(200);
  await pages.getByRole("link", { name: "Volgende pagina" }).click();
  await expect(page).toHaveURL(/status=incoming&page=2/);
  await expect(pages).toContainText("Regels 201–206 van 206");
  await expect(page.getByRole("region", { name: "Weggelaten en gekoppeld" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Voorstellen voor omzet" }).getByRole("listitem")).toHaveCount(3);
  await expect(pages.getByRole("link", { name: "Volgende pagina" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Vorige pagina" }).focus();
  await page.keyboard.press("Enter");
  await expect(pages).toContainText("Regels 1–200 van 206");

  await filters.getByRole("link", { name: "Te beoordelen (3)" }).click();
  await expect(filters.getByRole("link", { name: "Te beoordelen (3)" })).toHaveAttribute("aria-current", "page");
  await expect(pages).toContainText("Regels 1–3 van 3");
  await expect(page.getByRole("region", { name: "Weggelaten en gekoppeld" })).toHaveCount(0);
  const studio = page.getByRole("region", { name: "Voorstellen voor omzet" }).getByRole("listitem", { name: "Studio West" });
  await studio.getByLabel("Categorie").selectOption({ label: "Binnenland, 21%" });
  await studio.getByRole("button", { name: "Boeken als omzet" }).click();
  await expect(filters.getByRole("link", { name: "Te beoordelen (2)" })).toBeVisible();
  await filters.getByRole("link", { name: "Omzet (1)" }).click();
  await expect(page.getByRole("region", { name: "Beoordeeld" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Beoordeeld" })).toContainText("Studio West");
  await expect(page.getByRole("region", { name: "Voorstellen voor omzet" })).toHaveCount(0);
  await filters.getByRole("link", { name: "Geen omzet (0)" }).click();
  await expect(page.getByText("Er zijn geen betalingen met deze status.")).toBeVisible();
  await filters.getByRole("link", { name: "Weggelaten (203)" }).click();
  await expect(pages).toContainText("Regels 1–200 van 203");
});

test("a payment in another currency asks for its value in euros, and only that one", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, "Fay Valuta", uniqueEmail("bankfx"));
  const overview = await createKorBusiness(page, "Fay Illustratie", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import/bank?status=candidates`);
  const upload = (name: string, statement: string) =>
    page.getByLabel("Bankafschrift", { exact: true }).setInputFiles({ name, mimeType: "application/xml", buffer: Buffer.from(statement) });
  await upload(
    "usd.xml",
    camtStatement({
      id: "E2E-USD",
      account: "NL91ABNA0417164300",
      currency: "USD",
      entries: [{ ref: "FX-1", cents: 10_000, date: today, name: "Acme Inc", iban: "NL20INGB0001234567", text: "Illustration" }],
    }),
  );
  await expect(page.getByRole("heading", { name: "Afschrift verwerkt" })).toBeVisible();
  await upload("eur.xml", camt([{ ref: "EU-1", cents: 5_000, name: "Galerie Zuid", iban: "NL14BNGH0285001234", text: "Poster" }]));
  const candidates = page.getByRole("region", { name: "Voorstellen voor omzet" });
  const acme = candidates.getByRole("listitem", { name: "Acme Inc" });
  const galerie = candidates.getByRole("listitem", { name: "Galerie Zuid" });
  await expect(galerie).toBeVisible();
  await expect(galerie.getByLabel("Ontvangen in euro")).toHaveCount(0);
  await expect(acme.getByRole("group", { name: "Waarde in euro" })).toBeVisible();

  await acme.getByLabel("Categorie").selectOption({ label: "Binnenland, 21%" });
  await acme.getByRole("button", { name: "Boeken als omzet" }).click();
  const euro = acme.getByLabel("Ontvangen in euro");
  await expect(euro).toHaveAttribute("aria-invalid", "true");
  await expect(euro).toHaveAccessibleDescription("Vul het ontvangen bedrag in euro of de koers in.");
  await euro.fill("92,51");
  await acme.getByLabel("Of de koers: 1 USD is … euro").fill("0,9");
  await acme.getByRole("button", { name: "Boeken als omzet" }).click();
  await expect(acme.getByLabel("Of de koers: 1 USD is … euro")).toHaveAccessibleDescription(
    "Vul het bedrag in euro óf de koers in, niet allebei.",
  );
  await acme.getByLabel("Of de koers: 1 USD is … euro").fill("");
  await acme.getByRole("button", { name: "Boeken als omzet" }).click();
  await expect(page.getByText(/^Geboekt als verkoop BANK-/)).toBeVisible();
  const api = await page.request.get(`/api/v1/businesses/${businessId}/turnover?year=${year}`);
  expect(((await api.json()) as { data: { korTurnoverCents: number } }).data.korTurnoverCents).toBe(9_251);
});

test("a file with statements of two accounts is read whole, and the summary names both accounts", async ({ page }) => {
  await register(page, "Twan Twee", uniqueEmail("banktwo"));
  const overview = await createKorBusiness(page, "Twan Reparaties", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import/bank`);
  await page.getByLabel("Bankafschrift", { exact: true }).setInputFiles("test/fixtures/bank/camt053/two-accounts.xml");
  await expect(page.getByRole("status").filter({ hasText: "Periode" })).toContainText("rekeningen NL91ABNA0417164300, NL02ABNA0123456789");
});

test("a bank's CSV export of two accounts is read whole: each account named, the transfer between them left out", async ({ page }) => {
  await register(page, "Roos Rekening", uniqueEmail("bankcsvtwo"));
  const overview = await createKorBusiness(page, "Roos Ontwerp", `${Number(year) - 1}-01-01`);
  const businessId = new URL(overview).pathname.split("/")[2]!;
  await page.goto(`/businesses/${businessId}/import/bank`);
  await page.getByLabel("Bankafschrift", { exact: true }).setInputFiles("test/fixtures/bank/csv-rabobank/two-accounts.csv");
  await expect(page.getByRole("status").filter({ hasText: "Periode" })).toContainText("rekeningen NL44RABO0123456789, NL93RABO0987654321");
  const leftOut = page.getByRole("region", { name: "Weggelaten en gekoppeld" });
  await expect(leftOut.getByRole("listitem")).toHaveCount(1);
  await expect(leftOut.getByRole("listitem")).toContainText("Overboeking van je eigen rekening");
  await expect(page.getByRole("region", { name: "Voorstellen voor omzet" }).getByRole("listitem")).toHaveCount(2);
});
