// Imports one bank statement, all or nothing: the file is read (any supported format,
// recognised from its content) after the access check, then in one transaction — one
// import per business at a time (a transaction-scoped advisory lock) — its lines that are
// not stored yet are classified (lib/bank/classify-lines.ts) and stored; lines the business
// already has (same account and identity) are skipped, so re-importing adds nothing.
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/businesses/access";
import { parseBankStatementAsync } from "@/lib/bank/formats";
import { BankStatementError, type BankLine, type BankStatement } from "@/lib/bank/statement.types";
import {
  classifyLinesAsync,
  counterpartyKey,
  reversalsOfCredits,
  type ClassifyContext,
  type LineVerdict,
  type OpenInvoice,
} from "@/lib/bank/classify-lines";
import { acceptLockedLine } from "@/lib/bank/decide-bank-line";
import { listBankLines } from "@/lib/bank/list-bank-lines";
import type { BankLineDto, BankStatementSummary } from "@/lib/bank/bank-import.types";
import { hasInvalidText } from "@/lib/validation";
import type { Category } from "@/lib/kor";

export type BankImportProgress = { phase: "reading" | "saving" | "committing"; done: number; total: number };
export type BankImportResult = { statement: BankStatementSummary; candidates: BankLineDto[] };

// Lines per INSERT: one JSON parameter each, small enough to keep the event loop free.
const CHUNK = 2_000;

/** A file Drempel cannot read, as a field problem with the reason's i18n key. */
export async function readStatement(bytes: Uint8Array): Promise<BankStatement> {
  try {
    return await parseBankStatementAsync(bytes);
  } catch (error) {
    if (!(error instanceof BankStatementError)) throw error;
    const fields: Record<string, string> = { file: error.key };
    throw new AppError(
      "VALIDATION_FAILED",
      `The bank statement cannot be read (${error.message}${error.detail.value ? `: ${error.detail.value}` : ""})`,
      { fields },
    );
  }
}

async function lockBusinessImport(tx: Tx, businessId: string): Promise<void> {
  // The same lock as the CSV import: one import of any kind per business at a time.
  const [row] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
    `SELECT pg_try_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1)) AS "locked"`,
    businessId,
  );
  if (!row?.locked)
    throw new AppError("CONFLICT", "An import of this business is already running", { fields: { file: "validation.importRunning" } });
}

async function knownIds(tx: Tx, businessId: string, account: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ externalId: string }[]>(
    `SELECT "externalId" FROM "BankStatementLine" WHERE "businessId" = $1::uuid AND "accountIban" = $2 AND "externalId" IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    businessId,
    account,
    JSON.stringify(ids),
  );
  return new Set(rows.map((row) => row.externalId));
}

async function classifyContext(tx: Tx, businessId: string, account: string): Promise<ClassifyContext> {
  const accounts = await tx.$queryRawUnsafe<{ iban: string }[]>(
    `SELECT DISTINCT "accountIban" AS "iban" FROM "BankStatementImport" WHERE "businessId" = $1::uuid AND "accountIban" <> ''`,
    businessId,
  );
  const owners = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT u."name" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."businessId" = $1::uuid AND m."role" = 'OWNER'`,
    businessId,
  );
  // Invoices no bank line pays yet (matched, or created from one).
  const invoices = await tx.$queryRawUnsafe<{ id: string; number: string; date: string; gross: number; customerName: string }[]>(
    `SELECT i."id", i."number", to_char(i."date", 'YYYY-MM-DD') AS "date", (i."netCents" + i."vatCents") AS "gross", i."customerName"
       FROM "Invoice" i
      WHERE i."businessId" = $1::uuid AND i."deletedAt" IS NULL AND i."kind" <> 'CREDIT_NOTE'
        AND NOT EXISTS (SELECT 1 FROM "BankStatementLine" l WHERE l."businessId" = $1::uuid AND (l."matchedInvoiceId" = i."id" OR l."invoiceId" = i."id"))`,
    businessId,
  );
  const debits = await tx.$queryRawUnsafe<{ key: string }[]>(
    `SELECT DISTINCT "counterpartyKey" || '|' || (-"amountCents")::text AS "key" FROM "BankStatementLine" WHERE "businessId" = $1::uuid AND "amountCents" < 0 AND "counterpartyKey" IS NOT NULL`,
    businessId,
  );
  const rules = await tx.bankCounterpartyRule.findMany({ where: { businessId } });
  return {
    ownAccounts: new Set([...accounts.map((a) => a.iban), ...(account ? [account] : [])]),
    ownerNames: owners.map((o) => o.name),
    openInvoices: invoices.map(
      (i): OpenInvoice => ({ id: i.id, number: i.number, date: i.date, grossCents: Number(i.gross), customerName: i.customerName }),
    ),
    earlierDebits: new Set(debits.map((d) => d.key)),
    rules: new Map(rules.map((r) => [r.counterpartyKey, { key: r.counterpartyKey, decision: r.decision }])),
  };
}

