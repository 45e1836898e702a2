// The bank-statement import and the review against PostgreSQL, with the CAMT.053 fixtures.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { importBankStatement } from "@/lib/features/bank/import-bank-statement";
import { acceptBankLine, rejectBankLine } from "@/lib/features/bank/decide-bank-line";
import { listBankCandidates } from "@/lib/features/bank/list-bank-lines";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { makeCamt053 } from "@/bench/camt-statement";

const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures/bank/camt053", name)));
const text = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/bank/camt053", name), "utf8");
let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
const caller = () => ({ userId: owner.id });
const counts = async () => ({
  imports: await db().bankStatementImport.count({ where: { businessId: business.id } }),
  lines: await db().bankStatementLine.count({ where: { businessId: business.id } }),
  invoices: await db().invoice.count({ where: { businessId: business.id } }),
  rules: await db().bankCounterpartyRule.count({ where: { businessId: business.id } }),
});

beforeEach(async () => {
  owner = await createUser("bank");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Studio Eva");
});

describe("bank statement import", () => {
  it("stores the statement and its lines, answers the candidates, and adds nothing on a second import", async () => {
    const first = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    expect(first.statement).toMatchObject({
      format: "camt053",
      accountIban: "NL91ABNA0417164300",
      lines: 3,
      newLines: 3,
      candidates: 2,
      matched: 0,
      outgoing: 1,
    });
    expect(first.candidates.map((c) => [c.counterpartyName, c.amountCents, c.bookingDate, c.status])).toEqual([
      ["Bakkerij de Vries B.V.", 60_500, "2026-11-05", "candidate"],
      ["J. Jansen", 25_000, "2026-11-05", "candidate"],
    ]);
    const again = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    expect(again.statement).toMatchObject({ lines: 3, newLines: 0, candidates: 0 });
    expect(await counts()).toMatchObject({ imports: 2, lines: 3, invoices: 0 });
    expect((await listBankCandidates({ caller: caller(), businessId: business.id, query: {} })).page.total).toBe(2);
  });

  it("stores each line of a file with two accounts under its own account; the transfer between them is not turnover", async () => {
    const first = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("two-accounts.xml") });
    expect(first.statement).toMatchObject({
      accountIban: "NL91ABNA0417164300",
      accountIbans: ["NL91ABNA0417164300", "NL02ABNA0123456789"],
      lines: 5,
      newLines: 5,
      candidates: 3,
      excluded: 1,
      outgoing: 1,
    });
    const stored = await db().bankStatementLine.findMany({
      where: { businessId: business.id },
      orderBy: { position: "asc" },
      select: { accountIban: true, amountCents: true, status: true, exclusion: true },
    });
    expect(stored.map((line) => [line.accountIban, line.amountCents, line.status, line.exclusion])).toEqual([
      ["NL91ABNA0417164300", 60_500, "CANDIDATE", null],
      ["NL91ABNA0417164300", -30_000, "OUTGOING", null],
      ["NL91ABNA0417164300", 5_000, "CANDIDATE", null],
      ["NL02ABNA0123456789", 30_000, "EXCLUDED", "OWN_ACCOUNT"],
      ["NL02ABNA0123456789", 5_000, "CANDIDATE", null],
    ]);
    const again = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("two-accounts.xml") });
    expect(again.statement).toMatchObject({ lines: 5, newLines: 0 });
    expect(await counts()).toMatchObject({ lines: 5 });
    // A later statement of the current account alone knows the savings account (met only as a line's account) as the business's own.
    const fromSavings = text("plain.xml").replace("NL20INGB0001234567", "NL02ABNA0123456789");
    const later = await importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode(fromSavings) });
    expect(later.statement).toMatchObject({ accountIbans: ["NL91ABNA0417164300"], newLines: 3, excluded: 1, candidates: 1 });
  });

  it.each([
    { folder: "csv-ing", name: "two-accounts.csv", current: "NL20INGB0001234567", savings: "NL71INGB0009876543" },
    { folder: "csv-rabobank", name: "two-accounts.csv", current: "NL44RABO0123456789", savings: "NL93RABO0987654321" },
    { folder: "csv-abnamro", name: "TXT260303120000.TAB", current: "NL91ABNA0417164300", savings: "NL02ABNA0123456789" },
    { folder: "csv-bunq", name: "two-accounts.csv", current: "NL51BUNQ2045678901", savings: "NL24BUNQ2045678902" },
    { folder: "csv-knab", name: "two-accounts.csv", current: "NL07KNAB0255123456", savings: "NL77KNAB0255123457" },
    { folder: "csv-triodos", name: "two-accounts.csv", current: "NL12TRIO0198765432", savings: "NL82TRIO0198765433" },
  ])(
    "$folder: a CSV export of two accounts stores each line under its own account, leaves the transfer between them out, and is imported once",
    async ({ folder, name, current, savings }) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures/bank", folder, name)));
      const first = await importBankStatement({ caller: caller(), businessId: business.id, bytes });
      expect(first.statement).toMatchObject({
        format: folder,
        accountIban: current,
        accountIbans: [current, savings],
        lines: 4,
        newLines: 4,
        candidates: 2,
        excluded: 1,
        outgoing: 1,
      });
      const stored = await db().bankStatementLine.findMany({
        where: { businessId: business.id },
        orderBy: [{ accountIban: "asc" }, { amountCents: "asc" }],
        select: { accountIban: true, amountCents: true, status: true, exclusion: true },
      });
      const byAccount = (account: string) =>
        stored.filter((line) => line.accountIban === account).map((line) => [line.amountCents, line.status, line.exclusion]);
      expect(byAccount(current)).toEqual([
        [-30_000, "OUTGOING", null],
        [60_500, "CANDIDATE", null],
      ]);
      expect(byAccount(savings)).toEqual([
        [5_000, "CANDIDATE", null],
        [30_000, "EXCLUDED", "OWN_ACCOUNT"],
      ]);
      const again = await importBankStatement({ caller: caller(), businessId: business.id, bytes });
      expect(again.statement).toMatchObject({ lines: 4, newLines: 0, candidates: 0 });
      expect(await counts()).toMatchObject({ imports: 2, lines: 4, invoices: 0 });
    },
  );

  it("matches a payment to the invoice already registered, so it does not count twice", async () => {
    const invoice = await createInvoice({
      caller: caller(),
      businessId: business.id,
      input: { number: "2026-014", date: "2026-10-20", customer: { name: "Bakkerij de Vries" }, category: "NL_STANDARD", netCents: 60_500 },
    });
    const result = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    expect(result.statement).toMatchObject({ matched: 1, candidates: 1 });
    const incoming = await listBankCandidates({ caller: caller(), businessId: business.id, query: { status: "incoming" } });
    expect(incoming.data.find((line) => line.amountCents === 60_500)).toMatchObject({
      status: "matched",
      matchedInvoice: { id: invoice.id, number: "2026-014" },
    });
  });

  it("accepts a candidate as a cash sale dated on the payment, through the invoice service; rejects another; neither twice", async () => {
    const { candidates } = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    const [bakery, jansen] = candidates;
    const accepted = await acceptBankLine({
      caller: caller(),
      businessId: business.id,
      lineId: bakery!.id,
      input: { category: "NL_STANDARD" },
    });
    expect(accepted.invoice).toMatchObject({
      kind: "cash_sale",
      date: "2026-11-05",
      netCents: 60_500,
      vatCents: 0,
      category: "NL_STANDARD",
      customer: { name: "Bakkerij de Vries B.V." },
    });
    expect(accepted.invoice.number).toMatch(/^BANK-20261105-[0-9A-F]{8}$/);
    expect(accepted.line).toMatchObject({ status: "accepted", invoice: { id: accepted.invoice.id } });
    expect(accepted.vatAdvice).toBeTruthy();
    const audit = await db().auditLog.findMany({
      where: { businessId: business.id, entityId: { in: [accepted.invoice.id, bakery!.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["bankLine.accept", "invoice.create"]);
    expect(await runAsSystem(() => db().outboxJob.count({ where: { businessId: business.id, kind: "EVALUATE" } }))).toBe(1);

    const rejected = await rejectBankLine({ caller: caller(), businessId: business.id, lineId: jansen!.id, input: {} });
    expect(rejected.line.status).toBe("rejected");
    await expect(
      acceptBankLine({ caller: caller(), businessId: business.id, lineId: bakery!.id, input: { category: "NL_STANDARD" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      acceptBankLine({ caller: caller(), businessId: business.id, lineId: jansen!.id, input: { category: "NL_STANDARD" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toMatchObject({ invoices: 1, rules: 0 });
  });

  it("takes the invoice's own date when given, and refuses a bad category with a field message", async () => {
    const { candidates } = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    await expect(
      acceptBankLine({
        caller: caller(),
        businessId: business.id,
        lineId: candidates[0]!.id,
        input: { category: "NOPE", date: "2026-13-01" },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { category: "validation.category", date: expect.any(String) },
    });
    const accepted = await acceptBankLine({
      caller: caller(),
      businessId: business.id,
      lineId: candidates[0]!.id,
      input: { category: "NL_STANDARD", date: "2026-10-28", number: "2026-099" },
    });
    expect(accepted.invoice).toMatchObject({ date: "2026-10-28", number: "2026-099" });
  });

  it("remembers a choice per counterparty and applies it to the next statement", async () => {
    const { candidates } = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    await acceptBankLine({
      caller: caller(),
      businessId: business.id,
      lineId: candidates[0]!.id,
      input: { category: "NL_STANDARD", remember: true },
    });
    // Gemeente Utrecht is rejected for good once its first payment is seen.
    const yearEnd = text("year-end.xml");
    const gemeenteFirst = yearEnd
      .replace("ABN-20261231-000007", "ABN-20261201-000001")
      .replace("2026-12-31T16:45:00+01:00", "2026-12-01T10:00:00+01:00");
    const first = await importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode(gemeenteFirst) });
    const gemeente = first.candidates.find((c) => c.counterpartyName === "Gemeente Utrecht")!;
    await rejectBankLine({ caller: caller(), businessId: business.id, lineId: gemeente.id, input: { remember: true } });

    const next = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("year-end.xml") });
    expect(next.statement).toMatchObject({ newLines: 1, excluded: 1 });
    const incoming = await listBankCandidates({ caller: caller(), businessId: business.id, query: { status: "incoming" } });
    expect(incoming.data.find((l) => l.bookingDate === "2026-12-31")).toMatchObject({
      status: "excluded",
      exclusion: "counterparty_rule",
      rule: { decision: "not_turnover", category: null },
    });
    // The bakery's payment of 4 January 2027 in the first year-end import was accepted by its rule.
    const bakery = incoming.data.find((l) => l.bookingDate === "2027-01-04")!;
    expect(bakery).toMatchObject({ status: "accepted", rule: { decision: "turnover", category: "NL_STANDARD" } });
    expect(first.statement.acceptedByRule).toBe(1);
    expect(await counts()).toMatchObject({ invoices: 2, rules: 2 });
  });

  it("leaves out transfers from the business's own accounts, with the reason", async () => {
    const savings = text("plain.xml").replaceAll("NL91ABNA0417164300", "NL02ABNA0123456789").replaceAll("ABN-2026", "SAV-2026");
    await importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode(savings) });
    const result = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("year-end.xml") });
    expect(result.statement).toMatchObject({ excluded: 1, candidates: 2 });
    const incoming = await listBankCandidates({ caller: caller(), businessId: business.id, query: { status: "incoming" } });
    expect(incoming.data.find((l) => l.bookingDate === "2027-01-02")).toMatchObject({ status: "excluded", exclusion: "own_account" });
  });

  it("refuses an outsider (not found) everywhere and a read-only accountant's writes, and writes nothing", async () => {
    const { candidates } = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    const before = await counts();
    const stranger = { userId: outsider.id };
    await expect(importBankStatement({ caller: stranger, businessId: business.id, bytes: file("year-end.xml") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listBankCandidates({ caller: stranger, businessId: business.id, query: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      acceptBankLine({ caller: stranger, businessId: business.id, lineId: candidates[0]!.id, input: { category: "NL_STANDARD" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rejectBankLine({ caller: stranger, businessId: business.id, lineId: candidates[0]!.id, input: {} })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    // The outsider's own business does not open the owner's lines either.
    const own = await createOwnedBusiness(outsider.id, "Ander BV");
    await expect(rejectBankLine({ caller: stranger, businessId: own.id, lineId: candidates[0]!.id, input: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const accountant = await createUser("accountant");
    await runAsSystem(() =>
      db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } }),
    );
    const reader = { userId: accountant.id };
    expect((await listBankCandidates({ caller: reader, businessId: business.id, query: {} })).page.total).toBe(2);
    await expect(importBankStatement({ caller: reader, businessId: business.id, bytes: file("year-end.xml") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      acceptBankLine({ caller: reader, businessId: business.id, lineId: candidates[0]!.id, input: { category: "NL_STANDARD" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });

  it("stores a statement the worker hands on in batches: a payment taken back a batch later is left out; a file broken after some batches stores nothing", async () => {
    const xml = makeCamt053(2_500);
    // The bank takes back the second entry's payment (money in from Klant 1) at the file's end, 2,499 lines later.
    const paid = /<Ntry>.*?<\/Ntry>/g.exec(xml.slice(xml.indexOf("<AcctSvcrRef>B000000000") - 200))![0];
    const secondEntry = xml.slice(
      xml.indexOf("<Ntry>", xml.indexOf(paid) + 1),
      xml.indexOf("</Ntry>", xml.indexOf(paid) + paid.length) + 7,
    );
    expect(secondEntry).toContain("B000000001");
    const reversal = secondEntry
      .replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>")
      .replaceAll("Dbtr", "Cdtr")
      .replace("B000000001", "REVERSAL-1");
    const withReversal = xml.replace("</Stmt>", `${reversal}</Stmt>`);
    const before = await counts();
    const broken = xml.replace("<AcctSvcrRef>B000002200</AcctSvcrRef>", "<AcctSvcrRef>B000002200</AcctSvc>");
    await expect(
      importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode(broken) }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { file: "bank.errors.invalidXml" } });
    expect(await counts()).toEqual(before);

    const { statement } = await importBankStatement({
      caller: caller(),
      businessId: business.id,
      bytes: new TextEncoder().encode(withReversal),
    });
    expect(statement).toMatchObject({ lines: 2_501, newLines: 2_501, outgoing: 501 });
    const line = (externalId: string) =>
      db().bankStatementLine.findFirstOrThrow({
        where: { businessId: business.id, externalId },
        select: { status: true, exclusion: true, position: true },
      });
    expect(await line("B000000001")).toEqual({ status: "EXCLUDED", exclusion: "REVERSAL", position: 1 });
    expect(await line("REVERSAL-1")).toMatchObject({ status: "OUTGOING", position: 2_500 });
    expect(await line("B000000002")).toMatchObject({ status: "CANDIDATE" });
    expect(statement.excluded).toBe(1);
    expect(statement.candidates).toBe(1_999);
  });

  it("changes nothing when an import fails part-way, or when another import of the business runs", async () => {
    const { candidates } = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("plain.xml") });
    // A rule whose category needs a member state it does not name: accepting by it fails after the lines are stored.
    await db().bankCounterpartyRule.create({
      data: { businessId: business.id, counterpartyKey: "NL14BNGH0285001234", decision: "TURNOVER", category: "EU_B2B_SERVICES" },
    });
    const before = await counts();
    await expect(importBankStatement({ caller: caller(), businessId: business.id, bytes: file("year-end.xml") })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await counts()).toEqual(before);

    await expect(
      importBankStatement({
        caller: caller(),
        businessId: business.id,
        bytes: new TextEncoder().encode("<Document><BkToCstmrStmt><Stmt>"),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { file: "bank.errors.invalidXml" },
    });
    await expect(
      importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode("a;b\n1;2\n") }),
    ).rejects.toMatchObject({ fields: { file: "bank.errors.unknownFormat" } });

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = runAsSystem(() =>
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1))`, business.id);
        locked();
        await held;
      }),
    );
    await isLocked;
    await expect(importBankStatement({ caller: caller(), businessId: business.id, bytes: file("year-end.xml") })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { file: "validation.importRunning" },
    });
    release();
    await holder;
    expect(await counts()).toEqual(before);
    expect(candidates).toHaveLength(2);
  });

  it("excludes an earlier candidate when a later statement reverses it", async () => {
    const reversal = text("reversal.xml");
    const paymentOnly = reversal.replace(/<Ntry>\s*<Amt Ccy="EUR">121\.00<\/Amt>\s*<CdtDbtInd>DBIT[\s\S]*?<\/Ntry>/, "");
    const first = await importBankStatement({ caller: caller(), businessId: business.id, bytes: new TextEncoder().encode(paymentOnly) });
    expect(first.statement.candidates).toBe(1);
    const second = await importBankStatement({ caller: caller(), businessId: business.id, bytes: file("reversal.xml") });
    expect(second.statement).toMatchObject({ newLines: 1, candidates: 0 });
    const incoming = await listBankCandidates({ caller: caller(), businessId: business.id, query: { status: "incoming" } });
    expect(incoming.data).toMatchObject([{ status: "excluded", exclusion: "reversal" }]);
  });
});
