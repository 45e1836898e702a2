// Imports one bank statement, all or nothing: the file is read (any supported format,
// recognised from its content) after the access check, in a worker thread that hands its
// lines on in batches while it reads; in one transaction — one import per business at a
// time (a transaction-scoped advisory lock) — each batch's lines that are not stored yet
// are classified in file order (lib/features/bank/classify-lines.ts) and stored while the worker
// reads on; lines the business already has (same account and identity) are skipped, so
// re-importing adds nothing. A file found unreadable halfway rolls everything back.
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { readStatementOffThread } from "@/lib/features/bank/parse-statement-off-thread";
import { BankStatementError, type BankLine, type StatementHead, type StatementPiece } from "@/lib/features/bank/statement.types";
import {
  counterpartyKey,
  excludeReversalsInFile,
  lineClassifier,
  reversalsOfCredits,
  type ClassifyContext,
  type LineVerdict,
  type OpenInvoice,
} from "@/lib/features/bank/classify-lines";
import { acceptLockedLine } from "@/lib/features/bank/decide-bank-line";
import { listBankLines } from "@/lib/features/bank/list-bank-lines";
import type { BankLineDto, BankStatementSummary } from "@/lib/features/bank/bank-import.types";
import { hasInvalidText } from "@/lib/platform/validation";
import type { Category } from "@/lib/kor";

export type BankImportProgress = { phase: "reading" | "saving" | "committing"; done: number; total: number };
export type BankImportResult = { statement: BankStatementSummary; candidates: BankLineDto[] };

// Keys per lookup of lines stored already (knownLines). The lines themselves are inserted
// a worker's batch at a time (1,000: one JSON parameter of about 0.5 MB, a short pause of
// the event loop to write out), read as json, not jsonb: PostgreSQL then skips building a
// binary copy it would read once.
const CHUNK = 5_000;

type Pieces = AsyncGenerator<StatementPiece, StatementHead>;

/**
 * The next piece of the file read in a worker thread (lib/features/bank/parse-statement-off-thread.ts),
 * never on the web server's event loop; a file Drempel cannot read becomes a field problem
 * with the reason's i18n key.
 */