const INSERT_LINES = `
INSERT INTO "BankStatementLine" ("id", "businessId", "importId", "accountIban", "externalId", "position", "bookingDate", "valueDate", "amountCents", "currency",
  "originalAmountCents", "originalCurrency", "counterpartyName", "counterpartyIban", "counterpartyKey", "description", "endToEndId", "transactionCode",
  "reversal", "batchReference", "status", "exclusion", "matchedInvoiceId")
SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3, t.external_id, t.position, t.booking_date::date, t.value_date::date, t.amount, t.currency,
  t.original_amount, t.original_currency, t.counterparty_name, t.counterparty_iban, t.counterparty_key, t.description, t.end_to_end_id, t.transaction_code,
  t.reversal, t.batch_reference, t.status::"BankLineStatus", t.exclusion::"BankLineExclusion", t.matched_invoice_id::uuid
FROM jsonb_to_recordset($4::jsonb) AS t(external_id text, position int, booking_date text, value_date text, amount int, currency text, original_amount int,
  original_currency text, counterparty_name text, counterparty_iban text, counterparty_key text, description text, end_to_end_id text,
  transaction_code text, reversal bool, batch_reference text, status text, exclusion text, matched_invoice_id text)
ON CONFLICT ("businessId", "accountIban", "externalId") DO NOTHING
RETURNING "id", "externalId"`;

function lineRecord(line: BankLine, verdict: LineVerdict, position: number) {
  const status = verdict.status === "RULE_TURNOVER" ? "CANDIDATE" : verdict.status;
  return {
    external_id: line.externalId,
    position,
    booking_date: line.bookingDate,
    value_date: line.valueDate,
    amount: line.amountCents,
    currency: line.currency,
    original_amount: line.originalAmount?.amountCents ?? null,
    original_currency: line.originalAmount?.currency ?? null,
    counterparty_name: line.counterpartyName?.slice(0, 200) ?? null,
    counterparty_iban: line.counterpartyIban,
    counterparty_key: counterpartyKey(line),
    description: line.description.slice(0, 1000),
    end_to_end_id: line.endToEndId,
    transaction_code: line.transactionCode,
    reversal: line.reversal,
    batch_reference: line.batch?.reference ?? null,
    status,
    exclusion: verdict.status === "EXCLUDED" ? verdict.exclusion : null,
    matched_invoice_id: verdict.status === "MATCHED" ? verdict.invoiceId : null,
  };
}

/** Candidates stored before that this statement's reversals take back. */
async function excludeReversedCandidates(tx: Tx, businessId: string, lines: BankLine[]): Promise<void> {
  for (const { key, amountCents } of reversalsOfCredits(lines)) {
    if (!key) continue;
    await tx.$executeRawUnsafe(
      `UPDATE "BankStatementLine" SET "status" = 'EXCLUDED', "exclusion" = 'REVERSAL'
        WHERE "id" = (SELECT "id" FROM "BankStatementLine" WHERE "businessId" = $1::uuid AND "counterpartyKey" = $2 AND "amountCents" = $3 AND "status" = 'CANDIDATE' ORDER BY "bookingDate" DESC LIMIT 1)`,
      businessId,
      key,
      amountCents,
    );
  }
}

