// A client's persisted overview line (BusinessYearSummary): the business-wide fields of
// ClientRow for one year, from one engine evaluation, tagged with the books version and
// the member-state thresholds version (lib/features/eu-kor/thresholds-version.ts) it was computed
// from. The queue's evaluation writes it after every change of the books
// and once a day; the overview writes it for a row it found missing or stale.
import type { Tx } from "@/lib/platform/db/client";
import type { EngineOutput, ISODate, Transaction } from "@/lib/kor";
import type { ClientRow } from "./accountant.types";
import type { DoneMarks } from "@/lib/features/deadlines/deadline-key";
import { buildClientRow } from "./build-client-row";

/** What is the same for every accountant of the business (name, KVK and access are read live). */
export type SummaryData = Omit<ClientRow, "businessId" | "name" | "kvkNumber" | "access">;

export type YearSummary = {
  businessId: string;
  year: number;
  asOf: ISODate;
  booksVersion: number;
  thresholdsVersion: string;
  data: SummaryData;
};

/** The latest chargeability date of the books, as the overview shows it. */
export function lastTransactionDate(transactions: Pick<Transaction, "date">[]): ISODate | null {
  let last: ISODate | null = null;
  for (const t of transactions) if (last === null || t.date > last) last = t.date;
  return last;
}

export function summaryData(options: {
  output: EngineOutput;
  euKorEnabled: boolean;
  lastInvoiceDate: ISODate | null;
  done?: DoneMarks;
}): SummaryData {
  const {
    businessId: _b,
    name: _n,
    kvkNumber: _k,
    access: _a,
    ...data
  } = buildClientRow(
    {
      businessId: "",
      name: "",
      kvkNumber: null,
      access: "READ_ONLY",
      lastInvoiceDate: options.lastInvoiceDate,
      euKorEnabled: options.euKorEnabled,
    },
    options.output,
    options.done,
  );
  return data;
}

/**
 * Stores summaries in one statement. A row is only replaced by one computed from the same
 * or a later (booksVersion, asOf), so a slow evaluation that read older books cannot
 * overwrite a newer summary. The thresholds version has no order: one that read thresholds
 * older than the stored row's may replace it, and is then stale, so evaluated again.
 */
export async function upsertYearSummaries(client: Tx, summaries: YearSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  const payload = JSON.stringify(
    summaries.map((s) => ({
      businessId: s.businessId,
      year: s.year,
      asOf: s.asOf,
      booksVersion: s.booksVersion,
      thresholdsVersion: s.thresholdsVersion,
      data: s.data,
    })),
  );
  await client.$executeRawUnsafe(
    `INSERT INTO "BusinessYearSummary" ("businessId", "year", "asOf", "booksVersion", "thresholdsVersion", "data", "evaluatedAt")
     SELECT r."businessId", r."year", r."asOf", r."booksVersion", r."thresholdsVersion", r."data", now()
     FROM jsonb_to_recordset($1::jsonb)
       AS r("businessId" uuid, "year" int, "asOf" date, "booksVersion" int, "thresholdsVersion" text, "data" jsonb)
     ON CONFLICT ("businessId", "year") DO UPDATE SET
       "asOf" = EXCLUDED."asOf", "booksVersion" = EXCLUDED."booksVersion", "thresholdsVersion" = EXCLUDED."thresholdsVersion",
       "data" = EXCLUDED."data", "evaluatedAt" = EXCLUDED."evaluatedAt"
     WHERE ("BusinessYearSummary"."booksVersion", "BusinessYearSummary"."asOf") <= (EXCLUDED."booksVersion", EXCLUDED."asOf")`,
    payload,
  );
}