async function nextPiece(pieces: Pieces): Promise<IteratorResult<StatementPiece, StatementHead>> {
  try {
    return await pieces.next();
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

/**
 * The `account|externalId` keys of these lines the business has stored already, asked
 * CHUNK keys at a time: the driver writes an array parameter out in one go, and 50,000
 * keys at once held the event loop for a quarter of a second.
 */
async function knownLines(tx: Tx, businessId: string, keys: { account: string; externalId: string }[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const rows = await tx.$queryRawUnsafe<{ key: string }[]>(
      `SELECT l."accountIban" || '|' || l."externalId" AS "key"
         FROM "BankStatementLine" l
         JOIN unnest($2::text[], $3::text[]) AS k("account", "externalId") ON l."accountIban" = k."account" AND l."externalId" = k."externalId"
        WHERE l."businessId" = $1::uuid`,
      businessId,
      chunk.map((key) => key.account),
      chunk.map((key) => key.externalId),
    );
    for (const row of rows) known.add(row.key);
  }
  return known;
}

async function classifyContext(tx: Tx, businessId: string, fileAccounts: readonly string[]): Promise<ClassifyContext> {
  // Every account a statement was imported for, the later accounts of a multi-account file included.
  const accounts = await tx.$queryRawUnsafe<{ iban: string }[]>(
    `SELECT "accountIban" AS "iban" FROM "BankStatementImport" WHERE "businessId" = $1::uuid AND "accountIban" <> ''
     UNION
     SELECT DISTINCT "accountIban" FROM "BankStatementLine" WHERE "businessId" = $1::uuid AND "accountIban" <> ''`,
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
    ownAccounts: new Set([...accounts.map((a) => a.iban), ...fileAccounts.filter(Boolean)]),
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
SELECT gen_random_uuid(), $1::uuid, $2::uuid, t.account_iban, t.external_id, t.position, t.booking_date::date, t.value_date::date, t.amount, t.currency,
  t.original_amount, t.original_currency, t.counterparty_name, t.counterparty_iban, t.counterparty_key, t.description, t.end_to_end_id, t.transaction_code,
  t.reversal, t.batch_reference, t.status::"BankLineStatus", t.exclusion::"BankLineExclusion", t.matched_invoice_id::uuid
FROM json_to_recordset($3::json) AS t(account_iban text, external_id text, position int, booking_date text, value_date text, amount int, currency text, original_amount int,
  original_currency text, counterparty_name text, counterparty_iban text, counterparty_key text, description text, end_to_end_id text,
  transaction_code text, reversal bool, batch_reference text, status text, exclusion text, matched_invoice_id text)
ON CONFLICT ("businessId", "accountIban", "externalId") DO NOTHING`;

function lineRecord(line: BankLine, account: string, verdict: LineVerdict, position: number) {
  const status = verdict.status === "RULE_TURNOVER" ? "CANDIDATE" : verdict.status;
  return {
    account_iban: account,
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

/** Lines of this import that a reversal later in the same file took back (stored as candidates before it was read). */
async function excludeStoredReversals(tx: Tx, businessId: string, importId: string, lines: { account: string; externalId: string }[]) {
  if (lines.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "BankStatementLine" l SET "status" = 'EXCLUDED', "exclusion" = 'REVERSAL'
       FROM unnest($3::text[], $4::text[]) AS k("account", "externalId")
      WHERE l."businessId" = $1::uuid AND l."importId" = $2::uuid AND l."accountIban" = k."account" AND l."externalId" = k."externalId"`,
    businessId,
    importId,
    lines.map((line) => line.account),
    lines.map((line) => line.externalId),
  );
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
  const pieces = readStatementOffThread(options.bytes);
  try {
    // The format and accounts come first: a file of no known format or with a broken
    // skeleton is refused before the transaction starts.
    const first = await nextPiece(pieces);
    if (first.done || first.value.kind !== "start") throw new Error("A bank statement's reading starts with its format and accounts");
    return await importPieces({ caller, businessId, report, start: first.value, pieces });
  } finally {
    // Ends the worker when the import stopped before the file's end.
    await pieces.return(undefined as never).catch(() => undefined);
  }
}

async function importPieces(options: {
  caller: Caller;
  businessId: string;
  report: (progress: BankImportProgress) => void;
  start: Extract<StatementPiece, { kind: "start" }>;
  pieces: Pieces;
}): Promise<BankImportResult> {
  const { caller, businessId, report, start, pieces } = options;
  const account = start.accountIban ?? "";
  // A file of several accounts names each line's account; the rest are the statement's.
  const accountOf = (line: BankLine) => line.accountIban ?? account;
  const lineKey = (line: BankLine) => `${accountOf(line)}|${line.externalId}`;
  report({ phase: "reading", done: 0, total: 0 });

  return db().$transaction(
    async (tx) => {
      await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
      await lockBusinessImport(tx, businessId);
      const classify = lineClassifier(await classifyContext(tx, businessId, [account, ...start.accounts]));
      // Created first, as the lines refer to it; what only the file's end tells is set then.
      const created = await tx.bankStatementImport.create({
        data: { businessId, format: start.format, accountIban: account, lineCount: 0, newLineCount: 0, importedById: caller.userId },
      });
      const accounts = new Set<string>([account]);
      const seen = new Set<string>();
      const fresh: BankLine[] = [];
      const verdicts: LineVerdict[] = [];
      let lineCount = 0;
      let statement: StatementHead;
      for (;;) {
        const step = await nextPiece(pieces);
        if (step.done) {
          statement = step.value;
          break;
        }
        if (step.value.kind !== "lines") continue;
        const lines = step.value.lines;
        if (lines.some((line) => [line.externalId, line.description, line.counterpartyName ?? ""].some(hasInvalidText)))
          throw new AppError("VALIDATION_FAILED", "The statement holds invalid characters", {
            fields: { file: "bank.errors.invalidText" },
          });
        lineCount += lines.length;
        const unique = new Map<string, { account: string; externalId: string }>();
        for (const line of lines) {
          accounts.add(accountOf(line));
          const key = lineKey(line);
          if (!seen.has(key)) unique.set(key, { account: accountOf(line), externalId: line.externalId });
        }
        const known = await knownLines(tx, businessId, [...unique.values()]);
        const records = [];
        for (const line of lines) {
          const key = lineKey(line);
          if (known.has(key) || seen.has(key)) continue;
          seen.add(key);
          const verdict = classify(line);
          records.push(lineRecord(line, accountOf(line), verdict, fresh.length));
          fresh.push(line);
          verdicts.push(verdict);
        }
        if (records.length > 0) await tx.$executeRawUnsafe(INSERT_LINES, businessId, created.id, JSON.stringify(records));
        report({ phase: "saving", done: fresh.length, total: lineCount });
      }
      const fileAccounts = [...accounts].filter(Boolean);
      // A payment the bank took back later in the same file: stored as a candidate before the reversal was read.
      const reversed = excludeReversalsInFile(fresh, verdicts);
      await excludeStoredReversals(
        tx,
        businessId,
        created.id,
        reversed.map((index) => ({ account: accountOf(fresh[index]!), externalId: fresh[index]!.externalId })),
      );
      await tx.bankStatementImport.update({
        where: { id: created.id, businessId },
        data: {
          statementId: statement.statementId?.slice(0, 200) ?? null,
          fromDate: statement.fromDate ? new Date(`${statement.fromDate}T00:00:00Z`) : null,
          toDate: statement.toDate ? new Date(`${statement.toDate}T00:00:00Z`) : null,
          openingBalanceCents: statement.openingBalanceCents,
          closingBalanceCents: statement.closingBalanceCents,
          lineCount,
          newLineCount: fresh.length,
        },
      });
      await excludeReversedCandidates(tx, businessId, fresh);

      // "Always turnover" rules: accepted at once with the remembered category. Only their
      // lines' ids are read back (a large statement usually has none).
      const idByKey = new Map<string, string>();
      const ruleKeys = [...new Set(verdicts.flatMap((verdict) => (verdict.status === "RULE_TURNOVER" ? [verdict.ruleKey] : [])))];
      if (ruleKeys.length > 0) {
        const rows = await tx.$queryRawUnsafe<{ id: string; accountIban: string; externalId: string }[]>(
          `SELECT "id", "accountIban", "externalId" FROM "BankStatementLine"
            WHERE "businessId" = $1::uuid AND "importId" = $2::uuid AND "status" = 'CANDIDATE' AND "counterpartyKey" = ANY($3::text[])`,
          businessId,
          created.id,
          ruleKeys,
        );
        for (const row of rows) idByKey.set(`${row.accountIban}|${row.externalId}`, row.id);
      }
      const rules = new Map(
        (await tx.bankCounterpartyRule.findMany({ where: { businessId, decision: "TURNOVER" } })).map((r) => [r.counterpartyKey, r]),
      );
      let acceptedByRule = 0;
      for (let i = 0; i < fresh.length; i++) {
        const verdict = verdicts[i]!;
        if (verdict.status !== "RULE_TURNOVER") continue;
        const rule = rules.get(verdict.ruleKey);
        const id = idByKey.get(lineKey(fresh[i]!));
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
        after: { format: statement.format, lines: lineCount, newLines: fresh.length },
      });
      const summary: BankStatementSummary = {
        id: created.id,
        format: statement.format,
        accountIban: statement.accountIban,
        accountIbans: fileAccounts,
        statementId: statement.statementId,
        fromDate: statement.fromDate,
        toDate: statement.toDate,
        openingBalanceCents: statement.openingBalanceCents,
        closingBalanceCents: statement.closingBalanceCents,
        lines: lineCount,
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