export async function importBankStatement(options: {
  caller: Caller;
  businessId: string;
  bytes: Uint8Array;
  onProgress?: (progress: BankImportProgress) => void;
}): Promise<BankImportResult> {
  const { caller, businessId } = options;
  const report = options.onProgress ?? (() => undefined);
  // An outsider is refused before a byte of the file is read.
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const statement = await readStatement(options.bytes);
  const account = statement.accountIban ?? "";
  const withText = statement.lines.filter((line) => ![line.externalId, line.description, line.counterpartyName ?? ""].some(hasInvalidText));
  if (withText.length !== statement.lines.length)
    throw new AppError("VALIDATION_FAILED", "The statement holds invalid characters", { fields: { file: "bank.errors.invalidText" } });
  report({ phase: "reading", done: statement.lines.length, total: statement.lines.length });

  return db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      await lockBusinessImport(tx, businessId);
      const known = await knownIds(tx, businessId, account, [...new Set(statement.lines.map((line) => line.externalId))]);
      const seen = new Set<string>();
      const fresh = statement.lines.filter(
        (line) => !known.has(line.externalId) && !seen.has(line.externalId) && seen.add(line.externalId),
      );
      const verdicts = await classifyLinesAsync(fresh, await classifyContext(tx, businessId, account));
      const created = await tx.bankStatementImport.create({
        data: {
          businessId,
          format: statement.format,
          accountIban: account,
          statementId: statement.statementId?.slice(0, 200) ?? null,
          fromDate: statement.fromDate ? new Date(`${statement.fromDate}T00:00:00Z`) : null,
          toDate: statement.toDate ? new Date(`${statement.toDate}T00:00:00Z`) : null,
          openingBalanceCents: statement.openingBalanceCents,
          closingBalanceCents: statement.closingBalanceCents,
          lineCount: statement.lines.length,
          newLineCount: fresh.length,
          importedById: caller.userId,
        },
      });
      const idByExternal = new Map<string, string>();
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const records = fresh.slice(i, i + CHUNK).map((line, j) => lineRecord(line, verdicts[i + j]!, i + j));
        const rows = await tx.$queryRawUnsafe<{ id: string; externalId: string }[]>(
          INSERT_LINES,
          businessId,
          created.id,
          account,
          JSON.stringify(records),
        );
        for (const row of rows) idByExternal.set(row.externalId, row.id);
        report({ phase: "saving", done: Math.min(i + CHUNK, fresh.length), total: fresh.length });
      }
      await excludeReversedCandidates(tx, businessId, fresh);

      // "Always turnover" rules: accepted at once with the remembered category.
      const rules = new Map(
        (await tx.bankCounterpartyRule.findMany({ where: { businessId, decision: "TURNOVER" } })).map((r) => [r.counterpartyKey, r]),
      );
      let acceptedByRule = 0;
      for (let i = 0; i < fresh.length; i++) {
        const verdict = verdicts[i]!;
        if (verdict.status !== "RULE_TURNOVER") continue;
        const rule = rules.get(verdict.ruleKey);
        const id = idByExternal.get(fresh[i]!.externalId);
        if (!rule?.category || !id) continue;
        const line = await tx.bankStatementLine.findFirstOrThrow({ where: { id, businessId } });
        if (line.status !== "CANDIDATE") continue;
        await acceptLockedLine(
          tx,
          caller,
          line,
          { category: rule.category as Category, ...(rule.country ? { country: rule.country } : {}) },
          "rule",
        );
        acceptedByRule++;
      }
      report({ phase: "committing", done: fresh.length, total: fresh.length });

      const count = (status: string) => verdicts.filter((v) => v.status === status).length;
      await writeAuditLog(tx, {
        businessId,
        actorId: caller.userId,
        action: "bankStatement.import",
        entityType: "BankStatementImport",
        entityId: created.id,
        after: { format: statement.format, lines: statement.lines.length, newLines: fresh.length },
      });
      const summary: BankStatementSummary = {
        id: created.id,
        format: statement.format,
        accountIban: statement.accountIban,
        statementId: statement.statementId,
        fromDate: statement.fromDate,
        toDate: statement.toDate,
        openingBalanceCents: statement.openingBalanceCents,
        closingBalanceCents: statement.closingBalanceCents,
        lines: statement.lines.length,
        newLines: fresh.length,
        candidates: 0,
        matched: count("MATCHED"),
        excluded: count("EXCLUDED"),
        acceptedByRule,
        outgoing: count("OUTGOING"),
      };
      const candidates = await listBankLines({
        client: tx,
        businessId,
        importId: created.id,
        query: { status: "candidates", pageSize: 200 },
      });
      summary.candidates = candidates.page.total;
      return { statement: summary, candidates: candidates.data };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
